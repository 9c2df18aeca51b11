//! Why the program refused a command, with the facts a shell needs to say so in its own
//! words. Travels inside `ReconnectError::Refused`; a refusal changed nothing.

use std::time::SystemTime;

use reconnect_core::Refusal;

use super::convert::{date_text, instant, map_vec};
use super::view::{LockReason, Outcome};
use crate::types::ContactMedium;

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum RefusalReason {
    /// The command's step is not open yet, for these reasons.
    StepLocked {
        step: u8,
        reasons: Vec<LockReason>,
    },
    /// Signs of abuse or control were recorded: every contact step is locked.
    SafetyLocked,
    /// They said no: the contact steps are closed for good.
    TheySaidNo,
    /// The answer was "never": the contact steps and the decision are closed; letting go
    /// is open, and starting the program again is the only way back.
    DecidedNever,
    /// "Not yet": contact and a "ready" wait until this day.
    NotYetUntil {
        revisit_on: String,
    },
    /// Too many attempts went unanswered: no answer is an answer.
    NoAnswer,
    /// A safety flag can be withdrawn only on its device, within `minutes`, confirmed.
    SafetyFlagStands {
        minutes: i64,
    },
    /// The program has ended; nothing more is recorded in its steps.
    ProgramEnded {
        outcome: Outcome,
    },
    /// `medium` is above the open rung of the ladder; `open_medium` is the next open one.
    /// Skipping is possible only by saying so (`skip_ahead`).
    LadderSkip {
        medium: ContactMedium,
        open_medium: ContactMedium,
    },
    /// Two unanswered attempts in a row: contact rests until this day.
    CoolingOff {
        until: String,
    },
    /// A no-contact period is at most 3 months long.
    NoContactTooLong {
        start: String,
        latest_end: String,
    },
    ReadinessNotPassed,
    /// The draft cannot be marked ready before this instant.
    DraftCoolingOff {
        ready_after: SystemTime,
    },
    NotFound {
        id: String,
    },
    /// Contact attempts, decisions, reviews and safety records are kept.
    NotRemovable {
        id: String,
    },
}

impl From<Refusal> for RefusalReason {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::StepLocked { step, reasons } => RefusalReason::StepLocked {
                step,
                reasons: map_vec(reasons),
            },
            Refusal::SafetyLocked => RefusalReason::SafetyLocked,
            Refusal::TheySaidNo => RefusalReason::TheySaidNo,
            Refusal::DecidedNever => RefusalReason::DecidedNever,
            Refusal::NotYetUntil { revisit_on } => RefusalReason::NotYetUntil {
                revisit_on: date_text(revisit_on),
            },
            Refusal::NoAnswer => RefusalReason::NoAnswer,
            Refusal::SafetyFlagStands { minutes } => RefusalReason::SafetyFlagStands { minutes },
            Refusal::ProgramEnded { outcome } => RefusalReason::ProgramEnded {
                outcome: outcome.into(),
            },
            Refusal::LadderSkip {
                medium,
                open_medium,
            } => RefusalReason::LadderSkip {
                medium: medium.into(),
                open_medium: open_medium.into(),
            },
            Refusal::CoolingOff { until } => RefusalReason::CoolingOff {
                until: date_text(until),
            },
            Refusal::NoContactTooLong { start, latest_end } => RefusalReason::NoContactTooLong {
                start: date_text(start),
                latest_end: date_text(latest_end),
            },
            Refusal::ReadinessNotPassed => RefusalReason::ReadinessNotPassed,
            Refusal::DraftCoolingOff { ready_after } => RefusalReason::DraftCoolingOff {
                ready_after: instant(ready_after),
            },
            Refusal::NotFound { id } => RefusalReason::NotFound { id },
            Refusal::NotRemovable { id } => RefusalReason::NotRemovable { id },
        }
    }
}
