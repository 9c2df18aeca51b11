//! `reconnect`: the terminal shell over reconnect-core.

mod args;
mod clean;
mod commands;
mod context;
mod error;
mod keyfile;
mod output;
mod paths;
mod private_file;
mod stdin_note;
mod transport;
mod usage;
mod zone;

use clap::Parser;
use std::process::ExitCode;

use args::{Cli, Command};
use commands::{
    checkin, data, devices, history, journal, pair, program, progress, reminders, settings, sync,
    today,
};
use context::open;
use error::CliError;
use output::Output;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage::parse_failure(err),
    };
    match run(&cli).and_then(|result| output::emit(&result)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            output::error(&err, cli.json);
            ExitCode::from(err.exit_code())
        }
    }
}

/// Runs the command; input is checked before the store is opened.
fn run(cli: &Cli) -> Result<Output, CliError> {
    match &cli.command {
        Command::Today => today::run(&open(cli)?, cli.json),
        Command::Checkin(args) => {
            let input = checkin::input(args, cli.json)?;
            checkin::run(&open(cli)?, input, cli.json)
        }
        Command::History { limit } => history::run(&open(cli)?, *limit, cli.json),
        Command::Settings { day_start_hour } => {
            let hour = day_start_hour.map(settings::hour_of_day).transpose()?;
            settings::run(&open(cli)?, hour, cli.json)
        }
        Command::Journal { action } => journal::run(cli, action),
        Command::Letters { action } => journal::letters::run(cli, action),
        Command::Progress => progress::run(&open(cli)?, cli.json),
        Command::Reminders(args) => reminders::run(cli, args),
        Command::Pair { action } => pair::run(cli, action),
        Command::Sync(args) => sync::run(cli, args),
        Command::Devices(args) => devices::run(cli, args),
        Command::Export(args) => {
            let out = data::export::target(args, &context::locations(cli)?)?;
            data::export::run(&open(cli)?, args.format, &out, args.force, cli.json)
        }
        Command::Import(args) => {
            let text = data::import::read(&args.file)?;
            data::import::run(&open(cli)?, &text, cli.json)
        }
        Command::Wipe(args) => {
            let at = context::locations(cli)?;
            data::wipe::confirm(args.yes, &at)?;
            data::wipe::run(&at, cli.json)
        }
        Command::Program => program::overview::run(&open(cli)?, cli.json),
        Command::Step(args) => program::step::run(&open(cli)?, args.number, cli.json),
        Command::Safety(args::SafetyArgs { action: None }) => program::safety::run(cli.json),
        other => match program::input::command(other, cli.json)? {
            Some(command) => {
                program::input::check(&command, context::latest_today(cli)?)?;
                program::record::run(&open(cli)?, command, cli.json)
            }
            None => Err(CliError::Internal(
                "this command records nothing in the program".into(),
            )),
        },
    }
}
