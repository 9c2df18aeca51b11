//! The rules a command must pass before anything is written: input checks (a clear
//! [`Error::InvalidInput`]) and the program's own rules (a typed [`Refusal`]). Pure: it
//! reads the records and the moment, nothing else.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

use super::command::{
    MAX_COOL_OFF_HOURS, ProgramCommand, REVIEW_EVERY_DAYS, SAFETY_UNDO_MINUTES, TEXT_MAX_CHARS,
};
use super::content;
use super::engine::{Moment, evaluate, ladder_facts, readiness_passed, rung_of, withdraw_until};
use super::records::{DecisionAnswer, ProgramRecords, TrialOutcome};
use super::refusal::Refusal;
use super::view::{LockReason, Outcome, StepState};
use crate::checkin::ContactMedium;
use crate::error::{Error, Result};

/// The longest no-contact period, counted from its first day.
pub const NO_CONTACT_MAX_MONTHS: u32 = 3;

/// Whether `command` may be applied to `records` at `moment`.
pub fn check(records: &ProgramRecords, command: &ProgramCommand, moment: Moment<'_>) -> Result<()> {
    validate_input(command, moment.today)?;
    let current = records.current();
    let records = &current;
    let view = evaluate(records, moment);
    use ProgramCommand::*;
    // Safety and "no" records are always accepted; letting go is always open until done.
    match command {
        FlagSafety { .. }
        | TheySaidNo { .. }
        | Remove { .. }
        | WithdrawSafetyFlag { .. }
        | Restart { .. } => {}
        LetGo { .. } => {
            if let Some(Outcome::LetGo { .. }) = view.outcome {
                return Err(invalid("you have already chosen to let go"));
            }
        }
        WriteLetGoExercise { .. } => {
            if records.let_go.is_none() {
                return Err(invalid(
                    "the closing exercise belongs to letting go; it opens once you choose it",
                ));
            }
        }
        _ => {
            if let Some(outcome @ (Outcome::LetGo { .. } | Outcome::Together { .. })) =
                &view.outcome
            {
                return Err(Error::Refused(Refusal::ProgramEnded {
                    outcome: outcome.clone(),
                }));
            }
        }
    }
    if let Some(step) = command.step() {
        let Some(step_view) = view.step(step) else {
            return Err(invalid(format!("there is no step {step}")));
        };
        if step_view.state == StepState::Locked {
            let reasons = &step_view.locked_because;
            let not_yet = reasons.iter().find_map(|r| match r {
                LockReason::NotYet {
                    revisit_on: Some(on),
                } if (4..=8).contains(&step) && *on > moment.today => Some(*on),
                _ => None,
            });
            return Err(Error::Refused(if reasons.contains(&LockReason::Safety) {
                Refusal::SafetyLocked
            } else if reasons
                .iter()
                .any(|r| matches!(r, LockReason::TheySaidNo { .. }))
            {
                Refusal::TheySaidNo
            } else if reasons.contains(&LockReason::NoAnswer) {
                Refusal::NoAnswer
            } else if reasons.contains(&LockReason::DecidedNever) {
                Refusal::DecidedNever
            } else if let Some(revisit_on) = not_yet {
                Refusal::NotYetUntil { revisit_on }
            } else {
                Refusal::StepLocked {
                    step,
                    reasons: reasons.clone(),
                }
            }));
        }
    }
    check_rules(records, command, moment)
}

