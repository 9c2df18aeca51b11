//! Everything a user can record in the program, as data. Each command is checked against
//! the program's rules and then written as one commit; a refused command changes nothing.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::records::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, NoKind, Reply, ScreeningAnswer,
    TheirSideKind, TrialOutcome,
};
use crate::checkin::ContactMedium;

/// The longest text a program record accepts; the journal is for long writing.
pub const TEXT_MAX_CHARS: usize = 4000;
/// The longest cool-off a user can put on an ice-breaker draft.
pub const MAX_COOL_OFF_HOURS: u32 = 24 * 14;
/// Trial reviews are at least weekly and at most monthly.
pub const REVIEW_EVERY_DAYS: std::ops::RangeInclusive<u32> = 1..=31;
/// How long after recording it a safety flag can be withdrawn, on the same device.
pub const SAFETY_UNDO_MINUTES: i64 = 15;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum ProgramCommand {
    /// The self-check before step 1: question code → answer, and each safety question
    /// answered (or explicitly passed over with "prefer not to say").
    AnswerPreCheck {
        answers: BTreeMap<String, bool>,
        past_cycles: u32,
        screening: BTreeMap<String, ScreeningAnswer>,
    },
    SetEndedBy {
        ended_by: EndedBy,
    },
    AddReason {
        text: String,
        kind: String,
    },
    AddTrigger {
        text: String,
    },
    /// "I have read this advice and still want to continue."
    AcknowledgeAdvice {
        key: String,
    },
    AddMistake {
        text: String,
        plan: Option<String>,
    },
    SetMistakePlan {
        id: String,
        plan: String,
    },
    /// The no-contact period, `start..end` (end exclusive), at most 3 months long.
    SetNoContact {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// Readiness item code → answer.
    TakeReadinessCheck {
        answers: BTreeMap<String, bool>,
    },
    EndNoContactEarly,
    AddObservation {
        text: String,
        on: Option<NaiveDate>,
    },
    LogAttempt {
        medium: ContactMedium,
        on: Option<NaiveDate>,
        reply: Reply,
        note: Option<String>,
        /// Skip a rung anyway, after reading why not to.
        skip_ahead: bool,
    },
    SetAttemptReply {
        id: String,
        reply: Reply,
    },
    DraftIceBreaker {
        text: String,
        cool_off_hours: u32,
    },
    MarkIceBreakerReady {
        id: String,
    },
    /// Starts an apology draft (`id: None`) or updates one; `None` parts stay as they are.
    WriteApology {
        id: Option<String>,
        what_i_did: Option<String>,
        responsibility: Option<String>,
        what_changed: Option<String>,
        repair: Option<String>,
    },
    LogActivity {
        kind: ActivityKind,
        on: Option<NaiveDate>,
        result: ActivityResult,
        note: Option<String>,
    },
    AddTheirSide {
        kind: TheirSideKind,
        text: String,
        response: Option<String>,
    },
    SetTheirSideResponse {
        id: String,
        response: String,
    },
    Decide {
        answer: DecisionAnswer,
        revisit_on: Option<NaiveDate>,
    },
    SetTherapy {
        suggested: Option<bool>,
        accepted: Option<bool>,
    },
    LogTherapySession {
        on: Option<NaiveDate>,
    },
    StartTrial {
        start: NaiveDate,
        end: NaiveDate,
        review_every_days: u32,
    },
    /// A regular review, or with `outcome` the end review.
    ReviewTrial {
        on: Option<NaiveDate>,
        signs: BTreeMap<String, bool>,
        note: Option<String>,
        outcome: Option<TrialOutcome>,
        /// The new end date when the outcome is "extend".
        extend_to: Option<NaiveDate>,
    },
    LetGo {
        note: Option<String>,
    },
    /// What the user wrote for one step of the closing exercise.
    WriteLetGoExercise {
        number: u8,
        text: String,
    },
    /// Signs of abuse or coercive control (safety-sign codes).
    FlagSafety {
        signs: Vec<String>,
    },
    /// Undoes a safety flag recorded by mistake: only on the device that recorded it,
    /// within [`SAFETY_UNDO_MINUTES`] of recording it, and only when confirmed.
    WithdrawSafetyFlag {
        sign: String,
        confirmed: bool,
    },
    TheySaidNo {
        kind: NoKind,
    },
    /// Starts the program again from the beginning (the only way back after "never").
    /// Earlier records stay as history; safety flags and "they said no" stay in force.
    Restart {
        confirmed: bool,
    },
    /// Removes a reason, trigger, mistake, observation, draft, activity or note about
    /// their side. Contact attempts, decisions, reviews and safety records stay.
    Remove {
        id: String,
    },
}

impl ProgramCommand {
    /// The step whose progress this command records; `None` for commands that belong to
    /// no single step (pre-check, let go, safety, removal).
    pub fn step(&self) -> Option<u8> {
        use ProgramCommand::*;
        Some(match self {
            SetEndedBy { .. } | AddReason { .. } | AddTrigger { .. } => 1,
            AddMistake { .. } | SetMistakePlan { .. } => 2,
            SetNoContact { .. } | TakeReadinessCheck { .. } | EndNoContactEarly => 3,
            AddObservation { .. } | LogAttempt { .. } | SetAttemptReply { .. } => 4,
            DraftIceBreaker { .. } | MarkIceBreakerReady { .. } => 5,
            WriteApology { .. } => 6,
            LogActivity { .. } => 7,
            AddTheirSide { .. } | SetTheirSideResponse { .. } => 8,
            Decide { .. } => 9,
            SetTherapy { .. } | LogTherapySession { .. } => 10,
            StartTrial { .. } | ReviewTrial { .. } => 11,
            AnswerPreCheck { .. }
            | AcknowledgeAdvice { .. }
            | LetGo { .. }
            | WriteLetGoExercise { .. }
            | FlagSafety { .. }
            | WithdrawSafetyFlag { .. }
            | TheySaidNo { .. }
            | Restart { .. }
            | Remove { .. } => return None,
        })
    }

    /// A stable snake_case name, for logs and the command line.
    pub fn name(&self) -> &'static str {
        use ProgramCommand::*;
        match self {
            AnswerPreCheck { .. } => "answer_pre_check",
            SetEndedBy { .. } => "set_ended_by",
            AddReason { .. } => "add_reason",
            AddTrigger { .. } => "add_trigger",
            AcknowledgeAdvice { .. } => "acknowledge_advice",
            AddMistake { .. } => "add_mistake",
            SetMistakePlan { .. } => "set_mistake_plan",
            SetNoContact { .. } => "set_no_contact",
            TakeReadinessCheck { .. } => "take_readiness_check",
            EndNoContactEarly => "end_no_contact_early",
            AddObservation { .. } => "add_observation",
            LogAttempt { .. } => "log_attempt",
            SetAttemptReply { .. } => "set_attempt_reply",
            DraftIceBreaker { .. } => "draft_ice_breaker",
            MarkIceBreakerReady { .. } => "mark_ice_breaker_ready",
            WriteApology { .. } => "write_apology",
            LogActivity { .. } => "log_activity",
            AddTheirSide { .. } => "add_their_side",
            SetTheirSideResponse { .. } => "set_their_side_response",
            Decide { .. } => "decide",
            SetTherapy { .. } => "set_therapy",
            LogTherapySession { .. } => "log_therapy_session",
            StartTrial { .. } => "start_trial",
            ReviewTrial { .. } => "review_trial",
            LetGo { .. } => "let_go",
            WriteLetGoExercise { .. } => "write_let_go_exercise",
            FlagSafety { .. } => "flag_safety",
            WithdrawSafetyFlag { .. } => "withdraw_safety_flag",
            TheySaidNo { .. } => "they_said_no",
            Restart { .. } => "restart",
            Remove { .. } => "remove",
        }
    }
}
