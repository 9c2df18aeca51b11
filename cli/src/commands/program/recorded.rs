//! "What you have recorded" for one step, from the view's records: for people (with
//! ids, so entries can be changed or removed) and as the JSON subset of the records.

use chrono_tz::Tz;
use reconnect_core::program::content;
use reconnect_core::program::records::ProgramRecords;
use serde_json::{Value, json};

use super::text::quoted;
use super::words::{self, day, instant, yes_no};

/// The records of step `n` (0 = the pre-check) as JSON.
pub fn json(r: &ProgramRecords, n: u8) -> Value {
    match n {
        0 => json!({ "pre_check": r.pre_check }),
        1 => json!({
            "ended_by": r.ended_by,
            "reasons": r.reasons,
            "triggers": r.triggers,
            "acknowledged": r.acknowledged,
        }),
        2 => json!({ "mistakes": r.mistakes }),
        3 => json!({ "no_contact": r.no_contact, "readiness": r.readiness }),
        4 => json!({ "observations": r.observations, "attempts": r.attempts }),
        5 => json!({ "ice_breakers": r.ice_breakers }),
        6 => json!({ "apologies": r.apologies }),
        7 => json!({ "activities": r.activities }),
        8 => json!({ "their_side": r.their_side }),
        9 => json!({ "decisions": r.decisions }),
        10 => json!({ "therapy": r.therapy }),
        _ => json!({ "trial": r.trial, "trial_reviews": r.trial_reviews }),
    }
}

/// The records of step `n` for people; empty when nothing is recorded.
pub fn lines(r: &ProgramRecords, n: u8, zone: Tz) -> Vec<String> {
    let mut out = Vec::new();
    match n {
        0 => pre_check(r, &mut out),
        1 => step1(r, &mut out),
        2 => {
            for m in &r.mistakes {
                out.push(format!("  [{}] {}", m.id, quoted(&m.text)));
                match &m.plan {
                    Some(plan) => out.push(format!("      plan: {}", quoted(plan))),
                    None => out.push("      no plan yet".into()),
                }
            }
        }
        3 => step3(r, &mut out),
        4 => {
            for o in &r.observations {
                out.push(format!("  [{}] {}: {}", o.id, day(o.on), quoted(&o.text)));
            }
            for a in &r.attempts {
                let skipped = if a.skipped_ahead {
                    " (skipped ahead)"
                } else {
                    ""
                };
                out.push(format!(
                    "  [{}] {}: {}, {}{skipped}",
                    a.id,
                    day(a.on),
                    words::medium(a.medium).to_lowercase(),
                    words::label(a.reply)
                ));
                if let Some(note) = &a.note {
                    out.push(format!("      {}", quoted(note)));
                }
            }
        }
        5 => {
            for d in &r.ice_breakers {
                out.push(format!("  [{}] {}", d.id, quoted(&d.text)));
                out.push(match d.marked_ready_at {
                    Some(at) => format!("      marked ready on {}", instant(at, zone)),
                    None => format!("      resting until {}", instant(d.ready_after, zone)),
                });
            }
        }
        6 => {
            for a in &r.apologies {
                let status = if a.is_complete() { "complete" } else { "draft" };
                out.push(format!("  [{}] {status}", a.id));
                for (part, text) in content::apology_parts().iter().zip([
                    &a.what_i_did,
                    &a.responsibility,
                    &a.what_changed,
                    &a.repair,
                ]) {
                    let text = if text.trim().is_empty() {
                        "(not written yet)".to_string()
                    } else {
                        quoted(text)
                    };
                    out.push(format!("      {}: {text}", part.title));
                }
            }
        }
        7 => {
            for a in &r.activities {
                out.push(format!(
                    "  [{}] {}: {}, {}",
                    a.id,
                    day(a.on),
                    words::label(a.kind),
                    words::label(a.result)
                ));
                if let Some(note) = &a.note {
                    out.push(format!("      {}", quoted(note)));
                }
            }
        }
        8 => {
            for t in &r.their_side {
                out.push(format!(
                    "  [{}] {}: {}",
                    t.id,
                    words::label(t.kind),
                    quoted(&t.text)
                ));
                match &t.response {
                    Some(response) => out.push(format!("      you: {}", quoted(response))),
                    None => out.push("      no response written yet".into()),
                }
            }
        }
        9 => {
            for d in &r.decisions {
                let revisit = d
                    .revisit_on
                    .map(|on| format!(", look again on {}", day(on)))
                    .unwrap_or_default();
                out.push(format!(
                    "  {}: {}{revisit}",
                    day(d.on),
                    words::label(d.answer)
                ));
            }
        }
        10 => {
            let t = &r.therapy;
            if let Some(suggested) = t.suggested {
                out.push(format!("  Suggested: {}", yes_no(suggested)));
            }
            if let Some(accepted) = t.accepted {
                out.push(format!("  They were open to it: {}", yes_no(accepted)));
            }
            for session in &t.sessions {
                out.push(format!("  Session on {}", day(*session)));
            }
        }
        _ => step11(r, &mut out),
    }
    out
}

