//! Every program command described as a form: its fields (kinds, choices, limits, words)
//! and how filled-in values become the [`ProgramCommand`]. A new command needs an entry
//! here and nothing in either shell.

use std::collections::BTreeMap;

use super::model::{ChoiceOption, Field};
use super::values::Values;
use crate::ProgramCommand;
use crate::checkin::ContactMedium;
use crate::error::{Error, Result};
use crate::program::command::{MAX_COOL_OFF_HOURS, REVIEW_EVERY_DAYS, TEXT_MAX_CHARS};
use crate::program::content;
use crate::program::records::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, NoKind, Reply, ScreeningAnswer,
    TheirSideKind, TrialOutcome,
};

/// The prefix of a command name as an action sends it.
pub const PREFIX: &str = "program.";

/// A program command as a form: the button that opens it and what it asks.
pub struct Form {
    pub name: &'static str,
    /// The step the command records, if it belongs to one.
    pub step: Option<u8>,
    pub label: &'static str,
    pub fields: Vec<Field>,
}

/// Every form that belongs to `step` (0 for the self-check), in the order a person meets them.
pub fn for_step(step: u8) -> Vec<Form> {
    NAMES
        .iter()
        .filter_map(|name| form(name))
        .filter(|f| f.step == Some(step))
        .collect()
}

/// The names of every command that has a form, in program order.
pub const NAMES: [&str; 31] = [
    "answer_pre_check",
    "set_ended_by",
    "add_reason",
    "add_trigger",
    "acknowledge_advice",
    "add_mistake",
    "set_mistake_plan",
    "set_no_contact",
    "take_readiness_check",
    "end_no_contact_early",
    "add_observation",
    "log_attempt",
    "set_attempt_reply",
    "draft_ice_breaker",
    "mark_ice_breaker_ready",
    "write_apology",
    "log_activity",
    "add_their_side",
    "set_their_side_response",
    "decide",
    "set_therapy",
    "log_therapy_session",
    "start_trial",
    "review_trial",
    "let_go",
    "write_let_go_exercise",
    "flag_safety",
    "withdraw_safety_flag",
    "they_said_no",
    "restart",
    "remove",
];

fn options<T: Copy>(
    all: impl Iterator<Item = T>,
    group: &str,
    code: impl Fn(T) -> &'static str,
) -> Vec<ChoiceOption> {
    let labelled = content::choices_for(group).unwrap_or(&[]);
    all.map(|value| {
        let c = code(value);
        match labelled.iter().find(|l| l.code == c) {
            Some(l) => ChoiceOption::new(c, l.label, Some(l.explanation)),
            None => ChoiceOption::new(c, &c.replace('_', " "), None),
        }
    })
    .collect()
}

fn ended_by() -> Vec<ChoiceOption> {
    options(EndedBy::all(), "ended_by", EndedBy::code)
}
fn reply() -> Vec<ChoiceOption> {
    options(Reply::all(), "reply", Reply::code)
}

fn text(key: &str, label: &str) -> Field {
    Field::text(key, label, TEXT_MAX_CHARS)
}

fn date(key: &str, label: &str) -> Field {
    Field::date(key, label)
}

fn on_field() -> Field {
    date("on", "On which day").help("Leave empty for today.")
}

fn id() -> Field {
    Field::fixed("id", "")
}

