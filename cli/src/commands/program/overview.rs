//! `reconnect program`: the whole program at a glance. Safety comes first, then how it
//! ended (if it did), where the user is, every step with its state and why a locked
//! step is locked, the contact ladder, advice, and what could come next.

use chrono_tz::Tz;
use reconnect_core::Reconnect;
use reconnect_core::program::content;
use reconnect_core::program::refusal::describe_locks;
use reconnect_core::program::view::{LadderView, ProgramView, StepState, StepView};

use super::text::wrap;
use super::{safety, words};
use crate::error::CliError;
use crate::output::Output;

pub fn run(app: &Reconnect, json: bool) -> Result<Output, CliError> {
    let view = app.program()?;
    if json {
        return Output::json(&view);
    }
    Ok(Output::lines(lines(&view, app.time_zone()?)))
}

pub fn lines(view: &ProgramView, zone: Tz) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(safety) = &view.safety {
        lines.extend(safety::block(safety));
        lines.push(String::new());
    }
    if let Some(outcome) = &view.outcome {
        lines.extend(wrap(&words::outcome(outcome), ""));
        lines.push(String::new());
    }
    lines.extend(wrap(&where_you_are(view), ""));
    lines.push(String::new());
    lines.extend(steps(view));
    if let Some(ladder) = ladder(view) {
        lines.push(String::new());
        lines.extend(ladder);
    }
    if !view.advice.is_empty() {
        lines.push(String::new());
        lines.extend(advice(view));
    }
    if !view.next_actions.is_empty() {
        lines.push(String::new());
        lines.extend(next(view, zone));
    }
    if view.safety.is_none() {
        // Where help is, always, even with nothing recorded.
        lines.push(String::new());
        lines.extend(wrap(
            &format!(
                "{}: `reconnect safety` lists where to find help, whatever you decide.",
                view.support.title
            ),
            "",
        ));
    }
    lines
}

fn where_you_are(view: &ProgramView) -> String {
    match view.current_step {
        Some(0) => "You are at the beginning: a short self-check comes before step 1.".into(),
        Some(n) => {
            let phase = content::phase(view.phase).map_or("", |p| p.title);
            let title = view.step(n).map_or("", |s| s.title);
            format!(
                "You are in phase {} of 4 ({phase}), on step {n}: {title}",
                view.phase
            )
        }
        None if view.outcome.is_some() => "The program has come to an end.".into(),
        None if view.safety.is_some() => {
            "Every step about getting back in touch is closed while your safety comes first.".into()
        }
        None => "No step is open right now; the notes below say why.".into(),
    }
}

fn steps(view: &ProgramView) -> Vec<String> {
    let mut lines = Vec::new();
    let pre_check = content::pre_check();
    let status = if view.pre_check_done {
        "done"
    } else {
        "not answered yet"
    };
    let marker = if view.current_step == Some(0) {
        ">"
    } else {
        " "
    };
    lines.push(format!("Before you begin: {}", pre_check.title));
    lines.push(format!("{marker}  0  {:<38} {status}", "Self-check"));
    for phase in &view.phases {
        let in_phase: Vec<&StepView> = view
            .steps
            .iter()
            .filter(|s| s.phase == phase.number)
            .collect();
        // A phase whose steps are all locked for the same reasons says why once.
        let shared_lock = in_phase
            .first()
            .map(|s| &s.locked_because)
            .filter(|why| !why.is_empty())
            .filter(|why| {
                in_phase
                    .iter()
                    .all(|s| s.state == StepState::Locked && s.locked_because == **why)
            });
        let note = if phase.done {
            " (done)"
        } else if !phase.open {
            " (locked)"
        } else {
            ""
        };
        lines.push(format!("Phase {} · {}{note}", phase.number, phase.title));
        if let Some(why) = shared_lock {
            lines.extend(wrap(&format!("why: {}", describe_locks(why)), "        "));
        }
        for step in in_phase {
            lines.extend(step_line(view, step, shared_lock.is_none()));
        }
    }
    lines
}

fn step_line(view: &ProgramView, step: &StepView, with_why: bool) -> Vec<String> {
    let marker = if view.current_step == Some(step.number) {
        ">"
    } else {
        " "
    };
    let optional = if step.optional { " (optional)" } else { "" };
    let mut lines = vec![format!(
        "{marker} {:>2}  {:<38} {}{optional}",
        step.number,
        step.title,
        words::state(step.state)
    )];
    if with_why && step.state == StepState::Locked && !step.locked_because.is_empty() {
        let why = format!("why: {}", describe_locks(&step.locked_because));
        lines.extend(wrap(&why, "        "));
    }
    lines
}

/// The ladder, once contact is in view: step 4 open or attempts logged.
fn ladder(view: &ProgramView) -> Option<Vec<String>> {
    let LadderView {
        highest_open_rung,
        highest_open_medium,
        warm_replies,
        paused_until,
        closed_for_good,
        ..
    } = &view.ladder;
    let step4_open = view
        .state_of(4)
        .is_some_and(|s| matches!(s, StepState::Available | StepState::InProgress));
    if !step4_open && view.records.attempts.is_empty() && !closed_for_good {
        return None;
    }
    let mut lines = vec!["Contact ladder".to_string()];
    if *closed_for_good {
        lines.push("  Closed for good: their answer is respected.".into());
        return Some(lines);
    }
    if view.safety.is_some() {
        lines.push("  Closed while your safety comes first.".into());
        return Some(lines);
    }
    let warm = match warm_replies {
        1 => "1 warm reply so far".to_string(),
        n => format!("{n} warm replies so far"),
    };
    lines.push(format!(
        "  Open up to rung {highest_open_rung} of {}: {} · {warm}",
        content::ladder().len(),
        words::medium(*highest_open_medium).to_lowercase()
    ));
    if let Some(until) = paused_until {
        lines.extend(wrap(
            &format!(
                "Paused until {}: two attempts in a row went unanswered, and giving them space is a kindness to both of you.",
                words::day(*until)
            ),
            "  ",
        ));
    }
    Some(lines)
}

fn advice(view: &ProgramView) -> Vec<String> {
    let mut lines = vec!["Advice".to_string()];
    for advice in &view.advice {
        lines.push(format!("  {}", advice.title));
        lines.extend(wrap(advice.explanation, "    "));
        if advice.acknowledged {
            lines.push("    (You read this and chose to continue.)".into());
        } else if advice.key == content::ADVICE_NOT_FIXABLE.key {
            let code = advice.key.trim_start_matches("advice.").replace('_', "-");
            lines.push(format!(
                "    To continue anyway: reconnect advice acknowledge {code}"
            ));
        }
    }
    lines
}

fn next(view: &ProgramView, zone: Tz) -> Vec<String> {
    let mut lines = vec!["What you could do next".to_string()];
    for action in &view.next_actions {
        let (text, command) = words::next_action(action, zone);
        let mut item = wrap(&text, "    ");
        if let Some(first) = item.first_mut() {
            first.replace_range(..4, "  - ");
        }
        lines.extend(item);
        if let Some(command) = command {
            lines.push(format!("      {command}"));
        }
    }
    lines
}
