//! The report's content, section by section, as a [`Block`] tree: title, summary, mood,
//! check-ins, the program (in `program.rs`), the journal, reminders and settings.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::chart;
use super::model::{Block, Line, emph, fact, line, para, strong, text};
use super::program;
use crate::checkin::{CheckIn, ContactMedium};
use crate::export::Export;
use crate::journal::{EntryKind, EntryLink, JournalEntry};
use crate::local_day::{local_day, parse_zone};
use crate::mood_trend::{MIN_POINTS, MoodTrend, TREND_WINDOW_DAYS};
use crate::program::content;
use crate::program::records::ProgramRecords;
use crate::progress::{ProgressView, progress};
use crate::reminders::NotificationDetail;

/// A slope (mood points per week) this small either way reads as steady, as in the CLI.
const STEADY_PER_WEEK: f64 = 0.2;

/// What every section needs: the export, the zone its times are shown in, and "today".
pub(crate) struct Ctx<'a> {
    pub export: &'a Export,
    zone: Option<Tz>,
    /// The local day the export was made: the "today" of the strength score and trend.
    pub today: NaiveDate,
}

impl<'a> Ctx<'a> {
    pub fn new(export: &'a Export) -> Self {
        let zone = parse_zone(&export.time_zone);
        let today = match zone {
            Some(zone) => local_day(
                export.exported_at,
                zone,
                export.settings.day_start_hour.min(23),
            ),
            None => export.exported_at.date_naive(),
        };
        Ctx {
            export,
            zone,
            today,
        }
    }

    /// The wall clock in the export's zone at `at` (UTC when the zone is unknown).
    pub fn wall(&self, at: DateTime<Utc>) -> NaiveDateTime {
        let utc = at.naive_utc();
        self.zone
            .and_then(|zone| utc.checked_add_offset(zone.offset_from_utc_datetime(&utc).fix()))
            .unwrap_or(utc)
    }

    /// The local date of an instant, as "1 Jun 2026".
    pub fn date_of(&self, at: DateTime<Utc>) -> String {
        day(self.wall(at).date())
    }

    /// The local date and time of an instant, as "1 Jun 2026, 14:05".
    pub fn time_of(&self, at: DateTime<Utc>) -> String {
        self.wall(at).format("%-d %b %Y, %H:%M").to_string()
    }

    fn zone_name(&self) -> String {
        match self.zone {
            Some(zone) => zone.name().to_string(),
            None => "UTC".to_string(),
        }
    }
}

/// "1 Jun 2026".
pub(crate) fn day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub(crate) fn title(export: &Export) -> String {
    let cx = Ctx::new(export);
    format!(
        "Your Reconnect report, {}",
        day(cx.wall(export.exported_at).date())
    )
}

/// The whole report.
pub(crate) fn build(export: &Export) -> Vec<Block> {
    let cx = Ctx::new(export);
    let mut out = vec![
        Block::Heading(1, line("Your Reconnect report")),
        Block::Paragraph(vec![
            text("Exported on "),
            strong(cx.time_of(export.exported_at)),
            text(format!(
                " ({}). Dates and times are shown in that zone.",
                cx.zone_name()
            )),
        ]),
        para(
            "This is everything you recorded in Reconnect, in one place. It is private: keep it \
             somewhere safe, and share it only if you want to, with whoever you choose, \
             perhaps a therapist or a close friend.",
        ),
    ];
    if is_empty(export) {
        out.push(Block::Heading(2, line("Nothing recorded yet")));
        out.push(para(
            "Nothing has been recorded yet, and that is perfectly fine. When you check in, \
             work through the program or write in your journal, it will all show up here.",
        ));
        return out;
    }
    let moods: Vec<(NaiveDate, u8)> = export.check_ins.iter().map(|c| (c.date, c.mood)).collect();
    let view = progress(&moods, cx.today);
    summary(&cx, &view, &mut out);
    mood(&cx, &view, &mut out);
    check_ins(&cx, &mut out);
    program::section(&cx, &mut out);
    journal(&cx, &mut out);
    reminders(&cx, &mut out);
    out.push(Block::Paragraph(vec![emph(
        "Whatever you decide, to get back in touch or to let go, looking after yourself is \
         what matters most.",
    )]));
    out
}

