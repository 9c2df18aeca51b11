//! Screen models over the FFI: what each screen shows and which actions it offers, as the
//! core decides them (`reconnect_core::screens`), so Compose and SwiftUI only render.
//! Conversions only.

use std::collections::HashMap;

use reconnect_core::screens as core;

use crate::error::ReconnectError;
use crate::program::convert::map_vec;
use crate::store::ReconnectStore;

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Route {
    FirstRun,
    Today,
    CheckIn,
    Program,
    /// Step 0 is the self-check before step 1.
    Step {
        number: u8,
    },
    Safety,
    LetGo,
    Journal {
        tag: Option<String>,
        query: Option<String>,
    },
    Entry {
        id: String,
    },
    Letters,
    Progress,
    Reminders,
    Devices,
    Data,
    Settings,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Screen {
    pub route: Route,
    pub title: String,
    /// Shows private things: offer the quick exit here.
    pub sensitive: bool,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Tone {
    Normal,
    Muted,
    Advice,
    Safety,
    Positive,
    Waiting,
}

#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Block {
    Heading {
        text: String,
    },
    Text {
        text: String,
        tone: Tone,
    },
    Card {
        title: String,
        text: String,
        tone: Tone,
        actions: Vec<Action>,
    },
    Fact {
        label: String,
        value: String,
    },
    Row {
        title: String,
        detail: String,
        badge: Option<String>,
        tone: Tone,
        open: Option<Route>,
        actions: Vec<Action>,
    },
    Chart {
        title: String,
        summary: String,
        min: f64,
        max: f64,
        points: Vec<ChartPoint>,
    },
    Actions {
        actions: Vec<Action>,
    },
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ChartPoint {
    pub label: String,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ActionStyle {
    Primary,
    Secondary,
    Destructive,
    Quiet,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Action {
    /// Unique on its screen.
    pub id: String,
    pub label: String,
    pub style: ActionStyle,
    pub kind: ActionKind,
    pub fields: Vec<Field>,
    pub confirm: Option<Confirm>,
    /// Why it cannot be used now: show it disabled, with this reason.
    pub unavailable: Option<String>,
}

#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum ActionKind {
    Open {
        route: Route,
    },
    /// Send to `perform` with the fields' values.
    Command {
        command: String,
    },
    Shell {
        task: ShellTask,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ShellTask {
    PairShowCode,
    PairEnterCode,
    SyncNow,
    ShareExportJson,
    ShareReportHtml,
    ShareReportMarkdown,
    ImportFile,
    DeleteEverything,
    SetAppLock,
    AllowNotifications,
    FinishFirstRun,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Confirm {
    pub text: String,
    /// The word the person types to confirm, if any.
    pub typed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Field {
    pub key: String,
    pub label: String,
    pub help: Option<String>,
    pub kind: FieldKind,
    pub required: bool,
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum FieldKind {
    Text {
        max_chars: u32,
        multiline: bool,
    },
    Choice {
        options: Vec<ChoiceOption>,
    },
    /// `yes` or `no`.
    YesNo,
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:MM`.
    Time,
    /// `YYYY-MM-DDTHH:MM`.
    DateTime,
    Number {
        min: i64,
        max: i64,
        low_label: Option<String>,
        high_label: Option<String>,
    },
    /// Comma-separated words.
    Tags,
    /// Sent as its value, never shown.
    Fixed,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChoiceOption {
    pub code: String,
    pub label: String,
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Performed {
    pub message: String,
    pub open: Option<Route>,
    pub created_id: Option<String>,
}

/// What only the shell knows: its app lock setting (`off`, `0`, `1`, `5`, `15`).
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ShellState {
    pub app_lock: Option<String>,
}

impl From<core::Route> for Route {
    fn from(r: core::Route) -> Self {
        use core::Route as R;
        match r {
            R::FirstRun => Route::FirstRun,
            R::Today => Route::Today,
            R::CheckIn => Route::CheckIn,
            R::Program => Route::Program,
            R::Step { number } => Route::Step { number },
            R::Safety => Route::Safety,
            R::LetGo => Route::LetGo,
            R::Journal { tag, query } => Route::Journal { tag, query },
            R::Entry { id } => Route::Entry { id },
            R::Letters => Route::Letters,
            R::Progress => Route::Progress,
            R::Reminders => Route::Reminders,
            R::Devices => Route::Devices,
            R::Data => Route::Data,
            R::Settings => Route::Settings,
        }
    }
}

impl From<Route> for core::Route {
    fn from(r: Route) -> Self {
        use core::Route as R;
        match r {
            Route::FirstRun => R::FirstRun,
            Route::Today => R::Today,
            Route::CheckIn => R::CheckIn,
            Route::Program => R::Program,
            Route::Step { number } => R::Step { number },
            Route::Safety => R::Safety,
            Route::LetGo => R::LetGo,
            Route::Journal { tag, query } => R::Journal { tag, query },
            Route::Entry { id } => R::Entry { id },
            Route::Letters => R::Letters,
            Route::Progress => R::Progress,
            Route::Reminders => R::Reminders,
            Route::Devices => R::Devices,
            Route::Data => R::Data,
            Route::Settings => R::Settings,
        }
    }
}

impl From<core::Screen> for Screen {
    fn from(s: core::Screen) -> Self {
        Screen {
            route: s.route.into(),
            title: s.title,
            sensitive: s.sensitive,
            blocks: map_vec(s.blocks),
        }
    }
}

impl From<core::Tone> for Tone {
    fn from(t: core::Tone) -> Self {
        match t {
            core::Tone::Normal => Tone::Normal,
            core::Tone::Muted => Tone::Muted,
            core::Tone::Advice => Tone::Advice,
            core::Tone::Safety => Tone::Safety,
            core::Tone::Positive => Tone::Positive,
            core::Tone::Waiting => Tone::Waiting,
        }
    }
}

impl From<core::Block> for Block {
    fn from(b: core::Block) -> Self {
        use core::Block as B;
        match b {
            B::Heading { text } => Block::Heading { text },
            B::Text { text, tone } => Block::Text {
                text,
                tone: tone.into(),
            },
            B::Card {
                title,
                text,
                tone,
                actions,
            } => Block::Card {
                title,
                text,
                tone: tone.into(),
                actions: map_vec(actions),
            },
            B::Fact { label, value } => Block::Fact { label, value },
            B::Row {
                title,
                detail,
                badge,
                tone,
                open,
                actions,
            } => Block::Row {
                title,
                detail,
                badge,
                tone: tone.into(),
                open: open.map(Into::into),
                actions: map_vec(actions),
            },
            B::Chart {
                title,
                summary,
                min,
                max,
                points,
            } => Block::Chart {
                title,
                summary,
                min,
                max,
                points: points
                    .into_iter()
                    .map(|p| ChartPoint {
                        label: p.label,
                        value: p.value,
                    })
                    .collect(),
            },
            B::Actions { actions } => Block::Actions {
                actions: map_vec(actions),
            },
        }
    }
}

impl From<core::Action> for Action {
    fn from(a: core::Action) -> Self {
        Action {
            id: a.id,
            label: a.label,
            style: match a.style {
                core::ActionStyle::Primary => ActionStyle::Primary,
                core::ActionStyle::Secondary => ActionStyle::Secondary,
                core::ActionStyle::Destructive => ActionStyle::Destructive,
                core::ActionStyle::Quiet => ActionStyle::Quiet,
            },
            kind: match a.kind {
                core::ActionKind::Open { route } => ActionKind::Open {
                    route: route.into(),
                },
                core::ActionKind::Command { command } => ActionKind::Command { command },
                core::ActionKind::Shell { task } => ActionKind::Shell { task: task.into() },
            },
            fields: map_vec(a.fields),
            confirm: a.confirm.map(|c| Confirm {
                text: c.text,
                typed: c.typed,
            }),
            unavailable: a.unavailable,
        }
    }
}

impl From<core::ShellTask> for ShellTask {
    fn from(t: core::ShellTask) -> Self {
        use core::ShellTask as T;
        match t {
            T::PairShowCode => ShellTask::PairShowCode,
            T::PairEnterCode => ShellTask::PairEnterCode,
            T::SyncNow => ShellTask::SyncNow,
            T::ShareExportJson => ShellTask::ShareExportJson,
            T::ShareReportHtml => ShellTask::ShareReportHtml,
            T::ShareReportMarkdown => ShellTask::ShareReportMarkdown,
            T::ImportFile => ShellTask::ImportFile,
            T::DeleteEverything => ShellTask::DeleteEverything,
            T::SetAppLock => ShellTask::SetAppLock,
            T::AllowNotifications => ShellTask::AllowNotifications,
            T::FinishFirstRun => ShellTask::FinishFirstRun,
        }
    }
}

impl From<core::Field> for Field {
    fn from(f: core::Field) -> Self {
        use core::FieldKind as K;
        Field {
            key: f.key,
            label: f.label,
            help: f.help,
            kind: match f.kind {
                K::Text {
                    max_chars,
                    multiline,
                } => FieldKind::Text {
                    max_chars,
                    multiline,
                },
                K::Choice { options } => FieldKind::Choice {
                    options: options
                        .into_iter()
                        .map(|o| ChoiceOption {
                            code: o.code,
                            label: o.label,
                            explanation: o.explanation,
                        })
                        .collect(),
                },
                K::YesNo => FieldKind::YesNo,
                K::Date => FieldKind::Date,
                K::Time => FieldKind::Time,
                K::DateTime => FieldKind::DateTime,
                K::Number {
                    min,
                    max,
                    low_label,
                    high_label,
                } => FieldKind::Number {
                    min,
                    max,
                    low_label,
                    high_label,
                },
                K::Tags => FieldKind::Tags,
                K::Fixed => FieldKind::Fixed,
            },
            required: f.required,
            value: f.value,
        }
    }
}

#[uniffi::export]
impl ReconnectStore {
    /// The screen at `route` as the person should see it now: what it shows and which
    /// actions it offers. Render it; ask again after every change event.
    pub fn screen(&self, route: Route, shell: ShellState) -> Result<Screen, ReconnectError> {
        let shell = core::ShellState {
            app_lock: shell.app_lock,
        };
        Ok(self.app()?.screen(&route.into(), &shell)?.into())
    }

    /// Runs an action's `command` with the values filled into its fields (keys as the
    /// fields name them; `Fixed` fields sent as given). A refusal comes back as
    /// `Refused` in the program's own words; a bad value as `InvalidInput` naming the field.
    pub fn perform(
        &self,
        command: String,
        values: HashMap<String, String>,
    ) -> Result<Performed, ReconnectError> {
        let values = values.into_iter().collect();
        let done = self.app()?.perform(&command, &values)?;
        Ok(Performed {
            message: done.message,
            open: done.open.map(Into::into),
            created_id: done.created_id,
        })
    }
}
