//! The pure evaluation of the program: (records, check-in moods, now, today) → view.
//! No I/O and no clock reads; the same inputs always give the same view.
//!
//! Gates open phase by phase. Once a step has recorded progress its gate stays open, so
//! revisiting an earlier step (a readiness check retaken, a plan removed) never hides
//! what was already done; commands are refused while a gate is closed, so progress can
//! only ever be recorded through an open gate. Stops (safety, "they said no", letting
//! go, being back together) lock steps whatever their progress.

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::command::SAFETY_UNDO_MINUTES;
use super::content::{self, Notice};
use super::records::{
    ActivityResult, Attempt, DecisionAnswer, ProgramRecords, Reply, SafetyFlag, TrialOutcome,
};
use super::view::{
    Advice, KeyDates, LadderView, LockReason, NextAction, Outcome, PhaseView, ProgramView,
    SafetyView, StepState, StepView, SupportView, decision_order,
};
use crate::checkin::ContactMedium;
use crate::mood_trend::mood_trend;

/// Warm replies needed before the apology step opens ("some friendly back-and-forth").
pub const WARM_REPLIES_FOR_APOLOGY: u32 = 3;
/// Activities that went well before step 7 is done.
pub const GOOD_ACTIVITIES_NEEDED: usize = 3;
/// Days contact rests after two unanswered attempts in a row.
pub const COOL_OFF_DAYS: u64 = 14;
/// Unanswered attempts in total that add the "consider pausing" advice.
pub const UNANSWERED_FOR_ADVICE: usize = 3;
/// Earlier break-up/reunite cycles (or trial extensions) that add the cycles advice.
pub const CYCLES_FOR_ADVICE: u32 = 2;
/// Upcoming trial review dates listed in the view (for reminders).
pub const MAX_REVIEW_DATES: usize = 64;
/// The step number that stands for the pre-check.
pub const PRE_CHECK_STEP: u8 = 0;
/// Unanswered attempts in all that close the ladder ("no answer is an answer").
pub const UNANSWERED_CEILING: usize = 4;
/// An urge at or above this (0–10) counts as high.
pub const HIGH_URGE: u8 = 7;
/// Days in a row of high urge during no contact that bring the coping advice.
pub const HIGH_URGE_DAYS: usize = 3;
/// Trial reviews in a row in which one sign failed that bring that sign's advice.
pub const FAILED_REVIEWS_IN_A_ROW: usize = 2;

/// What the program needs to know of one day's check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckinFacts {
    pub date: NaiveDate,
    pub urge: u8,
    pub contact: ContactMedium,
}

/// Everything the engine needs besides the records.
#[derive(Debug, Clone, Copy)]
pub struct Moment<'a> {
    pub now: DateTime<Utc>,
    /// The user's local day (with the day-start hour applied).
    pub today: NaiveDate,
    /// (local date, mood) of the check-ins.
    pub moods: &'a [(NaiveDate, u8)],
    /// The check-ins the program reacts to (contact, urge), in any order.
    pub checkins: &'a [CheckinFacts],
    /// The device evaluating: a safety flag can be withdrawn only where it was recorded.
    pub device: &'a str,
}

impl<'a> Moment<'a> {
    /// A moment with no check-ins, on no particular device.
    pub fn at(now: DateTime<Utc>, today: NaiveDate) -> Moment<'static> {
        Moment {
            now,
            today,
            moods: &[],
            checkins: &[],
            device: "",
        }
    }
}

/// The earliest day whose check-in can matter to the program now: the start of the
/// no-contact period, the first stop, or the last two weeks.
pub fn checkins_from(records: &ProgramRecords, today: NaiveDate) -> NaiveDate {
    let r = records.current();
    let recent = today
        .checked_sub_days(Days::new(14))
        .unwrap_or(NaiveDate::MIN);
    let mut from = recent;
    if let Some(p) = &r.no_contact {
        from = from.min(p.start);
    }
    if let Some(stop) = stop_date(&r) {
        from = from.min(stop);
    }
    from
}

/// The first day a stop (safety, "no", "never", no answer) held, from the records.
fn stop_date(r: &ProgramRecords) -> Option<NaiveDate> {
    let never = current_decision(r)
        .filter(|d| d.answer == DecisionAnswer::Never)
        .map(|d| d.on);
    [
        r.safety_flags.iter().map(|f| f.on).min(),
        r.said_no.as_ref().map(|n| n.on),
        never,
        no_answer_on(&ordered_attempts(&r.attempts)),
    ]
    .into_iter()
    .flatten()
    .min()
}