fn pre_check(r: &ProgramRecords, out: &mut Vec<String>) {
    let Some(p) = &r.pre_check else { return };
    for q in content::pre_check().questions {
        if let Some(answer) = p.answers.get(q.code) {
            out.push(format!(
                "  {:<13} {}",
                q.code.replace('_', "-"),
                yes_no(*answer)
            ));
        }
    }
    out.push(format!(
        "  Earlier break-ups and reunions: {}",
        p.past_cycles
    ));
}

fn step1(r: &ProgramRecords, out: &mut Vec<String>) {
    if let Some(who) = r.ended_by {
        out.push(format!("  {}", words::choice(who)));
    }
    for reason in &r.reasons {
        let kind = content::reason_kind(&reason.kind);
        let label = kind.map_or(reason.kind.as_str(), |k| k.label);
        let fixable = match kind.map(|k| k.fixable) {
            Some(true) => ", something you could work on",
            Some(false) => ", not yours to fix",
            None => "",
        };
        out.push(format!(
            "  [{}] reason ({label}{fixable}): {}",
            reason.id,
            quoted(&reason.text)
        ));
    }
    for trigger in &r.triggers {
        out.push(format!(
            "  [{}] trigger: {}",
            trigger.id,
            quoted(&trigger.text)
        ));
    }
    for key in &r.acknowledged {
        let title = content::text(key).unwrap_or(key);
        out.push(format!("  You read \"{title}\" and chose to continue."));
    }
}

fn step3(r: &ProgramRecords, out: &mut Vec<String>) {
    if let Some(p) = &r.no_contact {
        out.push(format!(
            "  Time apart: from {} until {}",
            day(p.start),
            day(p.end)
        ));
        if let Some(on) = p.ended_early_on {
            out.push(format!("  Ended early on {}", day(on)));
        }
    }
    if let Some(check) = &r.readiness {
        let passed = content::readiness_items()
            .iter()
            .all(|i| check.answers.get(i.code) == Some(&true));
        let verdict = if passed { "passed" } else { "not passed yet" };
        out.push(format!("  Readiness check on {}: {verdict}", day(check.on)));
        for item in content::readiness_items() {
            if let Some(answer) = check.answers.get(item.code) {
                out.push(format!(
                    "    {:<16} {}",
                    item.code.replace('_', "-"),
                    yes_no(*answer)
                ));
            }
        }
    }
}

fn step11(r: &ProgramRecords, out: &mut Vec<String>) {
    if let Some(t) = &r.trial {
        let extended = match t.extensions {
            0 => String::new(),
            1 => ", extended once".into(),
            n => format!(", extended {n} times"),
        };
        out.push(format!(
            "  Trial: {} to {}, reviews every {} days{extended}",
            day(t.start),
            day(t.end),
            t.review_every_days
        ));
    }
    for review in &r.trial_reviews {
        let held = review.signs.values().filter(|v| **v).count();
        let outcome = review
            .outcome
            .map(|o| format!(", end review: {}", words::label(o)))
            .unwrap_or_default();
        out.push(format!(
            "  Review on {}: {held} of {} signs held{outcome}",
            day(review.on),
            review.signs.len()
        ));
        if let Some(note) = &review.note {
            out.push(format!("      {}", quoted(note)));
        }
    }
}
