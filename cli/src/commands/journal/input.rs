//! Journal input from the command line, read (a `-` text from stdin) and checked by
//! the core's own rules before the store is opened.

use reconnect_core::journal::search::QUERY_MAX_CHARS;
use reconnect_core::journal::{EntryEdit, EntryInput, EntryKind, EntryLink};

use crate::error::CliError;
use crate::stdin_note::{self, FROM_STDIN};

/// The flags of `journal add` and `letters add`.
pub struct NewEntry<'a> {
    pub title: Option<&'a str>,
    pub tags: &'a [String],
    pub step: Option<u8>,
    pub prompt: Option<&'a str>,
    pub text: Option<&'a str>,
    /// `Some` for a letter.
    pub cool_off_hours: Option<u32>,
    pub json: bool,
}

pub fn entry(new: NewEntry<'_>) -> Result<EntryInput, CliError> {
    let mut input = match new.prompt {
        Some(key) => EntryInput::from_prompt(key)?,
        None => EntryInput {
            kind: EntryKind::Entry,
            title: String::new(),
            body: String::new(),
            tags: Vec::new(),
            link: new.step.map(|number| EntryLink::Step { number }),
            cool_off_hours: None,
        },
    };
    if let Some(title) = new.title {
        input.title = title.trim().to_string();
    }
    input.body = text(new.text, new.json)?.unwrap_or_default();
    input.tags = new.tags.to_vec();
    if let Some(hours) = new.cool_off_hours {
        input.kind = EntryKind::Letter;
        input.cool_off_hours = Some(hours);
    }
    input.validate()?;
    Ok(input)
}

pub fn edit(
    title: Option<&str>,
    body: Option<&str>,
    tags: &[String],
    no_tags: bool,
    json: bool,
) -> Result<EntryEdit, CliError> {
    let edit = EntryEdit {
        title: title.map(|t| t.trim().to_string()),
        body: text(body, json)?,
        tags: if no_tags {
            Some(Vec::new())
        } else if tags.is_empty() {
            None
        } else {
            Some(tags.to_vec())
        },
        link: None,
        // The CLI reads and writes in one command; nothing can arrive in between.
        seen_edited_at: None,
    };
    edit.validate()?;
    Ok(edit)
}

/// What `journal resolve` keeps.
pub enum Choice {
    /// A version as numbered by `journal show` (from 1).
    Keep {
        number: usize,
        title: Option<String>,
    },
    /// A text of the user's own, such as the versions merged by hand.
    Text { text: String, title: Option<String> },
}

pub fn choice(
    keep: Option<usize>,
    text_given: Option<&str>,
    title: Option<&str>,
    json: bool,
) -> Result<Choice, CliError> {
    let title = title.map(|t| t.trim().to_string());
    let edit = EntryEdit {
        title: title.clone(),
        ..EntryEdit::default()
    };
    edit.validate()?;
    match (keep, text(text_given, json)?) {
        (Some(0), _) => Err(CliError::Usage(
            "versions are numbered from 1, as `reconnect journal show ID` shows them".into(),
        )),
        (Some(number), None) => Ok(Choice::Keep { number, title }),
        (None, Some(text)) => {
            EntryEdit {
                body: Some(text.clone()),
                ..EntryEdit::default()
            }
            .validate()?;
            Ok(Choice::Text { text, title })
        }
        _ => Err(CliError::Usage(
            "choose a version with --keep N, or give a merged text with --text".into(),
        )),
    }
}

/// The search words as one query.
pub fn query(words: &[String]) -> Result<String, CliError> {
    let query = words.join(" ");
    if query.chars().count() > QUERY_MAX_CHARS {
        return Err(CliError::invalid(format!(
            "a search is at most {QUERY_MAX_CHARS} characters"
        )));
    }
    if query
        .split_whitespace()
        .all(|w| w.trim_start_matches('#').is_empty())
    {
        return Err(CliError::invalid(
            "give at least one word to look for".into(),
        ));
    }
    Ok(query)
}

/// The text as given, or read from stdin for `-`.
fn text(given: Option<&str>, json: bool) -> Result<Option<String>, CliError> {
    match given {
        Some(FROM_STDIN) => stdin_note::read_as(&stdin_note::JOURNAL_TEXT, json).map(Some),
        other => Ok(other.map(str::to_string)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new<'a>(title: Option<&'a str>, text: Option<&'a str>) -> NewEntry<'a> {
        NewEntry {
            title,
            tags: &[],
            step: None,
            prompt: None,
            text,
            cool_off_hours: None,
            json: false,
        }
    }

    #[test]
    fn a_prompt_gives_the_title_unless_one_is_given() {
        let from_prompt = entry(NewEntry {
            prompt: Some("growth.prompt.self"),
            ..new(None, Some("Slept better."))
        })
        .unwrap();
        assert!(from_prompt.title.starts_with("What's one way"));
        assert_eq!(from_prompt.body, "Slept better.");
        let own = entry(NewEntry {
            prompt: Some("growth.prompt.self"),
            ..new(Some("Mine"), Some("x"))
        })
        .unwrap();
        assert_eq!(own.title, "Mine");
    }

    #[test]
    fn empty_entries_and_long_titles_are_refused_early() {
        let err = entry(new(None, None)).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let long = "x".repeat(201);
        assert!(entry(new(Some(&long), Some("text"))).is_err());
        let letter = entry(NewEntry {
            cool_off_hours: Some(12),
            ..new(None, Some("Dear you"))
        })
        .unwrap();
        assert_eq!(letter.kind, EntryKind::Letter);
    }

    #[test]
    fn a_search_needs_a_word() {
        assert!(query(&["#".into(), " ".into()]).is_err());
        assert_eq!(
            query(&["lake".into(), "#calm".into()]).unwrap(),
            "lake #calm"
        );
    }
}