/// Rules beyond the step gates.
fn check_rules(
    records: &ProgramRecords,
    command: &ProgramCommand,
    moment: Moment<'_>,
) -> Result<()> {
    use ProgramCommand::*;
    match command {
        SetNoContact { start, end } => {
            let latest_end = start
                .checked_add_months(Months::new(NO_CONTACT_MAX_MONTHS))
                .ok_or_else(|| invalid("that start date is out of range"))?;
            if *end > latest_end {
                return Err(Error::Refused(Refusal::NoContactTooLong {
                    start: *start,
                    latest_end,
                }));
            }
        }
        EndNoContactEarly => {
            let Some(period) = &records.no_contact else {
                return Err(invalid("there is no no-contact period to end"));
            };
            if period.ended_early_on.is_some() || moment.today >= period.end {
                return Err(invalid("the no-contact period is already over"));
            }
            if ladder_facts(records, moment).no_contact_broken {
                return Err(invalid(
                    "a check-in reported contact during the time apart, so it starts again from that day; set the period again first",
                ));
            }
            if !readiness_passed(records, moment) {
                return Err(Error::Refused(Refusal::ReadinessNotPassed));
            }
        }
        LogAttempt {
            medium, skip_ahead, ..
        } => {
            let ladder = ladder_facts(records, moment);
            if let Some(until) = ladder.paused_until {
                return Err(Error::Refused(Refusal::CoolingOff { until }));
            }
            let rung = rung_of(*medium).unwrap_or(u8::MAX);
            if rung > ladder.open_rung && !skip_ahead {
                return Err(Error::Refused(Refusal::LadderSkip {
                    medium: *medium,
                    open_medium: content::ladder()
                        .iter()
                        .find(|r| r.rung == ladder.open_rung)
                        .map_or(ContactMedium::SocialMedia, |r| r.medium),
                }));
            }
        }
        SetAttemptReply { id, .. } => exists(records.attempts.iter().any(|a| &a.id == id), id)?,
        SetMistakePlan { id, .. } => exists(records.mistakes.iter().any(|m| &m.id == id), id)?,
        MarkIceBreakerReady { id } => {
            let draft = records
                .ice_breakers
                .iter()
                .find(|d| &d.id == id)
                .ok_or_else(|| not_found(id))?;
            if moment.now < draft.ready_after {
                return Err(Error::Refused(Refusal::DraftCoolingOff {
                    ready_after: draft.ready_after,
                }));
            }
        }
        WriteApology { id: Some(id), .. } => {
            exists(records.apologies.iter().any(|a| &a.id == id), id)?
        }
        SetTheirSideResponse { id, .. } => {
            exists(records.their_side.iter().any(|t| &t.id == id), id)?
        }
        AcknowledgeAdvice { key } => {
            let view = evaluate(records, moment);
            if !view.advice.iter().any(|a| a.key == key) {
                return Err(invalid(format!(
                    "there is no advice `{key}` to acknowledge right now"
                )));
            }
        }
        Decide {
            answer: DecisionAnswer::Ready,
            ..
        } if ladder_facts(records, moment).not_yet_until.is_some() => {
            let revisit_on = ladder_facts(records, moment)
                .not_yet_until
                .unwrap_or(moment.today);
            return Err(Error::Refused(Refusal::NotYetUntil { revisit_on }));
        }
        Decide { answer, revisit_on } => match (answer, revisit_on) {
            (DecisionAnswer::NotYet, Some(on)) if *on > moment.today => {}
            (DecisionAnswer::NotYet, _) => {
                return Err(invalid("\"not yet\" needs a revisit date after today"));
            }
            (_, Some(_)) => return Err(invalid("only \"not yet\" takes a revisit date")),
            (_, None) => {}
        },
        StartTrial { .. } if records.trial.is_some() => {
            return Err(invalid(
                "a trial period is already running; review it, or extend it in its end review",
            ));
        }
        ReviewTrial {
            on,
            outcome,
            extend_to,
            ..
        } => {
            let Some(trial) = &records.trial else {
                return Err(invalid("start the trial period before reviewing it"));
            };
            let on = on.unwrap_or(moment.today);
            if on < trial.start {
                return Err(invalid(format!(
                    "a review cannot be dated before the trial began on {}",
                    trial.start
                )));
            }
            match (outcome, extend_to) {
                (Some(TrialOutcome::Extend), Some(to)) if *to > trial.end => {}
                (Some(TrialOutcome::Extend), _) => {
                    return Err(invalid(format!(
                        "extending needs a new end date after {}",
                        trial.end
                    )));
                }
                (_, Some(_)) => return Err(invalid("only \"extend\" takes a new end date")),
                (_, None) => {}
            }
        }
        WriteLetGoExercise { number, .. }
            if !content::let_go()
                .exercise
                .iter()
                .any(|e| e.number == *number) =>
        {
            return Err(invalid(format!(
                "the closing exercise has steps 1 to {}",
                content::let_go().exercise.len()
            )));
        }
        WithdrawSafetyFlag { sign, confirmed } => {
            if !confirmed {
                return Err(invalid(
                    "withdrawing a safety record needs a confirmation that it was recorded by mistake",
                ));
            }
            let flag = records
                .safety_flags
                .iter()
                .find(|f| &f.sign == sign)
                .ok_or_else(|| not_found(sign))?;
            if withdraw_until(flag, moment).is_none() {
                return Err(Error::Refused(Refusal::SafetyFlagStands {
                    minutes: SAFETY_UNDO_MINUTES,
                }));
            }
        }
        Restart { confirmed } => {
            if !confirmed {
                return Err(invalid(
                    "starting again needs a confirmation; what you recorded stays as history",
                ));
            }
            if records.pre_check.is_none() && records.let_go.is_none() {
                return Err(invalid(
                    "the program has not begun, so there is nothing to start again",
                ));
            }
        }
        Remove { id } => {
            let r = records;
            let removable = r.reasons.iter().any(|x| &x.id == id)
                || r.triggers.iter().any(|x| &x.id == id)
                || r.mistakes.iter().any(|x| &x.id == id)
                || r.observations.iter().any(|x| &x.id == id)
                || r.ice_breakers.iter().any(|x| &x.id == id)
                || r.apologies.iter().any(|x| &x.id == id)
                || r.activities.iter().any(|x| &x.id == id)
                || r.their_side.iter().any(|x| &x.id == id);
            let kept = r.attempts.iter().any(|x| &x.id == id)
                || r.decisions.iter().any(|x| &x.id == id)
                || r.trial_reviews.iter().any(|x| &x.id == id);
            if kept {
                return Err(Error::Refused(Refusal::NotRemovable { id: id.clone() }));
            }
            exists(removable, id)?;
        }
        _ => {}
    }
    Ok(())
}

