//! One connection carrying frames: every read and write bounded by the I/O timeout and
//! by what is left of the session's time, bytes and frames counted both ways.

use std::collections::VecDeque;
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

use reconnect_core::sync::FrameDecoder;

use super::{Timeouts, TransportError};

/// Bytes read from the socket at a time. The frames one read completes are at most
/// this many bytes together, so the queue of decoded frames stays this small too.
const READ_BUFFER: usize = 16 * 1024;
/// After an error: how long, and how much, to keep reading what the peer still sends,
/// so that closing with unread data does not reset the connection and lose the
/// closing frame on its way.
const LINGER: Duration = Duration::from_secs(1);
const LINGER_BYTES: usize = 1 << 20;

/// Frames and bytes moved each way, headers included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub frames_sent: u64,
    pub bytes_sent: u64,
    pub frames_received: u64,
    pub bytes_received: u64,
}

pub struct Link {
    stream: TcpStream,
    decoder: FrameDecoder,
    ready: VecDeque<Vec<u8>>,
    buffer: Box<[u8]>,
    io_timeout: Duration,
    deadline: Instant,
    session_limit: Duration,
    counts: Counts,
}

impl Link {
    pub fn new(stream: TcpStream, timeouts: Timeouts) -> Result<Self, TransportError> {
        // Frames are whole messages: send each at once rather than waiting to fill a packet.
        stream.set_nodelay(true).map_err(TransportError::Io)?;
        Ok(Link {
            stream,
            decoder: FrameDecoder::new(),
            ready: VecDeque::new(),
            buffer: vec![0; READ_BUFFER].into_boxed_slice(),
            io_timeout: timeouts.io,
            deadline: Instant::now() + timeouts.session,
            session_limit: timeouts.session,
            counts: Counts::default(),
        })
    }

    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Sends frames in order.
    pub fn send(&mut self, frames: &[Vec<u8>]) -> Result<(), TransportError> {
        for frame in frames {
            let wait = self.wait()?;
            self.stream
                .set_write_timeout(Some(wait))
                .map_err(TransportError::Io)?;
            self.stream
                .write_all(frame)
                .map_err(|err| self.failure(err, wait))?;
            self.counts.frames_sent += 1;
            self.counts.bytes_sent += frame.len() as u64;
        }
        Ok(())
    }

    /// The next whole frame from the peer, header included.
    pub fn receive(&mut self) -> Result<Vec<u8>, TransportError> {
        loop {
            if let Some(frame) = self.ready.pop_front() {
                return Ok(frame);
            }
            let wait = self.wait()?;
            self.stream
                .set_read_timeout(Some(wait))
                .map_err(TransportError::Io)?;
            let read = match self.stream.read(&mut self.buffer) {
                Ok(0) => return Err(TransportError::Closed),
                Ok(read) => read,
                Err(err) if err.kind() == ErrorKind::Interrupted => continue,
                Err(err) => return Err(self.failure(err, wait)),
            };
            self.counts.bytes_received += read as u64;
            let frames = self
                .decoder
                .push(&self.buffer[..read])
                .map_err(TransportError::Frame)?;
            self.counts.frames_received += frames.len() as u64;
            self.ready.extend(frames);
        }
    }

    /// After a session finished: no more from us, then close.
    pub fn finish(self) {
        let _ = self.stream.shutdown(Shutdown::Write);
    }

    /// After an error: send `closing` (the session's reason, for the peer) if there is
    /// one, best-effort, then close without resetting the connection under it.
    pub fn abort(mut self, closing: Option<Vec<u8>>) {
        if let Some(frame) = closing {
            let _ = self.stream.set_write_timeout(Some(LINGER));
            if self.stream.write_all(&frame).is_ok() {
                self.counts.frames_sent += 1;
                self.counts.bytes_sent += frame.len() as u64;
            }
        }
        let _ = self.stream.shutdown(Shutdown::Write);
        let until = Instant::now() + LINGER;
        let mut drained = 0;
        while drained < LINGER_BYTES {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() || self.stream.set_read_timeout(Some(left)).is_err() {
                break;
            }
            match self.stream.read(&mut self.buffer) {
                Ok(0) | Err(_) => break,
                Ok(read) => drained += read,
            }
        }
    }

