//! Which paired device a connecting `reconnect sync` speaks to: the one `--to` names,
//! else the only one not revoked, else whichever paired device answers. A session to
//! a chosen device is one round trip shorter, and only that device can open it.
//!
//! Names come from the other devices, so they are cleaned before they are shown.

use reconnect_core::{Error, Peer, SyncError};

use crate::clean;
use crate::commands::connection::failure::{Cause, LinkError, Side, from_drive};
use crate::error::CliError;
use crate::transport::drive::DriveError;

/// The device a connecting sync is meant for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Named with `--to`.
    Given(Peer),
    /// The only paired device that is not revoked.
    OnlyPaired(Peer),
    /// Whichever paired device answers: none, or several, are not revoked.
    AnyPaired,
}

impl Target {
    /// Chooses among this device's `peers` (revoked ones included); `to` is `--to` as
    /// typed. Refused, before anything reaches the network, when `to` names no device,
    /// several, or a revoked one.
    pub fn choose(peers: &[Peer], to: Option<&str>) -> Result<Target, CliError> {
        if let Some(typed) = to {
            return named(peers, typed).map(|peer| Target::Given(peer.clone()));
        }
        let mut usable = peers.iter().filter(|peer| !peer.is_revoked());
        Ok(match (usable.next(), usable.next()) {
            (Some(only), None) => Target::OnlyPaired(only.clone()),
            _ => Target::AnyPaired,
        })
    }

    /// The chosen device, if there is one.
    pub fn peer(&self) -> Option<&Peer> {
        match self {
            Target::Given(peer) | Target::OnlyPaired(peer) => Some(peer),
            Target::AnyPaired => None,
        }
    }

    /// How the device was chosen, for `--json`.
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Given(_) => "given",
            Target::OnlyPaired(_) => "only_paired",
            Target::AnyPaired => "any_paired",
        }
    }
}

/// A failed session, worded for this side: `target` is the connecting side's choice,
/// `None` on the listening side. A session to a chosen device that fails on its very
/// first frame most likely reached another device: the one that connected says so
/// when the device that answered ends it at once, and the listener when it cannot open
/// that frame (it was sealed for another device's key). Any other failure keeps its
/// usual words.
pub fn failure(target: Option<&Target>, err: DriveError, frames_received: u64) -> CliError {
    let first_frame = frames_received <= 1;
    let cause = match (target.map(Target::peer), &err) {
        (Some(Some(peer)), DriveError::Session(Error::Sync(SyncError::PeerAborted)))
            if first_frame =>
        {
            Some(Cause::Unopened {
                device: described(peer),
            })
        }
        (None, DriveError::Session(Error::Sync(SyncError::Decrypt))) if first_frame => {
            Some(Cause::Misaddressed)
        }
        _ => None,
    };
    match cause {
        Some(cause) => LinkError::new(Side::Syncing, cause).into(),
        None => from_drive(Side::Syncing, err),
    }
}

/// The one paired device `typed` names: its id (any case), else its name, exactly but
/// for case, as stored or as `reconnect devices` shows it.
fn named<'a>(peers: &'a [Peer], typed: &str) -> Result<&'a Peer, CliError> {
    let wanted = typed.trim().to_lowercase();
    let shown = format!("{:?}", clean::one_line(typed.trim()));
    let by_id = peers
        .iter()
        .find(|peer| peer.device_id.to_lowercase() == wanted);
    let matching: Vec<&Peer> = match by_id {
        Some(peer) => vec![peer],
        None => peers
            .iter()
            .filter(|peer| {
                peer.name.to_lowercase() == wanted
                    || clean::one_line(&peer.name).to_lowercase() == wanted
            })
            .collect(),
    };
    match matching[..] {
        [peer] if peer.is_revoked() => Err(CliError::invalid(format!(
            "{} was revoked here, so it may not sync with this device; pairing them again \
             with a new code lets it back",
            described(peer)
        ))),
        [peer] => Ok(peer),
        [] if peers.is_empty() => Err(CliError::invalid(format!(
            "no paired device is named or has the id {shown}: this device is not paired with \
             any yet; pair them first: `reconnect pair offer` on one, `reconnect pair join \
             CODE` on the other"
        ))),
        [] => Err(CliError::invalid(format!(
            "no paired device is named or has the id {shown}; the paired devices are {}",
            listed(peers.iter())
        ))),
        _ => Err(CliError::invalid(format!(
            "{} paired devices are named {shown}: {}; give --to the id of the one you mean",
            matching.len(),
            listed(matching.into_iter())
        ))),
    }
}

/// "terminal on beta (id 3f2a…)", with ", revoked" for a revoked device.
fn described(peer: &Peer) -> String {
    let revoked = if peer.is_revoked() { ", revoked" } else { "" };
    format!(
        "{} (id {}{revoked})",
        clean::one_line(&peer.name),
        peer.device_id
    )
}

