//! Runs a pairing or sync session over a link: the initiator's first frames, then each
//! frame received answered with what the session returns, until it is done. On a session
//! error its closing frame goes to the peer best-effort before the connection closes; on
//! a transport error the connection just closes (there is nothing more to say on it).

use reconnect_core::{PairingSession, Step, SyncSession};

use super::TransportError;
use super::link::{Counts, Link};

/// What the driver needs of a session; pairing and sync sessions both have it.
pub trait Session {
    fn start(&mut self) -> reconnect_core::Result<Vec<Vec<u8>>>;
    fn receive(&mut self, frame: &[u8]) -> reconnect_core::Result<Step>;
    fn closing_frame(&mut self) -> Option<Vec<u8>>;
}

impl Session for PairingSession {
    fn start(&mut self) -> reconnect_core::Result<Vec<Vec<u8>>> {
        PairingSession::start(self)
    }
    fn receive(&mut self, frame: &[u8]) -> reconnect_core::Result<Step> {
        PairingSession::receive(self, frame)
    }
    fn closing_frame(&mut self) -> Option<Vec<u8>> {
        PairingSession::closing_frame(self)
    }
}

impl Session for SyncSession {
    fn start(&mut self) -> reconnect_core::Result<Vec<Vec<u8>>> {
        SyncSession::start(self)
    }
    fn receive(&mut self, frame: &[u8]) -> reconnect_core::Result<Step> {
        SyncSession::receive(self, frame)
    }
    fn closing_frame(&mut self) -> Option<Vec<u8>> {
        SyncSession::closing_frame(self)
    }
}

/// A session that ran to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Driven {
    /// The peer's changes reached the document.
    pub changed: bool,
    pub counts: Counts,
}

#[derive(Debug, thiserror::Error)]
pub enum DriveError {
    /// The session refused something or the store failed; the peer was told if it may be.
    #[error(transparent)]
    Session(reconnect_core::Error),
    #[error(transparent)]
    Transport(TransportError),
}

/// Runs `session` over `link` to its end; the connection is closed either way.
pub fn drive(mut link: Link, session: &mut impl Session) -> Result<Driven, DriveError> {
    match run(&mut link, session) {
        Ok(changed) => {
            let counts = link.counts();
            link.finish();
            Ok(Driven { changed, counts })
        }
        Err(DriveError::Session(err)) => {
            link.abort(session.closing_frame());
            Err(DriveError::Session(err))
        }
        Err(err) => {
            link.abort(None);
            Err(err)
        }
    }
}

fn run(link: &mut Link, session: &mut impl Session) -> Result<bool, DriveError> {
    let first = session.start().map_err(DriveError::Session)?;
    link.send(&first).map_err(DriveError::Transport)?;
    let mut changed = false;
    loop {
        let frame = link.receive().map_err(DriveError::Transport)?;
        let step = session.receive(&frame).map_err(DriveError::Session)?;
        changed |= step.changed;
        link.send(&step.outgoing).map_err(DriveError::Transport)?;
        if step.done {
            return Ok(changed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::Timeouts;
    use reconnect_core::SyncError;
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::time::Duration;

    /// A session that answers every frame with a copy, done after `rounds` frames, and
    /// fails on a frame starting with 9.
    struct Echo {
        rounds: usize,
        closing: Option<Vec<u8>>,
    }

    impl Session for Echo {
        fn start(&mut self) -> reconnect_core::Result<Vec<Vec<u8>>> {
            Ok(vec![vec![0, 0, 0, 1, 7]])
        }
        fn receive(&mut self, frame: &[u8]) -> reconnect_core::Result<Step> {
            if frame[4] == 9 {
                self.closing = Some(vec![0, 0, 0, 2, 3, 0]);
                return Err(SyncError::Protocol("nine".into()).into());
            }
            self.rounds -= 1;
            Ok(Step {
                outgoing: vec![frame.to_vec()],
                done: self.rounds == 0,
                changed: true,
            })
        }
        fn closing_frame(&mut self) -> Option<Vec<u8>> {
            self.closing.take()
        }
    }

    fn connected() -> (Link, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let peer = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        peer.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let (stream, _) = listener.accept().unwrap();
        let timeouts = Timeouts::with_io(Duration::from_secs(5));
        (Link::new(stream, timeouts).unwrap(), peer)
    }

    #[test]
    fn a_session_runs_to_its_end_and_the_connection_closes() {
        let (link, mut peer) = connected();
        peer.write_all(&[0, 0, 0, 1, 1, 0, 0, 0, 1, 2]).unwrap();
        let mut echo = Echo {
            rounds: 2,
            closing: None,
        };
        let driven = drive(link, &mut echo).unwrap();
        assert!(driven.changed);
        assert_eq!(driven.counts.frames_sent, 3);
        assert_eq!(driven.counts.frames_received, 2);
        let mut got = Vec::new();
        peer.read_to_end(&mut got).unwrap();
        assert_eq!(got, [0, 0, 0, 1, 7, 0, 0, 0, 1, 1, 0, 0, 0, 1, 2]);
    }

    #[test]
    fn a_failed_session_sends_its_closing_frame() {
        let (link, mut peer) = connected();
        peer.write_all(&[0, 0, 0, 1, 9]).unwrap();
        peer.shutdown(std::net::Shutdown::Write).unwrap();
        let mut echo = Echo {
            rounds: 2,
            closing: None,
        };
        let err = drive(link, &mut echo).unwrap_err();
        assert!(matches!(err, DriveError::Session(_)));
        let mut got = Vec::new();
        peer.read_to_end(&mut got).unwrap();
        assert_eq!(got, [0, 0, 0, 1, 7, 0, 0, 0, 2, 3, 0]);
    }
}
