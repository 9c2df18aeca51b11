//! Reminders as clap sees them: the schedule, its settings and one-off reminders.

use chrono::{NaiveDateTime, NaiveTime};
use clap::{ArgGroup, Args, Subcommand};
use reconnect_core::reminders::NotificationDetail;

use super::values::{self, DailyTime};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RemindersArgs {
    /// Show at most this many [default: 14; with --json, all that are pending (up to 64)]
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(subcommand)]
    pub action: Option<RemindersAction>,
}

#[derive(Debug, Subcommand)]
pub enum RemindersAction {
    /// Choose when reminders come, and how much they say on a lock screen
    #[command(group(ArgGroup::new("change").required(true).multiple(true)
        .args(["daily", "dates_at", "detail"])))]
    Set {
        /// The local time of a gentle daily check-in reminder, e.g. 20:30, or `off`
        #[arg(long, value_name = "HH:MM|off", value_parser = values::daily_time)]
        daily: Option<DailyTime>,
        /// The local time of reminders on the dates in your plan (the end of your time
        /// apart, a day to look again, trial reviews)
        #[arg(long, value_name = "HH:MM", value_parser = values::time_of_day)]
        dates_at: Option<NaiveTime>,
        /// How much a reminder says
        #[arg(long, value_name = "DETAIL", value_parser = values::detail())]
        detail: Option<NotificationDetail>,
    },
    /// Add a one-off reminder at a local date and time
    Add {
        /// When, in the local time wherever you are then, e.g. "2027-03-28 09:00"
        #[arg(long, value_name = "YYYY-MM-DD HH:MM", value_parser = values::wall_time)]
        at: NaiveDateTime,
        /// A few words for yourself, on one line; notifications show them only with
        /// `reminders set --detail detailed`; `-` reads them from stdin
        #[arg(value_name = "TEXT")]
        text: Option<String>,
    },
    /// Remove a reminder you added
    Remove {
        /// The reminder's id, as shown by `reconnect reminders`
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Show when reminders come and how much they say
    Settings,
}
