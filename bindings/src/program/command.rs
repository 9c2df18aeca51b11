//! Every program command, as a uniffi enum that mirrors the core's. Dates are ISO
//! `YYYY-MM-DD` strings and are parsed here; a bad one is `InvalidInput`, never a panic.
//! Whether a command is allowed is the core's business.

use reconnect_core::program::ProgramCommand as Core;

use super::codes::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, NoKind, Reply, TheirSideKind,
    TrialOutcome,
};
use super::convert::{
    Answer, ScreeningReply, answer_map, parse_date, parse_opt_date, screening_map,
};
use crate::error::ReconnectError;
use crate::types::ContactMedium;

#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum ProgramCommand {
    /// The self-check before step 1: every question answered once, and every safety
    /// question answered (yes, no, or an explicit "prefer not to say").
    AnswerPreCheck {
        answers: Vec<Answer>,
        past_cycles: u32,
        screening: Vec<ScreeningReply>,
    },
    SetEndedBy {
        ended_by: EndedBy,
    },
    /// `kind` is a reason-kind code (`ChoiceList.REASON_KINDS`).
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
        start: String,
        end: String,
    },
    /// Every readiness item answered once.
    TakeReadinessCheck {
        answers: Vec<Answer>,
    },
    EndNoContactEarly,
    AddObservation {
        text: String,
        on: Option<String>,
    },
    LogAttempt {
        medium: ContactMedium,
        on: Option<String>,
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
    /// Starts an apology draft (`id` none) or updates one; parts left none stay as they are.
    WriteApology {
        id: Option<String>,
        what_i_did: Option<String>,
        responsibility: Option<String>,
        what_changed: Option<String>,
        repair: Option<String>,
    },
    LogActivity {
        kind: ActivityKind,
        on: Option<String>,
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
        revisit_on: Option<String>,
    },
    SetTherapy {
        suggested: Option<bool>,
        accepted: Option<bool>,
    },
    LogTherapySession {
        on: Option<String>,
    },
    StartTrial {
        start: String,
        end: String,
        review_every_days: u32,
    },
    /// A regular review, or with `outcome` the end review.
    ReviewTrial {
        on: Option<String>,
        signs: Vec<Answer>,
        note: Option<String>,
        outcome: Option<TrialOutcome>,
        /// The new end date when the outcome is "extend".
        extend_to: Option<String>,
    },
    LetGo {
        note: Option<String>,
    },
    /// What the user wrote for one step of the closing exercise.
    WriteLetGoExercise {
        number: u8,
        text: String,
    },
    /// Signs of abuse or coercive control (safety-sign codes, `ChoiceList.SAFETY_SIGNS`).
    FlagSafety {
        signs: Vec<String>,
    },
    /// Undoes a safety flag recorded by mistake: same device, within 15 minutes,
    /// confirmed.
    WithdrawSafetyFlag {
        sign: String,
        confirmed: bool,
    },
    TheySaidNo {
        kind: NoKind,
    },
    /// Starts the program again from the beginning; safety flags and "no" stay.
    Restart {
        confirmed: bool,
    },
    /// Removes a reason, trigger, mistake, observation, draft, activity or note about
    /// their side. Contact attempts, decisions, reviews and safety records stay.
    Remove {
        id: String,
    },
}

impl TryFrom<ProgramCommand> for Core {
    type Error = ReconnectError;

