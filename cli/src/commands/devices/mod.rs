//! `reconnect devices`: this device and the ones paired with it; `devices revoke ID`
//! stops syncing with one. Names come from the other devices, so they are cleaned
//! before they reach the terminal.

pub mod revoke;

use chrono_tz::Tz;
use reconnect_core::{Peer, Reconnect};
use serde_json::{Value, json};

use crate::args::{Cli, DevicesAction, DevicesArgs};
use crate::clean;
use crate::commands::when;
use crate::context::open;
use crate::error::CliError;
use crate::output::Output;

pub fn run(cli: &Cli, args: &DevicesArgs) -> Result<Output, CliError> {
    match &args.action {
        None => list(&open(cli)?, cli.json),
        Some(DevicesAction::Revoke { id }) => {
            let id = revoke::typed_id(id)?;
            revoke::run(&open(cli)?, &id, cli.json)
        }
    }
}

fn list(app: &Reconnect, json: bool) -> Result<Output, CliError> {
    let peers = app.peers()?;
    let me = app.device();
    if json {
        return Output::json(&json!({
            "this_device": { "device_id": me.device_id, "name": me.name },
            "devices": peers.iter().map(shown).collect::<Vec<_>>(),
        }));
    }
    let zone = app.time_zone()?;
    let mut lines = vec![format!(
        "This device: {} (id {})",
        clean::one_line(&me.name),
        me.device_id
    )];
    if peers.is_empty() {
        lines.push(
            "No paired devices yet. To pair one: `reconnect pair offer` here, then \
             `reconnect pair join CODE` there."
                .into(),
        );
        return Ok(Output::lines(lines));
    }
    lines.push("Paired devices:".into());
    for peer in &peers {
        lines.extend(describe(peer, zone));
    }
    Ok(Output::lines(lines))
}

/// A paired device for `--json`.
pub fn shown(peer: &Peer) -> Value {
    json!({
        "device_id": peer.device_id,
        "name": peer.name,
        "paired_at": peer.paired_at,
        "revoked": peer.is_revoked(),
        "revoked_at": peer.revoked_at,
    })
}

/// Two lines: the name (and whether it was removed), then its id and dates.
pub fn describe(peer: &Peer, zone: Tz) -> Vec<String> {
    let name = clean::one_line(&peer.name);
    let mut details = format!(
        "    id {}  ·  paired {}",
        peer.device_id,
        when::moment(peer.paired_at, zone)
    );
    let headline = match peer.revoked_at {
        Some(at) => {
            details.push_str(&format!("  ·  revoked {}", when::moment(at, zone)));
            format!("  {name} (revoked: it may not sync here)")
        }
        None => format!("  {name}"),
    };
    vec![headline, details]
}
