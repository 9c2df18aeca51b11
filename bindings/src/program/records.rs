//! What the user has recorded in the program, as shells show it under "what is recorded
//! so far". Dates are ISO `YYYY-MM-DD` strings, instants are timestamps, lists are oldest
//! first.

use std::time::SystemTime;

use reconnect_core::program::records as core;

use super::codes::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, NoKind, Reply, SafetySource,
    TheirSideKind, TrialOutcome,
};
use super::convert::{
    Answer, ScreeningReply, answer_list, date_text, instant, map_vec, opt_date_text, screening_list,
};
use crate::types::ContactMedium;

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ProgramRecords {
    pub pre_check: Option<PreCheckAnswers>,
    pub ended_by: Option<EndedBy>,
    pub reasons: Vec<Reason>,
    /// Advice keys the user has read and chosen to continue past.
    pub acknowledged: Vec<String>,
    pub triggers: Vec<TextRecord>,
    pub mistakes: Vec<Mistake>,
    pub no_contact: Option<NoContact>,
    pub readiness: Option<Readiness>,
    pub observations: Vec<ObservationNote>,
    pub attempts: Vec<Attempt>,
    pub ice_breakers: Vec<IceBreaker>,
    pub apologies: Vec<Apology>,
    pub activities: Vec<SharedActivity>,
    pub their_side: Vec<TheirSide>,
    pub decisions: Vec<Decision>,
    pub therapy: Therapy,
    pub trial: Option<Trial>,
    pub trial_reviews: Vec<TrialReview>,
    pub let_go: Option<LetGoRecord>,
    pub safety_flags: Vec<SafetyFlag>,
    pub said_no: Option<SaidNo>,
    /// Every time the program was started again, oldest first.
    pub restarts: Vec<Restart>,
}

impl From<core::ProgramRecords> for ProgramRecords {
    fn from(r: core::ProgramRecords) -> Self {
        ProgramRecords {
            pre_check: r.pre_check.map(Into::into),
            ended_by: r.ended_by.map(Into::into),
            reasons: map_vec(r.reasons),
            acknowledged: r.acknowledged,
            triggers: map_vec(r.triggers),
            mistakes: map_vec(r.mistakes),
            no_contact: r.no_contact.map(Into::into),
            readiness: r.readiness.map(Into::into),
            observations: map_vec(r.observations),
            attempts: map_vec(r.attempts),
            ice_breakers: map_vec(r.ice_breakers),
            apologies: map_vec(r.apologies),
            activities: map_vec(r.activities),
            their_side: map_vec(r.their_side),
            decisions: map_vec(r.decisions),
            therapy: r.therapy.into(),
            trial: r.trial.map(Into::into),
            trial_reviews: map_vec(r.trial_reviews),
            let_go: r.let_go.map(Into::into),
            safety_flags: map_vec(r.safety_flags),
            said_no: r.said_no.map(Into::into),
            restarts: map_vec(r.restarts),
        }
    }
}

/// The answers to the self-check before step 1.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PreCheckAnswers {
    pub answers: Vec<Answer>,
    /// How many times the two of them broke up and got back together before.
    pub past_cycles: u32,
    /// The safety questions and their answers.
    pub screening: Vec<ScreeningReply>,
    pub at: SystemTime,
}

impl From<core::PreCheckAnswers> for PreCheckAnswers {
    fn from(p: core::PreCheckAnswers) -> Self {
        PreCheckAnswers {
            answers: answer_list(p.answers),
            past_cycles: p.past_cycles,
            screening: screening_list(p.screening),
            at: instant(p.at),
        }
    }
}

/// A reason the relationship ended (step 1).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Reason {
    pub id: String,
    pub text: String,
    /// A reason-kind code (`ChoiceList.REASON_KINDS`).
    pub kind: String,
    pub at: SystemTime,
}

impl From<core::Reason> for Reason {
    fn from(r: core::Reason) -> Self {
        Reason {
            id: r.id,
            text: r.text,
            kind: r.kind,
            at: instant(r.at),
        }
    }
}

/// A line of text with nothing else to it (a personal trigger, step 1).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TextRecord {
    pub id: String,
    pub text: String,
    pub at: SystemTime,
}

impl From<core::TextRecord> for TextRecord {
    fn from(t: core::TextRecord) -> Self {
        TextRecord {
            id: t.id,
            text: t.text,
            at: instant(t.at),
        }
    }
}

