//! The journal: free entries and unsent letters, with tags and an optional link to a
//! program step or prompt. Concurrent edits of one entry on two devices keep both
//! versions visible until the user resolves them; nothing is lost in a merge.

pub mod search;
pub mod versions;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::coded::coded;
use crate::error::{Error, Result};
use crate::program::content;

/// A title is a line; the body is where the writing goes.
pub const TITLE_MAX_CHARS: usize = 200;
pub const BODY_MAX_CHARS: usize = 100_000;
pub const TAG_MAX_CHARS: usize = 40;
pub const MAX_TAGS: usize = 20;
/// The longest cool-off before a letter can be marked ready (two weeks).
pub const LETTER_MAX_COOL_OFF_HOURS: u32 = 24 * 14;

coded! {
    /// A free entry, or a letter to the ex that is never sent.
    pub enum EntryKind { Entry, Letter }
}

/// What an entry is about: a program step, or one of the program's prompts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "link", rename_all = "snake_case")]
pub enum EntryLink {
    Step { number: u8 },
    Prompt { key: String },
}

impl EntryLink {
    /// The stored form: `step:4` or `prompt:step.4.prompt.timing`.
    pub fn code(&self) -> String {
        match self {
            EntryLink::Step { number } => format!("step:{number}"),
            EntryLink::Prompt { key } => format!("prompt:{key}"),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let (kind, value) = code.split_once(':')?;
        match kind {
            "step" => value.parse().ok().map(|number| EntryLink::Step { number }),
            "prompt" => Some(EntryLink::Prompt {
                key: value.to_string(),
            }),
            _ => None,
        }
    }

    fn validate(&self) -> Result<()> {
        match self {
            EntryLink::Step { number } if content::step(*number).is_some() => Ok(()),
            EntryLink::Step { number } => Err(Error::InvalidInput(format!(
                "there is no step {number}; the steps are 1 to 11"
            ))),
            EntryLink::Prompt { key } if is_prompt(key) => Ok(()),
            EntryLink::Prompt { key } => Err(Error::InvalidInput(format!(
                "`{key}` is not one of the program's prompts"
            ))),
        }
    }
}

/// Whether `key` names a prompt an entry can start from: a step prompt or a growth prompt.
pub fn is_prompt(key: &str) -> bool {
    content::steps()
        .iter()
        .flat_map(|s| s.prompts.iter())
        .chain(content::growth_prompts().iter())
        .any(|p| p.key == key)
}

/// A new entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryInput {
    pub kind: EntryKind,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub link: Option<EntryLink>,
    /// Letters only: hours before the letter can be marked ready.
    pub cool_off_hours: Option<u32>,
}

impl EntryInput {
    /// A new entry that starts from one of the program's prompts: the prompt is its
    /// title and its link.
    pub fn from_prompt(key: &str) -> Result<EntryInput> {
        let link = EntryLink::Prompt {
            key: key.to_string(),
        };
        link.validate()?;
        Ok(EntryInput {
            kind: EntryKind::Entry,
            title: content::text(key).unwrap_or(key).to_string(),
            body: String::new(),
            tags: Vec::new(),
            link: Some(link),
            cool_off_hours: None,
        })
    }

    pub fn validate(&self) -> Result<()> {
        validate_title(&self.title)?;
        validate_body(&self.body)?;
        if self.title.trim().is_empty() && self.body.trim().is_empty() {
            return Err(Error::InvalidInput(
                "an entry needs a title or some text".into(),
            ));
        }
        normalise_tags(&self.tags)?;
        if let Some(link) = &self.link {
            link.validate()?;
        }
        match (self.kind, self.cool_off_hours) {
            (EntryKind::Entry, Some(_)) => Err(Error::InvalidInput(
                "only letters have a cool-off before they are ready".into(),
            )),
            (EntryKind::Letter, Some(hours)) if hours > LETTER_MAX_COOL_OFF_HOURS => {
                Err(Error::InvalidInput(format!(
                    "a letter's cool-off is at most {LETTER_MAX_COOL_OFF_HOURS} hours"
                )))
            }
            _ => Ok(()),
        }
    }
}

/// Changes to an entry; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EntryEdit {
    pub title: Option<String>,
    pub body: Option<String>,
    pub tags: Option<Vec<String>>,
    /// `Some(None)` removes the link.
    pub link: Option<Option<EntryLink>>,
    /// The `edited_at` of the entry as the user saw it. When given and the entry has
    /// changed since (an edit from another device arrived), the edit is refused rather
    /// than written over text the user never saw.
    pub seen_edited_at: Option<DateTime<Utc>>,
}

