//! Reading the document back: the snapshot, then the chunks written after it, checked
//! against the heads recorded by the last write so a lost chunk is an error, not a gap.

use automerge::{ActorId, AutoCommit, ChangeHash};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;

use super::open::opening_error;
use super::{DeviceIdentity, DocFootprint, StoreError};

pub(crate) struct Loaded {
    pub footprint: DocFootprint,
    pub last_chunk_id: i64,
}

/// Loads the document and sets this device's actor. `check_heads` is false only for
/// schemas older than the one that records heads.
pub(crate) fn load_document(
    conn: &Connection,
    db: &Path,
    device: &DeviceIdentity,
    check_heads: bool,
) -> Result<(AutoCommit, Loaded), StoreError> {
    let snapshot: Option<(Vec<u8>, i64)> = conn
        .query_row(
            "SELECT bytes, last_chunk_id FROM doc_snapshot WHERE id = 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()
        .map_err(|e| opening_error(db, e))?;
    let Some((snapshot, snapshot_last_chunk)) = snapshot else {
        return Err(StoreError::corrupt(db, "the document snapshot is missing"));
    };
    let mut doc = AutoCommit::load(&snapshot)
        .map_err(|e| StoreError::corrupt(db, format!("the document snapshot: {e}")))?;

    let mut loaded = Loaded {
        footprint: DocFootprint {
            snapshot_bytes: snapshot.len() as u64,
            ..DocFootprint::default()
        },
        last_chunk_id: snapshot_last_chunk,
    };
    let mut chunks = Vec::new();
    {
        let mut stmt = conn
            .prepare("SELECT id, bytes FROM doc_chunks WHERE id > ?1 ORDER BY id")
            .map_err(|e| opening_error(db, e))?;
        let mut rows = stmt
            .query(params![snapshot_last_chunk])
            .map_err(|e| opening_error(db, e))?;
        while let Some(row) = rows.next().map_err(|e| opening_error(db, e))? {
            let id: i64 = row.get(0).map_err(|e| opening_error(db, e))?;
            let bytes: Vec<u8> = row.get(1).map_err(|e| opening_error(db, e))?;
            loaded.footprint.chunk_bytes += bytes.len() as u64;
            loaded.footprint.chunk_count += 1;
            loaded.last_chunk_id = id;
            chunks.extend_from_slice(&bytes);
        }
    }
    if !chunks.is_empty() {
        doc.load_incremental(&chunks)
            .map_err(|e| StoreError::corrupt(db, format!("a document chunk: {e}")))?;
    }

    if check_heads {
        let expected: Option<Vec<u8>> = conn
            .query_row(
                "SELECT value FROM local_meta WHERE key = 'heads'",
                [],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| opening_error(db, e))?;
        if let Some(expected) = expected
            && encode_heads(&doc.get_heads()) != expected
        {
            return Err(StoreError::corrupt(
                db,
                "the document is missing changes that were written",
            ));
        }
    }
    doc.set_actor(ActorId::from(device.actor_id.as_slice()));
    Ok((doc, loaded))
}

/// Heads as sorted, concatenated 32-byte hashes.
pub(crate) fn encode_heads(heads: &[ChangeHash]) -> Vec<u8> {
    let mut sorted = heads.to_vec();
    sorted.sort();
    sorted.iter().flat_map(|h| h.0).collect()
}
