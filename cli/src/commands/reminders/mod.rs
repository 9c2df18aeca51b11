//! `reconnect reminders`: the upcoming schedule on the local clock, its settings, and
//! one-off reminders. The terminal shows the schedule; phones and tablets deliver it.

pub mod custom;
pub mod settings;
pub mod upcoming;
pub mod words;

use crate::args::{Cli, RemindersAction, RemindersArgs};
use crate::context::open;
use crate::error::CliError;
use crate::output::Output;
use crate::stdin_note::{self, FROM_STDIN};

pub fn run(cli: &Cli, args: &RemindersArgs) -> Result<Output, CliError> {
    let json = cli.json;
    match &args.action {
        None => upcoming::run(&open(cli)?, args.limit, json),
        Some(RemindersAction::Set {
            daily,
            dates_at,
            detail,
        }) => settings::set(&open(cli)?, *daily, *dates_at, *detail, json),
        Some(RemindersAction::Settings) => settings::show(&open(cli)?, json),
        Some(RemindersAction::Add { at, text }) => {
            let text = match text.as_deref() {
                Some(FROM_STDIN) => Some(stdin_note::read_as(&stdin_note::REMINDER_TEXT, json)?),
                other => other.map(str::to_string),
            };
            custom::add(&open(cli)?, *at, text, json)
        }
        Some(RemindersAction::Remove { id }) => {
            let id = custom::own_id(id)?;
            custom::remove(&open(cli)?, &id, json)
        }
    }
}