impl EntryEdit {
    pub fn validate(&self) -> Result<()> {
        if let Some(title) = &self.title {
            validate_title(title)?;
        }
        if let Some(body) = &self.body {
            validate_body(body)?;
        }
        if let Some(tags) = &self.tags {
            normalise_tags(tags)?;
        }
        if let Some(Some(link)) = &self.link {
            link.validate()?;
        }
        Ok(())
    }
}

/// An entry as stored, with any versions a concurrent edit left behind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub id: String,
    pub kind: EntryKind,
    pub title: String,
    pub body: String,
    /// Other titles written concurrently on another device, until resolved.
    pub title_conflicts: Vec<String>,
    /// Other bodies written concurrently on another device, until resolved.
    pub body_conflicts: Vec<String>,
    pub tags: Vec<String>,
    pub link: Option<EntryLink>,
    pub created_at: DateTime<Utc>,
    pub edited_at: DateTime<Utc>,
    /// Letters: before this instant the letter cannot be marked ready.
    pub ready_after: Option<DateTime<Utc>>,
    pub marked_ready_at: Option<DateTime<Utc>>,
}

impl JournalEntry {
    pub fn has_conflict(&self) -> bool {
        !self.title_conflicts.is_empty() || !self.body_conflicts.is_empty()
    }
}

fn validate_title(title: &str) -> Result<()> {
    if title.chars().count() > TITLE_MAX_CHARS {
        return Err(Error::InvalidInput(format!(
            "a title is at most {TITLE_MAX_CHARS} characters; the rest can go in the text"
        )));
    }
    if title.contains(['\n', '\r']) {
        return Err(Error::InvalidInput("a title is a single line".into()));
    }
    Ok(())
}

fn validate_body(body: &str) -> Result<()> {
    if body.chars().count() > BODY_MAX_CHARS {
        return Err(Error::InvalidInput(format!(
            "an entry is at most {BODY_MAX_CHARS} characters; split it into two"
        )));
    }
    Ok(())
}

/// Tags trimmed, lowercased, de-duplicated and sorted; refuses empty or long ones.
pub fn normalise_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().trim_start_matches('#').to_lowercase();
        if tag.is_empty() {
            return Err(Error::InvalidInput("a tag cannot be empty".into()));
        }
        if tag.chars().count() > TAG_MAX_CHARS || tag.chars().any(char::is_control) {
            return Err(Error::InvalidInput(format!(
                "a tag is a short word or two (at most {TAG_MAX_CHARS} characters)"
            )));
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > MAX_TAGS {
        return Err(Error::InvalidInput(format!(
            "an entry has at most {MAX_TAGS} tags"
        )));
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised_and_bounded() {
        let tags = ["  Growth", "#growth", "Sleep"].map(String::from);
        assert_eq!(normalise_tags(&tags).unwrap(), vec!["growth", "sleep"]);
        assert!(normalise_tags(&[" ".into()]).is_err());
        assert!(normalise_tags(&["x".repeat(41)]).is_err());
        let many: Vec<String> = (0..21).map(|i| format!("t{i}")).collect();
        assert!(normalise_tags(&many).is_err());
    }

    #[test]
    fn links_round_trip_and_must_exist() {
        for link in [
            EntryLink::Step { number: 4 },
            EntryLink::Prompt {
                key: "growth.prompt.self".into(),
            },
        ] {
            assert_eq!(EntryLink::from_code(&link.code()), Some(link.clone()));
            link.validate().unwrap();
        }
        assert!(EntryLink::Step { number: 12 }.validate().is_err());
        assert!(EntryInput::from_prompt("step.99.prompt.x").is_err());
        let from_prompt = EntryInput::from_prompt("growth.prompt.self").unwrap();
        assert_eq!(
            from_prompt.title,
            content::text("growth.prompt.self").unwrap()
        );
        from_prompt.validate().unwrap();
    }

    #[test]
    fn only_letters_cool_off() {
        let mut input = EntryInput {
            kind: EntryKind::Entry,
            title: "Tuesday".into(),
            body: "Walked to the lake.".into(),
            tags: vec![],
            link: None,
            cool_off_hours: Some(24),
        };
        assert!(input.validate().is_err());
        input.kind = EntryKind::Letter;
        input.validate().unwrap();
        input.cool_off_hours = Some(LETTER_MAX_COOL_OFF_HOURS + 1);
        assert!(input.validate().is_err());
        input.cool_off_hours = None;
        input.title = "two\nlines".into();
        assert!(input.validate().is_err());
    }
}
