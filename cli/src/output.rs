//! Everything the CLI shows reaches the terminal here, written once and never with a
//! panic: a full disk becomes a one-line error, a closed pipe a quiet exit.

use std::io::{self, ErrorKind, Write};

use crate::error::CliError;

/// What a command has to say: lines for people, or one JSON value.
pub enum Body {
    Lines(Vec<String>),
    Json(serde_json::Value),
    /// One compact line of JSON: the network commands print a line per event (where they
    /// listen, the offer, each session), so a script can read them as they come.
    JsonLine(serde_json::Value),
}

pub struct Output {
    pub body: Body,
    /// Set when the command already made a change durable, e.g. "your check-in was saved".
    pub saved: Option<&'static str>,
}

impl Output {
    pub fn lines(lines: Vec<String>) -> Self {
        Output {
            body: Body::Lines(lines),
            saved: None,
        }
    }

    pub fn json(value: &impl serde::Serialize) -> Result<Self, CliError> {
        let value = serde_json::to_value(value)
            .map_err(|e| CliError::Internal(format!("could not format JSON: {e}")))?;
        Ok(Output {
            body: Body::Json(value),
            saved: None,
        })
    }

    pub fn json_line(value: &impl serde::Serialize) -> Result<Self, CliError> {
        let value = serde_json::to_value(value)
            .map_err(|e| CliError::Internal(format!("could not format JSON: {e}")))?;
        Ok(Output {
            body: Body::JsonLine(value),
            saved: None,
        })
    }

    pub fn saved(self, what: &'static str) -> Self {
        Output {
            saved: Some(what),
            ..self
        }
    }
}

/// Writes the result to stdout.
///
/// A closed pipe (`reconnect history | head -1`) counts as success: the command did
/// its work and the reader simply wanted no more, so we stop quietly with exit code 0.
pub fn emit(output: &Output) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    let written = match &output.body {
        Body::Lines(lines) => lines.iter().try_for_each(|line| writeln!(out, "{line}")),
        Body::Json(value) => writeln!(out, "{value:#}"),
        Body::JsonLine(value) => writeln!(out, "{value}"),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(CliError::Write {
            saved: output.saved,
            source,
        }),
    }
}

/// One line on stderr, as JSON when asked.
pub fn error(err: &CliError, json: bool) {
    let message = err.to_string().replace(['\n', '\r'], " ");
    if json {
        let mut value = serde_json::json!({ "error": { "kind": err.kind(), "message": message } });
        // A refusal carries its reasons too, e.g. `{"refusal": "ladder_skip", …}`.
        if let CliError::Core(reconnect_core::Error::Refused(refusal)) = err
            && let Ok(refusal) = serde_json::to_value(refusal)
        {
            value["error"]["refusal"] = refusal;
        }
        to_stderr(&value.to_string());
    } else {
        match hint(err) {
            Some(hint) => to_stderr(&format!("reconnect: {message} ({hint})")),
            None => to_stderr(&format!("reconnect: {message}")),
        }
    }
}

/// How to act on a refusal from the command line, where the core's words can't say.
fn hint(err: &CliError) -> Option<&'static str> {
    use reconnect_core::{Error, Refusal};
    match err {
        CliError::Core(Error::Refused(Refusal::LadderSkip { .. })) => {
            Some("add --skip-ahead to log it anyway")
        }
        CliError::Core(Error::Refused(Refusal::StepLocked { .. })) => {
            Some("`reconnect program` shows what is open")
        }
        _ => None,
    }
}

/// A short aside for people on stderr, kept apart from the result on stdout.
pub fn note(text: &str) {
    to_stderr(&format!("reconnect: {text}"));
}

/// If even stderr is gone there is no one left to tell, so failures are ignored.
fn to_stderr(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}
