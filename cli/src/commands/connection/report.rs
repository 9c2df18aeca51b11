//! What a finished pairing or sync says: who the other device is, what moved each way,
//! and whether anything changed here. Names come from the other device, so they are
//! cleaned before they reach the terminal.

use reconnect_core::Peer;
use serde_json::json;

use super::failure::Side;
use crate::clean;
use crate::error::CliError;
use crate::output::Output;
use crate::transport::drive::Driven;
use crate::transport::link::Counts;

pub fn paired(peer: &Peer, side: Side, counts: Counts, json: bool) -> Result<Output, CliError> {
    let output = if json {
        Output::json_line(&json!({
            "event": "paired",
            "side": match side {
                Side::Offering => "offering",
                _ => "joining",
            },
            "peer": {
                "device_id": peer.device_id,
                "name": peer.name,
                "paired_at": peer.paired_at,
            },
            "moved": counts,
        }))?
    } else {
        Output::lines(vec![
            format!(
                "Paired with {} (device {}).",
                clean::one_line(&peer.name),
                peer.device_id
            ),
            moved(counts, None),
            "To sync them: `reconnect sync --listen` on one, `reconnect sync --connect \
             HOST:PORT` on the other."
                .into(),
        ])
    };
    Ok(output.saved("the devices were paired"))
}

/// A finished sync. `target` is how the connecting side chose the device (see
/// `Target::kind`); `--json` reports it, and the listening side has none.
pub fn synced(
    peer: &Peer,
    driven: Driven,
    rounds: u32,
    target: Option<&str>,
    json: bool,
) -> Result<Output, CliError> {
    let output = if json {
        let mut event = json!({
            "event": "synced",
            "peer": { "device_id": peer.device_id, "name": peer.name },
            "changed": driven.changed,
            "moved": driven.counts,
            "rounds": rounds,
        });
        if let Some(target) = target {
            event["target"] = target.into();
        }
        Output::json_line(&event)?
    } else {
        let name = clean::one_line(&peer.name);
        Output::lines(vec![
            if driven.changed {
                format!("Synced with {name}: new changes arrived and were saved here.")
            } else {
                format!("Synced with {name}: nothing new arrived here.")
            },
            moved(driven.counts, Some(rounds)),
        ])
    };
    Ok(output.saved("the sync finished"))
}

/// "Sent 3 frames (1,204 bytes), received 2 frames (96 bytes), in 4 rounds."
fn moved(counts: Counts, rounds: Option<u32>) -> String {
    let mut line = format!(
        "Sent {}, received {}",
        frames(counts.frames_sent, counts.bytes_sent),
        frames(counts.frames_received, counts.bytes_received)
    );
    if let Some(rounds) = rounds {
        line.push_str(&format!(
            ", in {rounds} round{}",
            if rounds == 1 { "" } else { "s" }
        ));
    }
    line.push('.');
    line
}

fn frames(frames: u64, bytes: u64) -> String {
    format!(
        "{frames} frame{} ({} byte{})",
        if frames == 1 { "" } else { "s" },
        grouped(bytes),
        if bytes == 1 { "" } else { "s" }
    )
}

/// 1234567 → "1,234,567".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1234567), "1,234,567");
        let counts = Counts {
            frames_sent: 1,
            bytes_sent: 1204,
            frames_received: 2,
            bytes_received: 1,
        };
        assert_eq!(
            moved(counts, Some(1)),
            "Sent 1 frame (1,204 bytes), received 2 frames (1 byte), in 1 round."
        );
    }
}