    /// How long the next read or write may wait.
    fn wait(&self) -> Result<Duration, TransportError> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(TransportError::TooLong {
                limit: self.session_limit,
            });
        }
        Ok(self.io_timeout.min(left))
    }

    fn failure(&self, err: std::io::Error, waited: Duration) -> TransportError {
        match err.kind() {
            ErrorKind::WouldBlock | ErrorKind::TimedOut if waited < self.io_timeout => {
                TransportError::TooLong {
                    limit: self.session_limit,
                }
            }
            ErrorKind::WouldBlock | ErrorKind::TimedOut => TransportError::Silent { waited },
            ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::BrokenPipe
            | ErrorKind::UnexpectedEof
            | ErrorKind::WriteZero => TransportError::Closed,
            _ => TransportError::Io(err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    fn pair(timeouts: Timeouts) -> (Link, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        (Link::new(server, timeouts).unwrap(), client)
    }

    fn quick() -> Timeouts {
        Timeouts {
            io: Duration::from_millis(200),
            session: Duration::from_secs(5),
        }
    }

    #[test]
    fn frames_cut_anywhere_arrive_whole_and_are_counted() {
        let (mut link, mut peer) = pair(quick());
        // Two frames (kind 2, bodies "ab" and "c"), written in awkward pieces.
        let stream = [0, 0, 0, 3, 2, b'a', b'b', 0, 0, 0, 2, 2, b'c'];
        peer.write_all(&stream[..2]).unwrap();
        peer.write_all(&stream[2..9]).unwrap();
        peer.write_all(&stream[9..]).unwrap();
        assert_eq!(link.receive().unwrap(), stream[..7]);
        assert_eq!(link.receive().unwrap(), stream[7..]);
        link.send(&[vec![0, 0, 0, 1, 3]]).unwrap();
        let counts = link.counts();
        assert_eq!((counts.frames_received, counts.bytes_received), (2, 13));
        assert_eq!((counts.frames_sent, counts.bytes_sent), (1, 5));
    }

    #[test]
    fn a_silent_peer_times_out() {
        let (mut link, _peer) = pair(quick());
        let started = Instant::now();
        assert!(matches!(link.receive(), Err(TransportError::Silent { .. })));
        assert!(started.elapsed() < Duration::from_secs(3));
    }

    #[test]
    fn a_trickling_peer_meets_the_session_limit() {
        let timeouts = Timeouts {
            io: Duration::from_millis(300),
            session: Duration::from_millis(500),
        };
        let (mut link, mut peer) = pair(timeouts);
        let writer = std::thread::spawn(move || {
            // A header announcing 256 bytes, then one byte every 100 ms.
            peer.write_all(&[0, 0, 1, 0]).unwrap();
            for _ in 0..20 {
                if peer.write_all(&[2]).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        assert!(matches!(
            link.receive(),
            Err(TransportError::TooLong { .. })
        ));
        drop(link);
        writer.join().unwrap();
    }

    #[test]
    fn an_oversized_header_is_refused_and_a_closed_peer_noticed() {
        let (mut link, mut peer) = pair(quick());
        peer.write_all(&[0xff, 0xff, 0xff, 0xff, 2]).unwrap();
        assert!(matches!(link.receive(), Err(TransportError::Frame(_))));
        let (mut link, peer) = pair(quick());
        drop(peer);
        assert!(matches!(link.receive(), Err(TransportError::Closed)));
    }

    #[test]
    fn an_abort_sends_the_closing_frame_then_closes() {
        let (link, mut peer) = pair(quick());
        link.abort(Some(vec![0, 0, 0, 2, 3, 1]));
        let mut got = Vec::new();
        peer.read_to_end(&mut got).unwrap();
        assert_eq!(got, [0, 0, 0, 2, 3, 1]);
    }
}