fn current_decision(r: &ProgramRecords) -> Option<&super::records::Decision> {
    r.current_decision
        .as_ref()
        .and_then(|id| r.decisions.iter().find(|d| &d.id == id))
        .or_else(|| {
            r.decisions
                .iter()
                .max_by_key(|d| (d.on, d.at, decision_order(d.answer)))
        })
}

/// The day of the attempt that closed the ladder: a third unanswered attempt after a
/// pause (two unanswered in a row), or the fourth unanswered attempt in all.
pub(crate) fn no_answer_on(attempts: &[&Attempt]) -> Option<NaiveDate> {
    let mut in_a_row = 0usize;
    let mut total = 0usize;
    let mut paused = false;
    for attempt in attempts {
        if attempt.reply == Reply::NoReply {
            total += 1;
            in_a_row += 1;
            if paused || total >= UNANSWERED_CEILING {
                return Some(attempt.on);
            }
            if in_a_row == 2 {
                paused = true;
            }
        } else {
            in_a_row = 0;
        }
    }
    None
}

pub fn evaluate(records: &ProgramRecords, moment: Moment<'_>) -> ProgramView {
    let current = records.current();
    let records = &current;
    let facts = Facts::of(records, moment);
    let states: Vec<(u8, StepState, Vec<LockReason>)> =
        (1..=11).map(|n| facts.step_state(n)).collect();
    let steps: Vec<StepView> = content::steps()
        .iter()
        .map(|s| {
            let (_, state, locked_because) = states
                .iter()
                .find(|(n, ..)| *n == s.number)
                .cloned()
                .unwrap_or((s.number, StepState::Locked, Vec::new()));
            StepView {
                number: s.number,
                phase: s.phase,
                key: s.key,
                title: s.title,
                state,
                locked_because,
                has_progress: facts.progress[usize::from(s.number)],
                optional: s.number == 10,
            }
        })
        .collect();
    let phases = content::phases()
        .iter()
        .map(|p| {
            let in_phase: Vec<&StepView> = steps.iter().filter(|s| s.phase == p.number).collect();
            PhaseView {
                number: p.number,
                key: p.key,
                title: p.title,
                open: in_phase.iter().any(|s| s.state != StepState::Locked),
                done: in_phase
                    .iter()
                    .all(|s| s.optional || s.state == StepState::Done),
            }
        })
        .collect();
    let current_step = if records.pre_check.is_none() && facts.outcome.is_none() {
        Some(PRE_CHECK_STEP)
    } else {
        steps
            .iter()
            .find(|s| {
                matches!(s.state, StepState::Available | StepState::InProgress) && !s.optional
            })
            .map(|s| s.number)
    };
    let phase = match current_step {
        Some(PRE_CHECK_STEP) => 0,
        Some(n) => content::step(n).map_or(1, |s| s.phase),
        None => steps
            .iter()
            .filter(|s| s.has_progress || s.state == StepState::Done)
            .map(|s| s.phase)
            .max()
            .unwrap_or(1),
    };
    let view = ProgramView {
        now: moment.now,
        today: moment.today,
        pre_check_done: records.pre_check.is_some(),
        phase,
        current_step,
        phases,
        next_actions: Vec::new(),
        advice: facts.advice(),
        ladder: facts.ladder_view(),
        safety: facts.safety_view(),
        support: support_view(),
        outcome: facts.outcome.clone(),
        dates: facts.key_dates(),
        steps,
        records: records.clone(),
    };
    ProgramView {
        next_actions: facts.next_actions(&view),
        ..view
    }
}

/// Derived facts the step states, advice and actions are built from.
struct Facts<'a> {
    r: &'a ProgramRecords,
    m: Moment<'a>,
    /// Indexed by step number; [0] is the pre-check.
    progress: [bool; 12],
    warm_replies: u32,
    open_rung: u8,
    paused_until: Option<NaiveDate>,
    unanswered_in_a_row: u32,
    latest_decision: Option<(DecisionAnswer, Option<NaiveDate>)>,
    outcome: Option<Outcome>,
    /// The day the unanswered ceiling closed the ladder.
    no_answer: Option<NaiveDate>,
    /// "Not yet" holds contact until this day.
    not_yet_until: Option<NaiveDate>,
    /// A check-in reported contact on this day, during the no-contact period.
    no_contact_broken: Option<NaiveDate>,
}

