//! The journal and unsent letters as clap sees them.

use clap::{ArgGroup, Subcommand};
use reconnect_core::journal::LETTER_MAX_COOL_OFF_HOURS;

use super::values;

/// Free text for a journal entry or letter; `-` reads it from stdin.
pub const JOURNAL_TEXT_HELP: &str = "What you want to write; `-` reads it from stdin (type or paste as much as you like), which keeps it out of `ps` and your shell history";

#[derive(Debug, Subcommand)]
pub enum JournalAction {
    /// Write a new entry: free words, or an answer to one of the program's prompts
    #[command(group(ArgGroup::new("about").args(["step", "prompt"])))]
    Add {
        /// A short title on one line [default with --prompt: the prompt's question]
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// A word to find the entry by later; repeat --tag for more than one
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// The program step this entry is about (1 to 11)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=11))]
        step: Option<u8>,
        /// Answer one of the program's prompts; its question becomes the title
        /// (`reconnect journal prompts` lists them)
        #[arg(long, value_name = "KEY", value_parser = values::prompt_key)]
        prompt: Option<String>,
        #[arg(value_name = "TEXT", help = JOURNAL_TEXT_HELP)]
        text: Option<String>,
    },
    /// List your entries and letters, newest first
    List {
        /// Only entries with this tag
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Only entries that were changed on two devices at once and wait for your choice
        #[arg(long)]
        conflicts: bool,
        /// Show at most this many
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// Read one entry in full; if two devices changed it at once, both versions are shown
    Show {
        /// The entry's id, as shown by `reconnect journal list`
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Change an entry's title, text or tags
    #[command(group(ArgGroup::new("change").required(true).multiple(true)
        .args(["title", "text", "tags", "no_tags"])))]
    Edit {
        /// The entry's id, as shown by `reconnect journal list`
        #[arg(value_name = "ID")]
        id: String,
        /// A new title
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// New text, replacing the old; `-` reads it from stdin
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,
        /// The entry's tags from now on; repeat --tag for more than one
        #[arg(long = "tag", value_name = "TAG", conflicts_with = "no_tags")]
        tags: Vec<String>,
        /// Remove every tag
        #[arg(long)]
        no_tags: bool,
    },
    /// Find the entries that hold every word you give, in their titles, texts or tags
    Search {
        /// The words to look for; `#word` looks for a tag's word too
        #[arg(value_name = "WORDS", required = true)]
        words: Vec<String>,
        /// Show at most this many
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// When two devices changed an entry at once: keep one version, or write a merged text
    #[command(group(ArgGroup::new("choice").required(true).args(["keep", "text"])))]
    Resolve {
        /// The entry's id
        #[arg(value_name = "ID")]
        id: String,
        /// Keep this version, numbered as `reconnect journal show ID` shows them
        #[arg(long, value_name = "N")]
        keep: Option<usize>,
        /// Keep this text instead, for example the versions merged by hand; `-` reads it from stdin
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,
        /// The title to keep [default: the chosen version's title]
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
    },
    /// Delete an entry for good: it is gone from every device once they sync
    Delete {
        /// The entry's id
        #[arg(value_name = "ID")]
        id: String,
        /// Yes, delete it; this cannot be undone
        #[arg(long)]
        yes: bool,
    },
    /// The program's prompts, to answer with `reconnect journal add --prompt KEY`
    Prompts,
}

#[derive(Debug, Subcommand)]
pub enum LettersAction {
    /// Write a letter to them that is never sent: a place to say it all, for yourself
    Add {
        /// A short title on one line
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// A word to find the letter by later; repeat --tag for more than one
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Hours the letter rests before you may mark it ready
        #[arg(
            long,
            value_name = "HOURS",
            default_value_t = 24,
            value_parser = clap::value_parser!(u32).range(0..=i64::from(LETTER_MAX_COOL_OFF_HOURS)),
        )]
        cool_off: u32,
        #[arg(value_name = "TEXT", help = JOURNAL_TEXT_HELP)]
        text: String,
    },
    /// List your letters, newest first, with how long each still rests
    List {
        /// Show at most this many
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// Read one letter in full
    Show {
        /// The letter's id, as shown by `reconnect letters list`
        #[arg(value_name = "ID")]
        id: String,
    },
    /// After reading it again with fresh eyes, mark a letter as ready; it is still never sent
    Ready {
        /// The letter's id
        #[arg(value_name = "ID")]
        id: String,
    },
}
