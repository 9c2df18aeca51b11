//! The command line, as clap sees it.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "reconnect",
    version,
    about = "A private companion for deciding whether to get back in touch with a former partner — and for letting go when that is wiser.",
    long_about = None,
)]
pub struct Cli {
    /// Directory of the encrypted store [default: the platform's data directory]
    #[arg(long, global = true, env = "RECONNECT_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// File holding the store key, kept outside the data directory
    /// [default: DIR.key beside --data-dir, else the platform's preferences directory]
    #[arg(long, global = true, env = "RECONNECT_KEY_FILE", value_name = "FILE")]
    pub key_file: Option<PathBuf>,

    /// IANA time zone, e.g. Europe/Berlin [default: the system's zone]
    #[arg(long, global = true, env = "RECONNECT_TZ", value_name = "ZONE")]
    pub tz: Option<String>,

    /// Print machine-readable JSON
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show today's check-in, or how to make one
    Today,
    /// Record today's check-in (again on the same day updates it)
    Checkin(CheckinArgs),
    /// List past check-ins, newest first
    History {
        /// Show at most this many days
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// Show or change settings
    Settings {
        /// Hour (0–23) at which a new day begins for check-ins; 4 means 4 a.m.
        #[arg(long, value_name = "HOUR", allow_negative_numbers = true)]
        day_start_hour: Option<i64>,
    },
}

#[derive(Debug, clap::Args)]
pub struct CheckinArgs {
    // Numbers are read wide and range-checked by the command, so `--urge 300` gets
    // a plain "must be between 0 and 10" rather than a parser's complaint.
    /// How you feel: 1 (very low) to 5 (very good)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub mood: i64,
    /// How strong the urge to reach out is: 0 (none) to 10 (overwhelming)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub urge: i64,
    /// Whether contact happened, and how: none, social-media, text, call, video, in-person
    #[arg(long, value_name = "MEDIUM")]
    pub contacted: Option<String>,
    /// A short note about the day; `--note -` reads it from stdin, which keeps it out
    /// of `ps` and your shell history
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}