impl<'a> Facts<'a> {
    fn of(r: &'a ProgramRecords, m: Moment<'a>) -> Self {
        let therapy = &r.therapy;
        let progress = [
            r.pre_check.is_some(),
            !r.reasons.is_empty() || r.ended_by.is_some() || !r.triggers.is_empty(),
            !r.mistakes.is_empty(),
            r.no_contact.is_some() || r.readiness.is_some(),
            !r.observations.is_empty() || !r.attempts.is_empty(),
            !r.ice_breakers.is_empty(),
            !r.apologies.is_empty(),
            !r.activities.is_empty(),
            !r.their_side.is_empty(),
            !r.decisions.is_empty(),
            therapy.suggested.is_some()
                || therapy.accepted.is_some()
                || !therapy.sessions.is_empty(),
            r.trial.is_some() || !r.trial_reviews.is_empty(),
        ];
        let attempts = ordered_attempts(&r.attempts);
        let warm_replies = count_u32(attempts.iter().filter(|a| a.reply == Reply::Warm).count());
        let highest_warm = attempts
            .iter()
            .filter(|a| a.reply == Reply::Warm)
            .filter_map(|a| rung_of(a.medium))
            .max()
            .unwrap_or(0);
        let open_rung = (highest_warm + 1).min(max_rung());
        let unanswered_in_a_row = count_u32(
            attempts
                .iter()
                .rev()
                .take_while(|a| a.reply == Reply::NoReply)
                .count(),
        );
        let paused_until = (unanswered_in_a_row >= 2)
            .then(|| attempts.last())
            .flatten()
            .and_then(|a| a.on.checked_add_days(Days::new(COOL_OFF_DAYS)))
            .filter(|until| *until > m.today);
        let latest_decision = current_decision(r).map(|d| (d.answer, d.revisit_on));
        let no_answer = no_answer_on(&attempts);
        let not_yet_until = match latest_decision {
            Some((DecisionAnswer::NotYet, Some(on))) if on > m.today => Some(on),
            _ => None,
        };
        // Contact reported in a check-in strictly after the period's first day (it starts
        // at the last contact) and before it ended.
        let no_contact_broken = r.no_contact.as_ref().and_then(|p| {
            let over = p.ended_early_on.map_or(p.end, |e| e.min(p.end));
            m.checkins
                .iter()
                .filter(|c| c.contact != ContactMedium::None)
                .map(|c| c.date)
                .filter(|d| *d > p.start && *d < over && *d <= m.today)
                .min()
        });
        let outcome = if let Some(let_go) = &r.let_go {
            Some(Outcome::LetGo { on: let_go.on })
        } else if let Some(review) = r
            .trial_reviews
            .iter()
            .filter(|v| v.outcome == Some(TrialOutcome::Together))
            .min_by_key(|v| (v.on, v.at))
        {
            Some(Outcome::Together { on: review.on })
        } else {
            match latest_decision {
                Some((DecisionAnswer::NotYet, revisit_on)) => Some(Outcome::NotYet { revisit_on }),
                _ => None,
            }
        };
        Facts {
            r,
            m,
            progress,
            warm_replies,
            open_rung,
            paused_until,
            unanswered_in_a_row,
            latest_decision,
            outcome,
            no_answer,
            not_yet_until,
            no_contact_broken,
        }
    }

    fn not_fixable(&self) -> bool {
        self.r
            .reasons
            .iter()
            .any(|reason| content::reason_kind(&reason.kind).is_some_and(|k| !k.fixable))
    }

    fn acknowledged(&self, notice: &Notice) -> bool {
        self.r.acknowledged.iter().any(|k| k == notice.key)
    }

    fn readiness_passed(&self) -> bool {
        self.r.readiness.as_ref().is_some_and(|check| {
            content::readiness_items()
                .iter()
                .all(|item| check.answers.get(item.code).copied() == Some(true))
        })
    }

    fn no_contact_over(&self) -> bool {
        self.no_contact_broken.is_none()
            && self
                .r
                .no_contact
                .as_ref()
                .is_some_and(|p| p.ended_early_on.is_some() || self.m.today >= p.end)
    }

    fn step_done(&self, n: u8) -> bool {
        let r = self.r;
        match n {
            1 => {
                !r.reasons.is_empty()
                    && r.ended_by.is_some()
                    && (!self.not_fixable() || self.acknowledged(&content::ADVICE_NOT_FIXABLE))
            }
            2 => r
                .mistakes
                .iter()
                .any(|m| m.plan.as_deref().is_some_and(|p| !p.trim().is_empty())),
            3 => self.no_contact_over() && self.readiness_passed(),
            4 => self.warm_replies > 0,
            5 => r.ice_breakers.iter().any(|d| d.marked_ready_at.is_some()),
            6 => r.apologies.iter().any(|a| a.is_complete()),
            7 => {
                r.activities
                    .iter()
                    .filter(|a| a.result == ActivityResult::Good)
                    .count()
                    >= GOOD_ACTIVITIES_NEEDED
            }
            8 => !r.their_side.is_empty() && r.their_side.iter().all(|t| t.response.is_some()),
            9 => matches!(
                self.latest_decision,
                Some((DecisionAnswer::Ready | DecisionAnswer::Never, _))
            ),
            10 => {
                !r.therapy.sessions.is_empty()
                    || r.therapy.suggested == Some(false)
                    || r.therapy.accepted == Some(false)
            }
            11 => matches!(self.outcome, Some(Outcome::Together { .. })),
            _ => false,
        }
    }

