//! `reconnect pair offer`: make a one-time code, show it on this terminal (and nowhere
//! else: it is never written to a file or a log), wait for the joining device, pin it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use chrono::Duration;
use chrono_tz::Tz;
use reconnect_core::PairingOffer;
use reconnect_core::sync::pairing::MAX_OFFER_TTL;
use serde_json::json;

use crate::args::{Cli, OfferArgs};
use crate::commands::connection::failure::{LinkError, Side, from_core, from_drive};
use crate::commands::connection::{self, Meet, Otherwise, Place, report};
use crate::commands::when;
use crate::context::{open, reopen};
use crate::error::CliError;
use crate::output::{self, Output};
use crate::transport::connect::connect_until;
use crate::transport::drive::drive;
use crate::transport::link::Link;
use crate::transport::listen::Listener;

const SIDE: Side = Side::Offering;

pub fn run(cli: &Cli, args: &OfferArgs) -> Result<Output, CliError> {
    let json = cli.json;
    let ttl = ttl(args.ttl)?;
    let meet = Meet::from_args(&args.meet, Otherwise::Listen, SIDE)?;
    let timeouts = connection::timeouts(&args.meet);
    // Listening first: a busy port fails before any code is made.
    let wait = match &meet {
        Meet::Listen(place) => Wait::On(connection::listen(place, SIDE, json)?),
        Meet::Connect(place) => Wait::For(place),
    };
    // The offer waits in the store, which is closed while the other device comes.
    let (offer, zone) = {
        let app = open(cli)?;
        (app.pairing_offer(Some(ttl))?, app.time_zone()?)
    };
    let lifetime = ttl
        .to_std()
        .map_err(|_| CliError::Internal("the code's lifetime is out of range".into()))?;
    let deadline = Instant::now() + lifetime;
    output::emit(&announce(&offer, zone, &wait, json)?)?;
    let stream = match &wait {
        Wait::On(listener) => connection::accept(listener, Some(deadline), SIDE)?,
        Wait::For(place) => connect_until(&place.addrs, &place.shown, timeouts.io, deadline)
            .map_err(|err| LinkError::transport(SIDE, err))?,
    };
    // One joiner per offer: anyone else is turned away from now on.
    drop(wait);
    let link = Link::new(stream, timeouts).map_err(|err| LinkError::transport(SIDE, err))?;
    let app = Arc::new(reopen(cli)?);
    let mut session = app
        .pair_responder(&offer.code)
        .map_err(|err| from_core(SIDE, err))?;
    let driven = drive(link, &mut session).map_err(|err| from_drive(SIDE, err))?;
    let peer = session
        .peer()
        .ok_or_else(|| CliError::Internal("the pairing ended without a device".into()))?;
    report::paired(peer, SIDE, driven.counts, json)
}

/// How the joining device comes: to our listener, or we reach it where it listens.
enum Wait<'a> {
    On(Listener),
    For(&'a Place),
}

/// Minutes as typed, within what the core allows.
fn ttl(minutes: i64) -> Result<Duration, CliError> {
    let max = MAX_OFFER_TTL.num_minutes();
    if !(1..=max).contains(&minutes) {
        return Err(CliError::invalid(format!(
            "--ttl is in minutes, from 1 to {max}; a code is best used right away"
        )));
    }
    Ok(Duration::minutes(minutes))
}

/// The code, its QR string and how to use it: on stdout, for this terminal only.
fn announce(offer: &PairingOffer, zone: Tz, wait: &Wait, json: bool) -> Result<Output, CliError> {
    if json {
        return Output::json_line(&json!({
            "event": "offer",
            "code": offer.code,
            "qr": offer.qr,
            "device_id": offer.device_id,
            "expires_at": offer.expires_at,
        }));
    }
    let code = &offer.code;
    let (other_side, waiting) = match wait {
        Wait::On(listener) => (
            format!(
                "reconnect pair join {code} --connect {}",
                reachable(listener.local_addr())
            ),
            "Waiting for the other device to join…".to_string(),
        ),
        Wait::For(place) => (
            format!("reconnect pair join {code} --listen {}", listen_hint(place)),
            format!("Trying to reach it at {} until then…", place.shown),
        ),
    };
    Ok(Output::lines(vec![
        format!("Pairing code: {code}"),
        format!("QR: {}", offer.qr),
        format!(
            "It works once, until {}. On the other device run:",
            when::moment(offer.expires_at, zone)
        ),
        format!("  {other_side}"),
        waiting,
    ]))
}

/// How the other device reaches this one: the address itself, unless it listens on
/// every interface, which the other device cannot dial.
fn reachable(at: SocketAddr) -> String {
    if at.ip().is_unspecified() {
        format!("THIS-COMPUTER:{}", at.port())
    } else {
        at.to_string()
    }
}

/// Where the joining device should listen so that this one reaches it.
fn listen_hint(place: &Place) -> String {
    match place.addrs.first() {
        Some(addr) if addr.ip().is_loopback() => addr.to_string(),
        Some(addr) => format!("0.0.0.0:{}", addr.port()),
        None => place.shown.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lifetime_is_between_one_minute_and_an_hour() {
        assert!(ttl(0).is_err());
        assert!(ttl(-5).is_err());
        assert!(ttl(61).is_err());
        assert_eq!(ttl(1).unwrap(), Duration::minutes(1));
        assert_eq!(ttl(60).unwrap(), Duration::minutes(60));
    }

    #[test]
    fn an_address_for_every_interface_is_not_given_to_dial() {
        assert_eq!(
            reachable("0.0.0.0:47800".parse().unwrap()),
            "THIS-COMPUTER:47800"
        );
        assert_eq!(
            reachable("192.168.1.20:47800".parse().unwrap()),
            "192.168.1.20:47800"
        );
    }
}
