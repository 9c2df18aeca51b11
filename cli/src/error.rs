//! CLI errors: each becomes one clear line on stderr and a non-zero exit code.

use std::path::PathBuf;

use crate::commands::connection::failure::{LinkError, sync_kind};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Printing the result failed. `saved` names a change that was already made durable,
    /// so the message never suggests that it was lost.
    #[error("{}", write_failure(*saved, source))]
    Write {
        saved: Option<&'static str>,
        source: std::io::Error,
    },
    #[error("{0}")]
    Internal(String),
    #[error(transparent)]
    Core(#[from] reconnect_core::Error),
    /// Pairing or syncing with another device failed, worded for this device's side.
    #[error(transparent)]
    Link(#[from] LinkError),
}

fn write_failure(saved: Option<&str>, source: &std::io::Error) -> String {
    match saved {
        Some(what) => format!("{what}, but the confirmation could not be printed: {source}"),
        None => format!("the result could not be printed: {source}"),
    }
}

impl CliError {
    /// A short stable name for `--json` error output.
    pub fn kind(&self) -> &'static str {
        use reconnect_core::{Error, StoreError};
        match self {
            CliError::Usage(_) => "usage",
            CliError::Io { .. } => "io",
            CliError::Write { .. } => "output",
            CliError::Internal(_) => "internal",
            CliError::Core(Error::InvalidInput(_)) => "invalid_input",
            CliError::Core(Error::Refused(_)) => "refused",
            CliError::Core(Error::Store(store)) => match store {
                StoreError::InvalidKey(_) | StoreError::WrongKey => "wrong_key",
                StoreError::InUse(_) => "in_use",
                StoreError::NotEncrypted(_) | StoreError::NotAReconnectStore { .. } => {
                    "not_a_store"
                }
                StoreError::Truncated { .. } | StoreError::Corrupt { .. } => "damaged",
                StoreError::SchemaTooNew { .. } => "newer_version",
                StoreError::Io { .. } | StoreError::Sqlite(_) => "storage",
            },
            CliError::Core(Error::Document(_)) => "damaged",
            CliError::Core(Error::Sync(err)) => sync_kind(err),
            CliError::Link(err) => err.kind(),
            CliError::Core(Error::Poisoned) => "internal",
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_)
            | CliError::Core(reconnect_core::Error::InvalidInput(_))
            | CliError::Core(reconnect_core::Error::Refused(_)) => 2,
            CliError::Link(err) if err.kind() == "usage" => 2,
            _ => 1,
        }
    }

    /// Refused input, worded for the user; exit code 2 like the core's own checks.
    pub fn invalid(message: String) -> Self {
        CliError::Core(reconnect_core::Error::InvalidInput(message))
    }
}