    fn any_progress(&self, steps: std::ops::RangeInclusive<u8>) -> bool {
        steps.into_iter().any(|n| self.progress[usize::from(n)])
    }

    /// The gates in front of step `n`, ignoring stops; empty when it is open.
    fn gates(&self, n: u8) -> Vec<LockReason> {
        if self.progress[usize::from(n)] {
            return Vec::new();
        }
        if self.r.pre_check.is_none() {
            return vec![LockReason::PreCheckFirst];
        }
        // A phase opens when the steps before it are done, and stays open once anything
        // in it (or after it) was recorded.
        let opened = |first: u8, before: std::ops::RangeInclusive<u8>| -> bool {
            self.any_progress(first..=11) || before.into_iter().all(|s| self.step_done(s))
        };
        match n {
            1..=3 => Vec::new(),
            4..=6 => {
                if opened(4, 1..=3) {
                    if n == 6 && self.warm_replies < WARM_REPLIES_FOR_APOLOGY {
                        return vec![LockReason::WarmRepliesNeeded {
                            have: self.warm_replies,
                            need: WARM_REPLIES_FOR_APOLOGY,
                        }];
                    }
                    return Vec::new();
                }
                let mut reasons = Vec::new();
                let unfinished: Vec<u8> =
                    [1, 2].into_iter().filter(|s| !self.step_done(*s)).collect();
                if !unfinished.is_empty() {
                    reasons.push(LockReason::StepsFirst { steps: unfinished });
                }
                match (&self.r.no_contact, self.no_contact_broken) {
                    (None, _) => reasons.push(LockReason::NoContactNotSet),
                    (Some(_), Some(on)) => reasons.push(LockReason::NoContactBroken { on }),
                    (Some(p), None) if !self.no_contact_over() => {
                        reasons.push(LockReason::NoContactRunning { until: p.end })
                    }
                    (Some(_), None) => {}
                }
                if !self.readiness_passed() {
                    reasons.push(LockReason::ReadinessNotPassed);
                }
                reasons
            }
            7 | 8 => {
                if opened(7, 4..=6) {
                    Vec::new()
                } else {
                    vec![LockReason::StepsFirst {
                        steps: (4..=6).filter(|s| !self.step_done(*s)).collect(),
                    }]
                }
            }
            9 => {
                if self.any_progress(9..=11) || (self.step_done(7) && self.step_done(8)) {
                    Vec::new()
                } else if !opened(7, 4..=6) {
                    vec![LockReason::StepsFirst {
                        steps: (4..=6).filter(|s| !self.step_done(*s)).collect(),
                    }]
                } else {
                    vec![LockReason::StepsFirst {
                        steps: [7, 8].into_iter().filter(|s| !self.step_done(*s)).collect(),
                    }]
                }
            }
            10 | 11 => {
                // "Not yet" and "never" are stops (see `stops`); only a missing decision
                // is a gate.
                if self.any_progress(10..=11) || self.latest_decision.is_some() {
                    return Vec::new();
                }
                vec![LockReason::DecisionPending]
            }
            _ => Vec::new(),
        }
    }

    /// The stops in front of step `n`.
    fn stops(&self, n: u8) -> Vec<LockReason> {
        let mut stops = Vec::new();
        match &self.outcome {
            Some(Outcome::LetGo { .. }) => stops.push(LockReason::LetGo),
            Some(Outcome::Together { .. }) => stops.push(LockReason::Together),
            _ => {}
        }
        if n >= 4 {
            if !self.r.safety_flags.is_empty() {
                stops.push(LockReason::Safety);
            }
            if let Some(no) = &self.r.said_no {
                stops.push(LockReason::TheySaidNo { kind: no.kind });
            }
            // "Never" closes contact, the decision included; only a restart of the whole
            // program goes back.
            if matches!(self.latest_decision, Some((DecisionAnswer::Never, _))) {
                stops.push(LockReason::DecidedNever);
            }
            if self.no_answer.is_some() {
                stops.push(LockReason::NoAnswer);
            }
        }
        // "Not yet" holds contact (steps 4–8) until its revisit date, and phase 4 until
        // another decision, even once a trial began.
        if let Some((DecisionAnswer::NotYet, revisit_on)) = self.latest_decision
            && (n >= 10 || ((4..=8).contains(&n) && self.not_yet_until.is_some()))
        {
            stops.push(LockReason::NotYet { revisit_on });
        }
        stops
    }

