//! Progress without shame over the FFI: the forgiving strength score, the days checked
//! in, the mood trend and the average mood of recent weeks. Conversions only; the
//! formula lives in the core (`reconnect_core::progress`).

use reconnect_core::mood_trend as core_trend;
use reconnect_core::progress as core;

use crate::error::ReconnectError;
use crate::program::convert::{date_text, map_vec, opt_date_text};
use crate::store::ReconnectStore;

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ProgressView {
    /// The strength score rounded to a whole number, 0–100. Each day with a check-in
    /// closes 15 % of the gap to 100; each missed day keeps 93 %; today without a
    /// check-in yet counts as neither.
    pub strength: u8,
    pub strength_exact: f64,
    pub days_checked_in: u32,
    /// The first day with a check-in (`YYYY-MM-DD`), if any.
    pub since: Option<String>,
    pub mood_trend: MoodTrend,
    /// Average mood per week (weeks start on Monday), oldest first, the current week last.
    pub weekly_moods: Vec<WeekMood>,
}

impl From<core::ProgressView> for ProgressView {
    fn from(p: core::ProgressView) -> Self {
        ProgressView {
            strength: p.strength,
            strength_exact: p.strength_exact,
            days_checked_in: p.days_checked_in,
            since: opt_date_text(p.since),
            mood_trend: p.mood_trend.into(),
            weekly_moods: map_vec(p.weekly_moods),
        }
    }
}

/// The least-squares slope of mood over the last three weeks.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct MoodTrend {
    /// Check-ins in the window.
    pub points: u32,
    /// Mood points per week; none with fewer than five check-ins in the window.
    pub slope_per_week: Option<f64>,
    pub falling: bool,
}

impl From<core_trend::MoodTrend> for MoodTrend {
    fn from(t: core_trend::MoodTrend) -> Self {
        MoodTrend {
            points: t.points,
            slope_per_week: t.slope_per_week,
            falling: t.falling,
        }
    }
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WeekMood {
    /// The Monday the week starts on (`YYYY-MM-DD`).
    pub week_start: String,
    /// None for a week without check-ins.
    pub average: Option<f64>,
    pub check_ins: u32,
}

impl From<core::WeekMood> for WeekMood {
    fn from(w: core::WeekMood) -> Self {
        WeekMood {
            week_start: date_text(w.week_start),
            average: w.average,
            check_ins: w.check_ins,
        }
    }
}

#[uniffi::export]
impl ReconnectStore {
    /// The strength score, days checked in and the mood over recent weeks, as of today.
    pub fn progress(&self) -> Result<ProgressView, ReconnectError> {
        Ok(self.app()?.progress()?.into())
    }
}
