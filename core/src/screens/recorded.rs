//! "What you have recorded" for one step, as rows with the follow-up actions each record
//! offers (write a plan, record a reply, mark a draft ready, remove).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::forms::{self, PREFIX};
use super::model::{Action, Block, Field};
use super::words::{day, instant, medium, yes_no};
use crate::program::content;
use crate::program::records::ProgramRecords;

/// The follow-up form `name` for the record `id`, its other fields as the form has them.
fn follow_up(name: &str, id: &str, label: &str) -> Action {
    let fields = forms::form(name).map(|f| f.fields).unwrap_or_default();
    let fields = fields
        .into_iter()
        .map(|f| {
            if f.key == "id" {
                Field::fixed("id", id)
            } else {
                f
            }
        })
        .collect();
    Action::command(format!("{name}.{id}"), label, &format!("{PREFIX}{name}")).with_fields(fields)
}

fn remove(id: &str) -> Action {
    Action::command(format!("remove.{id}"), "Remove", &format!("{PREFIX}remove"))
        .with_fields(vec![Field::fixed("id", id)])
        .confirm("Remove this? It goes from every device once they sync.")
        .quiet()
}

fn choice(group: &str, code: &str) -> String {
    content::choice_label(group, code)
        .unwrap_or(code)
        .to_string()
}

fn when(at: DateTime<Utc>, zone: Tz) -> String {
    format!("Written {}", instant(at, zone))
}

