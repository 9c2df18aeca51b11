//! Wire frames: a 4-byte big-endian length, then that many bytes: one kind byte and its
//! body. The length is checked against [`MAX_FRAME_BYTES`] before anything is allocated
//! for the body, here and in [`FrameDecoder`], which cuts a byte stream into frames.
//!
//! Kinds: `1` a Noise handshake message, `2` a Noise transport message (everything after
//! the handshake), `3` an abort: one plain reason byte, sent best-effort before a side
//! closes after an error (unauthenticated, so it can only end a session, as cutting the
//! connection could), `4` the first handshake message of a session to a known device
//! (`Noise_IK`), so the responder knows which pattern to answer with.

use super::error::SyncError;
use super::limits::{FRAME_HEADER_BYTES, MAX_FRAME_BYTES};

const KIND_HANDSHAKE: u8 = 1;
const KIND_TRANSPORT: u8 = 2;
const KIND_ABORT: u8 = 3;
const KIND_KNOWN_OPENING: u8 = 4;

/// One parsed frame, borrowing its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame<'a> {
    Handshake(&'a [u8]),
    Transport(&'a [u8]),
    Abort(u8),
    /// The first message of an IK handshake.
    KnownOpening(&'a [u8]),
}

/// The body length a frame header announces, refused when a frame may not be that
/// large (or empty). Transports call this on the first 4 bytes before reading the rest.
pub fn announced_len(header: [u8; FRAME_HEADER_BYTES]) -> Result<usize, SyncError> {
    let announced = u32::from_be_bytes(header);
    let len = usize::try_from(announced).unwrap_or(usize::MAX);
    if len > MAX_FRAME_BYTES {
        return Err(SyncError::FrameTooLarge {
            announced: u64::from(announced),
            max: MAX_FRAME_BYTES as u64,
        });
    }
    if len == 0 {
        return Err(SyncError::Malformed("an empty frame".into()));
    }
    Ok(len)
}

/// Parses one whole frame: its header first, then exactly that many bytes.
pub(crate) fn parse(frame: &[u8]) -> Result<Frame<'_>, SyncError> {
    let Some((header, rest)) = frame.split_first_chunk::<FRAME_HEADER_BYTES>() else {
        return Err(SyncError::Malformed(
            "a frame shorter than its header".into(),
        ));
    };
    let len = announced_len(*header)?;
    if rest.len() != len {
        return Err(SyncError::Malformed(format!(
            "a frame announced {len} bytes but carried {}",
            rest.len()
        )));
    }
    let (&kind, body) = rest
        .split_first()
        .ok_or_else(|| SyncError::Malformed("an empty frame".into()))?;
    match (kind, body) {
        (KIND_HANDSHAKE, body) => Ok(Frame::Handshake(body)),
        (KIND_TRANSPORT, body) => Ok(Frame::Transport(body)),
        (KIND_KNOWN_OPENING, body) => Ok(Frame::KnownOpening(body)),
        (KIND_ABORT, [reason]) => Ok(Frame::Abort(*reason)),
        (KIND_ABORT, _) => Err(SyncError::Malformed(
            "an abort frame of the wrong size".into(),
        )),
        (other, _) => Err(SyncError::Malformed(format!("unknown frame kind {other}"))),
    }
}

fn encode(kind: u8, body: &[u8]) -> Vec<u8> {
    // Callers pass at most one Noise message, so this always fits the header.
    let len = u32::try_from(1 + body.len()).unwrap_or(u32::MAX);
    let mut frame = Vec::with_capacity(FRAME_HEADER_BYTES + 1 + body.len());
    frame.extend_from_slice(&len.to_be_bytes());
    frame.push(kind);
    frame.extend_from_slice(body);
    frame
}

pub(crate) fn handshake(message: &[u8]) -> Vec<u8> {
    encode(KIND_HANDSHAKE, message)
}

pub(crate) fn transport(message: &[u8]) -> Vec<u8> {
    encode(KIND_TRANSPORT, message)
}

pub(crate) fn known_opening(message: &[u8]) -> Vec<u8> {
    encode(KIND_KNOWN_OPENING, message)
}

pub(crate) fn abort(reason: u8) -> Vec<u8> {
    encode(KIND_ABORT, &[reason])
}

/// Cuts a byte stream (a TCP connection, say) into whole frames. It never holds more
/// than one frame: a header announcing too much is refused before the body is buffered.
#[derive(Debug, Default)]
pub struct FrameDecoder {
    header: Vec<u8>,
    body: Vec<u8>,
    expected: Option<usize>,
    failed: bool,
}

impl FrameDecoder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds received bytes; returns the frames they completed, each with its header, as
    /// sessions take them. After an error the decoder refuses everything.
    pub fn push(&mut self, mut bytes: &[u8]) -> Result<Vec<Vec<u8>>, SyncError> {
        if self.failed {
            return Err(SyncError::SessionEnded);
        }
        let mut frames = Vec::new();
        while !bytes.is_empty() {
            match self.expected {
                None => {
                    let take = (FRAME_HEADER_BYTES - self.header.len()).min(bytes.len());
                    self.header.extend_from_slice(&bytes[..take]);
                    bytes = &bytes[take..];
                    if let Ok(header) = <[u8; FRAME_HEADER_BYTES]>::try_from(self.header.as_slice())
                    {
                        let len = announced_len(header).inspect_err(|_| self.failed = true)?;
                        self.body = Vec::with_capacity(FRAME_HEADER_BYTES + len);
                        self.body.extend_from_slice(&header);
                        self.expected = Some(len);
                        self.header.clear();
                    }
                }
                Some(len) => {
                    let missing = FRAME_HEADER_BYTES + len - self.body.len();
                    let take = missing.min(bytes.len());
                    self.body.extend_from_slice(&bytes[..take]);
                    bytes = &bytes[take..];
                    if take == missing {
                        frames.push(std::mem::take(&mut self.body));
                        self.expected = None;
                    }
                }
            }
        }
        Ok(frames)
    }

    /// Bytes held for an incomplete frame (at most one frame's worth).
    pub fn buffered(&self) -> usize {
        self.header.len() + self.body.len()
    }

    /// Memory reserved for the frame being read; bounded by one frame.
    pub fn reserved(&self) -> usize {
        self.header.capacity() + self.body.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip() {
        let frame = transport(b"sealed");
        assert_eq!(&frame[..4], &7u32.to_be_bytes());
        assert_eq!(parse(&frame).unwrap(), Frame::Transport(b"sealed"));
        assert_eq!(parse(&handshake(b"")).unwrap(), Frame::Handshake(b""));
        assert_eq!(parse(&abort(4)).unwrap(), Frame::Abort(4));
        assert_eq!(
            parse(&known_opening(b"ik")).unwrap(),
            Frame::KnownOpening(b"ik")
        );
    }

    #[test]
    fn a_header_announcing_4_gib_is_refused_before_allocating() {
        let header = [0xff; 4];
        assert_eq!(
            announced_len(header),
            Err(SyncError::FrameTooLarge {
                announced: u64::from(u32::MAX),
                max: MAX_FRAME_BYTES as u64
            })
        );
        let mut decoder = FrameDecoder::new();
        let err = decoder
            .push(&[0xff, 0xff, 0xff, 0xff, 2, 0, 0])
            .unwrap_err();
        assert!(matches!(err, SyncError::FrameTooLarge { .. }));
        assert!(decoder.reserved() < 64, "the decoder reserved memory");
        assert_eq!(decoder.push(b"more"), Err(SyncError::SessionEnded));
    }

    #[test]
    fn frames_whose_length_disagrees_are_malformed() {
        let mut frame = transport(b"abc");
        frame.push(0);
        assert!(matches!(parse(&frame), Err(SyncError::Malformed(_))));
        assert!(matches!(parse(&frame[..5]), Err(SyncError::Malformed(_))));
        assert!(matches!(parse(&[0, 0]), Err(SyncError::Malformed(_))));
        assert!(matches!(parse(&[0, 0, 0, 0]), Err(SyncError::Malformed(_))));
        assert!(matches!(
            parse(&[0, 0, 0, 2, 9, 9]),
            Err(SyncError::Malformed(_))
        ));
        assert!(matches!(
            parse(&[0, 0, 0, 3, 3, 1, 1]),
            Err(SyncError::Malformed(_))
        ));
    }

    #[test]
    fn the_decoder_reassembles_a_stream_cut_anywhere() {
        let frames = vec![handshake(b"one"), transport(&[7; 1000]), abort(0)];
        let stream: Vec<u8> = frames.concat();
        for cut in [1, 3, 4, 5, 17, 999, stream.len()] {
            let mut decoder = FrameDecoder::new();
            let mut out = Vec::new();
            for piece in stream.chunks(cut) {
                out.extend(decoder.push(piece).unwrap());
            }
            assert_eq!(out, frames, "cut every {cut} bytes");
            assert_eq!(decoder.buffered(), 0);
        }
    }
}
