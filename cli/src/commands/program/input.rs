//! Turns the parsed command line into a `ProgramCommand`, before the store is opened:
//! lengths are worked out into dates, a `-` text is read from stdin, and the core
//! checks the values ([`check`]), so a mistake never creates a store or a key.

use std::collections::BTreeMap;

use chrono::{Days, Months, NaiveDate};
use reconnect_core::ProgramCommand;
use reconnect_core::program::records::ScreeningAnswer;
use reconnect_core::program::rules::validate_input;

use crate::args::values::shown;
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
            answers: answers(&a.answers, "pre-check question")?,
            past_cycles: a.past_cycles,
            screening: screening(&a.safety)?,
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
            answers: answers(&a.answers, "readiness statement")?,
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
                signs: answers(signs, "trial sign")?,
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
        Command::Safety(SafetyArgs {
            action: Some(SafetyAction::Undo { sign, confirm }),
        }) => P::WithdrawSafetyFlag {
            sign: sign.clone(),
            confirmed: *confirm,
        },
        Command::TheySaidNo(a) => P::TheySaidNo { kind: a.kind },
        Command::StartAgain(a) => P::Restart {
            confirmed: a.confirm,
        },
        Command::Remove(a) => P::Remove {
            id: a.id.trim().into(),
        },
        Command::Today
        | Command::Checkin(_)
        | Command::History { .. }
        | Command::Settings { .. }
        | Command::Journal { .. }
        | Command::Letters { .. }
        | Command::Progress
        | Command::Reminders(_)
        | Command::Pair { .. }
        | Command::Sync(_)
        | Command::Devices(_)
        | Command::Export(_)
        | Command::Import(_)
        | Command::Wipe(_)
        | Command::Program
        | Command::Step(_)
        | Command::Safety(SafetyArgs { action: None }) => return Ok(None),
    };
    Ok(Some(recorded))
}

/// The core's checks of the command's own values (empty or over-long text, unknown
/// codes, missing answers, dates in the future), made before the store is opened so a
/// mistake on the very first run creates nothing. `latest_today` is the latest the
/// store's "today" can be, so no date is refused here that the store would accept; the
/// core checks again, exactly, once it is open.
pub fn check(command: &ProgramCommand, latest_today: NaiveDate) -> Result<(), CliError> {
    Ok(validate_input(command, latest_today)?)
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

/// The answers as a map, each item answered once; that every item is answered is the
/// core's check ([`check`]).
fn answers(given: &[(String, bool)], what: &str) -> Result<BTreeMap<String, bool>, CliError> {
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
    Ok(answers)
}

fn screening(
    given: &[(String, ScreeningAnswer)],
) -> Result<BTreeMap<String, ScreeningAnswer>, CliError> {
    let mut out = BTreeMap::new();
    for (code, answer) in given {
        if out
            .insert(code.clone(), *answer)
            .is_some_and(|a| a != *answer)
        {
            return Err(CliError::Usage(format!(
                "{} was answered twice, differently; answer each safety question once",
                shown(code)
            )));
        }
    }
    Ok(out)
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
    fn an_item_answered_twice_must_agree() {
        let yes = |c: &str| (c.to_string(), true);
        let no = |c: &str| (c.to_string(), false);
        assert_eq!(
            answers(&[yes("secure"), yes("secure")], "statement")
                .unwrap()
                .len(),
            1
        );
        let err = answers(&[yes("secure"), no("secure")], "statement").unwrap_err();
        assert!(
            err.to_string().contains("secure was answered twice"),
            "{err}"
        );
    }

    #[test]
    fn the_core_checks_values_before_the_store_opens() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let empty = ProgramCommand::AddTrigger { text: "  ".into() };
        let err = check(&empty, today).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("the trigger is empty"), "{err}");
        let future = ProgramCommand::LogTherapySession {
            on: today.succ_opt(),
        };
        assert!(check(&future, today).is_err());
        let on_the_day = ProgramCommand::LogTherapySession { on: Some(today) };
        assert!(check(&on_the_day, today).is_ok());
    }
}