/// The form of the command `name` (without [`PREFIX`]); `None` for an unknown name.
pub fn form(name: &str) -> Option<Form> {
    let (step, label, fields): (Option<u8>, &'static str, Vec<Field>) = match name {
        "answer_pre_check" => {
            let mut fields: Vec<Field> = content::pre_check()
                .questions
                .iter()
                .map(|q| {
                    Field::yes_no(&format!("q.{}", q.code), q.text)
                        .help(q.explanation)
                        .required()
                })
                .collect();
            let answers = options(
                ScreeningAnswer::all(),
                "screening_answer",
                ScreeningAnswer::code,
            );
            fields.extend(content::pre_check().screening.iter().map(|q| {
                Field::choice(&format!("safety.{}", q.code), q.text, answers.clone())
                    .help(q.explanation)
                    .required()
            }));
            fields.push(
                Field::number(
                    "past_cycles",
                    "How many times have you broken up and got back together before?",
                    0,
                    100,
                )
                .value(Some("0")),
            );
            (Some(0), "Answer the self-check", fields)
        }
        "set_ended_by" => (
            Some(1),
            "Say who ended it",
            vec![Field::choice("ended_by", "Who ended it?", ended_by()).required()],
        ),
        "add_reason" => {
            let kinds = content::reason_kinds()
                .iter()
                .map(|k| ChoiceOption::new(k.code, k.label, Some(k.explanation)))
                .collect();
            (
                Some(1),
                "Add a reason it ended",
                vec![
                    Field::choice("kind", "What kind of reason is it?", kinds).required(),
                    text("text", "In your own words").required(),
                ],
            )
        }
        "add_trigger" => (
            Some(1),
            "Add a personal trigger",
            vec![text("text", "What set you off?").required()],
        ),
        "acknowledge_advice" => (
            None,
            "I've read this and want to continue",
            vec![Field::fixed("key", "")],
        ),
        "add_mistake" => (
            Some(2),
            "Name a mistake of yours",
            vec![
                text("text", "What you did").required(),
                text("plan", "How you will work on it").help("A small, concrete plan."),
            ],
        ),
        "set_mistake_plan" => (
            Some(2),
            "Write the plan",
            vec![id(), text("plan", "How you will work on it").required()],
        ),
        "set_no_contact" => (
            Some(3),
            "Set your time apart",
            vec![
                date("start", "From")
                    .help("The breakup, or your last contact.")
                    .required(),
                date("end", "Until")
                    .help("At most 3 months after it starts; you choose.")
                    .required(),
            ],
        ),
        "take_readiness_check" => (
            Some(3),
            "Take the readiness check",
            content::readiness_items()
                .iter()
                .map(|i| Field::yes_no(&format!("r.{}", i.code), i.text).required())
                .collect(),
        ),
        "end_no_contact_early" => (Some(3), "End the time apart early", Vec::new()),
        "add_observation" => (
            Some(4),
            "Note how they seem to be doing",
            vec![
                text("text", "What you noticed")
                    .help("From what they share openly, or what friends mention.")
                    .required(),
                on_field(),
            ],
        ),
        "log_attempt" => {
            let media = content::ladder()
                .iter()
                .map(|r| ChoiceOption::new(r.medium.code(), r.label, Some(r.explanation)))
                .collect();
            (
                Some(4),
                "Log a contact attempt",
                vec![
                    Field::choice("medium", "How you reached out", media).required(),
                    Field::choice("reply", "How they replied", reply()).required(),
                    on_field(),
                    text("note", "A note"),
                    Field::yes_no("skip_ahead", "Skip ahead on the ladder")
                        .help("Only after reading why going one rung at a time gives them room."),
                ],
            )
        }
        "set_attempt_reply" => (
            Some(4),
            "Record their reply",
            vec![
                id(),
                Field::choice("reply", "How they replied", reply()).required(),
            ],
        ),
        "draft_ice_breaker" => (
            Some(5),
            "Draft a first message",
            vec![
                text("text", "Your message")
                    .help(format!(
                        "For example: \"{}\"",
                        content::ice_breaker_example().text
                    ))
                    .required(),
                Field::number(
                    "cool_off_hours",
                    "Let it rest for (hours)",
                    0,
                    i64::from(MAX_COOL_OFF_HOURS),
                )
                .value(Some("24")),
            ],
        ),
        "mark_ice_breaker_ready" => (Some(5), "Mark it ready", vec![id()]),
        "write_apology" => {
            let mut fields = vec![id()];
            fields.extend(
                content::apology_parts()
                    .iter()
                    .map(|p| text(p.code, p.title).help(p.guidance)),
            );
            (Some(6), "Write your apology", fields)
        }
        "log_activity" => (
            Some(7),
            "Log time spent together",
            vec![
                Field::choice(
                    "kind",
                    "What you did",
                    options(ActivityKind::all(), "activity_kind", ActivityKind::code),
                )
                .required(),
                Field::choice(
                    "result",
                    "How it went",
                    options(
                        ActivityResult::all(),
                        "activity_result",
                        ActivityResult::code,
                    ),
                )
                .required(),
                on_field(),
                text("note", "A note"),
            ],
        ),
        "add_their_side" => (
            Some(8),
            "Note what they shared",
            vec![
                Field::choice(
                    "kind",
                    "What they shared",
                    options(TheirSideKind::all(), "their_side_kind", TheirSideKind::code),
                )
                .required(),
                text("text", "In their words, as you understood them").required(),
                text("response", "How you respond"),
            ],
        ),
        "set_their_side_response" => (
            Some(8),
            "Write your response",
            vec![id(), text("response", "How you respond").required()],
        ),
        "decide" => (
            Some(9),
            "Record their answer",
            vec![
                Field::choice(
                    "answer",
                    "What did they say?",
                    options(
                        DecisionAnswer::all(),
                        "decision_answer",
                        DecisionAnswer::code,
                    ),
                )
                .required(),
                date("revisit_on", "Look at it again on").help("For \"not yet\": when to revisit."),
            ],
        ),
        "set_therapy" => (
            Some(10),
            "Record couples therapy",
            vec![
                Field::yes_no("suggested", "Was it suggested?"),
                Field::yes_no("accepted", "Did they accept?"),
            ],
        ),
        "log_therapy_session" => (Some(10), "Log a session", vec![on_field()]),
        "start_trial" => (
            Some(11),
            "Start a trial period",
            vec![
                date("start", "From").required(),
                date("end", "Until").required(),
                Field::number(
                    "review_every_days",
                    "Review every (days)",
                    i64::from(*REVIEW_EVERY_DAYS.start()),
                    i64::from(*REVIEW_EVERY_DAYS.end()),
                )
                .value(Some("7")),
            ],
        ),
        "review_trial" => {
            let mut fields: Vec<Field> = content::trial_signs()
                .iter()
                .map(|s| Field::yes_no(&format!("s.{}", s.code), s.text).required())
                .collect();
            fields.push(on_field());
            fields.push(text("note", "A note"));
            fields.push(
                Field::choice(
                    "outcome",
                    "At the end review: where does it lead?",
                    options(TrialOutcome::all(), "trial_outcome", TrialOutcome::code),
                )
                .help("Leave empty for a regular review."),
            );
            fields.push(date("extend_to", "New end date").help("Only when you extend the trial."));
            (Some(11), "Review the trial", fields)
        }
        "let_go" => (
            None,
            "Let go",
            vec![text("note", "A few words for yourself, if you like")],
        ),
        "write_let_go_exercise" => (
            None,
            "Write",
            vec![
                Field::fixed("number", ""),
                text("text", "Your words").required(),
            ],
        ),
        "flag_safety" => (
            None,
            "Record these signs",
            content::safety_signs()
                .iter()
                .map(|s| Field::yes_no(&format!("sign.{}", s.code), s.text))
                .collect(),
        ),
        "withdraw_safety_flag" => (
            None,
            "This was recorded by mistake",
            vec![
                Field::fixed("sign", ""),
                Field::yes_no(
                    "confirmed",
                    "Yes, I recorded this by mistake and want to undo it",
                )
                .help("Possible only for a few minutes after recording it, on this device.")
                .required(),
            ],
        ),
        "restart" => (
            None,
            "Start the program again",
            vec![
                Field::yes_no("confirmed", "Yes, I want to start again from the beginning")
                    .help(
                        "Everything you recorded stays as history. Safety records and their \
                         answer, if they said no, stay in force.",
                    )
                    .required(),
            ],
        ),
        "they_said_no" => (
            None,
            "They said no",
            vec![
                Field::choice(
                    "kind",
                    "What happened?",
                    options(NoKind::all(), "no_kind", NoKind::code),
                )
                .required(),
            ],
        ),
        "remove" => (None, "Remove", vec![id()]),
        _ => return None,
    };
    let name = NAMES.iter().find(|n| **n == name)?;
    Some(Form {
        name,
        step,
        label,
        fields,
    })
}

