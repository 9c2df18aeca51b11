//! What can go wrong on the wire, apart from the session's own errors. The commands
//! word these for the side the user is on.

use std::io;
use std::time::Duration;

use reconnect_core::SyncError;

#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// Not an address and port as typed (checked before anything else happens).
    #[error(
        "{text:?} is not an address and port, like 127.0.0.1:{}",
        super::DEFAULT_PORT
    )]
    BadAddress { text: String },
    /// The name did not resolve to any address.
    #[error("could not find {text}: {source}")]
    NotFound { text: String, source: io::Error },
    #[error("could not listen on {addr}: {source}")]
    Bind { addr: String, source: io::Error },
    #[error("could not reach {addr}: {source}")]
    Unreachable { addr: String, source: io::Error },
    /// No device connected before the deadline.
    #[error("no device connected within {}", minutes(*waited))]
    NobodyCame { waited: Duration },
    /// The peer sent nothing (or took nothing) for one whole I/O timeout.
    #[error("the other device was silent for {} seconds", waited.as_secs())]
    Silent { waited: Duration },
    /// The session went past its overall limit.
    #[error("the session took longer than {}", minutes(*limit))]
    TooLong { limit: Duration },
    /// The peer closed or reset the connection before the session was over.
    #[error("the other device closed the connection before the session was over")]
    Closed,
    #[error("the connection failed: {0}")]
    Io(io::Error),
    /// The byte stream could not be cut into frames (e.g. a header announcing 4 GiB).
    #[error(transparent)]
    Frame(SyncError),
}

/// "10 minutes", "1 minute", "45 seconds".
pub fn minutes(time: Duration) -> String {
    // Rounded to the second: a wait measured as 599.98 s was meant as 10 minutes.
    let secs = (time.as_millis() + 500) / 1000;
    match secs {
        60 => "1 minute".into(),
        secs if secs.is_multiple_of(60) => format!("{} minutes", secs / 60),
        secs => format!("{secs} seconds"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_told_in_round_units() {
        assert_eq!(minutes(Duration::from_secs(60)), "1 minute");
        assert_eq!(minutes(Duration::from_millis(599_980)), "10 minutes");
        assert_eq!(minutes(Duration::from_secs(45)), "45 seconds");
    }
}
