//! Runs one program command and says what changed: what was recorded, the state of
//! its step, steps that opened or closed, new advice, the ladder after an attempt, the
//! safety notice, and what could come next. `--json` prints `{command, created_id, view}`.

use chrono_tz::Tz;
use reconnect_core::program::content;
use reconnect_core::program::refusal::describe_locks;
use reconnect_core::program::view::{ProgramView, StepState};
use reconnect_core::{CommandResult, ProgramCommand, Reconnect};
use serde::Serialize;

use super::text::wrap;
use super::{confirm, safety, words};
use crate::error::CliError;
use crate::output::Output;

/// The core's result, with the name of the command that made it.
#[derive(Serialize)]
struct Recorded<'a> {
    command: &'static str,
    #[serde(flatten)]
    result: &'a CommandResult,
}

pub fn run(app: &Reconnect, command: ProgramCommand, json: bool) -> Result<Output, CliError> {
    let before = app.program()?;
    let result = app.program_command(command.clone())?;
    let output = if json {
        Output::json(&Recorded {
            command: command.name(),
            result: &result,
        })?
    } else {
        let zone = app.time_zone()?;
        let created_id = result.created_id.as_deref();
        Output::lines(lines(&command, created_id, &before, &result.view, zone))
    };
    Ok(output.saved("it was recorded"))
}

fn lines(
    command: &ProgramCommand,
    created_id: Option<&str>,
    before: &ProgramView,
    after: &ProgramView,
    zone: Tz,
) -> Vec<String> {
    let mut lines = confirm::lines(command, created_id, after, zone);
    if let Some(safety) = after
        .safety
        .as_ref()
        .filter(|_| matches!(command, ProgramCommand::FlagSafety { .. }) || before.safety.is_none())
    {
        lines.push(String::new());
        lines.extend(safety::block(safety));
    }
    let mut state = Vec::new();
    if let Some(n) = command.step() {
        state.extend(step_state(after, n, "", true));
    }
    if matches!(command, ProgramCommand::AnswerPreCheck { .. }) {
        let doubts = after
            .advice
            .iter()
            .any(|a| a.key == content::ADVICE_PRE_CHECK_DOUBTS.key);
        if !doubts {
            state.push("Your answers speak for going on, slowly and carefully.".into());
        }
    }
    state.extend(changed_steps(before, after, command.step()));
    if matches!(
        command,
        ProgramCommand::LogAttempt { .. } | ProgramCommand::SetAttemptReply { .. }
    ) {
        state.extend(ladder(after));
    }
    if after.outcome != before.outcome
        && let Some(outcome) = &after.outcome
    {
        state.extend(wrap(&words::outcome(outcome), ""));
    }
    if !state.is_empty() {
        lines.push(String::new());
        lines.extend(state);
    }
    let new_advice: Vec<_> = after
        .advice
        .iter()
        .filter(|a| !before.advice.iter().any(|b| b.key == a.key))
        .filter(|a| a.key != content::THEY_SAID_NO.key)
        .collect();
    for advice in new_advice {
        lines.push(String::new());
        lines.push(advice.title.to_string());
        lines.extend(wrap(advice.explanation, "  "));
        if advice.key == content::ADVICE_NOT_FIXABLE.key && !advice.acknowledged {
            let code = advice.key.trim_start_matches("advice.").replace('_', "-");
            lines.push(format!(
                "  To continue anyway: reconnect advice acknowledge {code}"
            ));
        }
    }
    if let Some(action) = after.next_actions.first() {
        let (text, command) = words::next_action(action, zone);
        lines.push(String::new());
        lines.extend(wrap(&format!("Next: {text}"), ""));
        if let Some(command) = command {
            lines.push(format!("  {command}"));
        }
    }
    lines
}

/// "Step 4 · Reach out gently… — in progress", and why, if it is locked.
fn step_state(view: &ProgramView, n: u8, prefix: &str, with_why: bool) -> Vec<String> {
    let Some(step) = view.step(n) else {
        return Vec::new();
    };
    let mut lines = vec![format!(
        "Step {n} · {} — {prefix}{}",
        step.title,
        words::state(step.state)
    )];
    if with_why && step.state == StepState::Locked && !step.locked_because.is_empty() {
        lines.extend(wrap(
            &format!("why: {}", describe_locks(&step.locked_because)),
            "  ",
        ));
    }
    lines
}

/// Steps (other than the command's own) whose state changed. Steps closed by a stop
/// (safety, a "no", letting go) are not listed one by one: the notice says it.
fn changed_steps(before: &ProgramView, after: &ProgramView, own: Option<u8>) -> Vec<String> {
    let mut lines = Vec::new();
    for step in &after.steps {
        let was = before.state_of(step.number);
        if Some(step.number) == own || was == Some(step.state) {
            continue;
        }
        if step.locked_because.iter().any(|r| r.is_stop()) {
            continue;
        }
        lines.extend(step_state(after, step.number, "now ", false));
    }
    lines
}

fn ladder(view: &ProgramView) -> Vec<String> {
    let l = &view.ladder;
    if l.closed_for_good || view.safety.is_some() {
        return Vec::new();
    }
    let mut lines = vec![format!(
        "Contact ladder: open up to rung {} of {} ({}), {} warm {} so far.",
        l.highest_open_rung,
        content::ladder().len(),
        words::medium(l.highest_open_medium).to_lowercase(),
        l.warm_replies,
        if l.warm_replies == 1 {
            "reply"
        } else {
            "replies"
        }
    )];
    if let Some(until) = l.paused_until {
        lines.extend(wrap(
            &format!(
                "Two attempts in a row went unanswered, so contact rests until {}. Giving them space is a kindness to both of you.",
                words::day(until)
            ),
            "",
        ));
    }
    lines
}
