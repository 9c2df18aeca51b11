//! What the user has recorded in the program, as plain data read from the document.
//! The engine evaluates these; nothing here touches the document or the clock.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::checkin::ContactMedium;

use crate::coded::coded;

coded! {
    /// Who ended the relationship (step 1).
    pub enum EndedBy { Me, Them, Mutual }
}

coded! {
    /// How the ex answered a contact attempt (step 4).
    pub enum Reply { NoReply, Cold, Neutral, Warm }
}

coded! {
    /// A kind of shared activity (step 7).
    pub enum ActivityKind { Fun, Adrenaline, Scary, Other }
}

coded! {
    /// How a shared activity went (step 7).
    pub enum ActivityResult { Good, Okay, Bad }
}

coded! {
    /// What the ex shared (step 8).
    pub enum TheirSideKind { Feeling, Concern, Boundary }
}

coded! {
    /// The answer to "are we ready to try again?" (step 9), least cautious first.
    pub enum DecisionAnswer { Ready, NotYet, Never }
}

coded! {
    /// How the ex closed the door (a safety rule: the ladder locks for good).
    pub enum NoKind { SaidNo, AskedNoContact, Blocked }
}

coded! {
    /// An answer to a safety question of the self-check. Skipping one takes an explicit
    /// "prefer not to say".
    pub enum ScreeningAnswer { Yes, No, PreferNotToSay }
}

coded! {
    /// Where a safety flag came from.
    pub enum SafetySource { PreCheck, Reason, Flagged }
}

coded! {
    /// Where the trial period's end review leads (step 11).
    pub enum TrialOutcome { Together, Extend, LetGo }
}

/// Everything recorded in the program. Lists are sorted oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    pub observations: Vec<Observation>,
    pub attempts: Vec<Attempt>,
    pub ice_breakers: Vec<IceBreaker>,
    pub apologies: Vec<Apology>,
    pub activities: Vec<Activity>,
    pub their_side: Vec<TheirSide>,
    pub decisions: Vec<Decision>,
    /// The id of the decision that stands: the last one made, or of decisions made
    /// concurrently on two devices, the most cautious.
    pub current_decision: Option<String>,
    pub therapy: Therapy,
    pub trial: Option<Trial>,
    pub trial_reviews: Vec<TrialReview>,
    pub let_go: Option<LetGoRecord>,
    pub safety_flags: Vec<SafetyFlag>,
    pub said_no: Option<SaidNo>,
    /// Every time the program was started again from the beginning, oldest first.
    #[serde(default)]
    pub restarts: Vec<Restart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreCheckAnswers {
    /// Question code → answer.
    pub answers: BTreeMap<String, bool>,
    /// How many times the two of them broke up and got back together before.
    pub past_cycles: u32,
    /// Safety question code → answer.
    #[serde(default)]
    pub screening: BTreeMap<String, ScreeningAnswer>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub id: String,
    pub text: String,
    /// A reason-kind code from the content (`misunderstanding`, `not_serious`, …).
    pub kind: String,
    pub at: DateTime<Utc>,
}

/// A line of text with nothing else to it (a personal trigger).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextRecord {
    pub id: String,
    pub text: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mistake {
    pub id: String,
    pub text: String,
    pub plan: Option<String>,
    pub at: DateTime<Utc>,
}

/// The no-contact period of step 3, `start..end` in local dates, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoContact {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Set when the user ended the period early after a passed readiness check.
    pub ended_early_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readiness {
    /// Readiness item code → "this is true for me now".
    pub answers: BTreeMap<String, bool>,
    pub on: NaiveDate,
}

/// "How are they doing?": what they post, what friends say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub id: String,
    pub text: String,
    pub on: NaiveDate,
    pub at: DateTime<Utc>,
}

/// One contact attempt on the ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: String,
    pub medium: ContactMedium,
    pub on: NaiveDate,
    pub reply: Reply,
    /// The user skipped a rung after reading why not to; kept for honesty.
    pub skipped_ahead: bool,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IceBreaker {
    pub id: String,
    pub text: String,
    /// Before this instant the draft cannot be marked ready.
    pub ready_after: DateTime<Utc>,
    pub marked_ready_at: Option<DateTime<Utc>>,
    pub at: DateTime<Utc>,
}

