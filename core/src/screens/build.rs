//! Short constructors for actions, fields and blocks, so screen code reads like the screen.

use super::model::*;

impl Action {
    fn new(id: impl Into<String>, label: impl Into<String>, kind: ActionKind) -> Action {
        Action {
            id: id.into(),
            label: label.into(),
            style: ActionStyle::Secondary,
            kind,
            fields: Vec::new(),
            confirm: None,
            unavailable: None,
        }
    }

    pub fn open(id: impl Into<String>, label: impl Into<String>, route: Route) -> Action {
        Action::new(id, label, ActionKind::Open { route })
    }

    pub fn command(id: impl Into<String>, label: impl Into<String>, command: &str) -> Action {
        Action::new(
            id,
            label,
            ActionKind::Command {
                command: command.into(),
            },
        )
    }

    pub fn shell(id: impl Into<String>, label: impl Into<String>, task: ShellTask) -> Action {
        Action::new(id, label, ActionKind::Shell { task })
    }

    pub fn primary(mut self) -> Action {
        self.style = ActionStyle::Primary;
        self
    }

    pub fn quiet(mut self) -> Action {
        self.style = ActionStyle::Quiet;
        self
    }

    pub fn destructive(mut self) -> Action {
        self.style = ActionStyle::Destructive;
        self
    }

    pub fn with_fields(mut self, fields: Vec<Field>) -> Action {
        self.fields = fields;
        self
    }

    pub fn confirm(mut self, text: impl Into<String>) -> Action {
        self.confirm = Some(Confirm {
            text: text.into(),
            typed: None,
        });
        self
    }

    pub fn confirm_typed(mut self, text: impl Into<String>, word: &str) -> Action {
        self.confirm = Some(Confirm {
            text: text.into(),
            typed: Some(word.into()),
        });
        self
    }

    /// Disabled with `why`, unless `why` is `None`.
    pub fn unavailable_if(mut self, why: Option<String>) -> Action {
        self.unavailable = why;
        self
    }
}

impl Field {
    fn new(key: &str, label: impl Into<String>, kind: FieldKind) -> Field {
        Field {
            key: key.into(),
            label: label.into(),
            help: None,
            kind,
            required: false,
            value: None,
        }
    }

    pub fn text(key: &str, label: impl Into<String>, max_chars: usize) -> Field {
        let max_chars = u32::try_from(max_chars).unwrap_or(u32::MAX);
        Field::new(
            key,
            label,
            FieldKind::Text {
                max_chars,
                multiline: max_chars > 200,
            },
        )
    }

    pub fn one_line(key: &str, label: impl Into<String>, max_chars: usize) -> Field {
        let max_chars = u32::try_from(max_chars).unwrap_or(u32::MAX);
        Field::new(
            key,
            label,
            FieldKind::Text {
                max_chars,
                multiline: false,
            },
        )
    }

    pub fn choice(key: &str, label: impl Into<String>, options: Vec<ChoiceOption>) -> Field {
        Field::new(key, label, FieldKind::Choice { options })
    }

    pub fn yes_no(key: &str, label: impl Into<String>) -> Field {
        Field::new(key, label, FieldKind::YesNo)
    }

    pub fn date(key: &str, label: impl Into<String>) -> Field {
        Field::new(key, label, FieldKind::Date)
    }

    pub fn time(key: &str, label: impl Into<String>) -> Field {
        Field::new(key, label, FieldKind::Time)
    }

    pub fn date_time(key: &str, label: impl Into<String>) -> Field {
        Field::new(key, label, FieldKind::DateTime)
    }

    pub fn number(key: &str, label: impl Into<String>, min: i64, max: i64) -> Field {
        Field::new(
            key,
            label,
            FieldKind::Number {
                min,
                max,
                low_label: None,
                high_label: None,
            },
        )
    }

    pub fn scale(
        key: &str,
        label: impl Into<String>,
        (min, low): (i64, &str),
        (max, high): (i64, &str),
    ) -> Field {
        Field::new(
            key,
            label,
            FieldKind::Number {
                min,
                max,
                low_label: Some(low.into()),
                high_label: Some(high.into()),
            },
        )
    }

    pub fn tags(key: &str, label: impl Into<String>) -> Field {
        Field::new(key, label, FieldKind::Tags)
    }

    pub fn fixed(key: &str, value: impl Into<String>) -> Field {
        let mut field = Field::new(key, key, FieldKind::Fixed);
        field.value = Some(value.into());
        field
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Field {
        self.help = Some(help.into());
        self
    }

    pub fn value(mut self, value: Option<impl Into<String>>) -> Field {
        self.value = value.map(Into::into);
        self
    }
}

impl ChoiceOption {
    pub fn new(code: &str, label: &str, explanation: Option<&str>) -> ChoiceOption {
        ChoiceOption {
            code: code.into(),
            label: label.into(),
            explanation: explanation.map(Into::into),
        }
    }
}

impl Block {
    pub fn heading(text: impl Into<String>) -> Block {
        Block::Heading { text: text.into() }
    }

    pub fn text(text: impl Into<String>) -> Block {
        Block::Text {
            text: text.into(),
            tone: Tone::Normal,
        }
    }

    pub fn muted(text: impl Into<String>) -> Block {
        Block::Text {
            text: text.into(),
            tone: Tone::Muted,
        }
    }

    pub fn card(title: impl Into<String>, text: impl Into<String>, tone: Tone) -> Block {
        Block::Card {
            title: title.into(),
            text: text.into(),
            tone,
            actions: Vec::new(),
        }
    }

    pub fn card_with(
        title: impl Into<String>,
        text: impl Into<String>,
        tone: Tone,
        actions: Vec<Action>,
    ) -> Block {
        Block::Card {
            title: title.into(),
            text: text.into(),
            tone,
            actions,
        }
    }

    pub fn fact(label: impl Into<String>, value: impl Into<String>) -> Block {
        Block::Fact {
            label: label.into(),
            value: value.into(),
        }
    }

    pub fn row(title: impl Into<String>, detail: impl Into<String>) -> Row {
        Row(Block::Row {
            title: title.into(),
            detail: detail.into(),
            badge: None,
            tone: Tone::Normal,
            open: None,
            actions: Vec::new(),
        })
    }

    pub fn actions(actions: Vec<Action>) -> Block {
        Block::Actions { actions }
    }
}

/// A row being put together.
pub struct Row(Block);

impl Row {
    pub fn badge(mut self, text: impl Into<String>) -> Row {
        if let Block::Row { badge, .. } = &mut self.0 {
            *badge = Some(text.into());
        }
        self
    }

    pub fn tone(mut self, new: Tone) -> Row {
        if let Block::Row { tone, .. } = &mut self.0 {
            *tone = new;
        }
        self
    }

    pub fn open(mut self, route: Route) -> Row {
        if let Block::Row { open, .. } = &mut self.0 {
            *open = Some(route);
        }
        self
    }

    pub fn action(mut self, action: Action) -> Row {
        if let Block::Row { actions, .. } = &mut self.0 {
            actions.push(action);
        }
        self
    }

    pub fn done(self) -> Block {
        self.0
    }
}
