//! The program's screens: the overview, one step, support and safety, letting go.

use super::Context;
use super::forms::{self, Form, PREFIX};
use super::model::{Action, Block, Field, Route, Screen, Tone};
use super::recorded;
use super::words::{self, day};
use crate::program::content;
use crate::program::refusal::{describe_lock, describe_locks};
use crate::program::view::{LockReason, ProgramView, StepState};

/// A form as an action; `unavailable` says why it cannot be sent now.
pub(super) fn form_action(form: Form, unavailable: Option<String>) -> Action {
    Action::command(form.name, form.label, &format!("{PREFIX}{}", form.name))
        .with_fields(form.fields)
        .unavailable_if(unavailable)
}

fn let_go_action() -> Action {
    Action::open("open.let_go", "Let go", Route::LetGo).quiet()
}

fn support_row() -> Block {
    Block::row(
        "Where to find help",
        "Support is always here, whatever you decide.",
    )
    .tone(Tone::Safety)
    .open(Route::Safety)
    .done()
}

/// Support first when a safety rule holds, then the advice the program gives now.
pub(super) fn safety_and_advice(view: &ProgramView, out: &mut Vec<Block>) {
    if let Some(s) = &view.safety {
        let resources: Vec<&str> = s.resources.iter().map(|(_, text)| *text).collect();
        out.push(Block::card_with(
            s.title,
            format!("{}\n\n{}", s.explanation, resources.join("\n")),
            Tone::Safety,
            vec![Action::open("open.safety", "Support", Route::Safety)],
        ));
    }
    for advice in &view.advice {
        let actions = if advice.acknowledged {
            Vec::new()
        } else {
            let form = forms::form("acknowledge_advice")
                .map(|f| f.fields)
                .unwrap_or_default();
            let fields = form
                .into_iter()
                .map(|f| {
                    if f.key == "key" {
                        Field::fixed("key", advice.key)
                    } else {
                        f
                    }
                })
                .collect();
            vec![
                Action::command(
                    format!("acknowledge.{}", advice.key),
                    "I've read this and want to continue",
                    &format!("{PREFIX}acknowledge_advice"),
                )
                .with_fields(fields)
                .quiet(),
                let_go_action(),
            ]
        };
        out.push(Block::card_with(
            advice.title,
            advice.explanation,
            Tone::Advice,
            actions,
        ));
    }
}

pub fn overview(view: &ProgramView, ctx: &Context) -> Screen {
    let mut blocks = Vec::new();
    safety_and_advice(view, &mut blocks);
    if let Some(outcome) = &view.outcome {
        let (title, text) = words::outcome(outcome);
        blocks.push(Block::card(title, text, Tone::Positive));
    }
    if !view.pre_check_done {
        let pre = content::pre_check();
        blocks.push(Block::card_with(
            pre.title,
            pre.explanation,
            Tone::Normal,
            vec![
                Action::open(
                    "open.step.0",
                    "Start the self-check",
                    Route::Step { number: 0 },
                )
                .primary(),
            ],
        ));
    }
    for (text, step) in view
        .next_actions
        .iter()
        .take(3)
        .map(|a| words::next_action(a, ctx.zone))
    {
        let row = Block::row(text, "Next").tone(Tone::Normal);
        blocks.push(
            match step {
                Some(number) => row.open(Route::Step { number }),
                None => row,
            }
            .done(),
        );
    }
    for phase in &view.phases {
        blocks.push(Block::heading(format!(
            "Phase {}: {}",
            phase.number, phase.title
        )));
        for step in view.steps.iter().filter(|s| s.phase == phase.number) {
            let detail = if step.state == StepState::Locked {
                capitalise(&describe_locks(&step.locked_because))
            } else if step.optional {
                "Optional".to_string()
            } else {
                String::new()
            };
            let stopped = step.locked_because.iter().any(LockReason::is_stop);
            let tone = match step.state {
                StepState::Done => Tone::Positive,
                StepState::Locked if stopped => Tone::Waiting,
                StepState::Locked => Tone::Muted,
                _ => Tone::Normal,
            };
            blocks.push(
                Block::row(format!("{}. {}", step.number, step.title), detail)
                    .badge(words::state(step.state))
                    .tone(tone)
                    .open(Route::Step {
                        number: step.number,
                    })
                    .done(),
            );
        }
    }
    blocks.push(support_row());
    let mut endings = vec![let_go_action()];
    let stopped = view.outcome.is_some()
        || view
            .steps
            .iter()
            .any(|s| s.locked_because.iter().any(LockReason::is_stop));
    if let (true, Some(form)) = (stopped, forms::form("restart")) {
        endings.push(
            form_action(form, None)
                .confirm("Start again from the beginning? What you recorded stays as history.")
                .quiet(),
        );
    }
    blocks.push(Block::actions(endings));
    Screen {
        route: Route::Program,
        title: "Your program".into(),
        sensitive: true,
        blocks,
    }
}