/// The records of step `n` (0 = the self-check); empty when nothing is recorded.
pub fn blocks(r: &ProgramRecords, n: u8, zone: Tz, now: DateTime<Utc>) -> Vec<Block> {
    let mut out = Vec::new();
    match n {
        0 => {
            if let Some(p) = &r.pre_check {
                for q in content::pre_check().questions {
                    if let Some(answer) = p.answers.get(q.code) {
                        out.push(Block::fact(q.text, yes_no(*answer)));
                    }
                }
                out.push(Block::fact(
                    "Times you broke up and got back together",
                    p.past_cycles.to_string(),
                ));
            }
        }
        1 => {
            if let Some(e) = r.ended_by {
                out.push(Block::fact("Who ended it", choice("ended_by", e.code())));
            }
            for reason in &r.reasons {
                let kind =
                    content::reason_kind(&reason.kind).map_or(reason.kind.as_str(), |k| k.label);
                out.push(
                    Block::row(&reason.text, kind)
                        .action(remove(&reason.id))
                        .done(),
                );
            }
            for t in &r.triggers {
                out.push(
                    Block::row(&t.text, "A personal trigger")
                        .action(remove(&t.id))
                        .done(),
                );
            }
        }
        2 => {
            for m in &r.mistakes {
                let row = match &m.plan {
                    Some(plan) => Block::row(&m.text, format!("Plan: {plan}")),
                    None => Block::row(&m.text, "No plan yet").action(follow_up(
                        "set_mistake_plan",
                        &m.id,
                        "Write a plan",
                    )),
                };
                out.push(row.action(remove(&m.id)).done());
            }
        }
        3 => {
            if let Some(nc) = &r.no_contact {
                out.push(Block::fact(
                    "Time apart",
                    format!("{} until {}", day(nc.start), day(nc.end)),
                ));
                if let Some(on) = nc.ended_early_on {
                    out.push(Block::fact("Ended early", day(on)));
                }
            }
            if let Some(check) = &r.readiness {
                for item in content::readiness_items() {
                    if let Some(answer) = check.answers.get(item.code) {
                        out.push(Block::fact(item.text, yes_no(*answer)));
                    }
                }
                out.push(Block::fact("Readiness check taken", day(check.on)));
            }
        }
        4 => {
            for o in &r.observations {
                out.push(Block::row(&o.text, day(o.on)).action(remove(&o.id)).done());
            }
            for a in &r.attempts {
                let mut detail = format!("{}, {}", day(a.on), choice("reply", a.reply.code()));
                if a.skipped_ahead {
                    detail.push_str(", skipped ahead");
                }
                if let Some(note) = &a.note {
                    detail.push_str(&format!(" — {note}"));
                }
                out.push(
                    Block::row(medium(a.medium), detail)
                        .action(follow_up("set_attempt_reply", &a.id, "Record their reply"))
                        .done(),
                );
            }
        }
        5 => {
            for d in &r.ice_breakers {
                let row = match d.marked_ready_at {
                    Some(at) => Block::row(&d.text, format!("Marked ready {}", instant(at, zone))),
                    None => {
                        let ready = follow_up("mark_ice_breaker_ready", &d.id, "Mark it ready")
                            .unavailable_if((now < d.ready_after).then(|| {
                                format!(
                                    "It rests until {}; read it again then.",
                                    instant(d.ready_after, zone)
                                )
                            }));
                        Block::row(
                            &d.text,
                            format!("Resting until {}", instant(d.ready_after, zone)),
                        )
                        .action(ready)
                    }
                };
                out.push(row.action(remove(&d.id)).done());
            }
        }
        6 => {
            for a in &r.apologies {
                let parts = [&a.what_i_did, &a.responsibility, &a.what_changed, &a.repair];
                let text = parts
                    .iter()
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let state = if a.is_complete() {
                    "Complete"
                } else {
                    "A draft"
                };
                let mut go_on = follow_up("write_apology", &a.id, "Continue writing");
                for field in &mut go_on.fields {
                    field.value = match field.key.as_str() {
                        "what_i_did" => Some(a.what_i_did.clone()),
                        "responsibility" => Some(a.responsibility.clone()),
                        "what_changed" => Some(a.what_changed.clone()),
                        "repair" => Some(a.repair.clone()),
                        _ => field.value.take(),
                    };
                }
                out.push(
                    Block::row(text, format!("{state} · {}", when(a.at, zone)))
                        .action(go_on)
                        .action(remove(&a.id))
                        .done(),
                );
            }
        }
        7 => {
            for a in &r.activities {
                let mut detail = format!(
                    "{}, {}",
                    day(a.on),
                    choice("activity_result", a.result.code())
                );
                if let Some(note) = &a.note {
                    detail.push_str(&format!(" — {note}"));
                }
                out.push(
                    Block::row(choice("activity_kind", a.kind.code()), detail)
                        .action(remove(&a.id))
                        .done(),
                );
            }
        }
        8 => {
            for t in &r.their_side {
                let row = match &t.response {
                    Some(response) => Block::row(
                        &t.text,
                        format!(
                            "{} · You: {response}",
                            choice("their_side_kind", t.kind.code())
                        ),
                    ),
                    None => Block::row(&t.text, choice("their_side_kind", t.kind.code())).action(
                        follow_up("set_their_side_response", &t.id, "Write your response"),
                    ),
                };
                out.push(row.action(remove(&t.id)).done());
            }
        }
        9 => {
            for d in &r.decisions {
                let mut detail = day(d.on);
                if let Some(on) = d.revisit_on {
                    detail.push_str(&format!(", look again on {}", day(on)));
                }
                let standing = r.current_decision.as_deref() == Some(d.id.as_str());
                let row = Block::row(choice("decision_answer", d.answer.code()), detail);
                out.push(if standing { row.badge("Stands") } else { row }.done());
            }
        }
        10 => {
            let t = &r.therapy;
            if let Some(s) = t.suggested {
                out.push(Block::fact("Suggested", yes_no(s)));
            }
            if let Some(a) = t.accepted {
                out.push(Block::fact("Accepted", yes_no(a)));
            }
            if !t.sessions.is_empty() {
                let days: Vec<String> = t.sessions.iter().map(|d| day(*d)).collect();
                out.push(Block::fact("Sessions", days.join(", ")));
            }
        }
        _ => {
            if let Some(t) = &r.trial {
                out.push(Block::fact(
                    "Trial period",
                    format!("{} until {}", day(t.start), day(t.end)),
                ));
                out.push(Block::fact(
                    "Review every",
                    format!("{} days", t.review_every_days),
                ));
            }
            for review in &r.trial_reviews {
                let held = review.signs.values().filter(|v| **v).count();
                let mut detail = format!("{held} of {} signs held", review.signs.len());
                if let Some(o) = review.outcome {
                    detail.push_str(&format!(" · {}", choice("trial_outcome", o.code())));
                }
                if let Some(note) = &review.note {
                    detail.push_str(&format!(" — {note}"));
                }
                out.push(Block::row(format!("Review on {}", day(review.on)), detail).done());
            }
        }
    }
    out
}
