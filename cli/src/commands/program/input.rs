//! Turns the parsed command line into a `ProgramCommand`, before the store is opened:
//! answers are complete, lengths are worked out into dates, and a `-` text is read
//! from stdin, so a mistake never creates a store or a key.

use std::collections::BTreeMap;

use chrono::{Days, Months, NaiveDate};
use reconnect_core::ProgramCommand;

use crate::args::values::{Checklist, shown};
use crate::args::*;
use crate::error::CliError;
use crate::stdin_note::{self, FROM_STDIN};

/// The program command `command` records, or `None` when it records nothing.
pub fn command(command: &Command, json: bool) -> Result<Option<ProgramCommand>, CliError> {
    // A dry run first counts the texts to read from stdin, so a second `-` is refused
    // before anything is read.
    let mut counting = Texts {
        json,
        from_stdin: Some(0),
    };
    build(command, &mut counting)?;
    if counting.from_stdin > Some(1) {
        return Err(CliError::Usage(
            "only one text can be read from stdin (`-`) at a time".into(),
        ));
    }
    build(
        command,
        &mut Texts {
            json,
            from_stdin: None,
        },
    )
}

fn build(command: &Command, text: &mut Texts) -> Result<Option<ProgramCommand>, CliError> {
    use ProgramCommand as P;
    let recorded = match command {
        Command::Precheck(a) => P::AnswerPreCheck {
            answers: answers(&a.answers, Checklist::PreCheck, "pre-check question", 0)?,
            past_cycles: a.past_cycles,
        },
        Command::EndedBy(a) => P::SetEndedBy { ended_by: a.who },
        Command::Reason {
            action: ReasonAction::Add { kind, text: t },
        } => P::AddReason {
            text: text.take(t)?,
            kind: kind.clone(),
        },
        Command::Trigger {
            action: TriggerAction::Add { text: t },
        } => P::AddTrigger {
            text: text.take(t)?,
        },
        Command::Advice {
            action: AdviceAction::Acknowledge { key },
        } => P::AcknowledgeAdvice { key: key.clone() },
        Command::Mistake { action } => match action {
            MistakeAction::Add { text: t, plan } => P::AddMistake {
                text: text.take(t)?,
                plan: text.maybe(plan)?,
            },
            MistakeAction::Plan { id, plan } => P::SetMistakePlan {
                id: id.trim().into(),
                plan: text.take(plan)?,
            },
        },
        Command::NoContact { action } => match action {
            NoContactAction::Set {
                from,
                until,
                weeks,
                months,
            } => P::SetNoContact {
                start: *from,
                end: no_contact_end(*from, *until, *weeks, *months)?,
            },
            NoContactAction::EndEarly => P::EndNoContactEarly,
        },
        Command::Readiness(a) => P::TakeReadinessCheck {
            answers: answers(&a.answers, Checklist::Readiness, "readiness statement", 3)?,
        },
        Command::Observe(a) => P::AddObservation {
            text: text.take(&a.text)?,
            on: a.on,
        },
        Command::Attempt { action } => match action {
            AttemptAction::Log {
                medium,
                reply,
                on,
                note,
                skip_ahead,
            } => P::LogAttempt {
                medium: *medium,
                on: *on,
                reply: *reply,
                note: text.maybe(note)?,
                skip_ahead: *skip_ahead,
            },
            AttemptAction::Reply { id, reply } => P::SetAttemptReply {
                id: id.trim().into(),
                reply: *reply,
            },
        },
        Command::Icebreaker { action } => match action {
            IcebreakerAction::Draft { text: t, cool_off } => P::DraftIceBreaker {
                text: text.take(t)?,
                cool_off_hours: *cool_off,
            },
            IcebreakerAction::Ready { id } => P::MarkIceBreakerReady {
                id: id.trim().into(),
            },
        },
        Command::Apology {
            action:
                ApologyAction::Write {
                    id,
                    what_i_did,
                    responsibility,
                    what_changed,
                    repair,
                },
        } => P::WriteApology {
            id: id.as_deref().map(|id| id.trim().into()),
            what_i_did: text.maybe(what_i_did)?,
            responsibility: text.maybe(responsibility)?,
            what_changed: text.maybe(what_changed)?,
            repair: text.maybe(repair)?,
        },
        Command::Activity {
            action:
                ActivityAction::Log {
                    kind,
                    went,
                    on,
                    note,
                },
        } => P::LogActivity {
            kind: *kind,
            on: *on,
            result: *went,
            note: text.maybe(note)?,
        },
        Command::TheirSide { action } => match action {
            TheirSideAction::Add {
                kind,
                text: t,
                response,
            } => P::AddTheirSide {
                kind: *kind,
                text: text.take(t)?,
                response: text.maybe(response)?,
            },
            TheirSideAction::Respond { id, response } => P::SetTheirSideResponse {
                id: id.trim().into(),
                response: text.take(response)?,
            },
        },
        Command::Decide(a) => P::Decide {
            answer: a.answer,
            revisit_on: a.revisit,
        },
        Command::Therapy { action } => match action {
            TherapyAction::Set {
                suggested,
                accepted,
            } => P::SetTherapy {
                suggested: *suggested,
                accepted: *accepted,
            },
            TherapyAction::Session { on } => P::LogTherapySession { on: *on },
        },
        Command::Trial { action } => match action {
            TrialAction::Start {
                from,
                end,
                review_every,
            } => P::StartTrial {
                start: *from,
                end: *end,
                review_every_days: *review_every,
            },
            TrialAction::Review {
                signs,
                on,
                note,
                outcome,
                extend_to,
            } => P::ReviewTrial {
                on: *on,
                signs: answers(signs, Checklist::TrialSigns, "trial sign", 11)?,
                note: text.maybe(note)?,
                outcome: *outcome,
                extend_to: *extend_to,
            },
        },
        Command::LetGo(a) => match &a.action {
            None => P::LetGo {
                note: text.maybe(&a.note)?,
            },
            Some(LetGoAction::Exercise { number, text: t }) => P::WriteLetGoExercise {
                number: *number,
                text: text.take(t)?,
            },
        },
        Command::Safety(SafetyArgs {
            action: Some(SafetyAction::Flag { signs }),
        }) => {
            let mut signs = signs.clone();
            signs.sort();
            signs.dedup();
            P::FlagSafety { signs }
        }
        Command::TheySaidNo(a) => P::TheySaidNo { kind: a.kind },
        Command::Remove(a) => P::Remove {
            id: a.id.trim().into(),
        },
        Command::Today
        | Command::Checkin(_)
        | Command::History { .. }
        | Command::Settings { .. }
        | Command::Program
        | Command::Step(_)
        | Command::Safety(SafetyArgs { action: None }) => return Ok(None),
    };
    Ok(Some(recorded))
}

