//! Does journal search stay fast with years of entries, and how long does exporting ten
//! years take? Builds a store with one check-in and one journal entry a day for 3,650
//! days, then measures: a warm search (index current), a cold search (the first after a
//! write, which rebuilds the index), JSON export, the HTML report and an import into a
//! fresh store. Prints medians and sizes as Markdown. Without `--bench` (as under
//! `cargo test --benches`) it runs a small smoke version so the code stays exercised.

use reconnect_core::journal::{EntryInput, EntryKind};
use reconnect_core::{JournalFilter, ReportFormat};
use reconnect_tests::device::input;
use reconnect_tests::fleet::TestDevice;
use reconnect_tests::stats::{max, median};
use std::time::{Duration, Instant};

struct Plan {
    days: u32,
    searches: usize,
    exports: usize,
}

const FULL: Plan = Plan {
    days: 3_650,
    searches: 60,
    exports: 7,
};

const SMOKE: Plan = Plan {
    days: 30,
    searches: 4,
    exports: 2,
};

const WORDS: [&str; 24] = [
    "walked", "river", "slept", "badly", "called", "sister", "coffee", "rain", "work", "tired",
    "laughed", "therapy", "lake", "cooked", "dinner", "quiet", "missed", "them", "calm", "train",
    "garden", "letter", "music", "friends",
];

/// About 400 characters of text for day `d`, with one word only that day has.
fn body(d: u32) -> String {
    let mut text = format!("Day {d}, marker{d}. ");
    for i in 0..60u32 {
        text.push_str(WORDS[((d.wrapping_mul(7)).wrapping_add(i * 5) % 24) as usize]);
        text.push(' ');
    }
    text
}

fn entry(i: u32, word: &str) -> EntryInput {
    EntryInput {
        kind: EntryKind::Entry,
        title: format!("{word} {i}"),
        body: format!("{word}{i}. {}", body(i)),
        tags: vec![],
        link: None,
        cool_off_hours: None,
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let started = Instant::now();
    let out = f();
    (started.elapsed(), out)
}

fn row(name: &str, samples: &[Duration]) {
    println!(
        "| {name} | {} | {:.2} ms | {:.2} ms |",
        samples.len(),
        median(samples).as_secs_f64() * 1e3,
        max(samples).as_secs_f64() * 1e3
    );
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let mut plan = if full { FULL } else { SMOKE };
    // For quick experiments: a shorter history with the full measurements.
    if let Some(days) = std::env::var("RECONNECT_BENCH_DAYS")
        .ok()
        .and_then(|d| d.parse().ok())
    {
        plan.days = days;
    }
    let phone = TestDevice::new("bench");
    for d in 0..plan.days {
        let app = phone.on(d);
        app.check_in(input(
            (d % 5 + 1) as u8,
            (d % 11) as u8,
            None,
            Some("short note"),
        ))
        .expect("a check-in");
        app.journal_add(EntryInput {
            kind: EntryKind::Entry,
            title: format!("Day {d}"),
            body: body(d),
            tags: vec![WORDS[(d % 24) as usize].to_string()],
            link: None,
            cool_off_hours: None,
        })
        .expect("an entry");
    }
    let entries = phone
        .app
        .journal_list(&JournalFilter::default())
        .expect("list")
        .len();
    assert_eq!(entries, plan.days as usize);

    let (first, hits) = timed(|| {
        phone
            .app
            .journal_search("river calm", None)
            .expect("search")
    });
    assert!(!hits.is_empty());
    let tablet = TestDevice::new("bench tablet");
    tablet
        .app
        .merge_from(&phone.app)
        .expect("the tablet catches up");
    let mut warm = Vec::new();
    let mut local = Vec::new();
    let mut rebuilt = Vec::new();
    for i in 0..plan.searches {
        let d = (i as u32 * 61) % plan.days;
        let (took, hits) = timed(|| {
            phone
                .app
                .journal_search(&format!("marker{d}."), None)
                .expect("search")
        });
        assert_eq!(hits.len(), 1, "marker{d}");
        warm.push(took);
        // A local entry updates the index in place.
        phone
            .app
            .journal_add(entry(i as u32, "local"))
            .expect("an entry");
        let (took, hits) = timed(|| {
            phone
                .app
                .journal_search(&format!("local{i}."), None)
                .expect("search")
        });
        assert_eq!(hits.len(), 1);
        local.push(took);
        // An entry merged from another device moves the heads: the index is rebuilt.
        tablet
            .app
            .journal_add(entry(i as u32, "remote"))
            .expect("an entry");
        phone.app.merge_from(&tablet.app).expect("a merge");
        let (took, hits) = timed(|| {
            phone
                .app
                .journal_search(&format!("remote{i}."), None)
                .expect("search")
        });
        assert_eq!(hits.len(), 1);
        rebuilt.push(took);
    }
    let mut exports = Vec::new();
    let mut reports = Vec::new();
    let mut json = String::new();
    let mut html = String::new();
    for _ in 0..plan.exports {
        let (took, out) = timed(|| phone.app.export_json().expect("export"));
        exports.push(took);
        json = out;
        let (took, out) = timed(|| phone.app.report(ReportFormat::Html).expect("report"));
        reports.push(took);
        html = out;
    }
    let fresh = TestDevice::new("restore");
    let (import, summary) = timed(|| fresh.app.import_json(&json).expect("import"));
    assert_eq!(
        summary.journal_entries as usize,
        entries + 2 * plan.searches
    );

    println!(
        "## Journal search and export ({} days, one entry and one check-in a day)\n",
        plan.days
    );
    println!("| measure | samples | median | max |");
    println!("|---|---|---|---|");
    row("search, index current (one rare word)", &warm);
    row("search after adding an entry here (index updated)", &local);
    row(
        "search after merging another device's entry (index rebuilt)",
        &rebuilt,
    );
    row("first search after building", &[first]);
    row("export as JSON", &exports);
    row("HTML report", &reports);
    row("import into an empty store", &[import]);
    println!();
    println!(
        "- JSON export: {} bytes; HTML report: {} bytes",
        json.len(),
        html.len()
    );
}
