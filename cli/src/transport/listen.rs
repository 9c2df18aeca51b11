//! Waiting for the other device: bind, say where, accept one connection at a time.

use std::io::ErrorKind;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

use super::TransportError;

/// How often a deadline-bound wait looks for a connection.
const POLL: Duration = Duration::from_millis(25);

pub struct Listener {
    inner: TcpListener,
    local: SocketAddr,
}

impl Listener {
    /// Binds the first of `addrs` that works; `shown` is what the user typed.
    pub fn bind(addrs: &[SocketAddr], shown: &str) -> Result<Self, TransportError> {
        let inner = TcpListener::bind(addrs).map_err(|source| TransportError::Bind {
            addr: shown.into(),
            source,
        })?;
        let local = inner.local_addr().map_err(TransportError::Io)?;
        Ok(Listener { inner, local })
    }

    /// The address actually bound: with port 0, the port the system chose.
    pub fn local_addr(&self) -> SocketAddr {
        self.local
    }

    /// The next connection; with a deadline, [`TransportError::NobodyCame`] once it passes.
    pub fn accept(&self, deadline: Option<Instant>) -> Result<TcpStream, TransportError> {
        self.inner
            .set_nonblocking(deadline.is_some())
            .map_err(TransportError::Io)?;
        let started = Instant::now();
        loop {
            match self.inner.accept() {
                Ok((stream, _)) => {
                    stream.set_nonblocking(false).map_err(TransportError::Io)?;
                    return Ok(stream);
                }
                Err(err) if err.kind() == ErrorKind::WouldBlock => {
                    // Only a deadline-bound wait polls; a blocking one never gets here.
                    let deadline = deadline.unwrap_or_else(|| Instant::now() + POLL);
                    let now = Instant::now();
                    if now >= deadline {
                        return Err(TransportError::NobodyCame {
                            waited: deadline.duration_since(started),
                        });
                    }
                    std::thread::sleep(POLL.min(deadline - now));
                }
                // A connection that was gone before we took it, or a signal: wait on.
                Err(err)
                    if matches!(
                        err.kind(),
                        ErrorKind::Interrupted
                            | ErrorKind::ConnectionAborted
                            | ErrorKind::ConnectionReset
                    ) => {}
                Err(err) => return Err(TransportError::Io(err)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_zero_reports_the_chosen_port_and_a_deadline_ends_the_wait() {
        let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
        let listener = Listener::bind(&[addr], "127.0.0.1:0").unwrap();
        assert_ne!(listener.local_addr().port(), 0);
        let started = Instant::now();
        let waited = listener.accept(Some(Instant::now() + Duration::from_millis(100)));
        assert!(matches!(waited, Err(TransportError::NobodyCame { .. })));
        assert!(started.elapsed() < Duration::from_secs(5));
        let _client = TcpStream::connect(listener.local_addr()).unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        assert!(listener.accept(Some(deadline)).is_ok());
    }

    #[test]
    fn a_busy_port_cannot_be_bound_twice() {
        let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
        let first = Listener::bind(&[addr], "127.0.0.1:0").unwrap();
        let again = Listener::bind(&[first.local_addr()], "again");
        assert!(matches!(again, Err(TransportError::Bind { .. })));
    }
}