/// The command that `values` (filled into the form of `name`) describe.
pub fn parse(name: &str, given: &BTreeMap<String, String>) -> Result<ProgramCommand> {
    let form = form(name)
        .ok_or_else(|| Error::InvalidInput(format!("there is no program command {name}")))?;
    let v = Values::new(given, &form.fields);
    use ProgramCommand as P;
    Ok(match form.name {
        "answer_pre_check" => P::AnswerPreCheck {
            answers: v.answers("q.")?,
            past_cycles: v.opt_number("past_cycles")?.unwrap_or(0),
            screening: v.choices("safety.", ScreeningAnswer::from_code)?,
        },
        "set_ended_by" => P::SetEndedBy {
            ended_by: v.choice("ended_by", EndedBy::from_code)?,
        },
        "add_reason" => P::AddReason {
            kind: v.text("kind")?,
            text: v.text("text")?,
        },
        "add_trigger" => P::AddTrigger {
            text: v.text("text")?,
        },
        "acknowledge_advice" => P::AcknowledgeAdvice {
            key: v.text("key")?,
        },
        "add_mistake" => P::AddMistake {
            text: v.text("text")?,
            plan: v.opt_text("plan"),
        },
        "set_mistake_plan" => P::SetMistakePlan {
            id: v.text("id")?,
            plan: v.text("plan")?,
        },
        "set_no_contact" => P::SetNoContact {
            start: v.date("start")?,
            end: v.date("end")?,
        },
        "take_readiness_check" => P::TakeReadinessCheck {
            answers: v.answers("r.")?,
        },
        "end_no_contact_early" => P::EndNoContactEarly,
        "add_observation" => P::AddObservation {
            text: v.text("text")?,
            on: v.opt_date("on")?,
        },
        "log_attempt" => P::LogAttempt {
            medium: v.choice("medium", ContactMedium::from_code)?,
            reply: v.choice("reply", Reply::from_code)?,
            on: v.opt_date("on")?,
            note: v.opt_text("note"),
            skip_ahead: v.opt_yes_no("skip_ahead")?.unwrap_or(false),
        },
        "set_attempt_reply" => P::SetAttemptReply {
            id: v.text("id")?,
            reply: v.choice("reply", Reply::from_code)?,
        },
        "draft_ice_breaker" => P::DraftIceBreaker {
            text: v.text("text")?,
            cool_off_hours: v.opt_number("cool_off_hours")?.unwrap_or(24),
        },
        "mark_ice_breaker_ready" => P::MarkIceBreakerReady { id: v.text("id")? },
        "write_apology" => P::WriteApology {
            id: v.opt_text("id"),
            what_i_did: v.opt_text("what_i_did"),
            responsibility: v.opt_text("responsibility"),
            what_changed: v.opt_text("what_changed"),
            repair: v.opt_text("repair"),
        },
        "log_activity" => P::LogActivity {
            kind: v.choice("kind", ActivityKind::from_code)?,
            result: v.choice("result", ActivityResult::from_code)?,
            on: v.opt_date("on")?,
            note: v.opt_text("note"),
        },
        "add_their_side" => P::AddTheirSide {
            kind: v.choice("kind", TheirSideKind::from_code)?,
            text: v.text("text")?,
            response: v.opt_text("response"),
        },
        "set_their_side_response" => P::SetTheirSideResponse {
            id: v.text("id")?,
            response: v.text("response")?,
        },
        "decide" => P::Decide {
            answer: v.choice("answer", DecisionAnswer::from_code)?,
            revisit_on: v.opt_date("revisit_on")?,
        },
        "set_therapy" => P::SetTherapy {
            suggested: v.opt_yes_no("suggested")?,
            accepted: v.opt_yes_no("accepted")?,
        },
        "log_therapy_session" => P::LogTherapySession {
            on: v.opt_date("on")?,
        },
        "start_trial" => P::StartTrial {
            start: v.date("start")?,
            end: v.date("end")?,
            review_every_days: v.opt_number("review_every_days")?.unwrap_or(7),
        },
        "review_trial" => P::ReviewTrial {
            on: v.opt_date("on")?,
            signs: v.answers("s.")?,
            note: v.opt_text("note"),
            outcome: v.opt_choice("outcome", TrialOutcome::from_code)?,
            extend_to: v.opt_date("extend_to")?,
        },
        "let_go" => P::LetGo {
            note: v.opt_text("note"),
        },
        "write_let_go_exercise" => P::WriteLetGoExercise {
            number: v.number("number")?,
            text: v.text("text")?,
        },
        "flag_safety" => P::FlagSafety {
            signs: v
                .answers("sign.")?
                .into_iter()
                .filter_map(|(code, yes)| yes.then_some(code))
                .collect(),
        },
        "withdraw_safety_flag" => P::WithdrawSafetyFlag {
            sign: v.text("sign")?,
            confirmed: v.yes_no("confirmed")?,
        },
        "restart" => P::Restart {
            confirmed: v.yes_no("confirmed")?,
        },
        "they_said_no" => P::TheySaidNo {
            kind: v.choice("kind", NoKind::from_code)?,
        },
        "remove" => P::Remove { id: v.text("id")? },
        other => {
            return Err(Error::InvalidInput(format!(
                "there is no program command {other}"
            )));
        }
    })
}
