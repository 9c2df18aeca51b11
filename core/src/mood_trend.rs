//! The mood trend over recent check-ins: the least-squares slope of mood against the
//! day, over the last [`TREND_WINDOW_DAYS`] days ending today.
//!
//! `slope = Σ(dᵢ − d̄)(mᵢ − m̄) / Σ(dᵢ − d̄)²` with `dᵢ` the day offset and `mᵢ` the mood
//! (1–5) of each check-in in the window, reported per week (× 7). The trend is
//! *falling* when there are at least [`MIN_POINTS`] check-ins and the slope is at or
//! below [`FALLING_PER_WEEK`]: about one and a half points lost over three weeks.

use chrono::NaiveDate;
use serde::Serialize;

pub const TREND_WINDOW_DAYS: i64 = 21;
pub const MIN_POINTS: u32 = 5;
pub const FALLING_PER_WEEK: f64 = -0.5;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MoodTrend {
    /// Check-ins in the window.
    pub points: u32,
    /// Mood points per week; `None` with fewer than [`MIN_POINTS`] check-ins.
    pub slope_per_week: Option<f64>,
    pub falling: bool,
}

/// `moods` are (local date, mood) pairs in any order; dates after `today` are ignored.
pub fn mood_trend(moods: &[(NaiveDate, u8)], today: NaiveDate) -> MoodTrend {
    let points: Vec<(f64, f64)> = moods
        .iter()
        .filter_map(|(date, mood)| {
            let age = (today - *date).num_days();
            (0..TREND_WINDOW_DAYS)
                .contains(&age)
                .then(|| (-(age as f64), f64::from(*mood)))
        })
        .collect();
    let count = u32::try_from(points.len()).unwrap_or(u32::MAX);
    if count < MIN_POINTS {
        return MoodTrend {
            points: count,
            slope_per_week: None,
            falling: false,
        };
    }
    let n = points.len() as f64;
    let mean_d = points.iter().map(|(d, _)| d).sum::<f64>() / n;
    let mean_m = points.iter().map(|(_, m)| m).sum::<f64>() / n;
    let spread: f64 = points.iter().map(|(d, _)| (d - mean_d).powi(2)).sum();
    let covariance: f64 = points
        .iter()
        .map(|(d, m)| (d - mean_d) * (m - mean_m))
        .sum();
    // Distinct dates make `spread` positive; guard anyway so a single repeated day
    // cannot divide by zero.
    let slope = if spread > 0.0 {
        covariance / spread * 7.0
    } else {
        0.0
    };
    MoodTrend {
        points: count,
        slope_per_week: Some(slope),
        falling: slope <= FALLING_PER_WEEK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + chrono::Duration::days(n)
    }

    fn trend(moods: &[(i64, u8)]) -> MoodTrend {
        let moods: Vec<_> = moods.iter().map(|(d, m)| (day(*d), *m)).collect();
        mood_trend(&moods, day(20))
    }

    type Case = (&'static [(i64, u8)], Option<f64>, bool);

    #[test]
    fn table() {
        // (check-ins as (day, mood), expected slope per week, falling)
        let cases: &[Case] = &[
            (&[(16, 5), (17, 4), (18, 3), (19, 2)], None, false),
            (
                &[(16, 5), (17, 4), (18, 3), (19, 2), (20, 1)],
                Some(-7.0),
                true,
            ),
            (
                &[(0, 3), (5, 3), (10, 3), (15, 3), (20, 3)],
                Some(0.0),
                false,
            ),
            (
                &[(0, 1), (5, 2), (10, 3), (15, 4), (20, 5)],
                Some(1.4),
                false,
            ),
            // Sparse check-ins ending on a bad day do read as falling.
            (
                &[(0, 4), (5, 4), (10, 4), (15, 4), (20, 1)],
                Some(-0.84),
                true,
            ),
            (
                &[(0, 5), (5, 4), (10, 4), (15, 3), (20, 2)],
                Some(-0.98),
                true,
            ),
            // Check-ins older than 21 days do not count.
            (
                &[(-30, 5), (-25, 5), (16, 3), (17, 3), (18, 3), (19, 3)],
                None,
                false,
            ),
        ];
        for (moods, slope, falling) in cases {
            let got = trend(moods);
            match (got.slope_per_week, slope) {
                (Some(g), Some(e)) => assert!((g - e).abs() < 1e-9, "{moods:?}: {g} vs {e}"),
                (g, e) => assert_eq!(g, *e, "{moods:?}"),
            }
            assert_eq!(got.falling, *falling, "{moods:?}");
        }
    }

    #[test]
    fn one_bad_day_among_daily_good_ones_is_not_falling() {
        let mut moods: Vec<(i64, u8)> = (0..20).map(|d| (d, 4)).collect();
        moods.push((20, 1));
        let got = trend(&moods);
        // Σ(d − d̄)(m − m̄) = −30 over Σ(d − d̄)² = 770, per week.
        let expected = -30.0 / 770.0 * 7.0;
        assert!((got.slope_per_week.unwrap() - expected).abs() < 1e-9);
        assert!(!got.falling);
        // A steady slide of a point a week is.
        let slide: Vec<(i64, u8)> = (0..21).map(|d| (d, 5 - (d / 7) as u8)).collect();
        assert!(trend(&slide).falling);
    }
}