/// Checks of the command's own values, independent of the program's state.
pub fn validate_input(command: &ProgramCommand, today: NaiveDate) -> Result<()> {
    use ProgramCommand::*;
    match command {
        AnswerPreCheck {
            answers, screening, ..
        } => {
            let codes = content::pre_check().questions.iter().map(|q| q.code);
            complete_answers(answers, codes, "pre-check question")?;
            let codes = content::pre_check().screening.iter().map(|q| q.code);
            complete_answers(
                screening,
                codes,
                "safety question (\"prefer not to say\" is an answer too)",
            )?;
        }
        AddReason { text, kind } => {
            required_text(text, "the reason")?;
            if content::reason_kind(kind).is_none() {
                let known: Vec<&str> = content::reason_kinds().iter().map(|k| k.code).collect();
                return Err(invalid(format!(
                    "unknown reason kind `{kind}`; choose one of: {}",
                    known.join(", ")
                )));
            }
        }
        AddTrigger { text } => required_text(text, "the trigger")?,
        AddMistake { text, plan } => {
            required_text(text, "the mistake")?;
            optional_text(plan.as_deref(), "the plan")?;
        }
        SetMistakePlan { plan, .. } => required_text(plan, "the plan")?,
        SetNoContact { start, end } => {
            if *start > today {
                return Err(invalid(
                    "the no-contact period starts at the breakup or the last contact, so not in the future",
                ));
            }
            if end <= start {
                return Err(invalid("the no-contact period must end after it starts"));
            }
        }
        TakeReadinessCheck { answers } => {
            let codes = content::readiness_items().iter().map(|i| i.code);
            complete_answers(answers, codes, "readiness item")?;
        }
        AddObservation { text, on } => {
            required_text(text, "the note")?;
            not_future(*on, today)?;
        }
        LogAttempt {
            medium, on, note, ..
        } => {
            if rung_of(*medium).is_none() {
                return Err(invalid(
                    "choose how you reached out: social_media, text, call, video or in_person",
                ));
            }
            not_future(*on, today)?;
            optional_text(note.as_deref(), "the note")?;
        }
        DraftIceBreaker {
            text,
            cool_off_hours,
        } => {
            required_text(text, "the draft")?;
            if *cool_off_hours > MAX_COOL_OFF_HOURS {
                return Err(invalid(format!(
                    "a cool-off is at most {MAX_COOL_OFF_HOURS} hours"
                )));
            }
        }
        WriteApology {
            what_i_did,
            responsibility,
            what_changed,
            repair,
            ..
        } => {
            for part in [what_i_did, responsibility, what_changed, repair] {
                optional_text(part.as_deref(), "the apology")?;
            }
        }
        LogActivity { on, note, .. } => {
            not_future(*on, today)?;
            optional_text(note.as_deref(), "the note")?;
        }
        AddTheirSide { text, response, .. } => {
            required_text(text, "what they shared")?;
            optional_text(response.as_deref(), "your response")?;
        }
        SetTheirSideResponse { response, .. } => required_text(response, "your response")?,
        LogTherapySession { on } => not_future(*on, today)?,
        StartTrial {
            start,
            end,
            review_every_days,
        } => {
            if end <= start {
                return Err(invalid("the trial period must end after it starts"));
            }
            let within_a_year = |date: NaiveDate| (date - today).num_days().abs() <= 366;
            if !within_a_year(*start) || (*end - *start).num_days() > 366 {
                return Err(invalid(
                    "a trial period starts within a year of today and lasts at most a year",
                ));
            }
            if !REVIEW_EVERY_DAYS.contains(review_every_days) {
                return Err(invalid(format!(
                    "reviews are every {} to {} days",
                    REVIEW_EVERY_DAYS.start(),
                    REVIEW_EVERY_DAYS.end()
                )));
            }
        }
        ReviewTrial {
            on, signs, note, ..
        } => {
            not_future(*on, today)?;
            let codes = content::trial_signs().iter().map(|s| s.code);
            complete_answers(signs, codes, "trial sign")?;
            optional_text(note.as_deref(), "the note")?;
        }
        LetGo { note } => optional_text(note.as_deref(), "the note")?,
        WriteLetGoExercise { text, .. } => required_text(text, "the exercise")?,
        FlagSafety { signs } => {
            if signs.is_empty() {
                return Err(invalid("name at least one sign"));
            }
            for sign in signs {
                if !content::safety_signs().iter().any(|s| s.code == sign) {
                    let known: Vec<&str> = content::safety_signs().iter().map(|s| s.code).collect();
                    return Err(invalid(format!(
                        "unknown safety sign `{sign}`; the signs are: {}",
                        known.join(", ")
                    )));
                }
            }
        }
        AcknowledgeAdvice { .. }
        | SetEndedBy { .. }
        | EndNoContactEarly
        | SetAttemptReply { .. }
        | MarkIceBreakerReady { .. }
        | Decide { .. }
        | SetTherapy { .. }
        | TheySaidNo { .. }
        | WithdrawSafetyFlag { .. }
        | Restart { .. }
        | Remove { .. } => {}
    }
    Ok(())
}

