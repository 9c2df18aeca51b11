//! Progress without shame: a forgiving strength score instead of a streak, the plain
//! count of days checked in, and the mood over recent weeks.
//!
//! Strength (0–100) walks the days from the first check-in to today:
//! - a day with a check-in: `s ← s + GAIN · (100 − s)` (each day closes 15 % of the gap);
//! - a missed day: `s ← s · (1 − DECAY)` (it keeps 93 %);
//! - today without a check-in yet counts as neither; the day is not over.
//!
//! So a week of check-ins from nothing gives 68, a month 99; one missed day after that
//! costs 7 %, and even a missed fortnight leaves about two fifths. No single day, missed or
//! with a slip, can bring it to zero, and nothing resets the program.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::mood_trend::{MoodTrend, mood_trend};

pub const GAIN: f64 = 0.15;
pub const DECAY: f64 = 0.07;
/// Weeks of mood averages in the progress view.
pub const MOOD_WEEKS: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressView {
    /// The strength score rounded to a whole number, 0–100.
    pub strength: u8,
    pub strength_exact: f64,
    pub days_checked_in: u32,
    /// The first day with a check-in, if any.
    pub since: Option<NaiveDate>,
    pub mood_trend: MoodTrend,
    /// Average mood per week (weeks start on Monday), oldest first, the current week last.
    pub weekly_moods: Vec<WeekMood>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekMood {
    pub week_start: NaiveDate,
    /// `None` for a week without check-ins.
    pub average: Option<f64>,
    pub check_ins: u32,
}

/// The strength score after the days up to `today`, from the days with a check-in.
pub fn strength(days: &[NaiveDate], today: NaiveDate) -> f64 {
    let mut checked: Vec<NaiveDate> = days.iter().copied().filter(|d| *d <= today).collect();
    checked.sort();
    checked.dedup();
    let decay = |score: f64, missed: i64| {
        score * (1.0 - DECAY).powi(i32::try_from(missed.max(0)).unwrap_or(i32::MAX))
    };
    let mut score = 0.0;
    let mut previous: Option<NaiveDate> = None;
    for day in checked {
        if let Some(previous) = previous {
            score = decay(score, (day - previous).num_days() - 1);
        }
        score += GAIN * (100.0 - score);
        previous = Some(day);
    }
    // Days between the last check-in and today were missed; today is not over yet.
    previous.map_or(0.0, |last| decay(score, (today - last).num_days() - 1))
}

/// The progress view from (date, mood) of every check-in.
pub fn progress(moods: &[(NaiveDate, u8)], today: NaiveDate) -> ProgressView {
    let days: Vec<NaiveDate> = moods.iter().map(|(d, _)| *d).collect();
    let exact = strength(&days, today);
    ProgressView {
        strength: exact.round().clamp(0.0, 100.0) as u8,
        strength_exact: exact,
        days_checked_in: u32::try_from(moods.len()).unwrap_or(u32::MAX),
        since: days.iter().copied().min(),
        mood_trend: mood_trend(moods, today),
        weekly_moods: weekly(moods, today),
    }
}

fn weekly(moods: &[(NaiveDate, u8)], today: NaiveDate) -> Vec<WeekMood> {
    let monday = |date: NaiveDate| {
        date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
    };
    let Some(this_week) = monday(today) else {
        return Vec::new();
    };
    let starts: Vec<NaiveDate> = (0..MOOD_WEEKS)
        .rev()
        .filter_map(|k| this_week.checked_sub_days(Days::new(7 * k as u64)))
        .collect();
    let mut sums: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    for (date, mood) in moods {
        if *date > today {
            continue;
        }
        let Some(start) = monday(*date) else {
            continue;
        };
        let entry = sums.entry(start).or_default();
        entry.0 += u32::from(*mood);
        entry.1 += 1;
    }
    starts
        .into_iter()
        .map(|week_start| {
            let (sum, count) = sums.get(&week_start).copied().unwrap_or_default();
            WeekMood {
                week_start,
                average: (count > 0).then(|| f64::from(sum) / f64::from(count)),
                check_ins: count,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap() + Days::new(n)
    }

    /// Closed form for the table: `n` check-ins in a row from zero, then `m` missed days.
    fn expected(n: i32, m: i32) -> f64 {
        100.0 * (1.0 - (1.0 - GAIN).powi(n)) * (1.0 - DECAY).powi(m)
    }

    #[test]
    fn strength_table() {
        // (days checked in, today, expected score)
        let cases: Vec<(Vec<u64>, u64, f64)> = vec![
            (vec![], 10, 0.0),
            (vec![0], 0, 15.0),
            ((0..7).collect(), 6, expected(7, 0)),
            ((0..30).collect(), 29, expected(30, 0)),
            // Today without a check-in yet costs nothing.
            ((0..30).collect(), 30, expected(30, 0)),
            // One missed day (day 30), seen on day 31 before checking in.
            ((0..30).collect(), 31, expected(30, 1)),
            ((0..30).collect(), 44, expected(30, 14)),
            // A check-in after a gap adds on top of what was left.
            (
                (0..30).chain([45]).collect(),
                45,
                expected(30, 15) + GAIN * (100.0 - expected(30, 15)),
            ),
            // Check-ins in the future are ignored.
            (vec![0, 50], 1, 15.0),
        ];
        for (days, today, want) in cases {
            let days: Vec<NaiveDate> = days.into_iter().map(day).collect();
            let got = strength(&days, day(today));
            assert!(
                (got - want).abs() < 1e-9,
                "{days:?} on {today}: {got} vs {want}"
            );
        }
        assert_eq!(expected(7, 0).round(), 68.0);
        assert_eq!(expected(30, 0).round(), 99.0);
        assert_eq!(expected(30, 1).round(), 92.0);
        assert_eq!(expected(30, 14).round(), 36.0);
    }

    #[test]
    fn one_slip_never_zeroes_it() {
        let days: Vec<NaiveDate> = (0..60).filter(|d| d % 10 != 9).map(day).collect();
        let score = strength(&days, day(59));
        assert!(score > 80.0, "{score}");
        // Even a year away leaves something to come back to.
        assert!(strength(&days, day(59 + 365)) > 0.0);
    }

    #[test]
    fn weekly_moods_average_each_week() {
        // 2026-06-01 is a Monday.
        let moods = vec![(day(0), 2), (day(1), 4), (day(8), 5), (day(20), 1)];
        let view = progress(&moods, day(20));
        assert_eq!(view.days_checked_in, 4);
        assert_eq!(view.since, Some(day(0)));
        let weeks: Vec<(NaiveDate, Option<f64>, u32)> = view
            .weekly_moods
            .iter()
            .map(|w| (w.week_start, w.average, w.check_ins))
            .collect();
        assert_eq!(weeks.len(), MOOD_WEEKS);
        assert_eq!(
            weeks[MOOD_WEEKS - 3..],
            [
                (day(0), Some(3.0), 2),
                (day(7), Some(5.0), 1),
                (day(14), Some(1.0), 1)
            ]
        );
        assert_eq!(weeks[0], (day(0) - Days::new(35), None, 0));
    }

    #[test]
    fn dates_at_the_ends_of_time_do_not_panic() {
        let moods = vec![(NaiveDate::MIN, 3), (NaiveDate::MAX, 3), (day(0), 4)];
        let view = progress(&moods, day(0));
        assert_eq!(view.days_checked_in, 3);
        let _ = progress(&moods, NaiveDate::MIN);
        let _ = progress(&moods, NaiveDate::MAX);
    }
}