/// One of the user's own mistakes, and the plan to work on it (step 2).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Mistake {
    pub id: String,
    pub text: String,
    pub plan: Option<String>,
    pub at: SystemTime,
}

impl From<core::Mistake> for Mistake {
    fn from(m: core::Mistake) -> Self {
        Mistake {
            id: m.id,
            text: m.text,
            plan: m.plan,
            at: instant(m.at),
        }
    }
}

/// The no-contact period of step 3, `start..end` (end exclusive).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct NoContact {
    pub start: String,
    pub end: String,
    /// Set when the user ended the period early after a passed readiness check.
    pub ended_early_on: Option<String>,
}

impl From<core::NoContact> for NoContact {
    fn from(n: core::NoContact) -> Self {
        NoContact {
            start: date_text(n.start),
            end: date_text(n.end),
            ended_early_on: opt_date_text(n.ended_early_on),
        }
    }
}

/// The latest readiness self-check (step 3).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Readiness {
    /// Readiness item code → "this is true for me now".
    pub answers: Vec<Answer>,
    pub on: String,
}

impl From<core::Readiness> for Readiness {
    fn from(r: core::Readiness) -> Self {
        Readiness {
            answers: answer_list(r.answers),
            on: date_text(r.on),
        }
    }
}

/// "How are they doing?": what they post, what friends say (step 4).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ObservationNote {
    pub id: String,
    pub text: String,
    pub on: String,
    pub at: SystemTime,
}

impl From<core::Observation> for ObservationNote {
    fn from(o: core::Observation) -> Self {
        ObservationNote {
            id: o.id,
            text: o.text,
            on: date_text(o.on),
            at: instant(o.at),
        }
    }
}

/// One contact attempt on the ladder (step 4).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Attempt {
    pub id: String,
    pub medium: ContactMedium,
    pub on: String,
    pub reply: Reply,
    /// The user skipped a rung after reading why not to.
    pub skipped_ahead: bool,
    pub note: Option<String>,
    pub at: SystemTime,
}

impl From<core::Attempt> for Attempt {
    fn from(a: core::Attempt) -> Self {
        Attempt {
            id: a.id,
            medium: a.medium.into(),
            on: date_text(a.on),
            reply: a.reply.into(),
            skipped_ahead: a.skipped_ahead,
            note: a.note,
            at: instant(a.at),
        }
    }
}

/// A first-message draft (step 5).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct IceBreaker {
    pub id: String,
    pub text: String,
    /// Before this instant the draft cannot be marked ready.
    pub ready_after: SystemTime,
    pub marked_ready_at: Option<SystemTime>,
    pub at: SystemTime,
}

impl From<core::IceBreaker> for IceBreaker {
    fn from(d: core::IceBreaker) -> Self {
        IceBreaker {
            id: d.id,
            text: d.text,
            ready_after: instant(d.ready_after),
            marked_ready_at: d.marked_ready_at.map(instant),
            at: instant(d.at),
        }
    }
}

/// An apology draft (step 6); each part may still be empty.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Apology {
    pub id: String,
    pub what_i_did: String,
    pub responsibility: String,
    pub what_changed: String,
    pub repair: String,
    /// All four parts are written.
    pub complete: bool,
    pub at: SystemTime,
}

impl From<core::Apology> for Apology {
    fn from(a: core::Apology) -> Self {
        let complete = a.is_complete();
        Apology {
            id: a.id,
            what_i_did: a.what_i_did,
            responsibility: a.responsibility,
            what_changed: a.what_changed,
            repair: a.repair,
            complete,
            at: instant(a.at),
        }
    }
}

/// Something done together as friends (step 7).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SharedActivity {
    pub id: String,
    pub kind: ActivityKind,
    pub on: String,
    pub result: ActivityResult,
    pub note: Option<String>,
    pub at: SystemTime,
}

impl From<core::Activity> for SharedActivity {
    fn from(a: core::Activity) -> Self {
        SharedActivity {
            id: a.id,
            kind: a.kind.into(),
            on: date_text(a.on),
            result: a.result.into(),
            note: a.note,
            at: instant(a.at),
        }
    }
}

/// A feeling, concern or boundary they shared, and the user's response (step 8).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TheirSide {
    pub id: String,
    pub kind: TheirSideKind,
    pub text: String,
    pub response: Option<String>,
    pub at: SystemTime,
}

impl From<core::TheirSide> for TheirSide {
    fn from(t: core::TheirSide) -> Self {
        TheirSide {
            id: t.id,
            kind: t.kind.into(),
            text: t.text,
            response: t.response,
            at: instant(t.at),
        }
    }
}

