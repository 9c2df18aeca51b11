//! Hex for keys handed to child processes and to raw SQLCipher connections.

/// Lower-case hex of `bytes`.
pub fn encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses lower- or upper-case hex; `None` for odd lengths or stray characters.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The `PRAGMA key` statement SQLCipher needs for a raw 32-byte key (double-quoted,
/// or SQLCipher would treat it as a passphrase).
pub fn key_pragma(key: &[u8]) -> String {
    format!("PRAGMA key = \"x'{}'\";", encode(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(encode(&bytes), "0001abff");
        assert_eq!(decode("0001ABff").unwrap(), bytes);
        assert!(decode("abc").is_none());
        assert!(decode("zz").is_none());
    }
}
