//! How an entry reads in the terminal: one line in a list, or a block in full. Text may
//! come from another device, so every piece of it is cleaned before it is shown.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use reconnect_core::journal::{EntryKind, EntryLink, JournalEntry};
use reconnect_core::program::content;
use serde::Serialize;

use crate::clean;
use crate::commands::when;
use reconnect_core::journal::versions;

/// Characters of text shown when an entry has no title.
const HEADLINE_CHARS: usize = 60;

/// Where a letter is on its way to ready; it is never sent either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LetterState {
    Resting { until: DateTime<Utc> },
    Rested,
    Ready { since: DateTime<Utc> },
}

pub fn letter_state(entry: &JournalEntry, now: DateTime<Utc>) -> Option<LetterState> {
    if entry.kind != EntryKind::Letter {
        return None;
    }
    Some(match (entry.marked_ready_at, entry.ready_after) {
        (Some(since), _) => LetterState::Ready { since },
        (None, Some(until)) if now < until => LetterState::Resting { until },
        (None, _) => LetterState::Rested,
    })
}

/// The title in quotes, or the start of the text when there is none.
pub fn headline(entry: &JournalEntry) -> String {
    let title = clean::one_line(entry.title.trim());
    if !title.is_empty() {
        return format!("\u{201c}{title}\u{201d}");
    }
    let text = clean::one_line(entry.body.trim());
    if text.is_empty() {
        return "(untitled)".into();
    }
    let mut start: String = text.chars().take(HEADLINE_CHARS).collect();
    if text.chars().count() > HEADLINE_CHARS {
        start.push('…');
    }
    format!("\u{201c}{start}\u{201d}")
}

/// One line: id, local date, headline, tags and what needs attention.
pub fn summary(entry: &JournalEntry, zone: Tz, now: DateTime<Utc>) -> String {
    let mut line = format!(
        "{}  {}  {}",
        entry.id,
        when::date(entry.created_at, zone),
        headline(entry)
    );
    if !entry.tags.is_empty() {
        line.push_str("  ");
        line.push_str(&tags(&entry.tags));
    }
    if let Some(state) = letter_state(entry, now) {
        line.push_str(&match state {
            LetterState::Resting { until } => {
                format!("  [letter, resting until {}]", when::moment(until, zone))
            }
            LetterState::Rested => "  [letter, rested: ready to read again]".into(),
            LetterState::Ready { .. } => "  [letter, ready]".into(),
        });
    }
    if entry.has_conflict() {
        line.push_str("  [two versions: choose one]");
    }
    line
}

/// The entry in full, with every version when two devices changed it at once.
pub fn block(entry: &JournalEntry, zone: Tz, now: DateTime<Utc>) -> Vec<String> {
    let versions = versions::of(entry);
    let mut lines = Vec::new();
    if versions.is_empty() {
        lines.push(headline(entry));
    } else {
        lines.push(format!("{} (two versions)", headline(entry)));
    }
    let row = |label: &str, value: String| format!("  {label:<9} {value}");
    lines.push(row("Id", entry.id.clone()));
    lines.push(row("Written", when::moment(entry.created_at, zone)));
    if entry.edited_at != entry.created_at {
        lines.push(row("Edited", when::moment(entry.edited_at, zone)));
    }
    if !entry.tags.is_empty() {
        lines.push(row("Tags", tags(&entry.tags)));
    }
    if let Some(link) = &entry.link {
        lines.push(row("About", about(link)));
    }
    if let Some(state) = letter_state(entry, now) {
        lines.push(row("Letter", letter_words(state, &entry.id, zone)));
    }
    if versions.is_empty() {
        if !entry.body.trim().is_empty() {
            lines.push(String::new());
            lines.extend(indented(&entry.body));
        }
        return lines;
    }
    lines.push(String::new());
    lines.push(
        "This entry was changed on two devices at the same time. Nothing was lost: here is \
         every version."
            .into(),
    );
    for version in &versions {
        lines.push(String::new());
        lines.push(format!("Version {}", version.number));
        let title = clean::one_line(version.title.trim());
        lines.push(format!(
            "  Title: {}",
            if title.is_empty() { "(none)" } else { &title }
        ));
        if version.text.trim().is_empty() {
            lines.push("  (no text)".into());
        } else {
            lines.extend(indented(&version.text));
        }
    }
    lines.push(String::new());
    lines.push(format!(
        "Keep one with `reconnect journal resolve {id} --keep N`, or write them together \
         with `reconnect journal resolve {id} --text -`.",
        id = entry.id
    ));
    lines
}

/// What a letter's state means, in words.
pub fn letter_words(state: LetterState, id: &str, zone: Tz) -> String {
    match state {
        LetterState::Resting { until } => format!(
            "resting until {}; then read it again with fresh eyes. It is never sent.",
            when::moment(until, zone)
        ),
        LetterState::Rested => format!(
            "rested long enough. Read it again, and if it still feels right: \
             `reconnect letters ready {id}`. It is never sent."
        ),
        LetterState::Ready { since } => format!(
            "marked ready on {}. It stays here with you; it is never sent.",
            when::moment(since, zone)
        ),
    }
}

fn tags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("#{}", clean::one_line(t)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn about(link: &EntryLink) -> String {
    match link {
        EntryLink::Step { number } => match content::step(*number) {
            Some(step) => format!("step {number}: {}", step.title),
            None => format!("step {number}"),
        },
        EntryLink::Prompt { key } => match content::text(key) {
            Some(text) => format!("the prompt \u{201c}{text}\u{201d}"),
            None => format!("the prompt {}", clean::one_line(key)),
        },
    }
}

fn indented(text: &str) -> Vec<String> {
    clean::lines(text.trim_end())
        .into_iter()
        .map(|line| format!("  {line}").trim_end().to_string())
        .collect()
}
