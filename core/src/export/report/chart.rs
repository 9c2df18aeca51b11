//! The mood chart: a small hand-written inline SVG of mood (1–5) over time.
//!
//! **Points.** From the first check-in to the last, one point per day when that span is
//! at most [`MAX_POINTS`] days. A longer span is cut into buckets of whole weeks, as few
//! weeks per bucket as keep the count at or under [`MAX_POINTS`] (7 days up to 2,555 days,
//! 14 days up to 5,110, …), and each point is the average mood of its bucket. Ten years
//! (3,650 days) give 261 fortnightly points; the SVG stays a few kilobytes.
//!
//! **Gaps.** A day (or bucket) without a check-in is a gap: the line stops and starts
//! again, so a missed day is never drawn as if it had a mood. A point with no neighbour
//! is drawn as a dot.
//!
//! **Markup.** `viewBox` with a fluid width, gridlines and labels for moods 1 to 5, up to
//! five date labels along the bottom, a `<title>` and `role="img"`/`aria-label` for screen
//! readers. Text and grid use `currentColor`; the line and dots are teal, with the classes
//! `mood-line` and `mood-dots` so the HTML page's CSS can recolour them in dark mode. No
//! `xmlns` (it is only ever inline in HTML, where it is not needed, and the report holds
//! no `http` address), no scripts, no user text.

use chrono::{Days, NaiveDate};

use crate::checkin::CheckIn;

/// The most points the chart draws.
pub const MAX_POINTS: usize = 365;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;
/// Up to this many points, every point also gets a dot.
const DOTS_UP_TO: usize = 92;

/// The mood over time as points: one per bucket of `bucket_days` days from `first`.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub first: NaiveDate,
    pub bucket_days: u64,
    /// The average mood of each bucket, `None` where nobody checked in.
    pub points: Vec<Option<f64>>,
}

impl Series {
    /// The first day of bucket `index`.
    pub fn start_of(&self, index: usize) -> NaiveDate {
        self.first
            .checked_add_days(Days::new(self.bucket_days * index as u64))
            .unwrap_or(self.first)
    }
}

/// The chart's points; `None` without check-ins.
pub fn series(check_ins: &[CheckIn]) -> Option<Series> {
    let first = check_ins.iter().map(|c| c.date).min()?;
    let last = check_ins.iter().map(|c| c.date).max()?;
    let span = u64::try_from((last - first).num_days()).unwrap_or(0) + 1;
    let max = MAX_POINTS as u64;
    let bucket_days = if span <= max {
        1
    } else {
        7 * span.div_ceil(7 * max)
    };
    let buckets = usize::try_from(span.div_ceil(bucket_days)).unwrap_or(MAX_POINTS);
    let mut sums = vec![(0u32, 0u32); buckets.min(MAX_POINTS)];
    for c in check_ins {
        let offset = u64::try_from((c.date - first).num_days()).unwrap_or(0);
        let index = usize::try_from(offset / bucket_days).unwrap_or(usize::MAX);
        if let Some(slot) = sums.get_mut(index) {
            slot.0 += u32::from(c.mood);
            slot.1 += 1;
        }
    }
    Some(Series {
        first,
        bucket_days,
        points: sums
            .into_iter()
            .map(|(sum, n)| (n > 0).then(|| f64::from(sum) / f64::from(n)))
            .collect(),
    })
}

