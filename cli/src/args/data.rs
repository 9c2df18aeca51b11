//! Export, import and wipe as clap sees them.

use std::path::PathBuf;

use clap::Args;
use clap::builder::PossibleValue;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Markdown,
    Html,
}

impl clap::ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            ExportFormat::Json,
            ExportFormat::Markdown,
            ExportFormat::Html,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            ExportFormat::Json => PossibleValue::new("json")
                .help("Everything you recorded, complete enough to import again"),
            ExportFormat::Markdown => PossibleValue::new("md")
                .alias("markdown")
                .help("A readable report with a mood chart, as Markdown"),
            ExportFormat::Html => {
                PossibleValue::new("html").help("The same readable report, as a web page")
            }
        })
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write
    #[arg(long, value_name = "FORMAT", value_enum, default_value = "json")]
    pub format: ExportFormat,
    /// The file to write; only you can read it (mode 0600), but it is not encrypted
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace FILE if it already exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A JSON export from `reconnect export`
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct WipeArgs {
    /// Yes, delete everything here; this cannot be undone
    #[arg(long)]
    pub yes: bool,
}