fn is_empty(export: &Export) -> bool {
    export.check_ins.is_empty()
        && export.journal.is_empty()
        && export.custom_reminders.is_empty()
        && export.program == ProgramRecords::default()
}

// ---------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------

fn summary(cx: &Ctx, view: &ProgressView, out: &mut Vec<Block>) {
    out.push(Block::Heading(2, line("Summary")));
    let mut facts: Vec<Line> = Vec::new();
    facts.push(match view.since {
        Some(since) => fact(
            "Days checked in",
            format!("{} (since {})", view.days_checked_in, day(since)),
        ),
        None => fact("Days checked in", "none yet"),
    });
    if view.days_checked_in > 0 {
        facts.push(fact(
            "Strength",
            format!(
                "{} of 100. It grows a little each day you check in; a missed day lowers it \
                 only a little, and nothing ever resets it.",
                view.strength
            ),
        ));
        facts.push(fact("Mood lately", trend_words(&view.mood_trend, cx)));
    }
    let entries = cx
        .export
        .journal
        .iter()
        .filter(|e| e.kind == EntryKind::Entry)
        .count();
    let letters = cx.export.journal.len() - entries;
    if !cx.export.journal.is_empty() {
        facts.push(fact(
            "Journal",
            format!(
                "{} and {}",
                plural(entries, "entry", "entries"),
                plural(letters, "unsent letter", "unsent letters")
            ),
        ));
    }
    out.push(Block::List(facts));
    let standing = program::where_things_stand(cx);
    if !standing.is_empty() {
        out.push(Block::Heading(3, line("Where things stand")));
        out.push(Block::List(standing));
    }
    if view.mood_trend.falling {
        let advice = &content::ADVICE_MOOD_FALLING;
        out.push(Block::Callout(vec![
            Block::Paragraph(vec![strong(advice.title)]),
            para(advice.explanation),
        ]));
    }
}

fn trend_words(trend: &MoodTrend, cx: &Ctx) -> String {
    let weeks = TREND_WINDOW_DAYS / 7;
    let recent: Vec<f64> = cx
        .export
        .check_ins
        .iter()
        .filter(|c| (0..TREND_WINDOW_DAYS).contains(&(cx.today - c.date).num_days()))
        .map(|c| f64::from(c.mood))
        .collect();
    let average = if recent.is_empty() {
        String::new()
    } else {
        format!(
            ", averaging {:.1} of 5",
            recent.iter().sum::<f64>() / recent.len() as f64
        )
    };
    match trend.slope_per_week {
        None => format!(
            "too few check-ins in the last {weeks} weeks to see a direction yet ({} of the \
             {MIN_POINTS} it takes{average}).",
            trend.points
        ),
        Some(_) if trend.falling => {
            format!(
                "going down over the last {weeks} weeks{average}. That is worth noticing, gently."
            )
        }
        Some(slope) if slope >= STEADY_PER_WEEK => {
            format!("rising over the last {weeks} weeks{average}.")
        }
        Some(slope) if slope <= -STEADY_PER_WEEK => {
            format!("a little lower over the last {weeks} weeks{average}.")
        }
        Some(_) => format!("steady over the last {weeks} weeks{average}."),
    }
}

// ---------------------------------------------------------------------------------------
// Mood over time
// ---------------------------------------------------------------------------------------

fn mood(cx: &Ctx, view: &ProgressView, out: &mut Vec<Block>) {
    if cx.export.check_ins.is_empty() {
        return;
    }
    out.push(Block::Heading(2, line("Mood over time")));
    out.push(Block::Chart(chart::mood_chart_svg(&cx.export.check_ins)));
    if let Some(series) = chart::series(&cx.export.check_ins)
        && series.bucket_days > 1
    {
        out.push(para(format!(
            "The history is long, so each point in the chart is the average mood of {} weeks.",
            series.bucket_days / 7
        )));
    }
    out.push(para(
        "Average mood by week over the last 8 weeks (1 = very low, 5 = very good):",
    ));
    out.push(Block::Table {
        head: vec!["Week of", "Average mood", "Check-ins"],
        rows: view
            .weekly_moods
            .iter()
            .map(|w| {
                vec![
                    line(day(w.week_start)),
                    line(w.average.map_or("–".into(), |a| format!("{a:.1}"))),
                    line(w.check_ins.to_string()),
                ]
            })
            .collect(),
    });
}

