//! The caller's 32-byte store key, and the key-check file that lets us say "wrong key"
//! instead of "damaged file" without ever touching the database.
//!
//! The key-check file holds a magic line and a keyed BLAKE3 hash of a fixed context; it
//! reveals nothing about the user's content.

use super::StoreError;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::Path;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

const KEYCHECK_MAGIC: &[u8] = b"RECONNECT-KEYCHECK-1\n";
const KEYCHECK_CONTEXT: &[u8] = b"reconnect store key check";

/// The SQLCipher key for one store. Never printed; wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct StoreKey([u8; 32]);

impl StoreKey {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, StoreError> {
        let array: Zeroizing<[u8; 32]> = Zeroizing::new(
            bytes
                .try_into()
                .map_err(|_| StoreError::InvalidKey(bytes.len()))?,
        );
        Ok(Self(*array))
    }

    /// A fresh random key from the operating system's generator.
    pub fn generate() -> Result<Self, StoreError> {
        Self::from_bytes(&Zeroizing::new(super::files::random_bytes(32)?))
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as 64 lowercase hex digits, for key files.
    /// Built in place at its final size, so no copy is left behind in freed memory.
    pub fn to_hex(&self) -> Zeroizing<String> {
        let mut digits = Zeroizing::new([0u8; 64]);
        let mut text = Zeroizing::new(String::with_capacity(64));
        if hex::encode_to_slice(self.0, &mut digits[..]).is_ok() {
            text.extend(digits.iter().map(|&b| char::from(b)));
        }
        text
    }

    /// Parses 64 hex digits (surrounding whitespace allowed).
    pub fn from_hex(text: &str) -> Result<Self, StoreError> {
        let bytes =
            Zeroizing::new(hex::decode(text.trim()).map_err(|_| StoreError::InvalidKey(0))?);
        Self::from_bytes(&bytes)
    }

    /// The `PRAGMA key` value for a raw (not passphrase-derived) SQLCipher key.
    pub(crate) fn sqlcipher_pragma(&self) -> Zeroizing<String> {
        let hex = self.to_hex();
        let mut pragma = Zeroizing::new(String::with_capacity(hex.len() + 3));
        pragma.push_str("x'");
        pragma.push_str(&hex);
        pragma.push('\'');
        pragma
    }

    fn check_value(&self) -> [u8; 32] {
        *blake3::keyed_hash(&self.0, KEYCHECK_CONTEXT).as_bytes()
    }
}

impl fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StoreKey(..)")
    }
}

/// What the key-check file says about a key.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum KeyCheck {
    Matches,
    Mismatch,
    Missing,
    Unreadable,
}

pub(crate) fn check(path: &Path, key: &StoreKey) -> Result<KeyCheck, StoreError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(KeyCheck::Missing),
        Err(err) => return Err(StoreError::io(path, err)),
    };
    let Some(value) = bytes.strip_prefix(KEYCHECK_MAGIC) else {
        return Ok(KeyCheck::Unreadable);
    };
    if value.len() != 32 {
        return Ok(KeyCheck::Unreadable);
    }
    Ok(if value == key.check_value() {
        KeyCheck::Matches
    } else {
        KeyCheck::Mismatch
    })
}

/// Writes the key-check file atomically (temp file, fsync, rename).
pub(crate) fn write(path: &Path, key: &StoreKey) -> Result<(), StoreError> {
    let tmp = path.with_extension("keycheck-new");
    let mut file = fs::File::create(&tmp).map_err(|e| StoreError::io(&tmp, e))?;
    file.write_all(KEYCHECK_MAGIC)
        .and_then(|_| file.write_all(&key.check_value()))
        .and_then(|_| file.sync_all())
        .map_err(|e| StoreError::io(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| StoreError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_must_be_32_bytes() {
        assert!(matches!(
            StoreKey::from_bytes(&[1; 31]),
            Err(StoreError::InvalidKey(31))
        ));
        assert!(StoreKey::from_bytes(&[1; 32]).is_ok());
    }

    #[test]
    fn the_check_file_tells_keys_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        let right = StoreKey::from_bytes(&[7; 32]).unwrap();
        let wrong = StoreKey::from_bytes(&[8; 32]).unwrap();
        assert_eq!(check(&path, &right).unwrap(), KeyCheck::Missing);
        write(&path, &right).unwrap();
        assert_eq!(check(&path, &right).unwrap(), KeyCheck::Matches);
        assert_eq!(check(&path, &wrong).unwrap(), KeyCheck::Mismatch);
        std::fs::write(&path, b"garbage").unwrap();
        assert_eq!(check(&path, &right).unwrap(), KeyCheck::Unreadable);
    }

    #[test]
    fn debug_never_prints_the_key() {
        let key = StoreKey::from_bytes(&[0xab; 32]).unwrap();
        assert!(!format!("{key:?}").contains("ab"));
    }
}
