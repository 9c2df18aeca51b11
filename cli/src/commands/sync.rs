//! `reconnect sync`: one session with a paired device over TCP, or, with `--listen`,
//! one after another until interrupted. The store is opened for each session and
//! closed while waiting, so the other commands work meanwhile.

use std::net::TcpStream;
use std::sync::Arc;

use reconnect_core::Role;

use crate::args::{Cli, SyncArgs};
use crate::commands::connection::failure::{LinkError, Side, from_core, from_drive};
use crate::commands::connection::{self, Meet, Otherwise, report};
use crate::context::{open, reopen};
use crate::error::CliError;
use crate::output::{self, Output};
use crate::transport::Timeouts;
use crate::transport::drive::drive;
use crate::transport::link::Link;

const SIDE: Side = Side::Syncing;

pub fn run(cli: &Cli, args: &SyncArgs) -> Result<Output, CliError> {
    let meet = Meet::from_args(&args.meet, Otherwise::Connect, SIDE)?;
    let timeouts = connection::timeouts(&args.meet);
    // A wrong key or a damaged store shows now, not when a device comes.
    drop(open(cli)?);
    match meet {
        Meet::Connect(place) => {
            let stream = connection::reach(&place, timeouts, SIDE)?;
            session(cli, stream, Role::Initiator, timeouts)
        }
        Meet::Listen(place) => {
            let listener = connection::listen(&place, SIDE, cli.json)?;
            if args.once {
                let stream = connection::accept(&listener, None, SIDE)?;
                return session(cli, stream, Role::Responder, timeouts);
            }
            // A failed session ends that session, never the server.
            loop {
                let stream = connection::accept(&listener, None, SIDE)?;
                let said = session(cli, stream, Role::Responder, timeouts)
                    .and_then(|result| output::emit(&result));
                if let Err(err) = said {
                    output::error(&err, cli.json);
                }
            }
        }
    }
}

/// Whoever connected is the initiator.
fn session(
    cli: &Cli,
    stream: TcpStream,
    role: Role,
    timeouts: Timeouts,
) -> Result<Output, CliError> {
    let link = Link::new(stream, timeouts).map_err(|err| LinkError::transport(SIDE, err))?;
    let app = Arc::new(reopen(cli)?);
    let mut session = app.sync_session(role).map_err(|err| from_core(SIDE, err))?;
    let driven = drive(link, &mut session).map_err(|err| from_drive(SIDE, err))?;
    let peer = session
        .peer()
        .ok_or_else(|| CliError::Internal("the sync ended without a device".into()))?;
    report::synced(peer, driven, session.stats().rounds, cli.json)
}
