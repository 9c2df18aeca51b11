//! `reconnect journal` and `reconnect letters`: entries with tags, prompts and search,
//! letters that are never sent, and a clear choice when two devices wrote at once.
//! Input is read and checked before the store is opened, so a mistake creates nothing.

pub mod delete;
pub mod entry;
pub mod input;
pub mod letters;
pub mod list;
pub mod prompts;
pub mod resolve;
pub mod show;
pub mod snippet;
pub mod write;

use crate::args::{Cli, JournalAction};
use crate::context::open;
use crate::error::CliError;
use crate::output::Output;

pub fn run(cli: &Cli, action: &JournalAction) -> Result<Output, CliError> {
    let json = cli.json;
    match action {
        JournalAction::Add {
            title,
            tags,
            step,
            prompt,
            text,
        } => {
            let input = input::entry(input::NewEntry {
                title: title.as_deref(),
                tags,
                step: *step,
                prompt: prompt.as_deref(),
                text: text.as_deref(),
                cool_off_hours: None,
                json,
            })?;
            write::add(&open(cli)?, input, json)
        }
        JournalAction::List {
            tag,
            conflicts,
            limit,
        } => list::list(&open(cli)?, tag.as_deref(), *conflicts, *limit, json),
        JournalAction::Show { id } => show::journal(&open(cli)?, id.trim(), json),
        JournalAction::Edit {
            id,
            title,
            text,
            tags,
            no_tags,
        } => {
            let edit = input::edit(title.as_deref(), text.as_deref(), tags, *no_tags, json)?;
            write::edit(&open(cli)?, id.trim(), edit, json)
        }
        JournalAction::Search { words, limit } => {
            let query = input::query(words)?;
            list::search(&open(cli)?, &query, *limit, json)
        }
        JournalAction::Resolve {
            id,
            keep,
            text,
            title,
        } => {
            let choice = input::choice(*keep, text.as_deref(), title.as_deref(), json)?;
            resolve::run(&open(cli)?, id.trim(), choice, json)
        }
        JournalAction::Delete { id, yes } => {
            delete::confirm(*yes)?;
            delete::run(&open(cli)?, id.trim(), json)
        }
        JournalAction::Prompts => prompts::run(json),
    }
}
