//! A failed pairing or sync, worded for the side the user is on: what happened, and
//! what to do next, on one line. `--json` names it with a stable kind.

use reconnect_core::SyncError;

use crate::transport::TransportError;
use crate::transport::drive::DriveError;
use crate::transport::error::minutes;

/// Which part this device played.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Showed the code (`pair offer`).
    Offering,
    /// Typed the code (`pair join`).
    Joining,
    Syncing,
}

#[derive(Debug)]
pub enum Cause {
    Session(SyncError),
    Transport(TransportError),
    /// A sync to a chosen device that the device which answered ended before replying:
    /// it could not open it, so it is most likely another device. `device` names the
    /// chosen one, for people.
    Unopened {
        device: String,
    },
    /// The first frame of a sync could not be opened here: most likely the device that
    /// connected chose another device to sync with.
    Misaddressed,
}

#[derive(Debug, thiserror::Error)]
#[error("{}", self.words())]
pub struct LinkError {
    pub side: Side,
    pub cause: Cause,
}

impl LinkError {
    pub fn new(side: Side, cause: Cause) -> Self {
        LinkError { side, cause }
    }

    pub fn transport(side: Side, err: TransportError) -> Self {
        match err {
            TransportError::Frame(err) => LinkError::new(side, Cause::Session(err)),
            err => LinkError::new(side, Cause::Transport(err)),
        }
    }

    pub fn kind(&self) -> &'static str {
        match &self.cause {
            Cause::Session(err) => sync_kind(err),
            Cause::Transport(err) => transport_kind(err),
            Cause::Unopened { .. } => sync_kind(&SyncError::PeerAborted),
            Cause::Misaddressed => sync_kind(&SyncError::Decrypt),
        }
    }

    fn words(&self) -> String {
        match &self.cause {
            Cause::Session(err) => session_words(self.side, err),
            Cause::Transport(err) => transport_words(self.side, err),
            Cause::Unopened { device } => format!(
                "the device that answered ended the session before it began: it is probably \
                 not {device}, so check the address (if it is, its own message says what went \
                 wrong there); {}",
                again(self.side)
            ),
            Cause::Misaddressed => "the device that connected was trying to reach another \
                 device, not this one, so nothing was exchanged; check the address it used (and \
                 its --to, if it gave one)"
                .into(),
        }
    }
}

/// Turns a driver's failure into the CLI's: sync errors worded for `side`, anything
/// else (the store failing, say) as the core says it.
pub fn from_drive(side: Side, err: DriveError) -> crate::error::CliError {
    match err {
        DriveError::Session(err) => from_core(side, err),
        DriveError::Transport(err) => LinkError::transport(side, err).into(),
    }
}

pub fn from_core(side: Side, err: reconnect_core::Error) -> crate::error::CliError {
    match err {
        reconnect_core::Error::Sync(err) => LinkError::new(side, Cause::Session(err)).into(),
        other => other.into(),
    }
}

/// A stable name for each sync error, for `--json`.
pub fn sync_kind(err: &SyncError) -> &'static str {
    match err {
        SyncError::WrongCode => "wrong_code",
        SyncError::OfferExpired => "offer_expired",
        SyncError::OfferUsed => "offer_used",
        SyncError::UnknownOffer => "unknown_offer",
        SyncError::UnknownPeer => "not_paired",
        SyncError::RevokedPeer => "revoked",
        SyncError::RefusedByPeer => "refused_by_peer",
        SyncError::WrongDevice => "wrong_device",
        SyncError::PeerAborted => "peer_aborted",
        SyncError::FrameTooLarge { .. }
        | SyncError::MessageTooLarge { .. }
        | SyncError::SessionTooLarge { .. } => "too_large",
        SyncError::Malformed(_) | SyncError::Decrypt | SyncError::Protocol(_) => "protocol",
        SyncError::RootsReplaced => "incompatible",
        SyncError::Crypto(_) => "crypto",
        SyncError::SessionEnded | SyncError::StoreClosed => "internal",
    }
}

fn transport_kind(err: &TransportError) -> &'static str {
    match err {
        TransportError::BadAddress { .. } => "usage",
        TransportError::NotFound { .. } | TransportError::Unreachable { .. } => "unreachable",
        TransportError::Bind { .. } => "cannot_listen",
        TransportError::NobodyCame { .. }
        | TransportError::Silent { .. }
        | TransportError::TooLong { .. } => "timed_out",
        TransportError::Closed => "disconnected",
        TransportError::Io(_) => "network",
        TransportError::Frame(err) => sync_kind(err),
    }
}

/// What to do after a failure that may be tried again.
fn again(side: Side) -> &'static str {
    match side {
        Side::Offering => "run `reconnect pair offer` again for a new code",
        Side::Joining => "make a new offer on the other device and try again",
        Side::Syncing => "what was already synced is kept, so just try again",
    }
}

