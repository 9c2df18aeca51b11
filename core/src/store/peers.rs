//! Paired devices, the Automerge sync state kept for each, and one-time pairing offers:
//! the rows behind pairing and sync, outside the shared document.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError};

/// A device this one paired with: its pinned static public key and the name it gave.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Peer {
    pub device_id: String,
    /// The peer's X25519 static public key (32 bytes).
    #[serde(with = "hex_bytes")]
    pub public_key: Vec<u8>,
    pub name: String,
    pub paired_at: DateTime<Utc>,
    /// Set once the peer was revoked; it is refused from then on.
    pub revoked_at: Option<DateTime<Utc>>,
}

mod hex_bytes {
    pub fn serialize<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(bytes))
    }
}

impl Peer {
    pub fn is_revoked(&self) -> bool {
        self.revoked_at.is_some()
    }
}

/// Where a pairing offer stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OfferStatus {
    Unknown,
    Live,
    Expired,
    Used,
}

/// Offers that expired this long ago are deleted when a new one is made.
const OFFER_KEEP_MS: i64 = 24 * 60 * 60 * 1000;

fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

fn peer_from_row(row: &Row<'_>) -> rusqlite::Result<Peer> {
    Ok(Peer {
        device_id: row.get(0)?,
        public_key: row.get(1)?,
        name: row.get(2)?,
        paired_at: instant(row.get(3)?),
        revoked_at: row.get::<_, Option<i64>>(4)?.map(instant),
    })
}

const PEER_COLUMNS: &str = "device_id, public_key, name, paired_at, revoked_at";

impl Store {
    /// Every paired device, revoked ones included, in the order they were paired.
    pub fn peers(&self) -> Result<Vec<Peer>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {PEER_COLUMNS} FROM peers ORDER BY paired_at, device_id"
        ))?;
        let peers = stmt
            .query_map([], peer_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(peers)
    }

    pub fn peer(&self, device_id: &str) -> Result<Option<Peer>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {PEER_COLUMNS} FROM peers WHERE device_id = ?1"),
                [device_id],
                peer_from_row,
            )
            .optional()?)
    }

    pub fn peer_by_key(&self, public_key: &[u8]) -> Result<Option<Peer>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {PEER_COLUMNS} FROM peers WHERE public_key = ?1"),
                [public_key],
                peer_from_row,
            )
            .optional()?)
    }

    /// Pins a peer after a pairing. Pairing again with a known device (a new code was
    /// shown and used) renames it and lifts a revocation; its sync state is kept.
    pub(crate) fn pin_peer(&mut self, peer: &Peer) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO peers (device_id, public_key, name, paired_at, revoked_at)
             VALUES (?1, ?2, ?3, ?4, NULL)
             ON CONFLICT (device_id) DO UPDATE SET
                 public_key = excluded.public_key, name = excluded.name,
                 paired_at = excluded.paired_at, revoked_at = NULL",
            params![
                peer.device_id,
                peer.public_key,
                peer.name,
                millis(peer.paired_at)
            ],
        )?;
        Ok(())
    }

    /// Revokes a peer and forgets its sync state, in one transaction. Returns whether
    /// the device was known; revoking twice keeps the first time.
    pub(crate) fn revoke_peer(
        &mut self,
        device_id: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let known = tx.execute(
            "UPDATE peers SET revoked_at = COALESCE(revoked_at, ?2) WHERE device_id = ?1",
            params![device_id, millis(at)],
        )? > 0;
        tx.execute(
            "DELETE FROM peer_sync_state WHERE device_id = ?1",
            [device_id],
        )?;
        tx.commit()?;
        Ok(known)
    }

    /// The encoded Automerge sync state last persisted for a peer.
    pub(crate) fn sync_state(&self, device_id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT state FROM peer_sync_state WHERE device_id = ?1",
                [device_id],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// The counter for this device's next opening to `device_id`, durably raised first,
    /// so no two openings to a peer ever carry the same one: one more than the last, or
    /// the time in Unix milliseconds if that is higher, so a store restored from an
    /// older copy is ahead again at once.
    pub(crate) fn next_opening(
        &mut self,
        device_id: &str,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let sent: i64 = self.conn.query_row(
            "INSERT INTO peer_openings (device_id, sent) VALUES (?1, MAX(1, ?2))
             ON CONFLICT (device_id) DO UPDATE SET sent = MAX(sent + 1, ?2)
             RETURNING sent",
            params![device_id, millis(now)],
            |row| row.get(0),
        )?;
        Ok(u64::try_from(sent).unwrap_or(0))
    }

    /// Records `counter` from `device_id`'s opening if it is higher than any before, and
    /// says whether it was: an opening that is not is a replay, and nothing is written.
    pub(crate) fn see_opening(
        &mut self,
        device_id: &str,
        counter: u64,
    ) -> Result<bool, StoreError> {
        let Ok(counter) = i64::try_from(counter) else {
            return Ok(false);
        };
        if counter == 0 {
            return Ok(false);
        }
        let raised = self.conn.execute(
            "INSERT INTO peer_openings (device_id, seen) VALUES (?1, ?2)
             ON CONFLICT (device_id) DO UPDATE SET seen = excluded.seen
             WHERE seen < excluded.seen",
            params![device_id, counter],
        )?;
        Ok(raised > 0)
    }

    /// Records a new offer. Older offers still unused are burned (one live code at a
    /// time) and offers long expired are deleted, in the same transaction.
    pub(crate) fn add_pairing_offer(
        &mut self,
        code_hash: &[u8],
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let now = millis(created_at);
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM pairing_offers WHERE expires_at < ?1",
            [now.saturating_sub(OFFER_KEEP_MS)],
        )?;
        tx.execute(
            "UPDATE pairing_offers SET used_at = ?1 WHERE used_at IS NULL",
            [now],
        )?;
        tx.execute(
            "INSERT INTO pairing_offers (code_hash, created_at, expires_at) VALUES (?1, ?2, ?3)",
            params![code_hash, now, millis(expires_at)],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn pairing_offer_status(
        &self,
        code_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<OfferStatus, StoreError> {
        let row: Option<(i64, Option<i64>)> = self
            .conn
            .query_row(
                "SELECT expires_at, used_at FROM pairing_offers WHERE code_hash = ?1",
                [code_hash],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        Ok(match row {
            None => OfferStatus::Unknown,
            Some((_, Some(_))) => OfferStatus::Used,
            Some((expires, None)) if millis(now) >= expires => OfferStatus::Expired,
            Some(_) => OfferStatus::Live,
        })
    }

    /// Marks a live offer used, durably, and returns the status it had: only the caller
    /// that gets `Live` back may go on. Whatever happens next, the offer is spent.
    pub(crate) fn claim_pairing_offer(
        &mut self,
        code_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<OfferStatus, StoreError> {
        let tx = self.conn.transaction()?;
        let claimed = tx.execute(
            "UPDATE pairing_offers SET used_at = ?2
             WHERE code_hash = ?1 AND used_at IS NULL AND expires_at > ?2",
            params![code_hash, millis(now)],
        )? == 1;
        tx.commit()?;
        if claimed {
            Ok(OfferStatus::Live)
        } else {
            self.pairing_offer_status(code_hash, now)
        }
    }
}
