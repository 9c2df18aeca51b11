//! Today, the check-in form and the first run: the screens a person sees every day.

use super::Context;
use super::model::{Action, Block, ChoiceOption, Field, Route, Screen, ShellTask, Tone};
use super::program::safety_and_advice;
use super::words::{self, day, instant};
use crate::checkin::{CheckIn, ContactMedium, MOOD_RANGE, NOTE_MAX_CHARS, TodayView, URGE_RANGE};
use crate::journal::JournalEntry;
use crate::program::content;
use crate::program::view::ProgramView;

/// The command that saves the check-in form.
pub const CHECK_IN: &str = "checkin.save";

pub fn summary(c: &CheckIn) -> Vec<Block> {
    let mut out = vec![
        Block::fact("Mood", format!("{} of {}", c.mood, MOOD_RANGE.end())),
        Block::fact(
            "Urge to reach out",
            format!("{} of {}", c.urge, URGE_RANGE.end()),
        ),
        Block::fact("Contact", contact(c.contact)),
    ];
    if let Some(note) = &c.note {
        out.push(Block::text(note.clone()));
    }
    for other in &c.note_conflicts {
        out.push(Block::card(
            "Also written on another device",
            other.clone(),
            Tone::Muted,
        ));
    }
    out
}

fn contact(m: ContactMedium) -> String {
    match m {
        ContactMedium::None => "None".into(),
        other => words::medium(other).to_string(),
    }
}

pub fn today(
    today: &TodayView,
    program: &ProgramView,
    letters_ready: &[JournalEntry],
    ctx: &Context,
) -> Screen {
    let mut blocks = Vec::new();
    // Support first when the engine says so.
    safety_and_advice(program, &mut blocks);
    blocks.push(Block::fact("Today", day(today.date)));
    match &today.check_in {
        Some(c) => {
            blocks.push(Block::heading("You checked in today"));
            blocks.extend(summary(c));
            blocks.push(Block::actions(vec![Action::open(
                "open.checkin",
                "Change today's check-in",
                Route::CheckIn,
            )]));
        }
        None => {
            blocks.push(Block::heading(if today.days_checked_in == 0 {
                "Your first check-in"
            } else {
                "How are you today?"
            }));
            blocks.push(Block::text("A minute for yourself: your mood, the urge to reach out, and anything on your mind."));
            blocks.push(Block::actions(vec![
                Action::open("open.checkin", "Check in", Route::CheckIn).primary(),
            ]));
        }
    }
    if today.days_checked_in > 0 {
        blocks.push(Block::muted(match today.days_checked_in {
            1 => "1 day checked in so far".to_string(),
            n => format!("{n} days checked in so far"),
        }));
    }
    // Where the program stands.
    if let Some(n) = program.current_step.filter(|n| *n > 0)
        && let Some(step) = content::step(n)
    {
        blocks.push(
            Block::row(
                format!("Step {n}: {}", step.title),
                "Where you are in the program",
            )
            .open(Route::Step { number: n })
            .done(),
        );
    }
    if let Some(outcome) = &program.outcome {
        let (title, text) = words::outcome(outcome);
        blocks.push(Block::card(title, text, Tone::Positive));
    }
    for (text, step) in program
        .next_actions
        .iter()
        .take(2)
        .map(|a| words::next_action(a, ctx.zone))
    {
        let row = Block::row(text, "Next");
        blocks.push(
            match step {
                Some(number) => row.open(Route::Step { number }),
                None => row.open(Route::Program),
            }
            .done(),
        );
    }
    // What is due.
    let dates = &program.dates;
    let due = [
        (dates.no_contact_ends, "Your time apart ends"),
        (dates.revisit_on, "The day to look at it again"),
        (dates.next_trial_review, "The next trial review"),
    ];
    for (date, what) in due.into_iter().filter_map(|(d, w)| d.map(|d| (d, w))) {
        if date <= today.date {
            blocks.push(
                Block::row(what, format!("Due {}", day(date)))
                    .tone(Tone::Advice)
                    .open(Route::Program)
                    .done(),
            );
        }
    }
    for letter in letters_ready {
        let title = if letter.title.is_empty() {
            "An unsent letter"
        } else {
            letter.title.as_str()
        };
        let since = letter
            .ready_after
            .map(|at| instant(at, ctx.zone))
            .unwrap_or_default();
        blocks.push(
            Block::row(title, format!("Ready to read again since {since}"))
                .open(Route::Entry {
                    id: letter.id.clone(),
                })
                .done(),
        );
    }
    blocks.push(
        Block::row("Where to find help", "Support is always here.")
            .tone(Tone::Safety)
            .open(Route::Safety)
            .done(),
    );
    Screen {
        route: Route::Today,
        title: "Today".into(),
        sensitive: true,
        blocks,
    }
}

