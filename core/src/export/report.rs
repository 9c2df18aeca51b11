//! The readable report: everything in an export as Markdown or as one self-contained HTML
//! page, with the mood over time drawn as an inline SVG chart.
//!
//! Both formats come from one [`model`] of the content (built in [`sections`] and
//! `program`), so they always say the same thing:
//! title and export date; a summary (days checked in, strength score, the mood trend in
//! words, where the program stands); the mood chart with weekly averages; check-ins month
//! by month (every version of a note that two devices wrote at once); the program step by
//! step in its own words, with safety flags and "they said no" stated plainly and the
//! support resources when a safety sign was noted; journal entries and letters (every
//! conflicting version); reminders and settings. An export with nothing recorded gives a
//! short, friendly "nothing recorded yet" report.
//!
//! "Today" (for the strength score and the trend) is the local day of `exported_at` in
//! the export's `time_zone` with its day-start hour; times are shown in that zone.
//!
//! Escaping rules: the docs of the `markdown` and `html` modules, and
//! docs/export-format.md. The chart: [`chart`].

pub mod chart;
mod html;
mod markdown;
mod model;
mod program;
mod sections;

#[cfg(test)]
mod tests;

use super::Export;

pub use chart::mood_chart_svg;

pub fn markdown(export: &Export) -> String {
    markdown::render(&sections::build(export))
}

pub fn html(export: &Export) -> String {
    html::render(&sections::title(export), &sections::build(export))
}