fn session_words(side: Side, err: &SyncError) -> String {
    let again = again(side);
    match (err, side) {
        (SyncError::WrongCode, Side::Offering) => format!(
            "the other device used a code that did not match, so this offer is spent; {again}"
        ),
        (SyncError::WrongCode, _) => format!("that code did not work; {again}"),
        (SyncError::OfferExpired, Side::Offering) => {
            format!("this offer expired before the other device joined; {again}")
        }
        (SyncError::OfferExpired, _) => format!("that code has expired; {again}"),
        (SyncError::OfferUsed, Side::Offering) => format!("this offer was already used; {again}"),
        (SyncError::OfferUsed, _) => format!("that code was already used; {again}"),
        (SyncError::UnknownOffer, _) => {
            format!("this device made no offer with that code; {again}")
        }
        (SyncError::UnknownPeer, _) => "the other device is not paired with this one, so it may \
             not sync here; pair them first: `reconnect pair offer` on one, `reconnect pair join \
             CODE` on the other"
            .into(),
        (SyncError::RevokedPeer, _) => "the other device was revoked here (see `reconnect \
             devices`), so it may not sync with this one; pairing them again with a new code lets \
             it back"
            .into(),
        (SyncError::RefusedByPeer, _) => "the other device does not recognise this one (they \
             were never paired, or it was removed there); pair them again with a new code to sync"
            .into(),
        (SyncError::WrongDevice, _) => format!(
            "the device that answered is not the one that showed the code; check the address, \
             then {again}"
        ),
        (SyncError::PeerAborted, _) => format!(
            "the other device ended the session because of a problem on its side (its own \
             message says which); {again}"
        ),
        (
            SyncError::FrameTooLarge { .. }
            | SyncError::MessageTooLarge { .. }
            | SyncError::SessionTooLarge { .. },
            _,
        ) => format!("the session was stopped: {err}; {again}"),
        (SyncError::Malformed(_) | SyncError::Decrypt | SyncError::Protocol(_), _) => {
            format!("the session was stopped because something unreadable arrived ({err}); {again}")
        }
        (SyncError::RootsReplaced, _) => format!(
            "{err}, so nothing from it was kept; are both devices running the same version of \
             Reconnect?"
        ),
        (SyncError::Crypto(_) | SyncError::SessionEnded | SyncError::StoreClosed, _) => {
            err.to_string()
        }
    }
}

fn transport_words(side: Side, err: &TransportError) -> String {
    let again = again(side);
    match err {
        TransportError::Unreachable { addr, source } => {
            let expected = match side {
                Side::Offering => "`reconnect pair join CODE --listen`",
                Side::Joining => "`reconnect pair offer`",
                Side::Syncing => "`reconnect sync --listen`",
            };
            format!(
                "could not reach the other device at {addr} ({source}); is {expected} waiting \
                 there, and is the address right?"
            )
        }
        TransportError::NotFound { text, source } => {
            format!("could not find {text} ({source}); check the address")
        }
        TransportError::Bind { addr, source } if source.kind() == std::io::ErrorKind::AddrInUse => {
            format!(
                "could not listen on {addr}: that port is already in use (another `reconnect` \
                 waiting?); choose another with --listen ADDR:PORT"
            )
        }
        TransportError::NobodyCame { waited } if side == Side::Offering => format!(
            "no device joined within {}, so the code has expired; run `reconnect pair offer` \
             again when the other device is ready",
            minutes(*waited)
        ),
        TransportError::NobodyCame { waited } => format!(
            "no device connected within {}; start again when the other device is ready",
            minutes(*waited)
        ),
        TransportError::Silent { waited } => format!(
            "the other device was silent for {} seconds, so the connection was closed; {again}",
            waited.as_secs()
        ),
        TransportError::Closed if side != Side::Syncing => format!(
            "the other device closed the connection before pairing finished (its own message \
             says why); {again}"
        ),
        TransportError::Closed => format!(
            "the other device closed the connection before the sync finished (its own message \
             says why); {again}"
        ),
        TransportError::Frame(err) => session_words(side, err),
        TransportError::TooLong { .. } | TransportError::Io(_) => format!("{err}; {again}"),
        TransportError::Bind { .. } | TransportError::BadAddress { .. } => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_code_is_worded_for_each_side() {
        let joining = LinkError::new(Side::Joining, Cause::Session(SyncError::WrongCode));
        assert_eq!(
            joining.to_string(),
            "that code did not work; make a new offer on the other device and try again"
        );
        let offering = LinkError::new(Side::Offering, Cause::Session(SyncError::WrongCode));
        assert!(offering.to_string().contains("this offer is spent"));
        assert_eq!(offering.kind(), "wrong_code");
    }

    #[test]
    fn every_message_is_one_line() {
        let errors = [
            SyncError::WrongCode,
            SyncError::OfferExpired,
            SyncError::OfferUsed,
            SyncError::UnknownOffer,
            SyncError::UnknownPeer,
            SyncError::RevokedPeer,
            SyncError::RefusedByPeer,
            SyncError::WrongDevice,
            SyncError::PeerAborted,
            SyncError::FrameTooLarge {
                announced: 9,
                max: 1,
            },
            SyncError::Decrypt,
            SyncError::RootsReplaced,
        ];
        for side in [Side::Offering, Side::Joining, Side::Syncing] {
            for err in &errors {
                let text = LinkError::new(side, Cause::Session(err.clone())).to_string();
                assert!(!text.contains('\n') && !text.contains("  "), "{text}");
            }
        }
    }
}