    fn step_state(&self, n: u8) -> (u8, StepState, Vec<LockReason>) {
        let done = self.step_done(n);
        let mut locks = self.stops(n);
        // Safety rules lock contact steps even when done; an ending (letting go, being
        // together) leaves finished steps shown as finished.
        let safety_rule = locks.iter().any(|l| {
            matches!(
                l,
                LockReason::Safety
                    | LockReason::TheySaidNo { .. }
                    | LockReason::DecidedNever
                    | LockReason::NoAnswer
                    | LockReason::NotYet { .. }
            )
        });
        if !locks.is_empty() && (!done || safety_rule) {
            return (n, StepState::Locked, locks);
        }
        if done {
            return (n, StepState::Done, Vec::new());
        }
        locks = self.gates(n);
        if !locks.is_empty() {
            return (n, StepState::Locked, locks);
        }
        let state = if self.progress[usize::from(n)] {
            StepState::InProgress
        } else {
            StepState::Available
        };
        (n, state, Vec::new())
    }

    /// Contact is over or on hold: no reminder may point towards it.
    fn contact_stopped(&self) -> bool {
        !self.r.safety_flags.is_empty()
            || self.r.said_no.is_some()
            || self.r.let_go.is_some()
            || matches!(self.outcome, Some(Outcome::Together { .. }))
            || matches!(self.latest_decision, Some((DecisionAnswer::Never, _)))
            || self.no_answer.is_some()
    }

    /// The first day a stop held (safety, "no", "never", no answer).
    fn stopped_on(&self) -> Option<NaiveDate> {
        stop_date(self.r)
    }

    /// A check-in reported contact on or after the day contact was stopped.
    fn contact_after_stop(&self) -> bool {
        self.stopped_on().is_some_and(|stop| {
            self.m.checkins.iter().any(|c| {
                c.contact != ContactMedium::None && c.date >= stop && c.date <= self.m.today
            })
        })
    }

    /// High urge on several days in a row, up to today or yesterday, while the
    /// no-contact period runs.
    fn urges_running_high(&self) -> bool {
        let Some(p) = &self.r.no_contact else {
            return false;
        };
        if self.no_contact_over() {
            return false;
        }
        let mut days: Vec<&CheckinFacts> = self
            .m
            .checkins
            .iter()
            .filter(|c| c.date >= p.start && c.date < p.end && c.date <= self.m.today)
            .collect();
        days.sort_by_key(|c| std::cmp::Reverse(c.date));
        let recent = days
            .first()
            .is_some_and(|c| (self.m.today - c.date).num_days() <= 1);
        let run = days
            .windows(2)
            .take_while(|w| (w[0].date - w[1].date).num_days() == 1)
            .count()
            + usize::from(!days.is_empty());
        recent
            && run >= HIGH_URGE_DAYS
            && days
                .iter()
                .take(HIGH_URGE_DAYS)
                .all(|c| c.urge >= HIGH_URGE)
    }

    /// The running trial's latest reviews, newest first.
    fn latest_reviews(&self) -> Vec<&super::records::TrialReview> {
        let mut reviews: Vec<&super::records::TrialReview> = match &self.r.trial {
            Some(t) => self
                .r
                .trial_reviews
                .iter()
                .filter(|v| v.on >= t.start)
                .collect(),
            None => Vec::new(),
        };
        reviews.sort_by(|a, b| (b.on, b.at, &b.id).cmp(&(a.on, a.at, &a.id)));
        reviews
    }

    /// Trial signs that failed in the last two reviews, and whether every sign failed in
    /// the latest one.
    fn failing_trial_signs(&self) -> (Vec<&'static str>, bool) {
        let reviews = self.latest_reviews();
        let failed =
            |v: &super::records::TrialReview, code: &str| v.signs.get(code) == Some(&false);
        let in_a_row: Vec<&'static str> = content::trial_signs()
            .iter()
            .map(|s| s.code)
            .filter(|code| {
                reviews.len() >= FAILED_REVIEWS_IN_A_ROW
                    && reviews
                        .iter()
                        .take(FAILED_REVIEWS_IN_A_ROW)
                        .all(|v| failed(v, code))
            })
            .collect();
        let all_failed = reviews
            .first()
            .is_some_and(|v| content::trial_signs().iter().all(|s| failed(v, s.code)));
        (in_a_row, all_failed)
    }

    /// The trial is running (no end review, no stop) and its signs keep failing.
    fn trial_failing(&self) -> bool {
        let (signs, all) = self.failing_trial_signs();
        self.r.trial.is_some()
            && self.outcome.is_none()
            && !self.contact_stopped()
            && (!signs.is_empty() || all)
    }

