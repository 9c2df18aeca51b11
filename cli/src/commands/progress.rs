//! `reconnect progress`: a forgiving strength score (never a streak that breaks), the
//! days checked in, the direction of the mood, and a small chart of mood by week.

use reconnect_core::Reconnect;
use reconnect_core::mood_trend::{MIN_POINTS, MoodTrend, TREND_WINDOW_DAYS};
use reconnect_core::progress::{ProgressView, WeekMood};

use super::long_date;
use crate::error::CliError;
use crate::output::Output;

/// Characters in a full bar (strength 100, or a week's average mood of 5).
const BAR_WIDTH: usize = 20;
/// A slope (mood points per week) this small either way reads as steady.
const STEADY_PER_WEEK: f64 = 0.2;

pub fn run(app: &Reconnect, json: bool) -> Result<Output, CliError> {
    let view = app.progress()?;
    if json {
        return Output::json(&view);
    }
    Ok(Output::lines(lines(&view)))
}

fn lines(view: &ProgressView) -> Vec<String> {
    if view.days_checked_in == 0 {
        return vec![
            "No check-ins yet, so there is nothing to show here. Your strength grows a little \
             with each day you check in:"
                .into(),
            "  reconnect checkin --mood N --urge N".into(),
        ];
    }
    let mut lines = vec![
        format!(
            "Strength  {} of 100  {}",
            view.strength,
            bar(f64::from(view.strength) / 100.0)
        ),
        "  It grows a little each day you check in. A missed day lowers it a little, and".into(),
        "  nothing ever resets it: a hard day or a slip is part of the way, not the end of it."
            .into(),
        String::new(),
    ];
    let days = if view.days_checked_in == 1 {
        "1 day".to_string()
    } else {
        format!("{} days", view.days_checked_in)
    };
    lines.push(match view.since {
        Some(since) => format!("Checked in on {days}, since {}.", long_date(since)),
        None => format!("Checked in on {days}."),
    });
    lines.push(format!("Mood lately: {}", trend(&view.mood_trend)));
    lines.push(String::new());
    lines.push("Mood by week (average, 1 = very low, 5 = very good)".into());
    // Weeks before the first check-in say nothing; weeks missed since then are shown.
    let first_week = view.weekly_moods.iter().position(|w| w.check_ins > 0);
    let shown = first_week.map_or(&view.weekly_moods[..0], |i| &view.weekly_moods[i..]);
    lines.extend(shown.iter().map(week));
    lines
}

fn trend(trend: &MoodTrend) -> String {
    let weeks = match TREND_WINDOW_DAYS / 7 {
        2 => "two".to_string(),
        3 => "three".to_string(),
        4 => "four".to_string(),
        n => n.to_string(),
    };
    match trend.slope_per_week {
        None => format!(
            "too few check-ins in the last {weeks} weeks to see a direction yet \
             ({} of the {MIN_POINTS} it takes).",
            trend.points
        ),
        Some(_) if trend.falling => format!(
            "drifting lower over the last {weeks} weeks. That is worth noticing, gently: \
             looking after yourself comes first, and `reconnect program` may suggest a pause."
        ),
        Some(slope) if slope >= STEADY_PER_WEEK => {
            format!("rising over the last {weeks} weeks.")
        }
        Some(slope) if slope <= -STEADY_PER_WEEK => {
            format!("a little lower over the last {weeks} weeks.")
        }
        Some(_) => format!("steady over the last {weeks} weeks."),
    }
}

/// "  week of 20 Apr  ████████████          3.0  (2 check-ins)".
fn week(week: &WeekMood) -> String {
    let start = week.week_start.format("%-d %b");
    match week.average {
        Some(average) => {
            let count = match week.check_ins {
                1 => "1 check-in".to_string(),
                n => format!("{n} check-ins"),
            };
            format!(
                "  week of {start:<6}  {}  {average:.1}  ({count})",
                bar(average / 5.0)
            )
        }
        None => format!(
            "  week of {start:<6}  {:<BAR_WIDTH$}  -    (no check-ins)",
            ""
        ),
    }
}

/// A bar of `BAR_WIDTH` characters, filled to `fraction` (0 to 1).
fn bar(fraction: f64) -> String {
    let filled = (fraction.clamp(0.0, 1.0) * BAR_WIDTH as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_proportion() {
        assert_eq!(bar(0.0), "░".repeat(BAR_WIDTH));
        assert_eq!(bar(1.0), "█".repeat(BAR_WIDTH));
        assert_eq!(bar(0.5).chars().filter(|c| *c == '█').count(), 10);
        assert_eq!(bar(7.0).chars().count(), BAR_WIDTH);
        assert_eq!(bar(f64::NAN).chars().count(), BAR_WIDTH);
    }

    #[test]
    fn the_trend_is_told_gently() {
        let t = |slope, falling| MoodTrend {
            points: 7,
            slope_per_week: slope,
            falling,
        };
        assert!(trend(&t(None, false)).starts_with("too few"));
        assert!(trend(&t(Some(-0.9), true)).starts_with("drifting lower"));
        assert!(trend(&t(Some(0.5), false)).starts_with("rising"));
        assert!(trend(&t(Some(0.05), false)).starts_with("steady"));
    }
}