/// Their answer to "are we ready to try again?" (step 9).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Decision {
    pub id: String,
    pub answer: DecisionAnswer,
    pub on: String,
    /// For "not yet": when to look at it again.
    pub revisit_on: Option<String>,
    pub at: SystemTime,
}

impl From<core::Decision> for Decision {
    fn from(d: core::Decision) -> Self {
        Decision {
            id: d.id,
            answer: d.answer.into(),
            on: date_text(d.on),
            revisit_on: opt_date_text(d.revisit_on),
            at: instant(d.at),
        }
    }
}

/// Couples therapy (step 10, optional).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Therapy {
    pub suggested: Option<bool>,
    pub accepted: Option<bool>,
    /// The days sessions were held.
    pub sessions: Vec<String>,
}

impl From<core::Therapy> for Therapy {
    fn from(t: core::Therapy) -> Self {
        Therapy {
            suggested: t.suggested,
            accepted: t.accepted,
            sessions: t.sessions.into_iter().map(date_text).collect(),
        }
    }
}

/// The trial period of step 11, `start..=end`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Trial {
    pub start: String,
    pub end: String,
    pub review_every_days: u32,
    /// How many times the end date was pushed back.
    pub extensions: u32,
}

impl From<core::Trial> for Trial {
    fn from(t: core::Trial) -> Self {
        Trial {
            start: date_text(t.start),
            end: date_text(t.end),
            review_every_days: t.review_every_days,
            extensions: t.extensions,
        }
    }
}

/// A review of the trial period; the end review has an `outcome`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TrialReview {
    pub id: String,
    pub on: String,
    /// Trial-sign code → "this held".
    pub signs: Vec<Answer>,
    pub note: Option<String>,
    pub outcome: Option<TrialOutcome>,
    pub at: SystemTime,
}

impl From<core::TrialReview> for TrialReview {
    fn from(v: core::TrialReview) -> Self {
        TrialReview {
            id: v.id,
            on: date_text(v.on),
            signs: answer_list(v.signs),
            note: v.note,
            outcome: v.outcome.map(Into::into),
            at: instant(v.at),
        }
    }
}

/// What one step of the let-go closing exercise holds.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseAnswer {
    pub number: u8,
    pub text: String,
}

/// The user chose to let go.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct LetGoRecord {
    pub on: String,
    /// The step the user was on (0 before step 1).
    pub from_step: u8,
    pub note: Option<String>,
    /// The closing exercise so far, by step number.
    pub exercise: Vec<ExerciseAnswer>,
    pub at: SystemTime,
}

impl From<core::LetGoRecord> for LetGoRecord {
    fn from(l: core::LetGoRecord) -> Self {
        LetGoRecord {
            on: date_text(l.on),
            from_step: l.from_step,
            note: l.note,
            exercise: l
                .exercise
                .into_iter()
                .map(|(number, text)| ExerciseAnswer { number, text })
                .collect(),
            at: instant(l.at),
        }
    }
}

/// A sign of abuse or coercive control the user recorded.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SafetyFlag {
    /// A safety-sign code (`ChoiceList.SAFETY_SIGNS`).
    pub sign: String,
    pub on: String,
    /// Where it was recorded: the self-check, a reason, or the safety screen.
    pub source: SafetySource,
    /// When it was recorded, if known.
    pub at: Option<SystemTime>,
}

impl From<core::SafetyFlag> for SafetyFlag {
    fn from(f: core::SafetyFlag) -> Self {
        SafetyFlag {
            sign: f.sign,
            on: date_text(f.on),
            source: f.source.into(),
            at: f.at.map(instant),
        }
    }
}

/// The program was started again from the beginning.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Restart {
    pub id: String,
    pub on: String,
    pub from_step: u8,
    pub at: SystemTime,
}

impl From<core::Restart> for Restart {
    fn from(r: core::Restart) -> Self {
        Restart {
            id: r.id,
            on: date_text(r.on),
            from_step: r.from_step,
            at: instant(r.at),
        }
    }
}

/// They said no, asked for no contact, or blocked the user.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SaidNo {
    pub kind: NoKind,
    pub on: String,
}

impl From<core::SaidNo> for SaidNo {
    fn from(s: core::SaidNo) -> Self {
        SaidNo {
            kind: s.kind.into(),
            on: date_text(s.on),
        }
    }
}
