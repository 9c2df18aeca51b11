//! The first lines after a program command: what was recorded, in the person's own
//! words where they wrote some, with the id of a new entry.

use chrono_tz::Tz;
use reconnect_core::ProgramCommand;
use reconnect_core::program::content;
use reconnect_core::program::view::ProgramView;

use super::text::{quoted, wrap};
use super::words::{self, day, instant, yes_no};

pub fn lines(
    command: &ProgramCommand,
    created_id: Option<&str>,
    view: &ProgramView,
    zone: Tz,
) -> Vec<String> {
    use ProgramCommand::*;
    let r = &view.records;
    let mut lines: Vec<String> = match command {
        AnswerPreCheck { .. } => vec!["Saved your pre-check answers.".into()],
        SetEndedBy { ended_by } => vec![format!("Noted: {}.", words::label(*ended_by))],
        AddReason { text, kind } => {
            let kind = content::reason_kind(kind);
            let label = kind.map_or("", |k| k.label);
            let fixable = if kind.is_some_and(|k| k.fixable) {
                "something you could work on"
            } else {
                "not yours to fix"
            };
            vec![format!(
                "Recorded a reason ({label}, {fixable}): {}",
                quoted(text)
            )]
        }
        AddTrigger { text } => vec![format!("Recorded a trigger: {}", quoted(text))],
        AcknowledgeAdvice { key } => vec![format!(
            "Noted that you read \"{}\" and chose to continue. The advice stays visible.",
            content::text(key).unwrap_or(key)
        )],
        AddMistake { text, plan } => {
            let mut lines = vec![format!("Recorded a mistake: {}", quoted(text))];
            match plan {
                Some(plan) => lines.push(format!("  Your plan: {}", quoted(plan))),
                None => lines.push(format!(
                    "  Add a plan when you have one: reconnect mistake plan {} \"...\"",
                    created_id.unwrap_or("ID")
                )),
            }
            lines
        }
        SetMistakePlan { id, plan } => {
            vec![format!("Saved the plan for mistake {id}: {}", quoted(plan))]
        }
        SetNoContact { start, end } => vec![format!(
            "Your time apart: from {} until {}.",
            day(*start),
            day(*end)
        )],
        TakeReadinessCheck { answers } => {
            let not_yet: Vec<String> = content::readiness_items()
                .iter()
                .filter(|i| answers.get(i.code) != Some(&true))
                .map(|i| i.code.replace('_', "-"))
                .collect();
            if not_yet.is_empty() {
                vec!["Saved your readiness check: it passed.".into()]
            } else {
                wrap(
                    &format!(
                        "Saved your readiness check: not passed yet, and that is all right. Still growing: {}. Take it again whenever it feels true.",
                        not_yet.join(", ")
                    ),
                    "",
                )
            }
        }
        EndNoContactEarly => vec!["Your time apart ended early today.".into()],
        AddObservation { text, on } => vec![format!(
            "Noted how they seem to be doing ({}): {}",
            day(on.unwrap_or(view.today)),
            quoted(text)
        )],
        LogAttempt {
            medium, on, reply, ..
        } => {
            let mut lines = vec![format!(
                "Logged an attempt on {}: {}, {}.",
                day(on.unwrap_or(view.today)),
                words::medium(*medium).to_lowercase(),
                words::label(*reply)
            )];
            let skipped = created_id
                .and_then(|id| r.attempts.iter().find(|a| a.id == id))
                .is_some_and(|a| a.skipped_ahead);
            if skipped {
                lines.push("  You chose to skip a rung; that is noted, honestly.".into());
            }
            lines
        }
        SetAttemptReply { id, reply } => {
            vec![format!("Updated attempt {id}: {}.", words::label(*reply))]
        }
        DraftIceBreaker { .. } => {
            let draft = created_id.and_then(|id| r.ice_breakers.iter().find(|d| d.id == id));
            match draft {
                Some(d) => vec![format!(
                    "Saved your draft; it rests until {}: {}",
                    instant(d.ready_after, zone),
                    quoted(&d.text)
                )],
                None => vec!["Saved your draft.".into()],
            }
        }
        MarkIceBreakerReady { id } => {
            vec![format!("Draft {id} is ready to send, whenever you choose.")]
        }
        WriteApology { id, .. } => {
            let id = id.as_deref().or(created_id).unwrap_or_default();
            let written = r.apologies.iter().find(|a| a.id == id).map_or(0, |a| {
                [&a.what_i_did, &a.responsibility, &a.what_changed, &a.repair]
                    .iter()
                    .filter(|p| !p.trim().is_empty())
                    .count()
            });
            vec![format!(
                "Saved your apology {id}: {written} of 4 parts written."
            )]
        }
        LogActivity {
            kind, on, result, ..
        } => vec![format!(
            "Logged {} on {}: {}.",
            words::label(*kind),
            day(on.unwrap_or(view.today)),
            words::label(*result)
        )],
        AddTheirSide {
            kind,
            text,
            response,
        } => {
            let mut lines = vec![format!(
                "Wrote down {}: {}",
                words::label(*kind),
                quoted(text)
            )];
            if let Some(response) = response {
                lines.push(format!("  You: {}", quoted(response)));
            }
            lines
        }
        SetTheirSideResponse { id, response } => {
            vec![format!("Saved your response to {id}: {}", quoted(response))]
        }
        Decide { answer, revisit_on } => {
            let revisit = revisit_on
                .map(|on| format!("; look at it again on {}", day(on)))
                .unwrap_or_default();
            vec![format!(
                "Recorded their answer: {}{revisit}.",
                words::label(*answer)
            )]
        }
        SetTherapy {
            suggested,
            accepted,
        } => {
            let mut parts = Vec::new();
            if let Some(s) = suggested {
                parts.push(format!("suggested: {}", yes_no(*s)));
            }
            if let Some(a) = accepted {
                parts.push(format!("open to it: {}", yes_no(*a)));
            }
            vec![format!(
                "Noted about couples therapy: {}.",
                parts.join(", ")
            )]
        }
        LogTherapySession { on } => vec![format!(
            "Logged a therapy session on {}.",
            day(on.unwrap_or(view.today))
        )],
        StartTrial {
            start,
            end,
            review_every_days,
        } => vec![format!(
            "Your trial period: {} to {}, with a review every {review_every_days} days.",
            day(*start),
            day(*end)
        )],
        ReviewTrial {
            on, signs, outcome, ..
        } => {
            let held = signs.values().filter(|v| **v).count();
            let mut lines = vec![format!(
                "Saved the review of {}: {held} of {} signs held.",
                day(on.unwrap_or(view.today)),
                signs.len()
            )];
            if let Some(outcome) = outcome {
                lines.push(format!("  End review: {}.", words::label(*outcome)));
            }
            lines
        }
        LetGo { .. } => {
            let let_go = content::let_go();
            let mut lines = vec![let_go.title.to_string()];
            lines.extend(wrap(let_go.explanation, "  "));
            lines.push("  The closing exercise, at your own pace:".into());
            for step in let_go.exercise {
                lines.push(format!("    {}. {}", step.number, step.title));
            }
            lines
        }
        WriteLetGoExercise { number, .. } => {
            let title = content::let_go()
                .exercise
                .iter()
                .find(|e| e.number == *number)
                .map_or("", |e| e.title);
            vec![format!(
                "Saved step {number} of the closing exercise: {title}."
            )]
        }
        FlagSafety { .. } => vec!["Recorded. Thank you for saying it.".into()],
        WithdrawSafetyFlag { sign, .. } => vec![format!(
            "Undone: the {} note recorded by mistake. Support stays listed whenever you want it.",
            sign.replace('_', "-")
        )],
        Restart { .. } => vec![
            "The program starts again from the beginning. What you recorded before stays as history."
                .into(),
        ],
        TheySaidNo { kind } => {
            let notice = &content::THEY_SAID_NO;
            let mut lines = vec![format!("Noted: {}. {}", words::label(*kind), notice.title)];
            lines.extend(wrap(notice.explanation, "  "));
            lines
        }
        Remove { id } => vec![format!("Removed {id}.")],
    };
    if let Some(id) = created_id {
        lines.push(format!("  id: {id}"));
    }
    lines
}
