//! Reaching the other device, which waits with `--listen`.

use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use super::TransportError;

/// How long to pause between attempts while the other side is not listening yet.
const RETRY_PAUSE: Duration = Duration::from_millis(200);

/// One attempt at each of `addrs`, each bounded by `timeout`; `shown` is what the user
/// typed.
pub fn connect(
    addrs: &[SocketAddr],
    shown: &str,
    timeout: Duration,
) -> Result<TcpStream, TransportError> {
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect_timeout(addr, timeout) {
            Ok(stream) => return Ok(stream),
            Err(err) => last = Some(err),
        }
    }
    Err(TransportError::Unreachable {
        addr: shown.into(),
        source: last.unwrap_or_else(|| std::io::ErrorKind::NotFound.into()),
    })
}

/// Tries again until `deadline`, for a side that may start before the other listens.
pub fn connect_until(
    addrs: &[SocketAddr],
    shown: &str,
    timeout: Duration,
    deadline: Instant,
) -> Result<TcpStream, TransportError> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match connect(
            addrs,
            shown,
            timeout.min(left).max(Duration::from_millis(1)),
        ) {
            Ok(stream) => return Ok(stream),
            Err(err) if left <= RETRY_PAUSE => return Err(err),
            Err(_) => std::thread::sleep(RETRY_PAUSE),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    #[test]
    fn nobody_listening_is_unreachable_and_the_retries_end() {
        // A port that was free a moment ago: bound, then released.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let once = connect(&[port], "here", Duration::from_secs(2));
        assert!(matches!(once, Err(TransportError::Unreachable { .. })));
        let started = Instant::now();
        let deadline = started + Duration::from_millis(500);
        let retried = connect_until(&[port], "here", Duration::from_secs(2), deadline);
        assert!(matches!(retried, Err(TransportError::Unreachable { .. })));
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