fn complete_answers<'a, V>(
    answers: &BTreeMap<String, V>,
    codes: impl Iterator<Item = &'a str> + Clone,
    what: &str,
) -> Result<()> {
    if let Some(unknown) = answers
        .keys()
        .find(|k| !codes.clone().any(|c| c == k.as_str()))
    {
        let known: Vec<&str> = codes.collect();
        return Err(invalid(format!(
            "unknown {what} `{unknown}`; expected: {}",
            known.join(", ")
        )));
    }
    let missing: Vec<&str> = codes.filter(|c| !answers.contains_key(*c)).collect();
    if !missing.is_empty() {
        return Err(invalid(format!(
            "please answer every {what}; missing: {}",
            missing.join(", ")
        )));
    }
    Ok(())
}

fn required_text(text: &str, what: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(invalid(format!("{what} is empty")));
    }
    optional_text(Some(text), what)
}

fn optional_text(text: Option<&str>, what: &str) -> Result<()> {
    match text {
        Some(text) if text.chars().count() > TEXT_MAX_CHARS => Err(invalid(format!(
            "{what} is longer than {TEXT_MAX_CHARS} characters; the journal has room for longer writing"
        ))),
        _ => Ok(()),
    }
}

fn not_future(on: Option<NaiveDate>, today: NaiveDate) -> Result<()> {
    match on {
        Some(on) if on > today => Err(invalid(format!(
            "{on} is in the future; record things once they have happened"
        ))),
        _ => Ok(()),
    }
}

fn exists(found: bool, id: &str) -> Result<()> {
    if found { Ok(()) } else { Err(not_found(id)) }
}

fn not_found(id: &str) -> Error {
    Error::Refused(Refusal::NotFound { id: id.to_string() })
}

fn invalid(message: impl Into<String>) -> Error {
    Error::InvalidInput(message.into())
}
