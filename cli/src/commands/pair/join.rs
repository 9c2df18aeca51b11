//! `reconnect pair join CODE`: prove the code to the offering device and pin it.

use std::sync::Arc;
use std::time::Instant;

use reconnect_core::sync::pairing::MAX_OFFER_TTL;

use crate::args::{Cli, JoinArgs};
use crate::commands::connection::failure::{LinkError, Side, from_core, from_drive};
use crate::commands::connection::{self, Meet, Otherwise, report};
use crate::context::{open, reopen};
use crate::error::CliError;
use crate::output::{self, Output};
use crate::stdin_note::{self, FROM_STDIN, Reading};
use crate::transport::drive::drive;
use crate::transport::link::Link;

const SIDE: Side = Side::Joining;

const PAIRING_CODE: Reading = Reading {
    noun: "code",
    holder: "a pairing code or its QR string",
    max_chars: 128,
    when_empty: "no code arrived on stdin; give the code the other device shows",
};

pub fn run(cli: &Cli, args: &JoinArgs) -> Result<Output, CliError> {
    let json = cli.json;
    let meet = Meet::from_args(&args.meet, Otherwise::Connect, SIDE)?;
    let timeouts = connection::timeouts(&args.meet);
    let code = if args.code == FROM_STDIN {
        stdin_note::read_as(&PAIRING_CODE, json)?
    } else {
        args.code.clone()
    };
    // The code is checked before the network is touched; the store is closed again
    // while this device waits.
    {
        let app = Arc::new(open(cli)?);
        app.pair_initiator(&code)
            .map_err(|err| from_core(SIDE, err))?;
    }
    let stream = match &meet {
        Meet::Connect(place) => connection::reach(place, timeouts, SIDE)?,
        Meet::Listen(place) => {
            let listener = connection::listen(place, SIDE, json)?;
            if !json {
                output::emit(&Output::lines(vec![
                    "Waiting for the offering device to connect…".into(),
                ]))?;
            }
            // No offer lives longer than this, so no one can be coming after it.
            let wait = MAX_OFFER_TTL.to_std().unwrap_or_default();
            connection::accept(&listener, Some(Instant::now() + wait), SIDE)?
        }
    };
    let link = Link::new(stream, timeouts).map_err(|err| LinkError::transport(SIDE, err))?;
    let app = Arc::new(reopen(cli)?);
    let mut session = app
        .pair_initiator(&code)
        .map_err(|err| from_core(SIDE, err))?;
    let driven = drive(link, &mut session).map_err(|err| from_drive(SIDE, err))?;
    let peer = session
        .peer()
        .ok_or_else(|| CliError::Internal("the pairing ended without a device".into()))?;
    report::paired(peer, SIDE, driven.counts, json)
}
