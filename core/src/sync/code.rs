//! Pairing codes: 10 random Crockford base-32 characters (50 bits), shown as
//! `XXXXX-XXXXX` and inside a QR-ready string `reconnect-pair:1:<device id>:<code>`.
//! The Noise pre-shared key and the offer's stored id are derived from the code with
//! BLAKE3 under fixed contexts, so the store never holds the code or the key.

use super::error::SyncError;
use crate::error::{Error, Result};

/// Crockford's base-32 alphabet: no I, L, O or U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_CHARS: usize = 10;
pub const QR_PREFIX: &str = "reconnect-pair:1:";
const PSK_CONTEXT: &str = "reconnect 2026-11 pairing pre-shared key v1";
const OFFER_ID_CONTEXT: &str = "reconnect 2026-11 pairing offer id v1";
const RENDEZVOUS_CONTEXT: &str = "reconnect 2026-12 pairing rendezvous name v1";
/// Hex characters in a rendezvous name.
pub const RENDEZVOUS_CHARS: usize = 16;

/// A pairing code in canonical form (10 upper-case alphabet characters, no dash).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct PairingCode(String);

impl std::fmt::Debug for PairingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PairingCode(..)")
    }
}

impl PairingCode {
    pub(crate) fn generate() -> Result<Self> {
        let bytes = crate::store::random_bytes(CODE_CHARS)?;
        // 10 bytes, 5 bits of each: uniform over the alphabet.
        let code = bytes
            .iter()
            .map(|b| char::from(ALPHABET[usize::from(b & 0x1f)]))
            .collect();
        Ok(Self(code))
    }

    /// Reads a code as a person typed it: case, dashes and spaces do not matter, and
    /// O, I and L are read as 0, 1 and 1.
    pub(crate) fn parse(text: &str) -> Result<Self> {
        let mut code = String::with_capacity(CODE_CHARS);
        for c in text.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) || code.len() == CODE_CHARS {
                return Err(invalid_code());
            }
            code.push(c);
        }
        if code.len() != CODE_CHARS {
            return Err(invalid_code());
        }
        Ok(Self(code))
    }

    /// `XXXXX-XXXXX`, for people.
    pub(crate) fn display(&self) -> String {
        format!("{}-{}", &self.0[..5], &self.0[5..])
    }

    pub(crate) fn qr(&self, device_id: &str) -> String {
        format!("{QR_PREFIX}{device_id}:{}", self.0)
    }

    pub(crate) fn psk(&self) -> [u8; 32] {
        blake3::derive_key(PSK_CONTEXT, self.0.as_bytes())
    }

    /// The id under which the offer is stored; reveals nothing the store does not
    /// already protect, and is not the key.
    pub(crate) fn offer_id(&self) -> [u8; 32] {
        blake3::derive_key(OFFER_ID_CONTEXT, self.0.as_bytes())
    }
}

/// The name a device offering pairing advertises on the local network, and the joining
/// device looks for: derived from the code, so only someone holding the code can tell
/// it apart, and nothing about Reconnect or the person shows. `code_or_qr` is read as
/// the joining device reads it (typed code or QR string).
pub fn rendezvous(code_or_qr: &str) -> Result<String> {
    let code = Invitation::parse(code_or_qr)?.code;
    let key = blake3::derive_key(RENDEZVOUS_CONTEXT, code.0.as_bytes());
    Ok(hex::encode(&key[..RENDEZVOUS_CHARS / 2]))
}

fn invalid_code() -> Error {
    Error::InvalidInput(format!(
        "a pairing code is {CODE_CHARS} letters and digits, like ABCDE-12345"
    ))
}

/// What the joining device was given: a QR string (naming the offering device) or a
/// code typed by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Invitation {
    pub code: PairingCode,
    pub device_id: Option<String>,
}

impl Invitation {
    pub(crate) fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        let Some(rest) = text.strip_prefix(QR_PREFIX) else {
            if text.starts_with("reconnect-pair:") {
                return Err(Error::Sync(SyncError::Protocol(
                    "that pairing code comes from a newer version of Reconnect".into(),
                )));
            }
            return Ok(Self {
                code: PairingCode::parse(text)?,
                device_id: None,
            });
        };
        let (device_id, code) = rest
            .split_once(':')
            .ok_or_else(|| Error::InvalidInput("that pairing QR code is damaged".into()))?;
        if !is_device_id(device_id) {
            return Err(Error::InvalidInput(
                "that pairing QR code is damaged".into(),
            ));
        }
        Ok(Self {
            code: PairingCode::parse(code)?,
            device_id: Some(device_id.to_string()),
        })
    }
}

/// 32 lowercase hex digits, as `store::device_id_for` makes them.
pub(crate) fn is_device_id(text: &str) -> bool {
    text.len() == 32
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_ten_crockford_characters_shown_in_two_groups() {
        let code = PairingCode::generate().unwrap();
        let shown = code.display();
        assert_eq!(shown.len(), 11);
        assert_eq!(&shown[5..6], "-");
        assert_eq!(PairingCode::parse(&shown).unwrap(), code);
        assert_eq!(
            PairingCode::parse(&shown.to_lowercase().replace('-', " ")).unwrap(),
            code
        );
    }

    #[test]
    fn the_rendezvous_name_is_the_same_for_code_and_qr_and_differs_by_code() {
        let code = PairingCode::generate().unwrap();
        let device = "0123456789abcdef0123456789abcdef";
        let by_code = rendezvous(&code.display().to_lowercase()).unwrap();
        assert_eq!(by_code.len(), RENDEZVOUS_CHARS);
        assert!(by_code.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(rendezvous(&code.qr(device)).unwrap(), by_code);
        let other = PairingCode::generate().unwrap();
        assert_ne!(rendezvous(&other.display()).unwrap(), by_code);
        assert!(rendezvous("not a code").is_err());
    }

    #[test]
    fn look_alike_letters_are_read_as_digits() {
        assert_eq!(
            PairingCode::parse("oil0i-12345").unwrap(),
            PairingCode::parse("01101-12345").unwrap()
        );
    }

    #[test]
    fn bad_codes_are_refused() {
        for bad in ["", "12345", "12345-123456", "ABCDE-1234U", "ABCDÉ-12345"] {
            assert!(
                matches!(PairingCode::parse(bad), Err(Error::InvalidInput(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn qr_strings_carry_the_device_and_the_code() {
        let code = PairingCode::parse("ABCDE-12345").unwrap();
        let id = "0123456789abcdef0123456789abcdef";
        let qr = code.qr(id);
        assert_eq!(qr, format!("reconnect-pair:1:{id}:ABCDE12345"));
        let invitation = Invitation::parse(&qr).unwrap();
        assert_eq!(invitation.code, code);
        assert_eq!(invitation.device_id.as_deref(), Some(id));
        assert!(Invitation::parse("reconnect-pair:1:xyz:ABCDE12345").is_err());
        assert!(Invitation::parse("reconnect-pair:2:whatever").is_err());
        assert_eq!(Invitation::parse("abcde-12345").unwrap().device_id, None);
    }

    #[test]
    fn the_key_and_the_stored_id_differ() {
        let code = PairingCode::parse("ABCDE-12345").unwrap();
        assert_ne!(code.psk(), code.offer_id());
        assert!(!format!("{code:?}").contains("ABCDE"));
    }
}
