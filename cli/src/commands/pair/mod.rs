//! `reconnect pair`: one device offers a one-time code, the other joins with it; both
//! then pin each other's key. Over TCP, whichever side was told to listen waits for the
//! other; the store is closed while either waits.

pub mod join;
pub mod offer;

use crate::args::{Cli, PairAction};
use crate::error::CliError;
use crate::output::Output;

pub fn run(cli: &Cli, action: &PairAction) -> Result<Output, CliError> {
    match action {
        PairAction::Offer(args) => offer::run(cli, args),
        PairAction::Join(args) => join::run(cli, args),
    }
}
