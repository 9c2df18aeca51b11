//! The program as the engine sees it at one moment: phases, steps and why they are
//! locked, what to do next, advice, the contact ladder, safety, the outcome, the dates
//! reminders need, and everything recorded so far.

use std::time::SystemTime;

use reconnect_core::CommandResult as CoreCommandResult;
use reconnect_core::program::view as core;

use super::codes::NoKind;
use super::content::ContentLine;
use super::convert::{date_text, instant, map_vec, opt_date_text};
use super::records::{ProgramRecords, SafetyFlag};
use crate::types::ContactMedium;

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ProgramView {
    /// The instant and the local day (`YYYY-MM-DD`) the view was evaluated for.
    pub now: SystemTime,
    pub today: String,
    pub pre_check_done: bool,
    /// The phase the user is in (1–4); 0 before the pre-check.
    pub phase: u8,
    /// The first open step not yet done; 0 means the pre-check, none means nothing is
    /// open (the program ended, or everything is locked or waiting).
    pub current_step: Option<u8>,
    pub phases: Vec<PhaseView>,
    pub steps: Vec<StepView>,
    /// What the user could do next, most useful first.
    pub next_actions: Vec<NextAction>,
    pub advice: Vec<Advice>,
    pub ladder: LadderView,
    /// Set while a safety rule locks contact: why, and where to find support.
    pub safety: Option<SafetyView>,
    /// Where to find help: always there, flag or not.
    pub support: SupportView,
    pub outcome: Option<Outcome>,
    pub dates: KeyDates,
    /// Everything recorded so far.
    pub records: ProgramRecords,
}

impl From<core::ProgramView> for ProgramView {
    fn from(v: core::ProgramView) -> Self {
        ProgramView {
            now: instant(v.now),
            today: date_text(v.today),
            pre_check_done: v.pre_check_done,
            phase: v.phase,
            current_step: v.current_step,
            phases: map_vec(v.phases),
            steps: map_vec(v.steps),
            next_actions: map_vec(v.next_actions),
            advice: map_vec(v.advice),
            ladder: v.ladder.into(),
            safety: v.safety.map(Into::into),
            support: v.support.into(),
            outcome: v.outcome.map(Into::into),
            dates: v.dates.into(),
            records: v.records.into(),
        }
    }
}

/// What a program command returns: the id of a record it created, and the new view.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CommandResult {
    pub created_id: Option<String>,
    pub view: ProgramView,
}