/// Text values; a `-` is read from stdin.
struct Texts {
    json: bool,
    /// `Some(count)` on the dry run, which only counts the `-` values.
    from_stdin: Option<usize>,
}

impl Texts {
    fn take(&mut self, value: &str) -> Result<String, CliError> {
        if value != FROM_STDIN {
            return Ok(value.to_string());
        }
        match &mut self.from_stdin {
            Some(count) => {
                *count += 1;
                Ok(value.to_string())
            }
            None => stdin_note::read_as(&stdin_note::PROGRAM_TEXT, self.json),
        }
    }

    fn maybe(&mut self, value: &Option<String>) -> Result<Option<String>, CliError> {
        value.as_deref().map(|v| self.take(v)).transpose()
    }
}

/// Every item of the checklist answered once.
fn answers(
    given: &[(String, bool)],
    checklist: Checklist,
    what: &str,
    step: u8,
) -> Result<BTreeMap<String, bool>, CliError> {
    let mut answers = BTreeMap::new();
    for (code, answer) in given {
        if answers
            .insert(code.clone(), *answer)
            .is_some_and(|a| a != *answer)
        {
            return Err(CliError::Usage(format!(
                "{} was answered twice, differently; answer each {what} once",
                shown(code)
            )));
        }
    }
    let missing: Vec<String> = checklist
        .items()
        .iter()
        .filter(|(code, _)| !answers.contains_key(*code))
        .map(|(code, _)| shown(code))
        .collect();
    if !missing.is_empty() {
        return Err(CliError::invalid(format!(
            "please answer every {what} (missing: {}); `reconnect step {step}` lists them",
            missing.join(", ")
        )));
    }
    Ok(answers)
}

/// The day the period ends (exclusive), from whichever length was given.
fn no_contact_end(
    from: NaiveDate,
    until: Option<NaiveDate>,
    weeks: Option<u32>,
    months: Option<u32>,
) -> Result<NaiveDate, CliError> {
    let end = match (until, weeks, months) {
        (Some(until), _, _) => Some(until),
        (None, Some(weeks), _) => from.checked_add_days(Days::new(u64::from(weeks) * 7)),
        (None, None, Some(months)) => from.checked_add_months(Months::new(months)),
        (None, None, None) => {
            return Err(CliError::Usage(
                "say how long: --until DATE, --weeks N or --months N".into(),
            ));
        }
    };
    end.ok_or_else(|| CliError::invalid("that start date is out of range".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_become_end_dates() {
        let from = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let end = |u, w, m| no_contact_end(from, u, w, m).unwrap().to_string();
        assert_eq!(end(None, Some(2), None), "2026-12-14");
        assert_eq!(end(None, None, Some(3)), "2027-02-28");
        assert_eq!(end(Some(from), None, None), "2026-11-30");
    }

    #[test]
    fn checklists_must_be_complete_and_consistent() {
        let all: Vec<(String, bool)> = Checklist::Readiness
            .items()
            .iter()
            .map(|(c, _)| (c.to_string(), true))
            .collect();
        assert_eq!(
            answers(&all, Checklist::Readiness, "statement", 3)
                .unwrap()
                .len(),
            all.len()
        );
        let err = answers(&all[1..], Checklist::Readiness, "statement", 3).unwrap_err();
        assert!(err.to_string().contains("missing: secure"), "{err}");
        let mut twice = all.clone();
        twice.push((all[0].0.clone(), false));
        assert!(answers(&twice, Checklist::Readiness, "statement", 3).is_err());
    }
}
