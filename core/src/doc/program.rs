//! Program records in the document: `program.<map>`, one fixed map per kind (created by
//! the schema-2 change). Lists are maps keyed by random record ids; single records are
//! fields of their fixed map, so concurrent edits merge field by field.

use std::collections::BTreeMap;

use automerge::{AutoCommit, ObjId, ROOT, ReadDoc, ScalarValue, transaction::Transactable};
use chrono::{DateTime, NaiveDate, Utc};

use super::fields::{
    date_key, get_bool, get_date, get_i64, get_map, get_str, get_text, get_time, new_record,
    parse_date, put_bool, put_date, put_i64, put_opt_str, put_str, put_time,
};
use super::{PROGRAM, PROGRAM_MAPS};
use crate::checkin::ContactMedium;
use crate::error::{Error, Result};
use crate::program::command::ProgramCommand;
use crate::program::records::*;
use crate::program::view::decision_order;

const AT: &str = "at";
/// The key in `decisions` naming the decision that stands.
const CURRENT: &str = "current";
const ON: &str = "on";
const TEXT: &str = "text";
const NOTE: &str = "note";
const KIND: &str = "kind";
const ANSWER_PREFIX: &str = "answer.";
const SIGN_PREFIX: &str = "sign.";
const EXERCISE_PREFIX: &str = "exercise.";
const SCREEN_PREFIX: &str = "screen.";
/// A restart is a record in `decisions` with this kind (and no answer).
const RESTART: &str = "restart";
/// The single records a restart clears (lists stay, as history).
const CLEARED_BY_RESTART: [&str; 9] = [
    "pre_check",
    "step1",
    "no_contact",
    "readiness",
    "therapy",
    "therapy_sessions",
    "trial",
    "let_go",
    "acknowledged",
];
/// A period (no contact, the trial) as one value, `start/end`, so concurrent edits on two
/// devices never combine one's start with the other's end into a period nobody chose.
const PERIOD: &str = "period";

fn parse_period(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (start, end) = text.split_once('/')?;
    Some((parse_date(start)?, parse_date(end)?))
}

/// The fixed map `program.<name>`.
fn map(doc: &AutoCommit, name: &str) -> Result<ObjId> {
    debug_assert!(PROGRAM_MAPS.contains(&name));
    get_map(doc, &ROOT, PROGRAM)
        .and_then(|program| get_map(doc, &program, name))
        .ok_or_else(|| Error::Document(format!("the document has no `{PROGRAM}.{name}` map")))
}

/// Every record map of a list, as (id, map).
fn records(doc: &AutoCommit, list: &ObjId) -> Vec<(String, ObjId)> {
    doc.keys(list)
        .filter_map(|id| get_map(doc, list, &id).map(|obj| (id, obj)))
        .collect()
}

fn prefixed_bools(doc: &AutoCommit, obj: &ObjId, prefix: &str) -> BTreeMap<String, bool> {
    doc.keys(obj)
        .filter_map(|key| {
            let code = key.strip_prefix(prefix)?.to_string();
            Some((code, get_bool(doc, obj, &key)?))
        })
        .collect()
}

fn coded<T>(doc: &AutoCommit, obj: &ObjId, field: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
    get_str(doc, obj, field).as_deref().and_then(parse)
}

fn at_of(doc: &AutoCommit, obj: &ObjId) -> DateTime<Utc> {
    get_time(doc, obj, AT).unwrap_or_default()
}

fn sorted<T>(mut items: Vec<T>, key: impl Fn(&T) -> (DateTime<Utc>, String)) -> Vec<T> {
    items.sort_by_key(|item| key(item));
    items
}

