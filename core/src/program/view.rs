//! What the engine says about the program at one moment: the output of [`super::evaluate`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::records::{DecisionAnswer, NoKind, ProgramRecords, SafetyFlag};
use crate::checkin::ContactMedium;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramView {
    /// The instant and the local day the view was evaluated for.
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    pub pre_check_done: bool,
    /// The phase the user is in (1–4); 0 before the pre-check.
    pub phase: u8,
    /// The first step that is open and not yet done; 0 before the pre-check, `None`
    /// when nothing is open (the program ended, or everything is locked or waiting).
    pub current_step: Option<u8>,
    pub phases: Vec<PhaseView>,
    pub steps: Vec<StepView>,
    pub next_actions: Vec<NextAction>,
    pub advice: Vec<Advice>,
    pub ladder: LadderView,
    /// Set while a safety rule locks contact: why, and where to find support.
    pub safety: Option<SafetyView>,
    /// Where to find help: always there, flag or not.
    pub support: SupportView,
    pub outcome: Option<Outcome>,
    pub dates: KeyDates,
    pub records: ProgramRecords,
}

impl ProgramView {
    pub fn step(&self, number: u8) -> Option<&StepView> {
        self.steps.iter().find(|s| s.number == number)
    }

    pub fn state_of(&self, number: u8) -> Option<StepState> {
        self.step(number).map(|s| s.state)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Locked,
    Available,
    InProgress,
    Done,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseView {
    pub number: u8,
    pub key: &'static str,
    pub title: &'static str,
    pub open: bool,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepView {
    pub number: u8,
    pub phase: u8,
    pub key: &'static str,
    pub title: &'static str,
    pub state: StepState,
    /// Why the step is locked; empty unless `state` is `Locked`.
    pub locked_because: Vec<LockReason>,
    /// Whether anything has been recorded for this step.
    pub has_progress: bool,
    /// Step 10 is optional: it never holds up step 11.
    pub optional: bool,
}

/// Why a step is locked. The first group are gates that open as the program goes on;
/// `Safety`, `TheySaidNo`, `DecidedNever`, `NotYet`, `LetGo` and `Together` are stops that no amount of progress opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum LockReason {
    PreCheckFirst,
    /// These earlier steps must be done first.
    StepsFirst {
        steps: Vec<u8>,
    },
    NoContactRunning {
        until: NaiveDate,
    },
    NoContactNotSet,
    ReadinessNotPassed,
    /// Apologising waits for some friendly back-and-forth.
    WarmRepliesNeeded {
        have: u32,
        need: u32,
    },
    DecisionPending,
    NotYet {
        revisit_on: Option<NaiveDate>,
    },
    DecidedNever,
    /// Too many attempts went unanswered: no answer is an answer.
    NoAnswer,
    /// A check-in reported contact during the no-contact period; it starts again.
    NoContactBroken {
        on: NaiveDate,
    },
    /// Signs of abuse or coercive control were recorded.
    Safety,
    TheySaidNo {
        kind: NoKind,
    },
    LetGo,
    Together,
}

impl LockReason {
    /// Stops are safety rules and endings, not gates.
    pub fn is_stop(&self) -> bool {
        matches!(
            self,
            LockReason::Safety
                | LockReason::TheySaidNo { .. }
                | LockReason::LetGo
                | LockReason::Together
                | LockReason::DecidedNever
                | LockReason::NoAnswer
                | LockReason::NotYet { .. }
        )
    }
}

/// The contact ladder as it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LadderView {
    /// The highest rung (1–5) that may be tried now without skipping.
    pub highest_open_rung: u8,
    pub highest_open_medium: ContactMedium,
    pub warm_replies: u32,
    /// Unanswered attempts at the end of the log, in a row.
    pub unanswered_in_a_row: u32,
    /// Contact pauses until this day after two unanswered attempts in a row.
    pub paused_until: Option<NaiveDate>,
    /// They said no, asked for no contact, or blocked the user, or too many attempts
    /// went unanswered: closed for good.
    pub closed_for_good: bool,
    /// Closed because too many attempts went unanswered ("no answer is an answer").
    pub no_answer: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SafetyView {
    pub signs: Vec<String>,
    /// Content keys: the locked notice, the resources notice, and each resource line.
    pub notice_key: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
    pub resources: Vec<(&'static str, &'static str)>,
    /// Every flag, with where it came from.
    pub flags: Vec<SafetyFlag>,
    /// Until when a flag recorded by mistake on this device can still be withdrawn.
    pub undo_until: Option<DateTime<Utc>>,
}

/// Where to find help; part of every view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportView {
    pub key: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
    pub resources: Vec<(&'static str, &'static str)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    pub key: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
    /// The user read it and chose to continue; it stays visible.
    pub acknowledged: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Together { on: NaiveDate },
    NotYet { revisit_on: Option<NaiveDate> },
    LetGo { on: NaiveDate },
}

/// Dates the reminders need.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KeyDates {
    /// The first day after the no-contact period, while it is still ahead.
    pub no_contact_ends: Option<NaiveDate>,
    pub revisit_on: Option<NaiveDate>,
    /// The next trial review due, and the trial's last day, while the trial runs.
    pub next_trial_review: Option<NaiveDate>,
    /// Every review date still ahead, the end review last.
    pub trial_reviews: Vec<NaiveDate>,
    pub trial_ends: Option<NaiveDate>,
    pub contact_paused_until: Option<NaiveDate>,
}

/// What the user could do next, most useful first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum NextAction {
    SeeSupport,
    AnswerPreCheck,
    ReadAdvice {
        key: &'static str,
    },
    RecordReasons,
    SayWhoEnded,
    PlanMistakes,
    SetNoContact,
    WaitForNoContact {
        until: NaiveDate,
    },
    TakeReadinessCheck,
    LearnHowTheyAre,
    ReachOut {
        rung: u8,
        medium: ContactMedium,
    },
    WaitForCoolOff {
        until: NaiveDate,
    },
    DraftIceBreaker,
    MarkDraftReady {
        id: String,
        from: DateTime<Utc>,
    },
    WriteApology,
    ShareActivity,
    ListenToThem,
    /// Contact was reported during the time apart: start it again from that day.
    RestartNoContact {
        from: NaiveDate,
    },
    /// No answer is an answer: did they say no?
    AskIfTheySaidNo,
    /// The trial's signs keep failing: ending it is a fair choice.
    ConsiderEndingTrial,
    Decide,
    WaitToRevisit {
        on: Option<NaiveDate>,
    },
    ConsiderTherapy,
    StartTrial,
    ReviewTrial {
        due: NaiveDate,
    },
    EndTrial {
        due: NaiveDate,
    },
    LetGo,
    CloseLetGoExercise {
        number: u8,
    },
}

/// The latest decision wins; among decisions of the same day and instant the more
/// cautious one wins, so concurrent answers resolve the same way everywhere.
pub fn decision_order(answer: DecisionAnswer) -> u8 {
    match answer {
        DecisionAnswer::Ready => 0,
        DecisionAnswer::NotYet => 1,
        DecisionAnswer::Never => 2,
    }
}