    fn ladder_view(&self) -> LadderView {
        LadderView {
            highest_open_rung: self.open_rung,
            highest_open_medium: medium_of(self.open_rung),
            warm_replies: self.warm_replies,
            unanswered_in_a_row: self.unanswered_in_a_row,
            paused_until: self.paused_until,
            closed_for_good: self.r.said_no.is_some() || self.no_answer.is_some(),
            no_answer: self.no_answer.is_some(),
        }
    }

    fn safety_view(&self) -> Option<SafetyView> {
        if self.r.safety_flags.is_empty() {
            return None;
        }
        let mut signs: Vec<String> = self.r.safety_flags.iter().map(|f| f.sign.clone()).collect();
        signs.sort();
        signs.dedup();
        let mut flags = self.r.safety_flags.clone();
        flags.sort_by(|a, b| (a.on, &a.sign).cmp(&(b.on, &b.sign)));
        let undo_until = flags.iter().filter_map(|f| withdraw_until(f, self.m)).max();
        Some(SafetyView {
            flags,
            undo_until,
            signs,
            notice_key: content::SAFETY_LOCKED.key,
            title: content::SAFETY_LOCKED.title,
            explanation: content::SAFETY_LOCKED.explanation,
            resources: content::support_resources()
                .iter()
                .map(|line| (line.key, line.text))
                .collect(),
        })
    }

    fn advice(&self) -> Vec<Advice> {
        let r = self.r;
        let mut shown: Vec<&'static Notice> = Vec::new();
        if r.said_no.is_some() {
            shown.push(&content::THEY_SAID_NO);
        }
        let doubts = r.pre_check.as_ref().is_some_and(|p| {
            content::pre_check().questions.iter().any(|q| {
                p.answers
                    .get(q.code)
                    .is_some_and(|answer| *answer != q.favourable_answer)
            })
        });
        if doubts {
            shown.push(&content::ADVICE_PRE_CHECK_DOUBTS);
        }
        if self.not_fixable() {
            shown.push(&content::ADVICE_NOT_FIXABLE);
        }
        if mood_trend(self.m.moods, self.m.today).falling {
            shown.push(&content::ADVICE_MOOD_FALLING);
        }
        if self.no_answer.is_some() {
            shown.push(&content::ADVICE_NO_ANSWER);
        } else if self.paused_until.is_some() {
            shown.push(&content::ADVICE_COOL_OFF);
        }
        if self.contact_after_stop() {
            shown.push(&content::ADVICE_CONTACT_AFTER_STOP);
        } else if self.no_contact_broken.is_some() && !self.contact_stopped() {
            shown.push(&content::ADVICE_CONTACT_DURING_NO_CONTACT);
        }
        if !self.contact_stopped() && self.urges_running_high() {
            shown.push(&content::ADVICE_URGES);
        }
        if self.trial_failing() {
            let (signs, all) = self.failing_trial_signs();
            if all {
                shown.push(&content::ADVICE_TRIAL_FAILING);
            }
            for (code, notice) in &content::TRIAL_SIGN_ADVICE {
                if signs.contains(code) {
                    shown.push(*notice);
                }
            }
        }
        let unanswered = r
            .attempts
            .iter()
            .filter(|a| a.reply == Reply::NoReply)
            .count();
        if unanswered >= UNANSWERED_FOR_ADVICE {
            shown.push(&content::ADVICE_UNANSWERED);
        }
        let cycles = r
            .pre_check
            .as_ref()
            .map_or(0, |p| p.past_cycles)
            .saturating_add(r.trial.as_ref().map_or(0, |t| t.extensions));
        if cycles >= CYCLES_FOR_ADVICE {
            shown.push(&content::ADVICE_CYCLES);
        }
        if r.attempts.iter().any(|a| a.skipped_ahead) {
            shown.push(&content::ADVICE_LADDER_SKIP);
        }
        shown
            .into_iter()
            .map(|notice| Advice {
                key: notice.key,
                title: notice.title,
                explanation: notice.explanation,
                acknowledged: self.acknowledged(notice),
            })
            .collect()
    }

    fn key_dates(&self) -> KeyDates {
        let r = self.r;
        let today = self.m.today;
        let running_trial = r
            .trial
            .as_ref()
            .filter(|_| self.outcome.is_none() && !self.contact_stopped());
        KeyDates {
            no_contact_ends: r
                .no_contact
                .as_ref()
                .filter(|p| p.ended_early_on.is_none() && p.end > today)
                .filter(|_| !self.contact_stopped() && self.no_contact_broken.is_none())
                .map(|p| p.end),
            revisit_on: match &self.outcome {
                Some(Outcome::NotYet { revisit_on }) if !self.contact_stopped() => *revisit_on,
                _ => None,
            },
            next_trial_review: running_trial.map(|t| self.next_review(t)),
            trial_reviews: running_trial.map_or_else(Vec::new, |t| self.review_dates(t)),
            trial_ends: running_trial.map(|t| t.end),
            contact_paused_until: self.paused_until.filter(|_| !self.contact_stopped()),
        }
    }