pub fn step(view: &ProgramView, number: u8, ctx: &Context) -> Option<Screen> {
    let mut blocks = Vec::new();
    let (title, locked) = if number == 0 {
        let pre = content::pre_check();
        blocks.push(Block::text(pre.explanation));
        (pre.title.to_string(), None)
    } else {
        let s = content::step(number)?;
        let state = view.step(number)?;
        blocks.push(Block::fact("State", words::state(state.state)));
        blocks.push(Block::text(s.explanation));
        let locked = (state.state == StepState::Locked).then(|| {
            for reason in &state.locked_because {
                let tone = if reason.is_stop() {
                    Tone::Waiting
                } else {
                    Tone::Muted
                };
                blocks.push(Block::card(
                    "Not open yet",
                    capitalise(&describe_lock(reason)),
                    tone,
                ));
            }
            capitalise(&describe_locks(&state.locked_because))
        });
        if !s.prompts.is_empty() {
            blocks.push(Block::heading("To think about"));
            blocks.extend(s.prompts.iter().map(|p| Block::muted(p.text)));
        }
        (format!("Step {number}: {}", s.title), locked)
    };
    if view.safety.is_some() && (4..=11).contains(&number) {
        safety_and_advice(view, &mut blocks);
    }
    if number == 4 {
        let ladder = &view.ladder;
        blocks.push(Block::fact(
            "Next open rung",
            words::medium(ladder.highest_open_medium),
        ));
        blocks.push(Block::fact(
            "Warm replies so far",
            ladder.warm_replies.to_string(),
        ));
        if let Some(until) = ladder.paused_until {
            blocks.push(Block::card(
                "Contact rests for now",
                format!(
                    "Until {}: giving them space is a kindness to both of you.",
                    day(until)
                ),
                Tone::Waiting,
            ));
        }
    }
    let recorded = recorded::blocks(&view.records, number, ctx.zone, ctx.now);
    if !recorded.is_empty() {
        blocks.push(Block::heading("What you have recorded"));
        blocks.extend(recorded);
    }
    let actions: Vec<Action> = forms::for_step(number)
        .into_iter()
        .map(|form| form_action(form, locked.clone()))
        .collect();
    if !actions.is_empty() {
        blocks.push(Block::actions(actions));
    }
    blocks.push(support_row());
    blocks.push(Block::actions(vec![let_go_action()]));
    Some(Screen {
        route: Route::Step { number },
        title,
        sensitive: true,
        blocks,
    })
}

