//! `reconnect devices revoke ID`: refuse a paired device from now on. Its copy of the
//! data stays with it; pairing again with a new code lifts the refusal.

use reconnect_core::{Peer, Reconnect};
use serde_json::json;

use super::{describe, shown};
use crate::clean;
use crate::error::CliError;
use crate::output::Output;

/// The shortest beginning of an id that may stand for it.
const MIN_PREFIX: usize = 4;

/// An id as typed: trimmed, lower case, hex only.
pub fn typed_id(text: &str) -> Result<String, CliError> {
    let id = text.trim().to_ascii_lowercase();
    if id.len() < MIN_PREFIX || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(CliError::invalid(format!(
            "{text:?} is not a device id; `reconnect devices` shows them (the first \
             {MIN_PREFIX} characters or more will do)"
        )));
    }
    Ok(id)
}

pub fn run(app: &Reconnect, id: &str, json: bool) -> Result<Output, CliError> {
    let peers = app.peers()?;
    let peer = find(&peers, id)?;
    let already = peer.is_revoked();
    if !already {
        app.revoke_peer(&peer.device_id)?;
    }
    let peer = app
        .peers()?
        .into_iter()
        .find(|p| p.device_id == peer.device_id)
        .ok_or_else(|| CliError::Internal("the device vanished while revoking it".into()))?;
    let output = if json {
        Output::json(&json!({ "revoked": shown(&peer), "already_revoked": already }))?
    } else {
        let name = clean::one_line(&peer.name);
        let mut lines = if already {
            vec![format!("{name} was already revoked; nothing changed.")]
        } else {
            vec![format!(
                "Revoked {name}: it may no longer sync with this device. Its copy of your data \
                 stays on it until you wipe it there; pairing again with a new code brings it \
                 back."
            )]
        };
        lines.extend(describe(&peer, app.time_zone()?));
        Output::lines(lines)
    };
    Ok(output.saved("the device was revoked"))
}

/// The device `id` (or a unique beginning of it) names.
fn find<'a>(peers: &'a [Peer], id: &str) -> Result<&'a Peer, CliError> {
    if let Some(exact) = peers.iter().find(|p| p.device_id == id) {
        return Ok(exact);
    }
    let matching: Vec<&Peer> = peers
        .iter()
        .filter(|p| p.device_id.starts_with(id))
        .collect();
    match matching[..] {
        [one] => Ok(one),
        [] => Err(CliError::invalid(format!(
            "no paired device has the id {id:?}; `reconnect devices` lists them"
        ))),
        _ => Err(CliError::invalid(format!(
            "{} paired devices have ids starting with {id:?}; give more of the id",
            matching.len()
        ))),
    }
}
