//! The SQL a raw SQLCipher connection needs to open a store, for tests that alter
//! files behind the store's back.

/// The `PRAGMA key` statement for a raw 32-byte key (double-quoted, or SQLCipher would
/// treat it as a passphrase).
pub fn key_pragma(key: &[u8]) -> String {
    format!("PRAGMA key = \"x'{}'\";", hex::encode(key))
}