    /// The first review date (start + k × interval, k ≥ 1) after the latest review, capped
    /// at the trial's last day.
    fn next_review(&self, trial: &super::records::Trial) -> NaiveDate {
        let last = self.r.trial_reviews.iter().map(|v| v.on).max();
        let every = i64::from(trial.review_every_days.max(1));
        // k = 1, or the first k whose date is after the latest review.
        let k = last.map_or(1, |l| {
            ((l - trial.start).num_days().div_euclid(every) + 1).max(1)
        });
        k.checked_mul(every)
            .and_then(|days| u64::try_from(days).ok())
            .and_then(|days| trial.start.checked_add_days(Days::new(days)))
            .map_or(trial.end, |due| due.min(trial.end))
    }

    /// The review dates still ahead, from the next one to the last day, at most
    /// [`MAX_REVIEW_DATES`]. Computed, never walked day by day, whatever the dates.
    fn review_dates(&self, trial: &super::records::Trial) -> Vec<NaiveDate> {
        let every = i64::from(trial.review_every_days.max(1));
        let today = self.m.today;
        let next = self.next_review(trial);
        let first = if next >= today {
            Some(next)
        } else {
            // The first start + k × interval on or after today.
            let behind = (today - trial.start).num_days();
            let k = behind.div_euclid(every) + i64::from(behind.rem_euclid(every) != 0);
            k.checked_mul(every)
                .and_then(|days| u64::try_from(days).ok())
                .and_then(|days| trial.start.checked_add_days(Days::new(days)))
                .map(|due| due.min(trial.end))
        };
        let step = Days::new(u64::try_from(every).unwrap_or(1));
        let mut dates = Vec::new();
        let mut due = first.filter(|d| *d >= today);
        while let Some(date) = due.filter(|d| *d <= trial.end && dates.len() < MAX_REVIEW_DATES) {
            dates.push(date);
            due = if date == trial.end {
                None
            } else {
                date.checked_add_days(step).map(|d| d.min(trial.end))
            };
        }
        dates
    }

    fn next_actions(&self, view: &ProgramView) -> Vec<NextAction> {
        let r = self.r;
        let mut actions = Vec::new();
        if !r.safety_flags.is_empty() {
            actions.push(NextAction::SeeSupport);
        }
        if let Some(let_go) = &r.let_go {
            let next = content::let_go()
                .exercise
                .iter()
                .find(|e| !let_go.exercise.contains_key(&e.number));
            if let Some(step) = next {
                actions.push(NextAction::CloseLetGoExercise {
                    number: step.number,
                });
            }
            return actions;
        }
        if matches!(self.outcome, Some(Outcome::Together { .. })) {
            return actions;
        }
        for advice in &view.advice {
            if !advice.acknowledged && advice.key == content::ADVICE_NOT_FIXABLE.key {
                actions.push(NextAction::ReadAdvice { key: advice.key });
            }
        }
        if self.contact_after_stop() && r.safety_flags.is_empty() {
            actions.push(NextAction::SeeSupport);
        }
        if r.said_no.is_some()
            || matches!(self.latest_decision, Some((DecisionAnswer::Never, _)))
            || self.no_answer.is_some()
            || self.contact_after_stop()
        {
            actions.push(NextAction::LetGo);
        }
        if self.no_answer.is_some() && r.said_no.is_none() {
            actions.push(NextAction::AskIfTheySaidNo);
        }
        let open = |n: u8| {
            view.state_of(n)
                .is_some_and(|s| matches!(s, StepState::Available | StepState::InProgress))
        };
        if r.pre_check.is_none() {
            actions.push(NextAction::AnswerPreCheck);
        }
        if open(1) {
            if r.reasons.is_empty() {
                actions.push(NextAction::RecordReasons);
            }
            if r.ended_by.is_none() {
                actions.push(NextAction::SayWhoEnded);
            }
        }
        if open(2) {
            actions.push(NextAction::PlanMistakes);
        }
        if open(3) {
            match (&r.no_contact, self.no_contact_broken) {
                (None, _) => actions.push(NextAction::SetNoContact),
                (Some(_), Some(from)) => actions.push(NextAction::RestartNoContact { from }),
                (Some(p), None) if !self.no_contact_over() => {
                    actions.push(NextAction::WaitForNoContact { until: p.end })
                }
                (Some(_), None) => {}
            }
            if !self.readiness_passed() {
                actions.push(NextAction::TakeReadinessCheck);
            }
        }
        if open(4) {
            if r.observations.is_empty() {
                actions.push(NextAction::LearnHowTheyAre);
            }
            match self.paused_until {
                Some(until) => actions.push(NextAction::WaitForCoolOff { until }),
                None => actions.push(NextAction::ReachOut {
                    rung: self.open_rung,
                    medium: medium_of(self.open_rung),
                }),
            }
        }
        if open(5) {
            let waiting = r
                .ice_breakers
                .iter()
                .filter(|d| d.marked_ready_at.is_none())
                .min_by_key(|d| d.ready_after);
            match waiting {
                Some(draft) => actions.push(NextAction::MarkDraftReady {
                    id: draft.id.clone(),
                    from: draft.ready_after,
                }),
                None => actions.push(NextAction::DraftIceBreaker),
            }
        }
        if open(6) {
            actions.push(NextAction::WriteApology);
        }
        if open(7) {
            actions.push(NextAction::ShareActivity);
        }
        if open(8) {
            actions.push(NextAction::ListenToThem);
        }
        if open(9) {
            match self.latest_decision {
                Some((DecisionAnswer::NotYet, revisit_on)) => {
                    actions.push(NextAction::WaitToRevisit { on: revisit_on })
                }
                _ => actions.push(NextAction::Decide),
            }
        }
        if open(10) {
            actions.push(NextAction::ConsiderTherapy);
        }
        if open(11) {
            match &r.trial {
                None => actions.push(NextAction::StartTrial),
                Some(trial) => {
                    if self.trial_failing() {
                        actions.push(NextAction::ConsiderEndingTrial);
                    }
                    let due = self.next_review(trial);
                    if due >= trial.end {
                        actions.push(NextAction::EndTrial { due: trial.end });
                    } else {
                        actions.push(NextAction::ReviewTrial { due });
                    }
                }
            }
        }
        if !actions.contains(&NextAction::LetGo) && r.pre_check.is_some() {
            // Always within reach, never pushed: listed last.
            actions.push(NextAction::LetGo);
        }
        actions
    }
}

