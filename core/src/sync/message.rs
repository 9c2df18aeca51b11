//! What travels inside the encrypted channel. Each Noise payload starts with a type
//! byte:
//!
//! | type | body | meaning |
//! |---|---|---|
//! | `1` part | 1..=[`MAX_PART_BYTES`] bytes | a piece of an Automerge sync message, more follows |
//! | `2` last | 0..=[`MAX_PART_BYTES`] bytes | the last piece; the message is complete |
//! | `3` final | 0..=[`MAX_PART_BYTES`] bytes | the last piece of the sender's last message: both sides hold the same changes, the session is over once it is applied |
//! | `4` done | — | nothing to send: the session is over |
//! | `5` hello | version 1, id length, id, name length (2 bytes BE), name | pairing: who I am |
//! | `7` again | — | the opening was not taken (its counter was not new): send its sync message again, under the session's keys |
//! | `6` opening | counter (8 bytes BE), then 0..=[`MAX_OPENING_BYTES`] bytes | the payload of an IK session's first message: a counter that rises with every opening to this peer, and the opening sync message if it fits |

use super::error::SyncError;
use super::limits::{MAX_NAME_BYTES, MAX_OPENING_BYTES, MAX_PART_BYTES};

const PART: u8 = 1;
const LAST: u8 = 2;
const FINAL: u8 = 3;
const DONE: u8 = 4;
const HELLO: u8 = 5;
const OPENING: u8 = 6;
const AGAIN: u8 = 7;
const HELLO_VERSION: u8 = 1;

/// One decrypted payload.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Inner<'a> {
    Part(&'a [u8]),
    Last(&'a [u8]),
    Final(&'a [u8]),
    Done,
    Again,
    Hello(Hello),
}

/// A device introducing itself after the pairing handshake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hello {
    pub device_id: String,
    pub name: String,
}

pub(crate) fn parse(payload: &[u8]) -> Result<Inner<'_>, SyncError> {
    let (&kind, body) = payload
        .split_first()
        .ok_or_else(|| SyncError::Malformed("an empty message".into()))?;
    match (kind, body) {
        (PART, []) => Err(SyncError::Malformed("an empty message part".into())),
        (PART, body) => Ok(Inner::Part(body)),
        (LAST, body) => Ok(Inner::Last(body)),
        (FINAL, body) => Ok(Inner::Final(body)),
        (DONE, []) => Ok(Inner::Done),
        (AGAIN, []) => Ok(Inner::Again),
        (HELLO, body) => Hello::decode(body).map(Inner::Hello),
        (DONE | AGAIN, _) => Err(SyncError::Malformed("a control message with a body".into())),
        (other, _) => Err(SyncError::Malformed(format!(
            "unknown message type {other}"
        ))),
    }
}

/// What an IK session's first message carries.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Opening<'a> {
    /// Rises with every opening the initiator sends to this responder.
    pub counter: u64,
    /// The opening sync message, when it fitted.
    pub message: Option<&'a [u8]>,
}

impl Opening<'_> {
    pub(crate) fn encode(counter: u64, message: Option<&[u8]>) -> Vec<u8> {
        let message = message.unwrap_or_default();
        let mut payload = Vec::with_capacity(9 + message.len());
        payload.push(OPENING);
        payload.extend_from_slice(&counter.to_be_bytes());
        payload.extend_from_slice(message);
        payload
    }

    pub(crate) fn parse(payload: &[u8]) -> Result<Opening<'_>, SyncError> {
        let bad = || SyncError::Malformed("an opening".into());
        let (&kind, body) = payload.split_first().ok_or_else(bad)?;
        let (counter, message) = body.split_first_chunk::<8>().ok_or_else(bad)?;
        if kind != OPENING || message.len() > MAX_OPENING_BYTES {
            return Err(bad());
        }
        Ok(Opening {
            counter: u64::from_be_bytes(*counter),
            message: (!message.is_empty()).then_some(message),
        })
    }
}

/// An Automerge sync message as payloads, each fitting one Noise message; the last piece
/// is marked [`Inner::Final`] when `last_word` (the sender ends the session after it).
pub(crate) fn sync_payloads(message: &[u8], last_word: bool) -> Vec<Vec<u8>> {
    let mut pieces: Vec<&[u8]> = message.chunks(MAX_PART_BYTES).collect();
    if pieces.is_empty() {
        pieces.push(&[]);
    }
    let last = pieces.len() - 1;
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| {
            let mut payload = Vec::with_capacity(1 + piece.len());
            payload.push(match (i == last, last_word) {
                (false, _) => PART,
                (true, false) => LAST,
                (true, true) => FINAL,
            });
            payload.extend_from_slice(piece);
            payload
        })
        .collect()
}