// ---------------------------------------------------------------------------------------
// Check-ins
// ---------------------------------------------------------------------------------------

fn check_ins(cx: &Ctx, out: &mut Vec<Block>) {
    out.push(Block::Heading(2, line("Check-ins")));
    if cx.export.check_ins.is_empty() {
        out.push(para("No check-ins yet."));
        return;
    }
    out.push(para(
        "Oldest first, month by month. Mood is from 1 (very low) to 5 (very good); the urge \
         to get in touch is from 0 (none) to 10 (very strong).",
    ));
    let mut months: BTreeMap<(i32, u32), Vec<&CheckIn>> = BTreeMap::new();
    for c in &cx.export.check_ins {
        months
            .entry((c.date.year(), c.date.month()))
            .or_default()
            .push(c);
    }
    for (_, mut days) in months {
        days.sort_by_key(|c| c.date);
        let n = days.len() as f64;
        let mood = days.iter().map(|c| f64::from(c.mood)).sum::<f64>() / n;
        let urge = days.iter().map(|c| f64::from(c.urge)).sum::<f64>() / n;
        out.push(Block::Heading(
            3,
            line(days[0].date.format("%B %Y").to_string()),
        ));
        out.push(para(format!(
            "{}, average mood {mood:.1}, average urge {urge:.1}.",
            plural(days.len(), "check-in", "check-ins")
        )));
        out.push(Block::Table {
            head: vec!["Date", "Mood", "Urge", "Contact", "Note"],
            rows: days
                .iter()
                .map(|c| {
                    vec![
                        line(c.date.format("%a %-d %b %Y").to_string()),
                        line(c.mood.to_string()),
                        line(c.urge.to_string()),
                        line(contact_label(c.contact)),
                        note_cell(c),
                    ]
                })
                .collect(),
        });
    }
}

pub(crate) fn contact_label(medium: ContactMedium) -> String {
    content::ladder_rung(medium).map_or_else(|| "None".to_string(), |r| r.label.to_string())
}

/// The note, or every version of it when two devices wrote it at once.
fn note_cell(c: &CheckIn) -> Line {
    if c.note_conflicts.is_empty() {
        return line(c.note.clone().unwrap_or_default());
    }
    let versions = c.note.iter().chain(c.note_conflicts.iter());
    let mut cell = Vec::new();
    for (i, note) in versions.enumerate() {
        if i > 0 {
            cell.push(text("\n"));
        }
        cell.push(strong(format!("Version {}:", i + 1)));
        cell.push(text(format!(" {note}")));
    }
    cell
}

// ---------------------------------------------------------------------------------------
// Journal
// ---------------------------------------------------------------------------------------

fn journal(cx: &Ctx, out: &mut Vec<Block>) {
    out.push(Block::Heading(2, line("Journal and letters")));
    if cx.export.journal.is_empty() {
        out.push(para("No journal entries yet."));
        return;
    }
    out.push(para(
        "Newest first. Letters are written to them and never sent; they are yours.",
    ));
    for entry in &cx.export.journal {
        journal_entry(cx, entry, out);
    }
}