/// Devices one after another: "a (id 1), b (id 2)".
fn listed<'a>(peers: impl Iterator<Item = &'a Peer>) -> String {
    peers.map(described).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn peer(id: &str, name: &str, revoked: bool) -> Peer {
        let at = Utc.with_ymd_and_hms(2026, 11, 29, 19, 0, 0).unwrap();
        Peer {
            device_id: id.into(),
            public_key: vec![7; 32],
            name: name.into(),
            paired_at: at,
            revoked_at: revoked.then_some(at),
        }
    }

    fn refusal(peers: &[Peer], to: &str) -> String {
        let err = Target::choose(peers, Some(to)).unwrap_err();
        assert_eq!(err.kind(), "invalid_input");
        assert_eq!(err.exit_code(), 2);
        let text = err.to_string();
        assert!(!text.contains('\n'), "{text}");
        text
    }

    #[test]
    fn to_names_a_device_by_id_or_by_name_in_any_case() {
        let peers = [
            peer("aaaa1111", "Terminal on Beta", false),
            peer("bbbb2222", "phone", false),
        ];
        for to in ["bbbb2222", "BBBB2222", " phone ", "PHONE"] {
            assert_eq!(
                Target::choose(&peers, Some(to)).unwrap(),
                Target::Given(peers[1].clone()),
                "{to}"
            );
        }
        let beta = Target::choose(&peers, Some("terminal on beta")).unwrap();
        assert_eq!(beta.peer(), Some(&peers[0]));
        assert_eq!(beta.kind(), "given");
        // Exact names only: a beginning is not enough.
        assert!(Target::choose(&peers, Some("terminal")).is_err());
        assert!(Target::choose(&peers, Some("aaaa")).is_err());
    }

    #[test]
    fn a_name_shown_cleaned_matches_too() {
        let peers = [peer("aaaa1111", "lap\u{1b}top", false)];
        assert!(Target::choose(&peers, Some("laptop")).is_ok());
        assert!(Target::choose(&peers, Some("lap\u{1b}top")).is_ok());
    }

    #[test]
    fn unknown_shared_and_revoked_names_are_refused_with_the_devices() {
        let peers = [
            peer("aaaa1111", "twin", false),
            peer("bbbb2222", "Twin", true),
            peer("cccc3333", "old\u{1b}[2J phone", true),
        ];
        let unknown = refusal(&peers, "nobody");
        assert!(unknown.contains("\"nobody\""), "{unknown}");
        for listed in [
            "twin (id aaaa1111)",
            "Twin (id bbbb2222, revoked)",
            "old[2J phone (id cccc3333, revoked)",
        ] {
            assert!(unknown.contains(listed), "{unknown}");
        }
        let shared = refusal(&peers, "TWIN");
        assert!(shared.starts_with("2 paired devices are named \"TWIN\""));
        assert!(shared.contains("twin (id aaaa1111), Twin (id bbbb2222, revoked)"));
        assert!(shared.contains("give --to the id"), "{shared}");
        let revoked = refusal(&peers, "cccc3333");
        assert!(revoked.starts_with("old[2J phone (id cccc3333, revoked) was revoked here"));
        let none = refusal(&[], "twin");
        assert!(none.contains("not paired with any yet"), "{none}");
        assert!(refusal(&peers, "").contains("\"\""));
    }

    #[test]
    fn without_to_the_only_usable_device_is_chosen_else_any() {
        let beta = peer("aaaa1111", "beta", false);
        let gone = peer("bbbb2222", "gone", true);
        let gamma = peer("cccc3333", "gamma", false);
        let only = Target::choose(&[gone.clone(), beta.clone()], None).unwrap();
        assert_eq!(only, Target::OnlyPaired(beta.clone()));
        assert_eq!(only.kind(), "only_paired");
        for peers in [vec![], vec![gone.clone()], vec![beta, gamma, gone]] {
            let any = Target::choose(&peers, None).unwrap();
            assert_eq!(any, Target::AnyPaired, "{peers:?}");
            assert_eq!((any.peer(), any.kind()), (None, "any_paired"));
        }
    }

    #[test]
    fn a_first_frame_refused_says_the_wrong_device_may_have_answered() {
        let chosen = Target::Given(peer("aaaa1111", "beta", false));
        let aborted = || DriveError::Session(SyncError::PeerAborted.into());
        let first = failure(Some(&chosen), aborted(), 1);
        assert_eq!(first.kind(), "peer_aborted");
        let words = first.to_string();
        assert!(words.contains("probably not beta (id aaaa1111)"), "{words}");
        // Later in the session, or to whichever device answers: the usual words.
        for (target, frames) in [(&chosen, 3), (&Target::AnyPaired, 1)] {
            let later = failure(Some(target), aborted(), frames).to_string();
            assert!(later.contains("a problem on its side"), "{later}");
        }

        // The listener, unable to open a first frame sealed for another device.
        let unreadable = || DriveError::Session(SyncError::Decrypt.into());
        let listener = failure(None, unreadable(), 1);
        assert_eq!(listener.kind(), "protocol");
        let words = listener.to_string();
        assert!(words.contains("trying to reach another device"), "{words}");
        let later = failure(None, unreadable(), 2).to_string();
        assert!(later.contains("something unreadable arrived"), "{later}");
    }
}