pub(crate) fn done() -> Vec<u8> {
    vec![DONE]
}

pub(crate) fn again() -> Vec<u8> {
    vec![AGAIN]
}

impl Hello {
    pub(crate) fn encode(&self) -> Vec<u8> {
        let name = truncate(&self.name, MAX_NAME_BYTES);
        let id = self.device_id.as_bytes();
        let mut out = Vec::with_capacity(5 + id.len() + name.len());
        out.push(HELLO);
        out.push(HELLO_VERSION);
        out.push(u8::try_from(id.len()).unwrap_or(u8::MAX));
        out.extend_from_slice(&id[..id.len().min(usize::from(u8::MAX))]);
        out.extend_from_slice(&u16::try_from(name.len()).unwrap_or(0).to_be_bytes());
        out.extend_from_slice(name.as_bytes());
        out
    }

    fn decode(body: &[u8]) -> Result<Self, SyncError> {
        let bad = |what: &str| SyncError::Malformed(format!("a hello with {what}"));
        let [version, id_len, rest @ ..] = body else {
            return Err(bad("no header"));
        };
        if *version != HELLO_VERSION {
            return Err(SyncError::Protocol(format!(
                "the other device speaks hello version {version}"
            )));
        }
        let (id, rest) = rest
            .split_at_checked(usize::from(*id_len))
            .ok_or_else(|| bad("a short id"))?;
        let (name_len, name) = rest
            .split_first_chunk::<2>()
            .ok_or_else(|| bad("no name length"))?;
        let name_len = usize::from(u16::from_be_bytes(*name_len));
        if name_len != name.len() || name_len > MAX_NAME_BYTES {
            return Err(bad("a name of the wrong length"));
        }
        let device_id = std::str::from_utf8(id).map_err(|_| bad("an id that is not text"))?;
        if !super::code::is_device_id(device_id) {
            return Err(bad("an id that is not a device id"));
        }
        let name = std::str::from_utf8(name).map_err(|_| bad("a name that is not text"))?;
        Ok(Hello {
            device_id: device_id.to_string(),
            name: name.trim().chars().filter(|c| !c.is_control()).collect(),
        })
    }
}

/// The longest prefix of `text` within `max` bytes, cut at a character boundary.
fn truncate(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_message_is_cut_into_parts_and_ends_with_the_last() {
        let message = vec![9u8; MAX_PART_BYTES * 2 + 5];
        let payloads = sync_payloads(&message, false);
        assert_eq!(payloads.len(), 3);
        assert_eq!(
            parse(&payloads[0]).unwrap(),
            Inner::Part(&message[..MAX_PART_BYTES])
        );
        assert_eq!(parse(&payloads[2]).unwrap(), Inner::Last(&[9u8; 5][..]));
        assert_eq!(sync_payloads(&[], false), vec![vec![LAST]]);
        let closing = sync_payloads(&message, true);
        assert_eq!(closing[..2], payloads[..2]);
        assert_eq!(parse(&closing[2]).unwrap(), Inner::Final(&[9u8; 5][..]));
    }

    #[test]
    fn openings_round_trip_and_bad_ones_are_refused() {
        let payload = Opening::encode(7, Some(b"sync"));
        assert_eq!(
            Opening::parse(&payload).unwrap(),
            Opening {
                counter: 7,
                message: Some(&b"sync"[..])
            }
        );
        let empty = Opening::encode(u64::MAX, None);
        assert_eq!(Opening::parse(&empty).unwrap().message, None);
        assert!(Opening::parse(&payload[..5]).is_err());
        assert!(Opening::parse(&[LAST, 0, 0, 0, 0, 0, 0, 0, 1]).is_err());
    }

    #[test]
    fn hellos_round_trip_and_long_names_are_cut() {
        let hello = Hello {
            device_id: "0123456789abcdef0123456789abcdef".into(),
            name: "é".repeat(200),
        };
        let Inner::Hello(back) = parse(&hello.encode()).unwrap() else {
            panic!("not a hello");
        };
        assert_eq!(back.device_id, hello.device_id);
        assert_eq!(back.name, "é".repeat(128));
    }

    #[test]
    fn malformed_payloads_are_refused() {
        for bad in [
            &[][..],
            &[PART],
            &[DONE, 0],
            &[AGAIN, 1],
            &[DONE, 1, 2],
            &[HELLO],
            &[HELLO, 1, 40, 1],
            &[99],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