pub fn check_in(today: &TodayView) -> Screen {
    let current = today.check_in.as_ref();
    let contacts = ContactMedium::ALL
        .iter()
        .map(|m| ChoiceOption::new(m.code(), &contact(*m), None))
        .collect();
    let fields = vec![
        Field::scale(
            "mood",
            "Mood",
            (i64::from(*MOOD_RANGE.start()), "Low"),
            (i64::from(*MOOD_RANGE.end()), "Good"),
        )
        .required()
        .value(current.map(|c| c.mood.to_string())),
        Field::scale(
            "urge",
            "Urge to reach out",
            (i64::from(*URGE_RANGE.start()), "None"),
            (i64::from(*URGE_RANGE.end()), "Very strong"),
        )
        .required()
        .value(current.map(|c| c.urge.to_string())),
        Field::choice("contact", "Was there contact today?", contacts)
            .value(Some(current.map_or("none", |c| c.contact.code()))),
        Field::text("note", "A note for yourself", NOTE_MAX_CHARS)
            .value(current.and_then(|c| c.note.clone())),
    ];
    let mut blocks = vec![
        Block::fact("Day", day(today.date)),
        Block::muted("Only you see this. There are no right answers."),
    ];
    if let Some(c) = current {
        for other in &c.note_conflicts {
            blocks.push(Block::card(
                "Also written on another device",
                other.clone(),
                Tone::Muted,
            ));
        }
    }
    let label = if current.is_some() {
        "Save changes"
    } else {
        "Save check-in"
    };
    blocks.push(Block::actions(vec![
        Action::command("checkin.save", label, CHECK_IN)
            .with_fields(fields)
            .primary(),
    ]));
    Screen {
        route: Route::CheckIn,
        title: "Check-in".into(),
        sensitive: true,
        blocks,
    }
}

pub fn first_run() -> Screen {
    let blocks = vec![
        Block::heading("Welcome to Reconnect"),
        Block::text(
            "A quiet place to think about whether to get back in touch with someone you were close to — and how, slowly and kindly, if it is right. Letting go is a good outcome too.",
        ),
        Block::card(
            "Private by design",
            "Everything stays on your devices. No account, no analytics, no server: your phone and tablet sync directly with each other.",
            Tone::Normal,
        ),
        Block::card(
            "Locked with a key only this device holds",
            "Your notes are encrypted with a key kept in this device's secure keystore. It is created now, the first time you open the app.",
            Tone::Normal,
        ),
        Block::card_with(
            "Your safety comes first",
            "If this relationship ever made you afraid, a short, optional safety check shows where to find help and keeps contact steps closed.",
            Tone::Safety,
            vec![Action::open(
                "open.safety",
                "Take the safety check",
                Route::Safety,
            )],
        ),
        Block::actions(vec![
            Action::shell("first_run.done", "Begin", ShellTask::FinishFirstRun).primary(),
        ]),
    ];
    Screen {
        route: Route::FirstRun,
        title: "Welcome".into(),
        sensitive: false,
        blocks,
    }
}
