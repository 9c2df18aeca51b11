//! This device's long-lived Noise static key pair (X25519), kept in the encrypted store,
//! and the device id derived from its public half.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::fmt;
use zeroize::Zeroizing;

use super::{Store, StoreError};

/// Key generation only uses the Diffie-Hellman part of these parameters (X25519); the
/// sync and pairing patterns use the same curve.
const KEY_PARAMS: &str = "Noise_XX_25519_ChaChaPoly_BLAKE2s";
/// X25519 keys are 32 bytes, private and public.
pub const KEY_LEN: usize = 32;

/// A device id: the lowercase hex of the first 16 bytes of BLAKE3(public key). Anyone
/// holding the public key can check it; nobody can pick a key for a chosen id.
pub fn device_id_for(public_key: &[u8]) -> String {
    hex::encode(&blake3::hash(public_key).as_bytes()[..16])
}

/// The device's static key pair. The private key is wiped from memory when dropped and
/// never printed.
#[derive(Clone)]
pub struct StaticKeys {
    private: Zeroizing<Vec<u8>>,
    public: Vec<u8>,
}

impl fmt::Debug for StaticKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StaticKeys")
            .field("public", &hex::encode(&self.public))
            .finish_non_exhaustive()
    }
}

impl StaticKeys {
    /// A fresh key pair from the operating system's random source.
    pub(crate) fn generate() -> Result<Self, StoreError> {
        let params = KEY_PARAMS.parse().map_err(|err| random_failure(&err))?;
        let pair = snow::Builder::new(params)
            .generate_keypair()
            .map_err(|err| random_failure(&err))?;
        Ok(Self {
            private: Zeroizing::new(pair.private),
            public: pair.public,
        })
    }

    pub fn public(&self) -> &[u8] {
        &self.public
    }

    pub(crate) fn private(&self) -> &[u8] {
        &self.private
    }

    pub fn device_id(&self) -> String {
        device_id_for(&self.public)
    }
}

fn random_failure(err: &dyn fmt::Debug) -> StoreError {
    StoreError::io("key generation", std::io::Error::other(format!("{err:?}")))
}

pub(crate) fn insert(tx: &Transaction<'_>, keys: &StaticKeys) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO device_key (id, private_key, public_key) VALUES (1, ?1, ?2)",
        params![keys.private.as_slice(), keys.public],
    )?;
    Ok(())
}

/// The stored pair, whatever its sizes.
fn read(conn: &Connection) -> rusqlite::Result<Option<StaticKeys>> {
    conn.query_row(
        "SELECT private_key, public_key FROM device_key WHERE id = 1",
        [],
        |row| {
            Ok(StaticKeys {
                private: Zeroizing::new(row.get(0)?),
                public: row.get(1)?,
            })
        },
    )
    .optional()
}

impl Store {
    /// This device's static key pair. A store without one, or with a key of the wrong
    /// size, is damaged.
    pub fn static_keys(&self) -> Result<StaticKeys, StoreError> {
        match read(&self.conn)? {
            Some(keys) if keys.private.len() == KEY_LEN && keys.public.len() == KEY_LEN => Ok(keys),
            Some(_) => Err(StoreError::corrupt(
                &self.path,
                "this device's sync key has the wrong size",
            )),
            None => Err(StoreError::corrupt(
                &self.path,
                "this device's sync key is missing",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_ids_are_32_hex_digits_of_the_key_hash() {
        let keys = StaticKeys::generate().unwrap();
        let id = keys.device_id();
        assert_eq!(id.len(), 32);
        assert!(
            id.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_eq!(id, device_id_for(keys.public()));
        assert_ne!(id, StaticKeys::generate().unwrap().device_id());
    }

    #[test]
    fn debug_never_prints_the_private_key() {
        let keys = StaticKeys::generate().unwrap();
        let text = format!("{keys:?}");
        assert!(!text.contains(&hex::encode(keys.private())));
        assert!(text.contains(&hex::encode(keys.public())));
    }
}