/// Everything recorded in the program. Unreadable records (a peer's malformed write)
/// are skipped, never a panic.
pub fn read(doc: &AutoCommit) -> Result<ProgramRecords> {
    let pre = map(doc, "pre_check")?;
    let pre_check = get_time(doc, &pre, AT).map(|at| PreCheckAnswers {
        answers: prefixed_bools(doc, &pre, ANSWER_PREFIX),
        past_cycles: get_i64(doc, &pre, "past_cycles")
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0),
        screening: doc
            .keys(&pre)
            .filter_map(|key| {
                let code = key.strip_prefix(SCREEN_PREFIX)?.to_string();
                Some((code, coded(doc, &pre, &key, ScreeningAnswer::from_code)?))
            })
            .collect(),
        at,
    });
    let step1 = map(doc, "step1")?;
    let ended_by = coded(doc, &step1, "ended_by", EndedBy::from_code);

    let list = map(doc, "reasons")?;
    let reasons = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(Reason {
                text: get_text(doc, &obj, TEXT)?,
                kind: get_str(doc, &obj, KIND)?,
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect();

    let ack = map(doc, "acknowledged")?;
    let acknowledged = doc.keys(&ack).collect();

    let list = map(doc, "triggers")?;
    let triggers = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(TextRecord {
                text: get_text(doc, &obj, TEXT)?,
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect();

    let list = map(doc, "mistakes")?;
    let mistakes = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(Mistake {
                text: get_text(doc, &obj, TEXT)?,
                plan: get_text(doc, &obj, "plan"),
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect();

    let nc = map(doc, "no_contact")?;
    let no_contact = get_str(doc, &nc, PERIOD)
        .as_deref()
        .and_then(parse_period)
        .map(|(start, end)| NoContact {
            start,
            end,
            ended_early_on: get_date(doc, &nc, "ended_early_on"),
        });

    let rd = map(doc, "readiness")?;
    let readiness = get_date(doc, &rd, ON).map(|on| Readiness {
        answers: prefixed_bools(doc, &rd, ANSWER_PREFIX),
        on,
    });

    let list = map(doc, "observations")?;
    let observations = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(Observation {
                text: get_text(doc, &obj, TEXT)?,
                on: get_date(doc, &obj, ON)?,
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect();

    let list = map(doc, "attempts")?;
    let attempts = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(Attempt {
                medium: coded(doc, &obj, "medium", ContactMedium::from_code)?,
                on: get_date(doc, &obj, ON)?,
                reply: coded(doc, &obj, "reply", Reply::from_code)?,
                skipped_ahead: get_bool(doc, &obj, "skipped_ahead").unwrap_or(false),
                note: get_text(doc, &obj, NOTE),
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect();

    let list = map(doc, "ice_breakers")?;
    let ice_breakers = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(IceBreaker {
                text: get_text(doc, &obj, TEXT)?,
                ready_after: get_time(doc, &obj, "ready_after")?,
                marked_ready_at: get_time(doc, &obj, "marked_ready_at"),
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect();

    let list = map(doc, "apologies")?;
    let apologies = records(doc, &list)
        .into_iter()
        .map(|(id, obj)| {
            let part = |field: &str| get_str(doc, &obj, field).unwrap_or_default();
            Apology {
                what_i_did: part("what_i_did"),
                responsibility: part("responsibility"),
                what_changed: part("what_changed"),
                repair: part("repair"),
                at: at_of(doc, &obj),
                id,
            }
        })
        .collect();

    let list = map(doc, "activities")?;
    let activities = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(Activity {
                kind: coded(doc, &obj, KIND, ActivityKind::from_code)?,
                on: get_date(doc, &obj, ON)?,
                result: coded(doc, &obj, "result", ActivityResult::from_code)?,
                note: get_text(doc, &obj, NOTE),
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect();

    let list = map(doc, "their_side")?;
    let their_side = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(TheirSide {
                kind: coded(doc, &obj, KIND, TheirSideKind::from_code)?,
                text: get_text(doc, &obj, TEXT)?,
                response: get_text(doc, &obj, "response"),
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect();

    let list = map(doc, "decisions")?;
    let decisions = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(Decision {
                answer: coded(doc, &obj, "answer", DecisionAnswer::from_code)?,
                on: get_date(doc, &obj, ON)?,
                revisit_on: get_date(doc, &obj, "revisit_on"),
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect::<Vec<Decision>>();
    let restarts = records(doc, &list)
        .into_iter()
        .filter(|(_, obj)| get_str(doc, obj, KIND).as_deref() == Some(RESTART))
        .filter_map(|(id, obj)| {
            Some(Restart {
                on: get_date(doc, &obj, ON)?,
                from_step: get_i64(doc, &obj, "from_step")
                    .and_then(|n| u8::try_from(n).ok())
                    .unwrap_or(0),
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect::<Vec<Restart>>();
    // `current` is overwritten by each decision; concurrent decisions leave competing
    // values, and then the most cautious answer stands.
    let current_decision = doc
        .get_all(&list, CURRENT)?
        .into_iter()
        .filter_map(|(value, _)| value.into_string().ok())
        .filter_map(|id| decisions.iter().find(|d| d.id == id))
        .max_by_key(|d| (decision_order(d.answer), d.id.clone()))
        .map(|d| d.id.clone());

    let th = map(doc, "therapy")?;
    let sessions_map = map(doc, "therapy_sessions")?;
    let mut sessions: Vec<NaiveDate> = records(doc, &sessions_map)
        .iter()
        .filter_map(|(_, obj)| get_date(doc, obj, ON))
        .collect();
    sessions.sort();
    let therapy = Therapy {
        suggested: get_bool(doc, &th, "suggested"),
        accepted: get_bool(doc, &th, "accepted"),
        sessions,
    };

    let tr = map(doc, "trial")?;
    let trial = match get_str(doc, &tr, PERIOD).as_deref().and_then(parse_period) {
        Some((start, end)) => Some(Trial {
            start,
            end,
            review_every_days: get_i64(doc, &tr, "review_every_days")
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(7),
            extensions: get_i64(doc, &tr, "extensions")
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0),
        }),
        _ => None,
    };

    let list = map(doc, "trial_reviews")?;
    let trial_reviews = records(doc, &list)
        .into_iter()
        .filter_map(|(id, obj)| {
            Some(TrialReview {
                on: get_date(doc, &obj, ON)?,
                signs: prefixed_bools(doc, &obj, SIGN_PREFIX),
                note: get_text(doc, &obj, NOTE),
                outcome: coded(doc, &obj, "outcome", TrialOutcome::from_code),
                at: at_of(doc, &obj),
                id,
            })
        })
        .collect();

    let lg = map(doc, "let_go")?;
    let let_go = get_date(doc, &lg, ON).map(|on| LetGoRecord {
        on,
        from_step: get_i64(doc, &lg, "from_step")
            .and_then(|n| u8::try_from(n).ok())
            .unwrap_or(0),
        note: get_text(doc, &lg, NOTE),
        exercise: doc
            .keys(&lg)
            .filter_map(|key| {
                let number = key.strip_prefix(EXERCISE_PREFIX)?.parse::<u8>().ok()?;
                Some((number, get_text(doc, &lg, &key)?))
            })
            .collect(),
        at: at_of(doc, &lg),
    });

    // Safety records fail closed: whatever a peer (or a newer version) wrote here counts,
    // even a value this version cannot read; an unreadable date reads as the earliest.
    // A flag is a map {on, at, by, source}; an older version wrote just the date. A sign
    // flagged on two devices at once can never be withdrawn (its author is unclear).
    let sf = map(doc, "safety")?;
    let mut safety_flags = Vec::new();
    for sign in doc.keys(&sf).collect::<Vec<String>>() {
        let values = doc.get_all(&sf, sign.as_str())?.len();
        let flag = match get_map(doc, &sf, &sign) {
            Some(obj) => SafetyFlag {
                on: get_date(doc, &obj, ON).unwrap_or_default(),
                source: coded(doc, &obj, "source", SafetySource::from_code)
                    .unwrap_or(SafetySource::Flagged),
                at: get_time(doc, &obj, AT),
                by: get_str(doc, &obj, "by").filter(|_| values == 1),
                sign,
            },
            None => SafetyFlag {
                on: get_date(doc, &sf, &sign).unwrap_or_default(),
                source: SafetySource::Flagged,
                at: None,
                by: None,
                sign,
            },
        };
        safety_flags.push(flag);
    }

    let no = map(doc, "said_no")?;
    let said_no = (doc.length(&no) > 0).then(|| SaidNo {
        kind: coded(doc, &no, KIND, NoKind::from_code).unwrap_or(NoKind::SaidNo),
        on: get_date(doc, &no, ON).unwrap_or_default(),
    });

    Ok(ProgramRecords {
        pre_check,
        ended_by,
        reasons: sorted(reasons, |r: &Reason| (r.at, r.id.clone())),
        acknowledged,
        triggers: sorted(triggers, |r: &TextRecord| (r.at, r.id.clone())),
        mistakes: sorted(mistakes, |r: &Mistake| (r.at, r.id.clone())),
        no_contact,
        readiness,
        observations: sorted(observations, |r: &Observation| (r.at, r.id.clone())),
        attempts: sorted(attempts, |r: &Attempt| (r.at, r.id.clone())),
        ice_breakers: sorted(ice_breakers, |r: &IceBreaker| (r.at, r.id.clone())),
        apologies: sorted(apologies, |r: &Apology| (r.at, r.id.clone())),
        activities: sorted(activities, |r: &Activity| (r.at, r.id.clone())),
        their_side: sorted(their_side, |r: &TheirSide| (r.at, r.id.clone())),
        decisions: sorted(decisions, |r: &Decision| (r.at, r.id.clone())),
        current_decision,
        therapy,
        trial,
        trial_reviews: sorted(trial_reviews, |r: &TrialReview| (r.at, r.id.clone())),
        let_go,
        safety_flags,
        said_no,
        restarts: sorted(restarts, |r: &Restart| (r.at, r.id.clone())),
    })
}

/// What a write needs besides the command.
pub struct WriteContext<'a> {
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    /// The step the user is on, recorded with letting go.
    pub current_step: u8,
    /// Whether a contact attempt climbs past the open rung (the user chose to skip).
    pub skips_a_rung: bool,
    /// The device writing (recorded with safety flags, for the undo window).
    pub device: &'a str,
    /// A fresh random id for a new record.
    pub new_id: &'a dyn Fn() -> Result<String>,
}

/// Writes a command the rules accepted. Returns the id of the record it created, if any.
pub fn apply(
    doc: &mut AutoCommit,
    command: &ProgramCommand,
    ctx: &WriteContext<'_>,
) -> Result<Option<String>> {
    use ProgramCommand::*;
    let now = ctx.now;
    let today = ctx.today;
    let mut created = None;
    let mut add = |doc: &mut AutoCommit, list: &str| -> Result<ObjId> {
        let list = map(doc, list)?;
        let id = (ctx.new_id)()?;
        let obj = new_record(doc, &list, &id)?;
        put_time(doc, &obj, AT, now)?;
        created = Some(id);
        Ok(obj)
    };
    match command {
        AnswerPreCheck {
            answers,
            past_cycles,
            screening,
        } => {
            let obj = map(doc, "pre_check")?;
            for (code, answer) in answers {
                put_bool(doc, &obj, &format!("{ANSWER_PREFIX}{code}"), *answer)?;
            }
            for (code, answer) in screening {
                put_str(doc, &obj, &format!("{SCREEN_PREFIX}{code}"), answer.code())?;
            }
            put_i64(doc, &obj, "past_cycles", i64::from(*past_cycles))?;
            put_time(doc, &obj, AT, now)?;
            for (code, answer) in screening {
                let sign = crate::program::content::pre_check()
                    .screening
                    .iter()
                    .find(|q| q.code == code)
                    .map(|q| q.sign);
                if let (ScreeningAnswer::Yes, Some(sign)) = (answer, sign) {
                    flag_safety(doc, ctx, sign, SafetySource::PreCheck)?;
                }
            }
        }
        SetEndedBy { ended_by } => {
            let obj = map(doc, "step1")?;
            put_str(doc, &obj, "ended_by", ended_by.code())?;
        }
        AddReason { text, kind } => {
            let obj = add(doc, "reasons")?;
            put_str(doc, &obj, TEXT, text.trim())?;
            put_str(doc, &obj, KIND, kind.trim())?;
            if let Some(sign) =
                crate::program::content::reason_kind(kind.trim()).and_then(|k| k.safety_sign)
            {
                flag_safety(doc, ctx, sign, SafetySource::Reason)?;
            }
        }
        AddTrigger { text } => {
            let obj = add(doc, "triggers")?;
            put_str(doc, &obj, TEXT, text.trim())?;
        }
        AcknowledgeAdvice { key } => {
            let obj = map(doc, "acknowledged")?;
            put_time(doc, &obj, key, now)?;
        }
        AddMistake { text, plan } => {
            let obj = add(doc, "mistakes")?;
            put_str(doc, &obj, TEXT, text.trim())?;
            put_opt_str(doc, &obj, "plan", plan.as_deref().map(str::trim))?;
        }
        SetMistakePlan { id, plan } => {
            let obj = record(doc, "mistakes", id)?;
            put_str(doc, &obj, "plan", plan.trim())?;
        }
        SetNoContact { start, end } => {
            let obj = map(doc, "no_contact")?;
            let period = format!("{}/{}", date_key(*start), date_key(*end));
            put_str(doc, &obj, PERIOD, &period)?;
            if doc.get(&obj, "ended_early_on")?.is_some() {
                doc.delete(&obj, "ended_early_on")?;
            }
        }
        TakeReadinessCheck { answers } => {
            let obj = map(doc, "readiness")?;
            for (code, answer) in answers {
                put_bool(doc, &obj, &format!("{ANSWER_PREFIX}{code}"), *answer)?;
            }
            put_date(doc, &obj, ON, today)?;
        }
        EndNoContactEarly => {
            let obj = map(doc, "no_contact")?;
            put_date(doc, &obj, "ended_early_on", today)?;
        }
        AddObservation { text, on } => {
            let obj = add(doc, "observations")?;
            put_str(doc, &obj, TEXT, text.trim())?;
            put_date(doc, &obj, ON, on.unwrap_or(today))?;
        }
        LogAttempt {
            medium,
            on,
            reply,
            note,
            ..
        } => {
            let obj = add(doc, "attempts")?;
            put_str(doc, &obj, "medium", medium.code())?;
            put_date(doc, &obj, ON, on.unwrap_or(today))?;
            put_str(doc, &obj, "reply", reply.code())?;
            put_bool(doc, &obj, "skipped_ahead", ctx.skips_a_rung)?;
            put_opt_str(doc, &obj, NOTE, note.as_deref().map(str::trim))?;
        }
        SetAttemptReply { id, reply } => {
            let obj = record(doc, "attempts", id)?;
            put_str(doc, &obj, "reply", reply.code())?;
        }
        DraftIceBreaker {
            text,
            cool_off_hours,
        } => {
            let obj = add(doc, "ice_breakers")?;
            put_str(doc, &obj, TEXT, text.trim())?;
            let ready_after = now + chrono::Duration::hours(i64::from(*cool_off_hours));
            put_time(doc, &obj, "ready_after", ready_after)?;
        }
        MarkIceBreakerReady { id } => {
            let obj = record(doc, "ice_breakers", id)?;
            put_time(doc, &obj, "marked_ready_at", now)?;
        }
        WriteApology {
            id,
            what_i_did,
            responsibility,
            what_changed,
            repair,
        } => {
            let obj = match id {
                Some(id) => record(doc, "apologies", id)?,
                None => add(doc, "apologies")?,
            };
            for (field, part) in [
                ("what_i_did", what_i_did),
                ("responsibility", responsibility),
                ("what_changed", what_changed),
                ("repair", repair),
            ] {
                put_opt_str(doc, &obj, field, part.as_deref().map(str::trim))?;
            }
        }
        LogActivity {
            kind,
            on,
            result,
            note,
        } => {
            let obj = add(doc, "activities")?;
            put_str(doc, &obj, KIND, kind.code())?;
            put_date(doc, &obj, ON, on.unwrap_or(today))?;
            put_str(doc, &obj, "result", result.code())?;
            put_opt_str(doc, &obj, NOTE, note.as_deref().map(str::trim))?;
        }
        AddTheirSide {
            kind,
            text,
            response,
        } => {
            let obj = add(doc, "their_side")?;
            put_str(doc, &obj, KIND, kind.code())?;
            put_str(doc, &obj, TEXT, text.trim())?;
            put_opt_str(doc, &obj, "response", response.as_deref().map(str::trim))?;
        }
        SetTheirSideResponse { id, response } => {
            let obj = record(doc, "their_side", id)?;
            put_str(doc, &obj, "response", response.trim())?;
        }
        Decide { answer, revisit_on } => {
            let obj = add(doc, "decisions")?;
            put_str(doc, &obj, "answer", answer.code())?;
            put_date(doc, &obj, ON, today)?;
            if let Some(revisit_on) = revisit_on {
                put_date(doc, &obj, "revisit_on", *revisit_on)?;
            }
            let list = map(doc, "decisions")?;
            if let Some(id) = &created {
                put_str(doc, &list, CURRENT, id)?;
            }
        }
        SetTherapy {
            suggested,
            accepted,
        } => {
            let obj = map(doc, "therapy")?;
            if let Some(suggested) = suggested {
                put_bool(doc, &obj, "suggested", *suggested)?;
            }
            if let Some(accepted) = accepted {
                put_bool(doc, &obj, "accepted", *accepted)?;
            }
        }
        LogTherapySession { on } => {
            let obj = add(doc, "therapy_sessions")?;
            put_date(doc, &obj, ON, on.unwrap_or(today))?;
        }
        StartTrial {
            start,
            end,
            review_every_days,
        } => {
            let obj = map(doc, "trial")?;
            let period = format!("{}/{}", date_key(*start), date_key(*end));
            put_str(doc, &obj, PERIOD, &period)?;
            put_i64(
                doc,
                &obj,
                "review_every_days",
                i64::from(*review_every_days),
            )?;
            doc.put(&obj, "extensions", ScalarValue::counter(0))?;
        }
        ReviewTrial {
            on,
            signs,
            note,
            outcome,
            extend_to,
        } => {
            let obj = add(doc, "trial_reviews")?;
            let on = on.unwrap_or(today);
            put_date(doc, &obj, ON, on)?;
            for (code, held) in signs {
                put_bool(doc, &obj, &format!("{SIGN_PREFIX}{code}"), *held)?;
            }
            put_opt_str(doc, &obj, NOTE, note.as_deref().map(str::trim))?;
            if let Some(outcome) = outcome {
                put_str(doc, &obj, "outcome", outcome.code())?;
            }
            match (outcome, extend_to) {
                (Some(TrialOutcome::Extend), Some(to)) => {
                    let trial = map(doc, "trial")?;
                    let start = get_str(doc, &trial, PERIOD)
                        .as_deref()
                        .and_then(parse_period)
                        .map_or(on, |(start, _)| start);
                    let period = format!("{}/{}", date_key(start), date_key(*to));
                    put_str(doc, &trial, PERIOD, &period)?;
                    doc.increment(&trial, "extensions", 1)?;
                }
                (Some(TrialOutcome::LetGo), _) => write_let_go(doc, ctx, 11, note.as_deref())?,
                _ => {}
            }
        }
        LetGo { note } => write_let_go(doc, ctx, ctx.current_step, note.as_deref())?,
        WriteLetGoExercise { number, text } => {
            let obj = map(doc, "let_go")?;
            put_str(
                doc,
                &obj,
                &format!("{EXERCISE_PREFIX}{number}"),
                text.trim(),
            )?;
        }
        FlagSafety { signs } => {
            for sign in signs {
                flag_safety(doc, ctx, sign, SafetySource::Flagged)?;
            }
        }
        WithdrawSafetyFlag { sign, .. } => {
            let obj = map(doc, "safety")?;
            if doc.get(&obj, sign.as_str())?.is_some() {
                doc.delete(&obj, sign.as_str())?;
            }
        }
        Restart { .. } => {
            let obj = add(doc, "decisions")?;
            put_str(doc, &obj, KIND, RESTART)?;
            put_date(doc, &obj, ON, today)?;
            put_i64(doc, &obj, "from_step", i64::from(ctx.current_step))?;
            let list = map(doc, "decisions")?;
            if doc.get(&list, CURRENT)?.is_some() {
                doc.delete(&list, CURRENT)?;
            }
            for name in CLEARED_BY_RESTART {
                let obj = map(doc, name)?;
                for key in doc.keys(&obj).collect::<Vec<String>>() {
                    doc.delete(&obj, key.as_str())?;
                }
            }
        }
        TheySaidNo { kind } => {
            let obj = map(doc, "said_no")?;
            if get_date(doc, &obj, ON).is_none() {
                put_date(doc, &obj, ON, today)?;
            }
            put_str(doc, &obj, KIND, kind.code())?;
        }
        Remove { id } => {
            for list in [
                "reasons",
                "triggers",
                "mistakes",
                "observations",
                "ice_breakers",
                "apologies",
                "activities",
                "their_side",
            ] {
                let obj = map(doc, list)?;
                if doc.get(&obj, id.as_str())?.is_some() {
                    doc.delete(&obj, id.as_str())?;
                }
            }
        }
    }
    Ok(created)
}

/// Records a safety sign unless it is already recorded (the first record stands).
fn flag_safety(
    doc: &mut AutoCommit,
    ctx: &WriteContext<'_>,
    sign: &str,
    source: SafetySource,
) -> Result<()> {
    let obj = map(doc, "safety")?;
    if doc.get(&obj, sign)?.is_none() {
        let flag = new_record(doc, &obj, sign)?;
        write_flag(doc, &flag, ctx.today, ctx.now, ctx.device, source)?;
    }
    Ok(())
}

fn write_flag(
    doc: &mut AutoCommit,
    flag: &ObjId,
    on: NaiveDate,
    at: DateTime<Utc>,
    by: &str,
    source: SafetySource,
) -> Result<()> {
    put_date(doc, flag, ON, on)?;
    put_time(doc, flag, AT, at)?;
    put_str(doc, flag, "by", by)?;
    put_str(doc, flag, "source", source.code())?;
    Ok(())
}

fn write_let_go(
    doc: &mut AutoCommit,
    ctx: &WriteContext<'_>,
    from_step: u8,
    note: Option<&str>,
) -> Result<()> {
    let obj = map(doc, "let_go")?;
    put_date(doc, &obj, ON, ctx.today)?;
    put_i64(doc, &obj, "from_step", i64::from(from_step))?;
    put_opt_str(doc, &obj, NOTE, note.map(str::trim))?;
    put_time(doc, &obj, AT, ctx.now)?;
    Ok(())
}

/// The record map `program.<list>[id]`.
fn record(doc: &AutoCommit, list: &str, id: &str) -> Result<ObjId> {
    let list = map(doc, list)?;
    get_map(doc, &list, id)
        .ok_or_else(|| Error::InvalidInput(format!("there is no record with the id {id}")))
}

/// Writes every program record exactly as exported (ids and times kept), for an import
/// into an empty store.
pub fn restore(doc: &mut AutoCommit, r: &ProgramRecords) -> Result<()> {
    fn record(doc: &mut AutoCommit, list: &str, id: &str, at: DateTime<Utc>) -> Result<ObjId> {
        let list = map(doc, list)?;
        let obj = new_record(doc, &list, id)?;
        put_time(doc, &obj, AT, at)?;
        Ok(obj)
    }
    fn bools(
        doc: &mut AutoCommit,
        obj: &ObjId,
        prefix: &str,
        values: &BTreeMap<String, bool>,
    ) -> Result<()> {
        for (code, value) in values {
            put_bool(doc, obj, &format!("{prefix}{code}"), *value)?;
        }
        Ok(())
    }
    let period =
        |start: NaiveDate, end: NaiveDate| format!("{}/{}", date_key(start), date_key(end));

    if let Some(p) = &r.pre_check {
        let obj = map(doc, "pre_check")?;
        bools(doc, &obj, ANSWER_PREFIX, &p.answers)?;
        for (code, answer) in &p.screening {
            put_str(doc, &obj, &format!("{SCREEN_PREFIX}{code}"), answer.code())?;
        }
        put_i64(doc, &obj, "past_cycles", i64::from(p.past_cycles))?;
        put_time(doc, &obj, AT, p.at)?;
    }
    if let Some(ended_by) = r.ended_by {
        let obj = map(doc, "step1")?;
        put_str(doc, &obj, "ended_by", ended_by.code())?;
    }
    for x in &r.reasons {
        let obj = record(doc, "reasons", &x.id, x.at)?;
        put_str(doc, &obj, TEXT, &x.text)?;
        put_str(doc, &obj, KIND, &x.kind)?;
    }
    let ack = map(doc, "acknowledged")?;
    for key in &r.acknowledged {
        put_time(doc, &ack, key, DateTime::<Utc>::default())?;
    }
    for x in &r.triggers {
        let obj = record(doc, "triggers", &x.id, x.at)?;
        put_str(doc, &obj, TEXT, &x.text)?;
    }
    for x in &r.mistakes {
        let obj = record(doc, "mistakes", &x.id, x.at)?;
        put_str(doc, &obj, TEXT, &x.text)?;
        put_opt_str(doc, &obj, "plan", x.plan.as_deref())?;
    }
    if let Some(p) = &r.no_contact {
        let obj = map(doc, "no_contact")?;
        put_str(doc, &obj, PERIOD, &period(p.start, p.end))?;
        if let Some(on) = p.ended_early_on {
            put_date(doc, &obj, "ended_early_on", on)?;
        }
    }
    if let Some(check) = &r.readiness {
        let obj = map(doc, "readiness")?;
        bools(doc, &obj, ANSWER_PREFIX, &check.answers)?;
        put_date(doc, &obj, ON, check.on)?;
    }
    for x in &r.observations {
        let obj = record(doc, "observations", &x.id, x.at)?;
        put_str(doc, &obj, TEXT, &x.text)?;
        put_date(doc, &obj, ON, x.on)?;
    }
    for x in &r.attempts {
        let obj = record(doc, "attempts", &x.id, x.at)?;
        put_str(doc, &obj, "medium", x.medium.code())?;
        put_date(doc, &obj, ON, x.on)?;
        put_str(doc, &obj, "reply", x.reply.code())?;
        put_bool(doc, &obj, "skipped_ahead", x.skipped_ahead)?;
        put_opt_str(doc, &obj, NOTE, x.note.as_deref())?;
    }
    for x in &r.ice_breakers {
        let obj = record(doc, "ice_breakers", &x.id, x.at)?;
        put_str(doc, &obj, TEXT, &x.text)?;
        put_time(doc, &obj, "ready_after", x.ready_after)?;
        if let Some(at) = x.marked_ready_at {
            put_time(doc, &obj, "marked_ready_at", at)?;
        }
    }
    for x in &r.apologies {
        let obj = record(doc, "apologies", &x.id, x.at)?;
        for (field, part) in [
            ("what_i_did", &x.what_i_did),
            ("responsibility", &x.responsibility),
            ("what_changed", &x.what_changed),
            ("repair", &x.repair),
        ] {
            put_str(doc, &obj, field, part)?;
        }
    }
    for x in &r.activities {
        let obj = record(doc, "activities", &x.id, x.at)?;
        put_str(doc, &obj, KIND, x.kind.code())?;
        put_date(doc, &obj, ON, x.on)?;
        put_str(doc, &obj, "result", x.result.code())?;
        put_opt_str(doc, &obj, NOTE, x.note.as_deref())?;
    }
    for x in &r.their_side {
        let obj = record(doc, "their_side", &x.id, x.at)?;
        put_str(doc, &obj, KIND, x.kind.code())?;
        put_str(doc, &obj, TEXT, &x.text)?;
        put_opt_str(doc, &obj, "response", x.response.as_deref())?;
    }
    for x in &r.decisions {
        let obj = record(doc, "decisions", &x.id, x.at)?;
        put_str(doc, &obj, "answer", x.answer.code())?;
        put_date(doc, &obj, ON, x.on)?;
        if let Some(on) = x.revisit_on {
            put_date(doc, &obj, "revisit_on", on)?;
        }
    }
    if let Some(current) = &r.current_decision {
        let list = map(doc, "decisions")?;
        put_str(doc, &list, CURRENT, current)?;
    }
    let therapy = map(doc, "therapy")?;
    if let Some(suggested) = r.therapy.suggested {
        put_bool(doc, &therapy, "suggested", suggested)?;
    }
    if let Some(accepted) = r.therapy.accepted {
        put_bool(doc, &therapy, "accepted", accepted)?;
    }
    for (index, on) in r.therapy.sessions.iter().enumerate() {
        let obj = record(
            doc,
            "therapy_sessions",
            &format!("session-{index}"),
            DateTime::<Utc>::default(),
        )?;
        put_date(doc, &obj, ON, *on)?;
    }
    if let Some(t) = &r.trial {
        let obj = map(doc, "trial")?;
        put_str(doc, &obj, PERIOD, &period(t.start, t.end))?;
        put_i64(
            doc,
            &obj,
            "review_every_days",
            i64::from(t.review_every_days),
        )?;
        doc.put(
            &obj,
            "extensions",
            ScalarValue::counter(i64::from(t.extensions)),
        )?;
    }
    for x in &r.trial_reviews {
        let obj = record(doc, "trial_reviews", &x.id, x.at)?;
        put_date(doc, &obj, ON, x.on)?;
        bools(doc, &obj, SIGN_PREFIX, &x.signs)?;
        put_opt_str(doc, &obj, NOTE, x.note.as_deref())?;
        if let Some(outcome) = x.outcome {
            put_str(doc, &obj, "outcome", outcome.code())?;
        }
    }
    if let Some(l) = &r.let_go {
        let obj = map(doc, "let_go")?;
        put_date(doc, &obj, ON, l.on)?;
        put_i64(doc, &obj, "from_step", i64::from(l.from_step))?;
        put_opt_str(doc, &obj, NOTE, l.note.as_deref())?;
        put_time(doc, &obj, AT, l.at)?;
        for (number, text) in &l.exercise {
            put_str(doc, &obj, &format!("{EXERCISE_PREFIX}{number}"), text)?;
        }
    }
    let safety = map(doc, "safety")?;
    for flag in &r.safety_flags {
        let obj = new_record(doc, &safety, &flag.sign)?;
        put_date(doc, &obj, ON, flag.on)?;
        put_str(doc, &obj, "source", flag.source.code())?;
        // Kept as exported; the importing store is a new device, so an imported flag can
        // never be withdrawn there.
        if let Some(at) = flag.at {
            put_time(doc, &obj, AT, at)?;
        }
        if let Some(by) = &flag.by {
            put_str(doc, &obj, "by", by)?;
        }
    }
    for x in &r.restarts {
        let obj = record(doc, "decisions", &x.id, x.at)?;
        put_str(doc, &obj, KIND, RESTART)?;
        put_date(doc, &obj, ON, x.on)?;
        put_i64(doc, &obj, "from_step", i64::from(x.from_step))?;
    }
    if let Some(no) = &r.said_no {
        let obj = map(doc, "said_no")?;
        put_str(doc, &obj, KIND, no.kind.code())?;
        put_date(doc, &obj, ON, no.on)?;
    }
    Ok(())
}