/// The chart as an inline `<svg>` element (no blank lines, so it is also a valid
/// Markdown HTML block).
pub fn mood_chart_svg(check_ins: &[CheckIn]) -> String {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y_of = |mood: f64| TOP + (5.0 - mood) / 4.0 * plot_h;
    let series = series(check_ins);
    let label = match &series {
        None => "Mood chart: no check-ins yet".to_string(),
        Some(s) if s.bucket_days == 1 => format!(
            "Mood from 1 (very low) to 5 (very good), one point per day, from {} to {}",
            long(s.first),
            long(s.start_of(s.points.len().saturating_sub(1)))
        ),
        Some(s) => format!(
            "Mood from 1 (very low) to 5 (very good), each point the average of {} weeks, from {}",
            s.bucket_days / 7,
            long(s.first)
        ),
    };
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(&format!(
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" aria-label=\"{label}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n"
    ));
    out.push_str(&format!("<title>{label}</title>\n"));
    // Gridlines and mood labels.
    out.push_str("<g stroke=\"currentColor\" stroke-opacity=\"0.2\">");
    for mood in 1..=5 {
        let y = y_of(f64::from(mood));
        out.push_str(&format!(
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>",
            WIDTH - RIGHT
        ));
    }
    out.push_str("</g>\n<g fill=\"currentColor\" text-anchor=\"end\">");
    for mood in 1..=5 {
        let y = y_of(f64::from(mood)) + 4.0;
        out.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{y:.1}\">{mood}</text>",
            LEFT - 8.0
        ));
    }
    out.push_str("</g>\n");
    let Some(series) = series else {
        out.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"currentColor\">No check-ins yet</text>\n</svg>",
            LEFT + plot_w / 2.0,
            TOP + plot_h / 2.0
        ));
        return out;
    };
    let n = series.points.len();
    let x_of = |i: usize| {
        if n <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (n - 1) as f64
        }
    };
    // The line, broken at gaps; lone points as dots.
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for (i, point) in series.points.iter().enumerate() {
        match point {
            Some(mood) => current.push((x_of(i), y_of(*mood))),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    out.push_str("<g class=\"mood-line\" fill=\"none\" stroke=\"#2f6f73\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\">");
    for run in runs.iter().filter(|r| r.len() > 1) {
        let coords: Vec<String> = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        out.push_str(&format!("<polyline points=\"{}\"/>", coords.join(" ")));
    }
    out.push_str("</g>\n<g class=\"mood-dots\" fill=\"#2f6f73\">");
    let dots = run_dots(&runs, n <= DOTS_UP_TO);
    for (x, y) in dots {
        out.push_str(&format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\"/>"));
    }
    out.push_str("</g>\n");
    // Date labels: up to five, evenly spread; day and month for a daily chart (with the
    // year at both ends), month and year for a long one.
    let mut ticks: Vec<usize> = (0..5).map(|k| (k * (n - 1) + 2) / 4).collect();
    ticks.dedup();
    out.push_str("<g fill=\"currentColor\" fill-opacity=\"0.8\">");
    let base = HEIGHT - BOTTOM;
    for (k, &i) in ticks.iter().enumerate() {
        let anchor = if ticks.len() == 1 {
            "middle"
        } else if k == 0 {
            "start"
        } else if k == ticks.len() - 1 {
            "end"
        } else {
            "middle"
        };
        let x = x_of(i);
        out.push_str(&format!(
            "<line x1=\"{x:.1}\" y1=\"{base:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"currentColor\" stroke-opacity=\"0.4\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
            base + 5.0,
            base + 20.0,
            tick_label(&series, i, k == 0 || k == ticks.len() - 1)
        ));
    }
    out.push_str("</g>\n");
    out.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"currentColor\" fill-opacity=\"0.7\">{}</text>\n",
        LEFT + plot_w / 2.0,
        HEIGHT - 6.0,
        if series.bucket_days == 1 {
            "1 = very low, 5 = very good; a gap is a day without a check-in".to_string()
        } else {
            format!(
                "1 = very low, 5 = very good; each point is {} weeks; a gap is a stretch without check-ins",
                series.bucket_days / 7
            )
        }
    ));
    out.push_str("</svg>");
    out
}

/// Dots: every point when `all`, otherwise only points with no neighbour.
fn run_dots(runs: &[Vec<(f64, f64)>], all: bool) -> Vec<(f64, f64)> {
    runs.iter()
        .filter(|r| all || r.len() == 1)
        .flat_map(|r| r.iter().copied())
        .collect()
}

fn tick_label(series: &Series, index: usize, at_an_end: bool) -> String {
    let date = series.start_of(index);
    if series.bucket_days > 1 {
        date.format("%b %Y").to_string()
    } else if at_an_end {
        long(date)
    } else {
        date.format("%-d %b").to_string()
    }
}

fn long(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}