    fn try_from(command: ProgramCommand) -> Result<Self, ReconnectError> {
        use ProgramCommand as C;
        Ok(match command {
            C::AnswerPreCheck {
                answers,
                past_cycles,
                screening,
            } => Core::AnswerPreCheck {
                answers: answer_map("pre-check question", answers)?,
                past_cycles,
                screening: screening_map(screening)?,
            },
            C::SetEndedBy { ended_by } => Core::SetEndedBy {
                ended_by: ended_by.into(),
            },
            C::AddReason { text, kind } => Core::AddReason { text, kind },
            C::AddTrigger { text } => Core::AddTrigger { text },
            C::AcknowledgeAdvice { key } => Core::AcknowledgeAdvice { key },
            C::AddMistake { text, plan } => Core::AddMistake { text, plan },
            C::SetMistakePlan { id, plan } => Core::SetMistakePlan { id, plan },
            C::SetNoContact { start, end } => Core::SetNoContact {
                start: parse_date("start", &start)?,
                end: parse_date("end", &end)?,
            },
            C::TakeReadinessCheck { answers } => Core::TakeReadinessCheck {
                answers: answer_map("readiness item", answers)?,
            },
            C::EndNoContactEarly => Core::EndNoContactEarly,
            C::AddObservation { text, on } => Core::AddObservation {
                text,
                on: parse_opt_date("on", on)?,
            },
            C::LogAttempt {
                medium,
                on,
                reply,
                note,
                skip_ahead,
            } => Core::LogAttempt {
                medium: medium.into(),
                on: parse_opt_date("on", on)?,
                reply: reply.into(),
                note,
                skip_ahead,
            },
            C::SetAttemptReply { id, reply } => Core::SetAttemptReply {
                id,
                reply: reply.into(),
            },
            C::DraftIceBreaker {
                text,
                cool_off_hours,
            } => Core::DraftIceBreaker {
                text,
                cool_off_hours,
            },
            C::MarkIceBreakerReady { id } => Core::MarkIceBreakerReady { id },
            C::WriteApology {
                id,
                what_i_did,
                responsibility,
                what_changed,
                repair,
            } => Core::WriteApology {
                id,
                what_i_did,
                responsibility,
                what_changed,
                repair,
            },
            C::LogActivity {
                kind,
                on,
                result,
                note,
            } => Core::LogActivity {
                kind: kind.into(),
                on: parse_opt_date("on", on)?,
                result: result.into(),
                note,
            },
            C::AddTheirSide {
                kind,
                text,
                response,
            } => Core::AddTheirSide {
                kind: kind.into(),
                text,
                response,
            },
            C::SetTheirSideResponse { id, response } => Core::SetTheirSideResponse { id, response },
            C::Decide { answer, revisit_on } => Core::Decide {
                answer: answer.into(),
                revisit_on: parse_opt_date("revisit_on", revisit_on)?,
            },
            C::SetTherapy {
                suggested,
                accepted,
            } => Core::SetTherapy {
                suggested,
                accepted,
            },
            C::LogTherapySession { on } => Core::LogTherapySession {
                on: parse_opt_date("on", on)?,
            },
            C::StartTrial {
                start,
                end,
                review_every_days,
            } => Core::StartTrial {
                start: parse_date("start", &start)?,
                end: parse_date("end", &end)?,
                review_every_days,
            },
            C::ReviewTrial {
                on,
                signs,
                note,
                outcome,
                extend_to,
            } => Core::ReviewTrial {
                on: parse_opt_date("on", on)?,
                signs: answer_map("trial sign", signs)?,
                note,
                outcome: outcome.map(Into::into),
                extend_to: parse_opt_date("extend_to", extend_to)?,
            },
            C::LetGo { note } => Core::LetGo { note },
            C::WriteLetGoExercise { number, text } => Core::WriteLetGoExercise { number, text },
            C::FlagSafety { signs } => Core::FlagSafety { signs },
            C::WithdrawSafetyFlag { sign, confirmed } => {
                Core::WithdrawSafetyFlag { sign, confirmed }
            }
            C::TheySaidNo { kind } => Core::TheySaidNo { kind: kind.into() },
            C::Restart { confirmed } => Core::Restart { confirmed },
            C::Remove { id } => Core::Remove { id },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected_field(command: ProgramCommand) -> String {
        match Core::try_from(command) {
            Err(ReconnectError::InvalidInput { detail }) => detail,
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn each_date_field_is_parsed_and_named_when_bad() {
        let bad = || "31/12/2026".to_string();
        let cases = [
            (
                ProgramCommand::SetNoContact {
                    start: "2026-01-01".into(),
                    end: bad(),
                },
                "end ",
            ),
            (
                ProgramCommand::Decide {
                    answer: DecisionAnswer::NotYet,
                    revisit_on: Some(bad()),
                },
                "revisit_on ",
            ),
            (
                ProgramCommand::ReviewTrial {
                    on: None,
                    signs: Vec::new(),
                    note: None,
                    outcome: Some(TrialOutcome::Extend),
                    extend_to: Some(bad()),
                },
                "extend_to ",
            ),
            (ProgramCommand::LogTherapySession { on: Some(bad()) }, "on "),
        ];
        for (command, field) in cases {
            let detail = rejected_field(command);
            assert!(detail.starts_with(field), "{detail}");
        }
    }

    #[test]
    fn good_dates_and_answers_reach_the_core_unchanged() {
        let command = ProgramCommand::StartTrial {
            start: "2026-03-01".into(),
            end: "2026-05-31".into(),
            review_every_days: 7,
        };
        let core = Core::try_from(command).unwrap();
        assert_eq!(core.name(), "start_trial");
        let Core::StartTrial { start, end, .. } = core else {
            panic!("wrong variant");
        };
        assert_eq!(
            (start.to_string(), end.to_string()),
            ("2026-03-01".into(), "2026-05-31".into())
        );

        let core = Core::try_from(ProgramCommand::TakeReadinessCheck {
            answers: vec![Answer {
                code: "secure".into(),
                value: true,
            }],
        })
        .unwrap();
        let Core::TakeReadinessCheck { answers } = core else {
            panic!("wrong variant");
        };
        assert_eq!(answers.get("secure"), Some(&true));
    }
}
