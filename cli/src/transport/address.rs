//! Addresses as people type them: `192.168.1.20:47800`, `[::1]:47800`, `laptop.local`,
//! `127.0.0.1` (the default port is added when none is given).

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

use super::{DEFAULT_PORT, TransportError};

/// Every address `text` stands for, in the resolver's order.
pub fn resolve(text: &str) -> Result<Vec<SocketAddr>, TransportError> {
    let text = text.trim();
    let bad = || TransportError::BadAddress { text: text.into() };
    if text.is_empty() {
        return Err(bad());
    }
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(vec![addr]);
    }
    let bare = text.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, DEFAULT_PORT)]);
    }
    let (host, port) = match text.rsplit_once(':') {
        Some((host, port)) => (host, port.parse::<u16>().map_err(|_| bad())?),
        None => (text, DEFAULT_PORT),
    };
    if host.is_empty() || host.contains([':', '/', ' ']) {
        return Err(bad());
    }
    let found: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|source| TransportError::NotFound {
            text: text.into(),
            source,
        })?
        .collect();
    if found.is_empty() {
        return Err(TransportError::NotFound {
            text: text.into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no address"),
        });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_with_and_without_ports() {
        let v4: SocketAddr = "127.0.0.1:47800".parse().unwrap();
        assert_eq!(resolve("127.0.0.1:47800").unwrap(), [v4]);
        assert_eq!(resolve(" 127.0.0.1 ").unwrap(), [v4]);
        assert_eq!(
            resolve("[::1]:9").unwrap(),
            ["[::1]:9".parse::<SocketAddr>().unwrap()]
        );
        assert_eq!(
            resolve("::1").unwrap(),
            ["[::1]:47800".parse::<SocketAddr>().unwrap()]
        );
        assert_eq!(resolve("127.0.0.1:0").unwrap()[0].port(), 0);
        assert!(!resolve("localhost:5").unwrap().is_empty());
    }

    #[test]
    fn nonsense_is_refused_before_any_lookup() {
        for bad in ["", ":", "host:port", "127.0.0.1:99999", ":47800", "a b:1"] {
            assert!(
                matches!(resolve(bad), Err(TransportError::BadAddress { .. })),
                "{bad:?}"
            );
        }
    }
}