/// An apology draft; each part may still be empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Apology {
    pub id: String,
    pub what_i_did: String,
    pub responsibility: String,
    pub what_changed: String,
    pub repair: String,
    pub at: DateTime<Utc>,
}

impl Apology {
    pub fn is_complete(&self) -> bool {
        [
            &self.what_i_did,
            &self.responsibility,
            &self.what_changed,
            &self.repair,
        ]
        .iter()
        .all(|part| !part.trim().is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
    pub kind: ActivityKind,
    pub on: NaiveDate,
    pub result: ActivityResult,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TheirSide {
    pub id: String,
    pub kind: TheirSideKind,
    pub text: String,
    /// The user's response or compromise.
    pub response: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub id: String,
    pub answer: DecisionAnswer,
    pub on: NaiveDate,
    /// For "not yet": when to look at it again.
    pub revisit_on: Option<NaiveDate>,
    pub at: DateTime<Utc>,
}

/// Couples therapy (step 10, optional).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Therapy {
    pub suggested: Option<bool>,
    pub accepted: Option<bool>,
    pub sessions: Vec<NaiveDate>,
}

/// The trial period of step 11, `start..=end`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trial {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub review_every_days: u32,
    /// How many times the end date was pushed back.
    pub extensions: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrialReview {
    pub id: String,
    pub on: NaiveDate,
    /// Trial-sign code → "this held".
    pub signs: BTreeMap<String, bool>,
    pub note: Option<String>,
    /// Set on the end review.
    pub outcome: Option<TrialOutcome>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LetGoRecord {
    pub on: NaiveDate,
    /// The step the user was on when they chose to let go (0 before step 1).
    pub from_step: u8,
    pub note: Option<String>,
    /// Closing-exercise step number → what the user wrote.
    pub exercise: BTreeMap<u8, String>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SafetyFlag {
    /// A safety-sign code from the content (`violence`, `threats`, …).
    pub sign: String,
    pub on: NaiveDate,
    /// Where it was recorded: the self-check, a reason in step 1, or the safety screen.
    #[serde(default = "flagged")]
    pub source: SafetySource,
    /// When and on which device it was recorded; unknown for a flag written by an older
    /// version or on several devices at once (then it can never be withdrawn).
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub by: Option<String>,
}

fn flagged() -> SafetySource {
    SafetySource::Flagged
}

/// The program started again from the beginning. Records made before it stay in the
/// document as history; the engine looks only at what came after it. Safety flags and
/// "they said no" are never lifted by it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Restart {
    pub id: String,
    pub on: NaiveDate,
    /// The step the user was on.
    pub from_step: u8,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaidNo {
    pub kind: NoKind,
    pub on: NaiveDate,
}

impl ProgramRecords {
    /// The latest restart, if the program was ever started again.
    pub fn last_restart(&self) -> Option<&Restart> {
        self.restarts.iter().max_by_key(|r| (r.at, r.id.clone()))
    }

    /// The records of the current run of the program: list records made after the latest
    /// restart (the single records were cleared by it). Safety flags, "they said no" and
    /// the restarts themselves always stay.
    pub fn current(&self) -> ProgramRecords {
        let Some(since) = self.last_restart().map(|r| r.at) else {
            return self.clone();
        };
        fn after<T: Clone>(
            items: &[T],
            at: impl Fn(&T) -> DateTime<Utc>,
            since: DateTime<Utc>,
        ) -> Vec<T> {
            items.iter().filter(|x| at(x) > since).cloned().collect()
        }
        let decisions = after(&self.decisions, |x| x.at, since);
        ProgramRecords {
            reasons: after(&self.reasons, |x| x.at, since),
            triggers: after(&self.triggers, |x| x.at, since),
            mistakes: after(&self.mistakes, |x| x.at, since),
            observations: after(&self.observations, |x| x.at, since),
            attempts: after(&self.attempts, |x| x.at, since),
            ice_breakers: after(&self.ice_breakers, |x| x.at, since),
            apologies: after(&self.apologies, |x| x.at, since),
            activities: after(&self.activities, |x| x.at, since),
            their_side: after(&self.their_side, |x| x.at, since),
            current_decision: self
                .current_decision
                .clone()
                .filter(|id| decisions.iter().any(|d| &d.id == id)),
            decisions,
            trial_reviews: after(&self.trial_reviews, |x| x.at, since),
            ..self.clone()
        }
    }
}