/// Until when `flag` can be withdrawn at `moment`: recorded on this device, less than
/// [`SAFETY_UNDO_MINUTES`] ago.
pub(crate) fn withdraw_until(flag: &SafetyFlag, moment: Moment<'_>) -> Option<DateTime<Utc>> {
    let at = flag.at?;
    let by = flag.by.as_deref()?;
    if moment.device.is_empty() || by != moment.device || at > moment.now {
        return None;
    }
    let until = at.checked_add_signed(chrono::Duration::minutes(SAFETY_UNDO_MINUTES))?;
    (moment.now < until).then_some(until)
}

fn support_view() -> SupportView {
    SupportView {
        key: content::SAFETY_RESOURCES.key,
        title: content::SAFETY_RESOURCES.title,
        explanation: content::SAFETY_RESOURCES.explanation,
        resources: content::support_resources()
            .iter()
            .map(|line| (line.key, line.text))
            .collect(),
    }
}

/// Attempts in the order they happened: by day, then by when they were recorded.
pub(crate) fn ordered_attempts(attempts: &[Attempt]) -> Vec<&Attempt> {
    let mut ordered: Vec<&Attempt> = attempts.iter().collect();
    ordered.sort_by(|a, b| (a.on, a.at, &a.id).cmp(&(b.on, b.at, &b.id)));
    ordered
}

pub(crate) fn rung_of(medium: ContactMedium) -> Option<u8> {
    content::ladder_rung(medium).map(|r| r.rung)
}

fn medium_of(rung: u8) -> ContactMedium {
    content::ladder()
        .iter()
        .find(|r| r.rung == rung)
        .map_or(ContactMedium::SocialMedia, |r| r.medium)
}

fn max_rung() -> u8 {
    content::ladder().iter().map(|r| r.rung).max().unwrap_or(1)
}

fn count_u32(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// The open rung and cool-off for the rules module.
pub(crate) struct LadderFacts {
    pub open_rung: u8,
    pub paused_until: Option<NaiveDate>,
    pub not_yet_until: Option<NaiveDate>,
    pub no_contact_broken: bool,
}

pub(crate) fn ladder_facts(records: &ProgramRecords, moment: Moment<'_>) -> LadderFacts {
    let facts = Facts::of(records, moment);
    LadderFacts {
        open_rung: facts.open_rung,
        paused_until: facts.paused_until,
        not_yet_until: facts.not_yet_until,
        no_contact_broken: facts.no_contact_broken.is_some(),
    }
}

pub(crate) fn readiness_passed(records: &ProgramRecords, moment: Moment<'_>) -> bool {
    Facts::of(records, moment).readiness_passed()
}
