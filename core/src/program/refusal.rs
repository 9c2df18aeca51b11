//! Why the program refused a command. A refusal changes nothing and says why in words a
//! person can act on.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::records::NoKind;
use super::view::{LockReason, Outcome};
use crate::checkin::ContactMedium;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "refusal", rename_all = "snake_case")]
pub enum Refusal {
    #[error("step {step} is not open yet: {}", describe_locks(.reasons))]
    StepLocked { step: u8, reasons: Vec<LockReason> },
    #[error(
        "contact steps are locked because signs of abuse or control were recorded; your safety comes first, and support is listed in the program overview"
    )]
    SafetyLocked,
    #[error(
        "they said no, so the contact steps are closed for good; contacting them now would not respect their answer. Letting go is open to you whenever you want it"
    )]
    TheySaidNo,
    #[error(
        "the answer was \"never\", so the contact steps are closed; that answer deserves respect. Letting go is open to you, and the only way back is to start the program again from the beginning"
    )]
    DecidedNever,
    #[error(
        "you decided \"not yet\", so contact waits until {revisit_on}; use the time for yourself and look at it again then"
    )]
    NotYetUntil { revisit_on: NaiveDate },
    #[error(
        "several attempts went unanswered, and no answer is an answer: the contact steps are closed. Letting go is open to you, and if they said no, you can record that too"
    )]
    NoAnswer,
    #[error(
        "this safety record stands: it can be undone only on the device that recorded it, within {minutes} minutes, and after confirming"
    )]
    SafetyFlagStands { minutes: i64 },
    #[error("the program has ended ({}); nothing more can be recorded in its steps", describe_outcome(.outcome))]
    ProgramEnded { outcome: Outcome },
    #[error(
        "{} comes after a warm reply on the rung below; the next open rung is {}. Going step by step gives them room; you may skip ahead only by saying so explicitly",
        .medium.describe(), .open_medium.describe()
    )]
    LadderSkip {
        medium: ContactMedium,
        open_medium: ContactMedium,
    },
    #[error(
        "two attempts in a row went unanswered, so contact rests until {until}; giving them space is a kindness to both of you"
    )]
    CoolingOff { until: NaiveDate },
    #[error(
        "a no-contact period is at most 3 months long; starting on {start}, it can end on {latest_end} at the latest"
    )]
    NoContactTooLong {
        start: NaiveDate,
        latest_end: NaiveDate,
    },
    #[error("the readiness check has not passed yet; take it again when it feels true")]
    ReadinessNotPassed,
    #[error("this draft is still cooling off until {ready_after}; read it again then")]
    DraftCoolingOff { ready_after: DateTime<Utc> },
    #[error("there is no record with the id {id}")]
    NotFound { id: String },
    #[error(
        "contact attempts, decisions, reviews and safety records are kept; {id} cannot be removed"
    )]
    NotRemovable { id: String },
}

fn describe_outcome(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Together { on } => format!("together, since {on}"),
        Outcome::NotYet { .. } => "not yet".into(),
        Outcome::LetGo { on } => format!("you chose to let go on {on}"),
    }
}

pub fn describe_locks(reasons: &[LockReason]) -> String {
    let parts: Vec<String> = reasons.iter().map(describe_lock).collect();
    parts.join("; ")
}

pub fn describe_lock(reason: &LockReason) -> String {
    match reason {
        LockReason::PreCheckFirst => "answer the pre-check first".into(),
        LockReason::StepsFirst { steps } => match steps.as_slice() {
            [one] => format!("finish step {one} first"),
            [rest @ .., last] => {
                let rest: Vec<String> = rest.iter().map(u8::to_string).collect();
                format!("finish steps {} and {last} first", rest.join(", "))
            }
            [] => "finish the steps before it first".into(),
        },
        LockReason::NoContactRunning { until } => {
            format!("the no-contact period runs until {until}")
        }
        LockReason::NoContactNotSet => "choose a no-contact period in step 3".into(),
        LockReason::ReadinessNotPassed => "the readiness check has not passed yet".into(),
        LockReason::WarmRepliesNeeded { have, need } => {
            format!("wait for some friendly back-and-forth ({have} of {need} warm replies)")
        }
        LockReason::DecisionPending => "this follows a decision of \"ready\" in step 9".into(),
        LockReason::NotYet {
            revisit_on: Some(on),
        } => {
            format!("you decided \"not yet\"; look at it again on {on}")
        }
        LockReason::NotYet { revisit_on: None } => "you decided \"not yet\"".into(),
        LockReason::DecidedNever => "the answer was \"never\"".into(),
        LockReason::NoAnswer => "several attempts went unanswered; no answer is an answer".into(),
        LockReason::NoContactBroken { on } => {
            format!(
                "there was contact on {on}, during the time apart; start it again from that day"
            )
        }
        LockReason::Safety => {
            "signs of abuse or control were recorded; your safety comes first".into()
        }
        LockReason::TheySaidNo { kind } => match kind {
            NoKind::SaidNo => "they said no".into(),
            NoKind::AskedNoContact => "they asked for no contact".into(),
            NoKind::Blocked => "they blocked you".into(),
        },
        LockReason::LetGo => "you chose to let go".into(),
        LockReason::Together => "you are back together".into(),
    }
}
