//! The command line, as clap sees it.

mod data;
mod devices;
mod journal;
mod program;
mod reminders;
pub mod values;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub use data::*;
pub use devices::*;
pub use journal::*;
pub use program::*;
pub use reminders::*;

/// The heading that keeps the options every command shares apart from its own.
const GLOBAL: &str = "Global options";

#[derive(Debug, Parser)]
#[command(
    name = "reconnect",
    version,
    about = "A private companion for deciding whether to get back in touch with a former partner — and for letting go when that is wiser.",
    long_about = None,
)]
pub struct Cli {
    /// Directory of the encrypted store [default: the platform's data directory]
    #[arg(long, global = true, env = "RECONNECT_DATA_DIR", value_name = "DIR", help_heading = GLOBAL)]
    pub data_dir: Option<PathBuf>,

    /// File holding the store key, kept outside the data directory
    /// [default: DIR.key beside --data-dir, else the platform's preferences directory]
    #[arg(long, global = true, env = "RECONNECT_KEY_FILE", value_name = "FILE", help_heading = GLOBAL)]
    pub key_file: Option<PathBuf>,

    /// IANA time zone, e.g. Europe/Berlin [default: the system's zone]
    #[arg(long, global = true, env = "RECONNECT_TZ", value_name = "ZONE", help_heading = GLOBAL)]
    pub tz: Option<String>,

    /// Print machine-readable JSON
    #[arg(long, global = true, help_heading = GLOBAL)]
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
    /// Your journal: free entries and answers to the program's prompts, with tags and search
    Journal {
        #[command(subcommand)]
        action: JournalAction,
    },
    /// Letters to them that are never sent: Reconnect has no way to send anything
    ///
    /// A letter is a place to say everything you want to say, for yourself. Each one rests
    /// for a while (24 hours unless you choose otherwise) before you may mark it ready,
    /// so you can read it again with fresh eyes. Ready or not, it is never sent.
    Letters {
        #[command(subcommand)]
        action: LettersAction,
    },
    /// How you are doing over time: a forgiving strength score, days checked in, and your mood by week
    ///
    /// The strength score grows a little each day you check in. A missed day lowers it a
    /// little, and nothing ever resets it or the program: a hard day is part of the way.
    Progress,
    /// Your upcoming reminders, each at its local time; `reminders set` chooses when they come
    Reminders(RemindersArgs),
    /// Pair this device with another of yours, with a one-time code, so they can sync
    Pair {
        #[command(subcommand)]
        action: PairAction,
    },
    /// Sync with a paired device: one side waits with --listen, the other --connects
    ///
    /// Each side ends up with everything both have recorded; what arrives is saved as it
    /// comes, so a cut connection keeps what was already synced. Traffic is encrypted
    /// and only paired devices are let in. With --listen it serves one device after
    /// another until interrupted (or once, with --once). With several paired devices,
    /// `--connect HOST:PORT --to DEVICE` says which one should answer there.
    Sync(SyncArgs),
    /// The devices paired with this one; `devices revoke ID` stops syncing with one
    Devices(DevicesArgs),
    /// Save everything you recorded to a file: JSON to import again, or a readable report
    ///
    /// The file is written whole or not at all, and only you can read it (mode 0600). It is
    /// not encrypted, so keep it somewhere safe and delete it when you no longer need it.
    Export(ExportArgs),
    /// Restore a JSON export into an empty store, such as a new data directory
    Import(ImportArgs),
    /// Delete everything Reconnect keeps on this computer: the store and its key
    ///
    /// Nothing can bring it back. Your paired devices keep their own copy until you wipe
    /// them too. Asks for --yes.
    Wipe(WipeArgs),
    /// See the whole program: where you are, what is open, and what could come next
    Program,
    /// Read one step closely: what it is about, questions to think over, and what you wrote
    Step(StepArgs),
    /// Before step 1: a short, honest self-check of why you want to get back in touch
    Precheck(PrecheckArgs),
    /// Step 1: say who ended the relationship
    EndedBy(EndedByArgs),
    /// Step 1: write down the reasons it ended, and sort each one
    Reason {
        #[command(subcommand)]
        action: ReasonAction,
    },
    /// Step 1: note what tends to set you off, if you were the one who ended it
    Trigger {
        #[command(subcommand)]
        action: TriggerAction,
    },
    /// Say that you have read a piece of advice and still choose to continue
    Advice {
        #[command(subcommand)]
        action: AdviceAction,
    },
    /// Step 2: own your part, with a plan for each mistake
    Mistake {
        #[command(subcommand)]
        action: MistakeAction,
    },
    /// Step 3: choose your time apart, or end it early once you are ready
    NoContact {
        #[command(subcommand)]
        action: NoContactAction,
    },
    /// Step 3: the readiness check: is each statement true for you now?
    Readiness(ReadinessArgs),
    /// Step 4: note how they seem to be doing, without digging or checking up on them
    Observe(ObserveArgs),
    /// Step 4: log a gentle attempt to get in touch, one rung of the ladder at a time
    Attempt {
        #[command(subcommand)]
        action: AttemptAction,
    },
    /// Step 5: draft a light first message, and let it rest before it counts as ready
    Icebreaker {
        #[command(subcommand)]
        action: IcebreakerAction,
    },
    /// Step 6: build a sincere apology, one part at a time
    Apology {
        #[command(subcommand)]
        action: ApologyAction,
    },
    /// Step 7: log good new memories made together, as friends
    Activity {
        #[command(subcommand)]
        action: ActivityAction,
    },
    /// Step 8: write down what they shared, and how you responded
    TheirSide {
        #[command(subcommand)]
        action: TheirSideAction,
    },
    /// Step 9: record what they said when you asked: ready, not yet, or never
    Decide(DecideArgs),
    /// Step 10 (optional): note whether couples therapy is part of it, and how it goes
    Therapy {
        #[command(subcommand)]
        action: TherapyAction,
    },
    /// Step 11: a trial period with regular, honest reviews
    Trial {
        #[command(subcommand)]
        action: TrialAction,
    },
    /// Let go, at any step: a dignified ending, with a closing exercise
    LetGo(LetGoArgs),
    /// Support if you feel unsafe; `safety flag` records signs and closes every contact step
    Safety(SafetyArgs),
    /// They said no, asked for no contact, or blocked you: contact closes for good
    TheySaidNo(TheySaidNoArgs),
    /// Remove an entry you wrote (contact attempts, decisions, reviews and safety records stay)
    Remove(RemoveArgs),
    /// Start the program again from the beginning; the only way back after "never"
    StartAgain(RestartArgs),
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
