//! The 11-step program: its words ([`content`]), what the user recorded ([`records`]),
//! the pure evaluation of both into a view ([`evaluate`]), and the rules every command
//! passes before it is written ([`rules`]).

pub mod command;
pub mod content;
pub mod engine;
pub mod records;
pub mod refusal;
pub mod rules;
pub mod view;

use automerge::AutoCommit;

pub use command::ProgramCommand;
pub use engine::{CheckinFacts, Moment, checkins_from, evaluate};
pub use records::ProgramRecords;
pub use refusal::Refusal;
pub use view::{LockReason, NextAction, Outcome, ProgramView, StepState};

use crate::doc::program::{self as stored, WriteContext};
use crate::error::Result;

/// Checks `command` against the document's program at `moment` and, if the rules allow
/// it, writes it (uncommitted). Returns the id of a record it created. On an error the
/// document is untouched.
pub fn run(
    doc: &mut AutoCommit,
    command: &ProgramCommand,
    moment: Moment<'_>,
    new_id: &dyn Fn() -> Result<String>,
) -> Result<Option<String>> {
    let records = stored::read(doc)?;
    rules::check(&records, command, moment)?;
    let view = evaluate(&records, moment);
    let skips_a_rung = match command {
        ProgramCommand::LogAttempt { medium, .. } => {
            engine::rung_of(*medium).is_some_and(|rung| rung > view.ladder.highest_open_rung)
        }
        _ => false,
    };
    let ctx = WriteContext {
        now: moment.now,
        today: moment.today,
        current_step: view.current_step.unwrap_or_else(|| {
            view.steps
                .iter()
                .filter(|s| s.has_progress)
                .map(|s| s.number)
                .max()
                .unwrap_or(0)
        }),
        skips_a_rung,
        device: moment.device,
        new_id,
    };
    stored::apply(doc, command, &ctx)
}