impl From<CoreCommandResult> for CommandResult {
    fn from(r: CoreCommandResult) -> Self {
        CommandResult {
            created_id: r.created_id,
            view: r.view.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum StepState {
    Locked,
    Available,
    InProgress,
    Done,
}

impl From<core::StepState> for StepState {
    fn from(s: core::StepState) -> Self {
        match s {
            core::StepState::Locked => StepState::Locked,
            core::StepState::Available => StepState::Available,
            core::StepState::InProgress => StepState::InProgress,
            core::StepState::Done => StepState::Done,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PhaseView {
    pub number: u8,
    pub key: String,
    pub title: String,
    pub open: bool,
    pub done: bool,
}

impl From<core::PhaseView> for PhaseView {
    fn from(p: core::PhaseView) -> Self {
        PhaseView {
            number: p.number,
            key: p.key.into(),
            title: p.title.into(),
            open: p.open,
            done: p.done,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StepView {
    pub number: u8,
    pub phase: u8,
    pub key: String,
    pub title: String,
    pub state: StepState,
    /// Why the step is locked; empty unless `state` is `Locked`.
    pub locked_because: Vec<LockReason>,
    /// Whether anything has been recorded for this step.
    pub has_progress: bool,
    /// Step 10 is optional: it never holds up step 11.
    pub optional: bool,
}

impl From<core::StepView> for StepView {
    fn from(s: core::StepView) -> Self {
        StepView {
            number: s.number,
            phase: s.phase,
            key: s.key.into(),
            title: s.title.into(),
            state: s.state.into(),
            locked_because: map_vec(s.locked_because),
            has_progress: s.has_progress,
            optional: s.optional,
        }
    }
}

/// Why a step is locked. `Safety`, `TheySaidNo`, `LetGo` and `Together` are stops that
/// no progress opens; the others are gates that open as the program goes on.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum LockReason {
    PreCheckFirst,
    /// These earlier steps must be done first. (Step numbers are `u32` here because a
    /// `Vec<u8>` would cross as bytes: `ByteArray` in Kotlin, `Data` in Swift.)
    StepsFirst {
        steps: Vec<u32>,
    },
    /// The no-contact period runs until this day (the first day after it).
    NoContactRunning {
        until: String,
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
        revisit_on: Option<String>,
    },
    DecidedNever,
    /// Too many attempts went unanswered: no answer is an answer.
    NoAnswer,
    /// A check-in reported contact on this day, during the no-contact period.
    NoContactBroken {
        on: String,
    },
    /// Signs of abuse or coercive control were recorded.
    Safety,
    TheySaidNo {
        kind: NoKind,
    },
    LetGo,
    Together,
}

impl From<core::LockReason> for LockReason {
    fn from(r: core::LockReason) -> Self {
        use core::LockReason as L;
        match r {
            L::PreCheckFirst => LockReason::PreCheckFirst,
            L::StepsFirst { steps } => LockReason::StepsFirst {
                steps: steps.into_iter().map(u32::from).collect(),
            },
            L::NoContactRunning { until } => LockReason::NoContactRunning {
                until: date_text(until),
            },
            L::NoContactNotSet => LockReason::NoContactNotSet,
            L::ReadinessNotPassed => LockReason::ReadinessNotPassed,
            L::WarmRepliesNeeded { have, need } => LockReason::WarmRepliesNeeded { have, need },
            L::DecisionPending => LockReason::DecisionPending,
            L::NotYet { revisit_on } => LockReason::NotYet {
                revisit_on: opt_date_text(revisit_on),
            },
            L::DecidedNever => LockReason::DecidedNever,
            L::NoAnswer => LockReason::NoAnswer,
            L::NoContactBroken { on } => LockReason::NoContactBroken { on: date_text(on) },
            L::Safety => LockReason::Safety,
            L::TheySaidNo { kind } => LockReason::TheySaidNo { kind: kind.into() },
            L::LetGo => LockReason::LetGo,
            L::Together => LockReason::Together,
        }
    }
}

/// The contact ladder as it stands (step 4).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LadderView {
    /// The highest rung (1–5) that may be tried now without skipping.
    pub highest_open_rung: u8,
    pub highest_open_medium: ContactMedium,
    pub warm_replies: u32,
    /// Unanswered attempts at the end of the log, in a row.
    pub unanswered_in_a_row: u32,
    /// Contact rests until this day after two unanswered attempts in a row.
    pub paused_until: Option<String>,
    /// They said no, asked for no contact, or blocked the user, or too many attempts
    /// went unanswered: closed for good.
    pub closed_for_good: bool,
    /// Closed because too many attempts went unanswered.
    pub no_answer: bool,
}

impl From<core::LadderView> for LadderView {
    fn from(l: core::LadderView) -> Self {
        LadderView {
            highest_open_rung: l.highest_open_rung,
            highest_open_medium: l.highest_open_medium.into(),
            warm_replies: l.warm_replies,
            unanswered_in_a_row: l.unanswered_in_a_row,
            paused_until: opt_date_text(l.paused_until),
            closed_for_good: l.closed_for_good,
            no_answer: l.no_answer,
        }
    }
}

/// Why contact is locked for the user's safety, and where to find support.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SafetyView {
    /// The safety-sign codes recorded.
    pub signs: Vec<String>,
    pub notice_key: String,
    pub title: String,
    pub explanation: String,
    /// Support resources, each a keyed line of text.
    pub resources: Vec<ContentLine>,
    /// Every flag, with where it came from.
    pub flags: Vec<SafetyFlag>,
    /// Until when a flag recorded by mistake on this device can still be withdrawn.
    pub undo_until: Option<SystemTime>,
}

/// Where to find help; part of every view.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SupportView {
    pub key: String,
    pub title: String,
    pub explanation: String,
    pub resources: Vec<ContentLine>,
}

impl From<core::SupportView> for SupportView {
    fn from(s: core::SupportView) -> Self {
        SupportView {
            key: s.key.into(),
            title: s.title.into(),
            explanation: s.explanation.into(),
            resources: s
                .resources
                .into_iter()
                .map(|(key, text)| ContentLine {
                    key: key.into(),
                    text: text.into(),
                })
                .collect(),
        }
    }
}

impl From<core::SafetyView> for SafetyView {
    fn from(s: core::SafetyView) -> Self {
        SafetyView {
            flags: map_vec(s.flags),
            undo_until: s.undo_until.map(instant),
            signs: s.signs,
            notice_key: s.notice_key.into(),
            title: s.title.into(),
            explanation: s.explanation.into(),
            resources: s
                .resources
                .into_iter()
                .map(|(key, text)| ContentLine {
                    key: key.into(),
                    text: text.into(),
                })
                .collect(),
        }
    }
}

/// Advice the engine gives; never a block. `acknowledged` once the user chose to continue.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Advice {
    pub key: String,
    pub title: String,
    pub explanation: String,
    pub acknowledged: bool,
}

impl From<core::Advice> for Advice {
    fn from(a: core::Advice) -> Self {
        Advice {
            key: a.key.into(),
            title: a.title.into(),
            explanation: a.explanation.into(),
            acknowledged: a.acknowledged,
        }
    }
}

/// Where the program stands once it has an answer.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Outcome {
    Together { on: String },
    NotYet { revisit_on: Option<String> },
    LetGo { on: String },
}

impl From<core::Outcome> for Outcome {
    fn from(o: core::Outcome) -> Self {
        match o {
            core::Outcome::Together { on } => Outcome::Together { on: date_text(on) },
            core::Outcome::NotYet { revisit_on } => Outcome::NotYet {
                revisit_on: opt_date_text(revisit_on),
            },
            core::Outcome::LetGo { on } => Outcome::LetGo { on: date_text(on) },
        }
    }
}

/// Dates the reminders need.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct KeyDates {
    /// The first day after the no-contact period, while it is still ahead.
    pub no_contact_ends: Option<String>,
    pub revisit_on: Option<String>,
    /// The next trial review due, and the trial's last day, while the trial runs.
    pub next_trial_review: Option<String>,
    /// Every review date still ahead, the end review last.
    pub trial_reviews: Vec<String>,
    pub trial_ends: Option<String>,
    pub contact_paused_until: Option<String>,
}

impl From<core::KeyDates> for KeyDates {
    fn from(d: core::KeyDates) -> Self {
        KeyDates {
            no_contact_ends: opt_date_text(d.no_contact_ends),
            revisit_on: opt_date_text(d.revisit_on),
            next_trial_review: opt_date_text(d.next_trial_review),
            trial_reviews: d.trial_reviews.into_iter().map(date_text).collect(),
            trial_ends: opt_date_text(d.trial_ends),
            contact_paused_until: opt_date_text(d.contact_paused_until),
        }
    }
}

/// Something the user could do next.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum NextAction {
    SeeSupport,
    AnswerPreCheck,
    ReadAdvice {
        key: String,
    },
    RecordReasons,
    SayWhoEnded,
    PlanMistakes,
    SetNoContact,
    WaitForNoContact {
        until: String,
    },
    TakeReadinessCheck,
    LearnHowTheyAre,
    ReachOut {
        rung: u8,
        medium: ContactMedium,
    },
    WaitForCoolOff {
        until: String,
    },
    DraftIceBreaker,
    /// The draft `id` can be marked ready from `ready_after` on.
    MarkDraftReady {
        id: String,
        ready_after: SystemTime,
    },
    WriteApology,
    ShareActivity,
    ListenToThem,
    /// Contact was reported during the time apart: set it again from this day.
    RestartNoContact {
        from: String,
    },
    /// No answer is an answer: did they say no?
    AskIfTheySaidNo,
    /// The trial's signs keep failing: ending it is a fair choice.
    ConsiderEndingTrial,
    Decide,
    WaitToRevisit {
        on: Option<String>,
    },
    ConsiderTherapy,
    StartTrial,
    ReviewTrial {
        due: String,
    },
    EndTrial {
        due: String,
    },
    LetGo,
    CloseLetGoExercise {
        number: u8,
    },
}

impl From<core::NextAction> for NextAction {
    fn from(a: core::NextAction) -> Self {
        use core::NextAction as A;
        match a {
            A::SeeSupport => NextAction::SeeSupport,
            A::AnswerPreCheck => NextAction::AnswerPreCheck,
            A::ReadAdvice { key } => NextAction::ReadAdvice { key: key.into() },
            A::RecordReasons => NextAction::RecordReasons,
            A::SayWhoEnded => NextAction::SayWhoEnded,
            A::PlanMistakes => NextAction::PlanMistakes,
            A::SetNoContact => NextAction::SetNoContact,
            A::WaitForNoContact { until } => NextAction::WaitForNoContact {
                until: date_text(until),
            },
            A::TakeReadinessCheck => NextAction::TakeReadinessCheck,
            A::LearnHowTheyAre => NextAction::LearnHowTheyAre,
            A::ReachOut { rung, medium } => NextAction::ReachOut {
                rung,
                medium: medium.into(),
            },
            A::WaitForCoolOff { until } => NextAction::WaitForCoolOff {
                until: date_text(until),
            },
            A::DraftIceBreaker => NextAction::DraftIceBreaker,
            A::MarkDraftReady { id, from } => NextAction::MarkDraftReady {
                id,
                ready_after: instant(from),
            },
            A::WriteApology => NextAction::WriteApology,
            A::ShareActivity => NextAction::ShareActivity,
            A::ListenToThem => NextAction::ListenToThem,
            A::RestartNoContact { from } => NextAction::RestartNoContact {
                from: date_text(from),
            },
            A::AskIfTheySaidNo => NextAction::AskIfTheySaidNo,
            A::ConsiderEndingTrial => NextAction::ConsiderEndingTrial,
            A::Decide => NextAction::Decide,
            A::WaitToRevisit { on } => NextAction::WaitToRevisit {
                on: opt_date_text(on),
            },
            A::ConsiderTherapy => NextAction::ConsiderTherapy,
            A::StartTrial => NextAction::StartTrial,
            A::ReviewTrial { due } => NextAction::ReviewTrial {
                due: date_text(due),
            },
            A::EndTrial { due } => NextAction::EndTrial {
                due: date_text(due),
            },
            A::LetGo => NextAction::LetGo,
            A::CloseLetGoExercise { number } => NextAction::CloseLetGoExercise { number },
        }
    }
}
