//! Progress and reminders: how the days add up, and when the app speaks up.

use super::Context;
use super::model::{
    Action, Block, ChartPoint, ChoiceOption, Field, Route, Screen, ShellTask, Tone,
};
use super::words::{day, instant};
use crate::checkin::{CheckIn, MOOD_RANGE};
use crate::progress::ProgressView;
use crate::reminders::{CustomReminder, NotificationDetail, Reminder, ReminderSettings};

pub const SET_REMINDERS: &str = "reminders.set";
pub const ADD_REMINDER: &str = "reminders.add";
pub const REMOVE_REMINDER: &str = "reminders.remove";
/// The longest text of a custom reminder.
pub use crate::reminders::CUSTOM_TEXT_MAX_CHARS;

pub fn progress(p: &ProgressView, recent: &[CheckIn]) -> Screen {
    let mut blocks = vec![
        Block::fact("Strength", format!("{} of 100", p.strength)),
        Block::muted(
            "Strength grows with each check-in and fades gently on missed days. A slip never resets anything.",
        ),
        Block::fact("Days checked in", p.days_checked_in.to_string()),
    ];
    if let Some(since) = p.since {
        blocks.push(Block::fact("Since", day(since)));
    }
    let known: Vec<f64> = p.weekly_moods.iter().filter_map(|w| w.average).collect();
    let summary = match (known.first(), known.last()) {
        (Some(first), Some(last)) => format!(
            "Average mood by week over {} weeks, from {first:.1} to {last:.1} out of {}.",
            p.weekly_moods.len(),
            MOOD_RANGE.end()
        ),
        _ => "No moods recorded in these weeks yet.".into(),
    };
    blocks.push(Block::Chart {
        title: "Mood by week".into(),
        summary,
        min: f64::from(*MOOD_RANGE.start()),
        max: f64::from(*MOOD_RANGE.end()),
        points: p
            .weekly_moods
            .iter()
            .map(|w| ChartPoint {
                label: w.week_start.format("%m-%d").to_string(),
                value: w.average,
            })
            .collect(),
    });
    if p.mood_trend.falling {
        blocks.push(Block::card(
            "Your mood has been falling",
            "That matters more than any step. Be gentle with yourself; a pause, or letting go, is always open.",
            Tone::Advice,
        ));
    }
    if !recent.is_empty() {
        blocks.push(Block::heading("Recent days"));
        for c in recent {
            let mut detail = format!("Mood {} · urge {}", c.mood, c.urge);
            if let Some(note) = &c.note {
                detail.push_str(&format!(" · {note}"));
            }
            blocks.push(Block::row(day(c.date), detail).done());
        }
    }
    Screen {
        route: Route::Progress,
        title: "Progress".into(),
        sensitive: true,
        blocks,
    }
}

fn hh_mm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

pub fn settings_fields(s: &ReminderSettings) -> Vec<Field> {
    vec![
        Field::time("daily", "Daily check-in reminder")
            .help("Leave empty for none.")
            .value(s.daily_check_in.map(hh_mm)),
        Field::time("dates_at", "Reminders for program dates at")
            .required()
            .value(Some(hh_mm(s.key_dates_at))),
        Field::choice(
            "detail",
            "What notifications say",
            vec![
                ChoiceOption::new(
                    "generic",
                    "Plain words only",
                    Some("Nobody glancing at your phone learns what it is about."),
                ),
                ChoiceOption::new(
                    "detailed",
                    "More detail",
                    Some("Says which reminder it is, and shows your own words."),
                ),
            ],
        )
        .required()
        .value(Some(match s.detail {
            NotificationDetail::Generic => "generic",
            NotificationDetail::Detailed => "detailed",
        })),
    ]
}

pub fn add_fields() -> Vec<Field> {
    vec![
        Field::date_time("at", "When").required(),
        Field::one_line("text", "What to remind you of", CUSTOM_TEXT_MAX_CHARS)
            .help("Shown only if notifications say more."),
    ]
}

pub fn reminders(
    settings: &ReminderSettings,
    customs: &[CustomReminder],
    upcoming: &[Reminder],
    ctx: &Context,
) -> Screen {
    let mut blocks = vec![
        Block::fact(
            "Daily check-in",
            settings.daily_check_in.map_or("Off".to_string(), hh_mm),
        ),
        Block::fact("Program dates", hh_mm(settings.key_dates_at)),
        Block::fact(
            "Notifications say",
            match settings.detail {
                NotificationDetail::Generic => "Plain words only",
                NotificationDetail::Detailed => "More detail",
            },
        ),
        Block::actions(vec![
            Action::command("reminders.set", "Change", SET_REMINDERS)
                .with_fields(settings_fields(settings)),
            Action::shell(
                "reminders.allow",
                "Allow notifications",
                ShellTask::AllowNotifications,
            )
            .quiet(),
        ]),
        Block::heading("Your own reminders"),
    ];
    for c in customs {
        blocks.push(
            Block::row(
                c.text.clone().unwrap_or_else(|| "A reminder".into()),
                c.at.format("%Y-%m-%d %H:%M").to_string(),
            )
            .action(
                Action::command(
                    format!("reminders.remove.{}", c.id),
                    "Remove",
                    REMOVE_REMINDER,
                )
                .with_fields(vec![Field::fixed("id", c.id.clone())])
                .quiet(),
            )
            .done(),
        );
    }
    blocks.push(Block::actions(vec![
        Action::command("reminders.add", "Add a reminder", ADD_REMINDER).with_fields(add_fields()),
    ]));
    blocks.push(Block::heading("Coming up"));
    if upcoming.is_empty() {
        blocks.push(Block::muted("Nothing scheduled."));
    }
    for r in upcoming.iter().take(10) {
        blocks.push(Block::row(r.title.clone(), instant(r.fire_at, ctx.zone)).done());
    }
    Screen {
        route: Route::Reminders,
        title: "Reminders".into(),
        sensitive: false,
        blocks,
    }
}
