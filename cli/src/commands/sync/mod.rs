//! `reconnect sync`: one session with a paired device over TCP, or, with `--listen`,
//! one after another until interrupted. The store is opened for each session and
//! closed while waiting, so the other commands work meanwhile. The connecting side
//! speaks to one chosen device when it can (see [`target`]).

pub mod target;

use std::net::TcpStream;
use std::sync::Arc;

use reconnect_core::Role;

use crate::args::{Cli, SyncArgs};
use crate::commands::connection::failure::{LinkError, Side, from_core};
use crate::commands::connection::{self, Meet, Otherwise, report};
use crate::context::{open, reopen};
use crate::error::CliError;
use crate::output::{self, Output};
use crate::transport::Timeouts;
use crate::transport::drive::drive;
use crate::transport::link::Link;
use target::Target;

const SIDE: Side = Side::Syncing;

pub fn run(cli: &Cli, args: &SyncArgs) -> Result<Output, CliError> {
    let meet = Meet::from_args(&args.meet, Otherwise::Connect, SIDE)?;
    let timeouts = connection::timeouts(&args.meet);
    // A wrong key or a damaged store shows now, not when a device comes; so does a
    // `--to` that names no device, before anything reaches the network.
    let peers = open(cli)?.peers()?;
    match meet {
        Meet::Connect(place) => {
            let target = Target::choose(&peers, args.to.as_deref())?;
            let stream = connection::reach(&place, timeouts, SIDE)?;
            session(cli, stream, Some(&target), timeouts)
        }
        Meet::Listen(place) => {
            let listener = connection::listen(&place, SIDE, cli.json)?;
            if args.once {
                let stream = connection::accept(&listener, None, SIDE)?;
                return session(cli, stream, None, timeouts);
            }
            // A failed session ends that session, never the server.
            loop {
                let stream = connection::accept(&listener, None, SIDE)?;
                let said =
                    session(cli, stream, None, timeouts).and_then(|result| output::emit(&result));
                if let Err(err) = said {
                    output::error(&err, cli.json);
                }
            }
        }
    }
}

/// Whoever connected is the initiator, speaking to `target`; the side that listened
/// (`None`) answers whichever paired device came.
fn session(
    cli: &Cli,
    stream: TcpStream,
    target: Option<&Target>,
    timeouts: Timeouts,
) -> Result<Output, CliError> {
    let link = Link::new(stream, timeouts).map_err(|err| LinkError::transport(SIDE, err))?;
    let app = Arc::new(reopen(cli)?);
    let started = match target.map(Target::peer) {
        None => app.sync_session(Role::Responder),
        Some(None) => app.sync_session(Role::Initiator),
        Some(Some(peer)) => app.sync_session_to(&peer.device_id),
    };
    let mut session = started.map_err(|err| from_core(SIDE, err))?;
    let driven = drive(link, &mut session)
        .map_err(|err| target::failure(target, err, session.stats().frames_received))?;
    let peer = session
        .peer()
        .ok_or_else(|| CliError::Internal("the sync ended without a device".into()))?;
    let rounds = session.stats().rounds;
    report::synced(peer, driven, rounds, target.map(Target::kind), cli.json)
}