fn journal_entry(cx: &Ctx, e: &JournalEntry, out: &mut Vec<Block>) {
    let title = if e.title.trim().is_empty() {
        match e.kind {
            EntryKind::Entry => "Untitled entry",
            EntryKind::Letter => "Untitled letter",
        }
        .to_string()
    } else {
        e.title.clone()
    };
    out.push(Block::Heading(3, line(title)));
    let mut meta: Vec<Line> = vec![match e.kind {
        EntryKind::Entry => vec![emph("Journal entry")],
        EntryKind::Letter => vec![emph("Letter, never sent")],
    }];
    meta.push(fact("Written", cx.time_of(e.created_at)));
    if e.edited_at != e.created_at {
        meta.push(fact("Last edited", cx.time_of(e.edited_at)));
    }
    if !e.tags.is_empty() {
        meta.push(fact("Tags", e.tags.join(", ")));
    }
    if let Some(link) = &e.link {
        meta.push(fact("About", link_label(link)));
    }
    if e.kind == EntryKind::Letter {
        if let Some(at) = e.marked_ready_at {
            meta.push(fact("Marked ready", cx.time_of(at)));
        } else if let Some(at) = e.ready_after {
            meta.push(fact("Cooling off until", cx.time_of(at)));
        }
    }
    let mut joined: Line = Vec::new();
    for (i, l) in meta.into_iter().enumerate() {
        if i > 0 {
            joined.push(text("\n"));
        }
        joined.extend(l);
    }
    out.push(Block::Paragraph(joined));
    if e.has_conflict() {
        out.push(Block::Callout(vec![para(
            "This entry was changed on two devices at the same time, so it has more than one \
             version. Every version is kept here until you choose one in the app.",
        )]));
    }
    if !e.title_conflicts.is_empty() {
        let mut titles = vec![fact("Version 1 of the title", e.title.clone())];
        titles.extend(
            e.title_conflicts
                .iter()
                .enumerate()
                .map(|(i, t)| fact(&format!("Version {} of the title", i + 2), t.clone())),
        );
        out.push(Block::List(titles));
    }
    let body = |text: &str| {
        if text.trim().is_empty() {
            Block::Paragraph(vec![emph("(no text)")])
        } else {
            Block::Prose(text.to_string())
        }
    };
    if e.body_conflicts.is_empty() {
        out.push(body(&e.body));
    } else {
        out.push(Block::Heading(4, line("Version 1")));
        out.push(body(&e.body));
        for (i, other) in e.body_conflicts.iter().enumerate() {
            out.push(Block::Heading(4, line(format!("Version {}", i + 2))));
            out.push(body(other));
        }
    }
}

fn link_label(link: &EntryLink) -> String {
    match link {
        EntryLink::Step { number } => match content::step(*number) {
            Some(step) => format!("Step {number}: {}", step.title),
            None => format!("Step {number}"),
        },
        EntryLink::Prompt { key } => match content::text(key) {
            Some(prompt) => format!("the prompt “{prompt}”"),
            None => format!("the prompt {key}"),
        },
    }
}

// ---------------------------------------------------------------------------------------
// Reminders and settings
// ---------------------------------------------------------------------------------------

fn reminders(cx: &Ctx, out: &mut Vec<Block>) {
    let settings = &cx.export.settings;
    out.push(Block::Heading(2, line("Reminders and settings")));
    let r = &settings.reminders;
    out.push(Block::List(vec![
        fact(
            "Your day starts at",
            format!(
                "{:02}:00 (a check-in before then counts for the day before)",
                settings.day_start_hour
            ),
        ),
        fact(
            "Daily check-in reminder",
            r.daily_check_in
                .map_or("off".to_string(), |t| t.format("%H:%M").to_string()),
        ),
        fact(
            "Reminders for dates in your plan",
            r.key_dates_at.format("%H:%M").to_string(),
        ),
        fact(
            "Notification wording",
            match r.detail {
                NotificationDetail::Generic => {
                    "generic, so nothing private shows on the lock screen"
                }
                NotificationDetail::Detailed => "detailed",
            },
        ),
    ]));
    out.push(Block::Heading(3, line("Your own reminders")));
    if cx.export.custom_reminders.is_empty() {
        out.push(para("None."));
        return;
    }
    let mut customs: Vec<_> = cx.export.custom_reminders.iter().collect();
    customs.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    out.push(Block::List(
        customs
            .into_iter()
            .map(|c| {
                let mut l = vec![strong(c.at.format("%-d %b %Y, %H:%M").to_string())];
                match c.text.as_deref().filter(|t| !t.trim().is_empty()) {
                    Some(words) => l.push(text(format!(" {words}"))),
                    None => l.extend([text(" "), emph("(no words)")]),
                }
                l
            })
            .collect(),
    ));
}
