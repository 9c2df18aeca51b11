//! `reconnect letters`: letters to them that are never sent. Each rests for a while
//! after it is written, and can be marked ready once it has.

use reconnect_core::journal::EntryKind;
use reconnect_core::{JournalFilter, Reconnect};

use super::entry::{self, LetterState};
use super::show::{find_letter, shown};
use super::{input, list, show, write};
use crate::args::{Cli, LettersAction};
use crate::commands::when;
use crate::context::{self, open};
use crate::error::CliError;
use crate::output::Output;

pub fn run(cli: &Cli, action: &LettersAction) -> Result<Output, CliError> {
    let json = cli.json;
    match action {
        LettersAction::Add {
            title,
            tags,
            cool_off,
            text,
        } => {
            let input = input::entry(input::NewEntry {
                title: title.as_deref(),
                tags,
                step: None,
                prompt: None,
                text: Some(text),
                cool_off_hours: Some(*cool_off),
                json,
            })?;
            write::add(&open(cli)?, input, json)
        }
        LettersAction::List { limit } => list_letters(&open(cli)?, *limit, json),
        LettersAction::Show { id } => show::letter(&open(cli)?, id.trim(), json),
        LettersAction::Ready { id } => ready(&open(cli)?, id.trim(), json),
    }
}

fn list_letters(app: &Reconnect, limit: Option<usize>, json: bool) -> Result<Output, CliError> {
    let letters = app.journal_list(&JournalFilter {
        kind: Some(EntryKind::Letter),
        limit,
        ..JournalFilter::default()
    })?;
    if json {
        return Output::json(&letters);
    }
    if letters.is_empty() && limit != Some(0) {
        return Ok(Output::lines(vec![
            "No letters yet. A letter is a place to say everything, for yourself; it is \
             never sent:"
                .into(),
            "  reconnect letters add --title \"What I never said\" -".into(),
        ]));
    }
    list::rows(app, &letters, None)
}

/// Marks a letter ready once its rest is over; the local time is named if it is not.
fn ready(app: &Reconnect, id: &str, json: bool) -> Result<Output, CliError> {
    let letter = find_letter(app, id)?;
    let now = context::clock()?.now();
    let zone = app.time_zone()?;
    let (letter, news) = match entry::letter_state(&letter, now) {
        Some(LetterState::Resting { until }) => {
            return Err(CliError::invalid(format!(
                "this letter is still resting until {}; read it again then, with fresh eyes",
                when::moment(until, zone)
            )));
        }
        Some(LetterState::Ready { since }) => {
            let news = format!(
                "{} was already marked ready on {}.",
                entry::headline(&letter),
                when::moment(since, zone)
            );
            (letter, news)
        }
        _ => {
            let letter = app.letter_mark_ready(id)?;
            let news = format!("{} is marked ready.", entry::headline(&letter));
            (letter, news)
        }
    };
    let output = if json {
        Output::json(&shown(&letter, now))?
    } else {
        Output::lines(vec![
            news,
            "It stays here with you: Reconnect never sends a letter, and has no way to.".into(),
        ])
    };
    Ok(output.saved("the letter was marked ready"))
}
