//! `reconnect`: the terminal shell over reconnect-core.

mod args;
mod commands;
mod context;
mod error;
mod paths;

use clap::Parser;
use std::process::ExitCode;

use args::{Cli, Command};
use error::CliError;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            report(&err, cli.json);
            ExitCode::from(err.exit_code())
        }
    }
}

fn run(cli: &Cli) -> Result<(), CliError> {
    let app = context::open(cli)?;
    match &cli.command {
        Command::Today => commands::today::run(&app, cli.json),
        Command::Checkin(args) => commands::checkin::run(&app, args, cli.json),
        Command::History { limit } => commands::history::run(&app, *limit, cli.json),
        Command::Settings { day_start_hour } => {
            commands::settings::run(&app, *day_start_hour, cli.json)
        }
    }
}

/// One line on stderr, as JSON when asked.
fn report(err: &CliError, json: bool) {
    let message = err.to_string().replace('\n', " ");
    if json {
        let value = serde_json::json!({ "error": { "kind": err.kind(), "message": message } });
        eprintln!("{value}");
    } else {
        eprintln!("reconnect: {message}");
    }
}
