//! What pairing and sync share: where the two devices meet, how a failure is worded,
//! and how a finished session is reported.

pub mod failure;
pub mod report;

use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::args::MeetArgs;
use crate::error::CliError;
use crate::output::{self, Output};
use crate::transport::listen::Listener;
use crate::transport::{DEFAULT_LISTEN, Timeouts, TransportError, address, connect};
use failure::{LinkError, Side};

/// An address as typed, and what it resolved to.
pub struct Place {
    pub addrs: Vec<SocketAddr>,
    pub shown: String,
}

/// Where to meet the other device, resolved before anything else happens.
pub enum Meet {
    Listen(Place),
    Connect(Place),
}

/// What a command does when neither --listen nor --connect was given.
#[derive(Clone, Copy)]
pub enum Otherwise {
    Listen,
    Connect,
}

impl Meet {
    pub fn from_args(args: &MeetArgs, otherwise: Otherwise, side: Side) -> Result<Meet, CliError> {
        let place = |text: &str| -> Result<Place, CliError> {
            match address::resolve(text) {
                Ok(addrs) => Ok(Place {
                    addrs,
                    shown: text.trim().to_string(),
                }),
                Err(TransportError::BadAddress { text }) => Err(CliError::Usage(format!(
                    "{text:?} is not an address and port, like {DEFAULT_LISTEN}"
                ))),
                Err(err) => Err(LinkError::transport(side, err).into()),
            }
        };
        Ok(match (&args.listen, &args.connect, otherwise) {
            (Some(text), _, _) => Meet::Listen(place(text)?),
            (None, Some(text), _) => Meet::Connect(place(text)?),
            (None, None, Otherwise::Listen) => Meet::Listen(place(DEFAULT_LISTEN)?),
            (None, None, Otherwise::Connect) => Meet::Connect(place(DEFAULT_LISTEN)?),
        })
    }
}

pub fn timeouts(args: &MeetArgs) -> Timeouts {
    Timeouts::with_io(Duration::from_secs(args.timeout))
}

/// Binds, then says where on the first line of stdout (with port 0, the port chosen),
/// so the user, or a script, knows where to point the other device.
pub fn listen(place: &Place, side: Side, json: bool) -> Result<Listener, CliError> {
    let listener = Listener::bind(&place.addrs, &place.shown)
        .map_err(|err| LinkError::transport(side, err))?;
    let at = listener.local_addr();
    let said = if json {
        Output::json_line(&json!({ "event": "listening", "address": at.to_string() }))?
    } else {
        Output::lines(vec![format!("Listening on {at}")])
    };
    output::emit(&said)?;
    Ok(listener)
}

/// Waits for one device; with a deadline, gives up when it passes.
pub fn accept(
    listener: &Listener,
    deadline: Option<Instant>,
    side: Side,
) -> Result<TcpStream, CliError> {
    listener
        .accept(deadline)
        .map_err(|err| LinkError::transport(side, err).into())
}

/// Reaches the other device once, bounded by the I/O timeout.
pub fn reach(place: &Place, timeouts: Timeouts, side: Side) -> Result<TcpStream, CliError> {
    connect::connect(&place.addrs, &place.shown, timeouts.io)
        .map_err(|err| LinkError::transport(side, err).into())
}