pub fn safety(view: &ProgramView, ctx: &Context) -> Screen {
    let mut blocks = Vec::new();
    let resources = content::support_resources();
    match &view.safety {
        Some(s) => {
            blocks.push(Block::card(s.title, s.explanation, Tone::Safety));
            for flag in &s.flags {
                let sign = content::safety_signs()
                    .iter()
                    .find(|i| i.code == flag.sign)
                    .map_or(flag.sign.as_str(), |i| i.text);
                let row = Block::row(sign, format!("Recorded {}", day(flag.on)));
                // Only in the short window right after recording it, on this device.
                let row = match (s.undo_until, forms::form("withdraw_safety_flag")) {
                    (Some(until), Some(form)) if flag.at.is_some() => {
                        let fields = form
                            .fields
                            .into_iter()
                            .map(|f| if f.key == "sign" { Field::fixed("sign", flag.sign.clone()) } else { f })
                            .collect();
                        row.action(
                            Action::command(
                                format!("withdraw_safety_flag.{}", flag.sign),
                                form.label,
                                &format!("{PREFIX}withdraw_safety_flag"),
                            )
                            .with_fields(fields)
                            .confirm(format!(
                                "Undo this? Possible until {} on this device; after that it stands.",
                                super::words::instant(until, ctx.zone)
                            ))
                            .quiet(),
                        )
                    }
                    _ => row,
                };
                blocks.push(row.done());
            }
        }
        None => blocks.push(Block::text(
            "If anything about this relationship frightens you, your safety comes first. These places can help, whatever you decide.",
        )),
    }
    blocks.push(Block::heading("Support"));
    blocks.extend(resources.iter().map(|r| Block::text(r.text)));
    blocks.push(Block::heading("Has any of this happened?"));
    blocks.push(Block::muted(
        "Recording a sign closes every contact step and keeps the journal open. It is about keeping you safe, not about blame.",
    ));
    let mut actions = Vec::new();
    if let Some(form) = forms::form("flag_safety") {
        actions.push(
            form_action(form, None)
                .confirm("Record these signs? Contact steps close, and support stays in view."),
        );
    }
    if let Some(form) = forms::form("they_said_no") {
        let closed = view
            .ladder
            .closed_for_good
            .then(|| "Already recorded: the contact steps are closed for good.".to_string());
        actions.push(
            form_action(form, closed)
                .confirm("Record that they said no? The contact steps close for good; letting go stays open.")
                .destructive(),
        );
    }
    blocks.push(Block::actions(actions));
    Screen {
        route: Route::Safety,
        title: "Support and safety".into(),
        sensitive: true,
        blocks,
    }
}

pub fn let_go(view: &ProgramView) -> Screen {
    let l = content::let_go();
    let mut blocks = vec![Block::text(l.explanation)];
    let record = view.records.let_go.as_ref();
    match record {
        Some(r) => blocks.push(Block::card(
            "You chose to let go",
            format!(
                "On {}. This is a good ending, and it belongs to you.",
                day(r.on)
            ),
            Tone::Positive,
        )),
        None => {
            if let Some(form) = forms::form("let_go") {
                blocks.push(Block::actions(vec![
                    form_action(form, None).primary().confirm(
                        "Let go now? The program ends here; your journal and check-ins stay.",
                    ),
                ]));
            }
        }
    }
    blocks.push(Block::heading("A closing exercise"));
    for step in l.exercise {
        let written = record.and_then(|r| r.exercise.get(&step.number));
        blocks.push(Block::card(
            format!("{}. {}", step.number, step.title),
            step.guidance,
            Tone::Normal,
        ));
        if let Some(text) = written {
            blocks.push(Block::muted(text.clone()));
        }
        if let Some(form) = forms::form("write_let_go_exercise") {
            let fields = form
                .fields
                .into_iter()
                .map(|f| match f.key.as_str() {
                    "number" => Field::fixed("number", step.number.to_string()),
                    _ => f.value(written.cloned()),
                })
                .collect();
            let action = Action::command(
                format!("write_let_go_exercise.{}", step.number),
                if written.is_some() {
                    "Change what you wrote"
                } else {
                    "Write"
                },
                &format!("{PREFIX}write_let_go_exercise"),
            )
            .with_fields(fields)
            .unavailable_if(
                record
                    .is_none()
                    .then(|| "Open once you have chosen to let go.".to_string()),
            );
            blocks.push(Block::actions(vec![action]));
        }
    }
    blocks.push(support_row());
    Screen {
        route: Route::LetGo,
        title: l.title.into(),
        sensitive: true,
        blocks,
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
