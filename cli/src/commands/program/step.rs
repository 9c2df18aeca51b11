//! `reconnect step N`: one step in full (0 is the pre-check): its title and
//! explanation, the questions to think over, its tools, what is recorded so far, its
//! state and, when it is locked, what opens it.

use reconnect_core::Reconnect;
use reconnect_core::program::content;
use reconnect_core::program::refusal::describe_locks;
use reconnect_core::program::view::{LockReason, ProgramView, StepState};
use serde_json::json;

use super::text::wrap;
use super::{recorded, tools, words};
use crate::error::CliError;
use crate::output::Output;

pub fn run(app: &Reconnect, n: u8, json: bool) -> Result<Output, CliError> {
    let view = app.program()?;
    let (state, locked_because) = state_of(&view, n)?;
    if json {
        let content = match n {
            0 => serde_json::to_value(content::pre_check()),
            n => serde_json::to_value(content::step(n)),
        }
        .map_err(|e| CliError::Internal(format!("could not format JSON: {e}")))?;
        return Output::json(&json!({
            "number": n,
            "state": state,
            "locked_because": locked_because,
            "current": view.current_step == Some(n),
            "content": content,
            "records": recorded::json(&view.records, n),
        }));
    }
    let zone = app.time_zone()?;
    let mut lines = heading(n)?;
    lines.push(String::new());
    let current = if view.current_step == Some(n) {
        " (you are here)"
    } else {
        ""
    };
    lines.push(format!("State: {}{current}", words::state(state)));
    lines.extend(unlock(&locked_because));
    lines.push(String::new());
    lines.extend(wrap(explanation(n), ""));

    let prompts = content::step(n).map(|s| s.prompts).unwrap_or_default();
    if !prompts.is_empty() {
        lines.push(String::new());
        lines.push("Questions to think over".into());
        for prompt in prompts {
            let mut item = wrap(prompt.text, "    ");
            if let Some(first) = item.first_mut() {
                first.replace_range(..4, "  - ");
            }
            lines.extend(item);
        }
    }
    let tools = tools::lines(n);
    if !tools.is_empty() {
        lines.push(String::new());
        lines.extend(tools);
    }
    lines.push(String::new());
    lines.push("What you have recorded".into());
    let records = recorded::lines(&view.records, n, zone);
    if records.is_empty() {
        lines.push("  Nothing yet.".into());
    } else {
        lines.extend(records);
    }
    if state != StepState::Locked || n == 0 {
        lines.push(String::new());
        lines.push("To record".into());
        lines.extend(tools::commands(n).iter().map(|c| format!("  {c}")));
    }
    Ok(Output::lines(lines))
}

/// The pre-check counts as done once answered; it is never locked.
fn state_of(view: &ProgramView, n: u8) -> Result<(StepState, Vec<LockReason>), CliError> {
    if n == 0 {
        let state = if view.pre_check_done {
            StepState::Done
        } else {
            StepState::Available
        };
        return Ok((state, Vec::new()));
    }
    let step = view
        .step(n)
        .ok_or_else(|| CliError::invalid(format!("there is no step {n}; the steps are 0 to 11")))?;
    Ok((step.state, step.locked_because.clone()))
}

fn heading(n: u8) -> Result<Vec<String>, CliError> {
    if n == 0 {
        return Ok(vec![format!(
            "Before step 1 · {}",
            content::pre_check().title
        )]);
    }
    let step = content::step(n)
        .ok_or_else(|| CliError::invalid(format!("there is no step {n}; the steps are 0 to 11")))?;
    let phase = content::phase(step.phase).map_or("", |p| p.title);
    let optional = if n == 10 { " (optional)" } else { "" };
    Ok(vec![
        format!("Step {n} of 11 · {}{optional}", step.title),
        format!("Phase {} · {phase}", step.phase),
    ])
}

fn explanation(n: u8) -> &'static str {
    match n {
        0 => content::pre_check().explanation,
        n => content::step(n).map_or("", |s| s.explanation),
    }
}

/// For a locked step: what opens it (gates), and what has closed it (stops).
fn unlock(reasons: &[LockReason]) -> Vec<String> {
    let (stops, gates): (Vec<LockReason>, Vec<LockReason>) =
        reasons.iter().cloned().partition(LockReason::is_stop);
    let mut lines = Vec::new();
    if !stops.is_empty() {
        lines.extend(wrap(&format!("Closed: {}.", describe_locks(&stops)), "  "));
    }
    if !gates.is_empty() {
        lines.extend(wrap(
            &format!("To open it: {}.", describe_locks(&gates)),
            "  ",
        ));
    }
    lines
}
