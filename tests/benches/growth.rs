//! Does the store stay as fast after ten years of daily check-ins as on the first day?
//!
//! Measures (1) the cost of one check-in write in near-empty stores (their first week)
//! and in a store holding 3,650 days, interleaving the two so both see the same machine
//! noise, and (2) a cold open-to-today (`Reconnect::open` + `today()`) against a bare
//! `automerge::AutoCommit::load` of the same document, also interleaved. Prints medians,
//! ratios, the footprint and the on-disk size as Markdown. Without `--bench` (as under
//! `cargo test --benches`) it runs a small smoke version so the code stays exercised.

use automerge::AutoCommit;
use reconnect_core::{FixedClock, Reconnect, StoreKey};
use reconnect_tests::device;
use reconnect_tests::stats::{max, mean, median, percentile, ratio};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tempfile::TempDir;

struct Plan {
    history_days: u32,
    /// Early samples come from fresh stores, this many days each.
    early_days: u32,
    writes: u32,
    opens: u32,
}

const FULL: Plan = Plan {
    history_days: 3_650,
    early_days: 8,
    writes: 400,
    opens: 40,
};

const SMOKE: Plan = Plan {
    history_days: 40,
    early_days: 3,
    writes: 6,
    opens: 3,
};

/// One timed check-in, and whether it compacted the store on the way.
struct Write {
    took: Duration,
    compacted: bool,
}

/// A device on its own clock in its own directory.
struct Device {
    app: Reconnect,
    clock: Arc<FixedClock>,
    dir: TempDir,
}

impl Device {
    fn new(key: &StoreKey) -> Device {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let clock = Arc::new(FixedClock::new(device::noon(0)));
        let app = device::open(dir.path(), key, "bench", clock.clone()).expect("a store opens");
        Device { app, clock, dir }
    }

    fn check_in(&self, day: u32) -> Write {
        self.clock.set(device::noon(day));
        let note = device::day_note(day);
        let input = device::input(
            u8::try_from(day % 5).unwrap_or(0) + 1,
            u8::try_from(day % 11).unwrap_or(0),
            None,
            Some(&note),
        );
        let started = Instant::now();
        self.app.check_in(input).expect("the check-in is written");
        let took = started.elapsed();
        // A write leaves a chunk behind unless it compacted the store right after.
        let compacted = self.app.footprint().expect("the footprint").chunk_count == 0;
        Write { took, compacted }
    }
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let plan = if full { FULL } else { SMOKE };
    let key = device::random_key();

    let old = Device::new(&key);
    let build: Vec<Write> = (0..plan.history_days).map(|d| old.check_in(d)).collect();
    let (early, late) = interleaved_writes(&plan, &key, &old);
    let footprint = old.app.footprint().expect("the footprint");
    let dir = old.dir;
    drop(old.app);
    let on_disk = dir_bytes(dir.path());
    let (opens, loads, doc_bytes) = open_versus_load(&plan, dir.path(), &key);

    let history = plan.history_days;
    println!("## Growth ({history} days of history)\n");
    println!("| measure | samples | median | mean | p90 | max |");
    println!("|---|---|---|---|---|---|");
    row("check-in write, first week", &all(&early));
    row("… of which did not compact", &plain(&early));
    row(
        &format!("check-in write, after {history} days"),
        &all(&late),
    );
    row("… of which did not compact", &plain(&late));
    row("building the history (per check-in)", &all(&build));
    row("cold open + today()", &opens);
    row("bare AutoCommit::load", &loads);
    println!();
    let write_ratio = ratio(median(&all(&late)), median(&all(&early)));
    println!("- write ratio (median, late / early): {write_ratio:.2} (target ≤ 1.5)");
    println!(
        "- write ratio (mean, late / early): {:.2}",
        ratio(mean(&all(&late)), mean(&all(&early)))
    );
    println!(
        "- write ratio, writes that did not compact (median): {:.2}",
        ratio(median(&plain(&late)), median(&plain(&early)))
    );
    println!(
        "- writes that compacted: first week {} of {}, after the history {} of {}",
        early.len() - plain(&early).len(),
        early.len(),
        late.len() - plain(&late).len(),
        late.len()
    );
    let open_ratio = ratio(median(&opens), median(&loads));
    println!("- open ratio (median, open + today / bare load): {open_ratio:.2} (target ≤ 1.5)");
    println!("- saved document (save_document): {doc_bytes} bytes");
    println!(
        "- footprint after the last write: snapshot {} bytes, {} chunks, {} chunk bytes",
        footprint.snapshot_bytes, footprint.chunk_count, footprint.chunk_bytes
    );
    println!("- data directory on disk after closing: {on_disk} bytes");
}

/// Alternates a first-week write on a fresh store with a write on the old store (which
/// goes first alternates too). Fresh stores are created outside the timings.
fn interleaved_writes(plan: &Plan, key: &StoreKey, old: &Device) -> (Vec<Write>, Vec<Write>) {
    let (mut early, mut late) = (Vec::new(), Vec::new());
    let mut fresh: Option<Device> = None;
    for i in 0..plan.writes {
        let day = i % plan.early_days;
        if day == 0 {
            fresh = Some(Device::new(key));
        }
        let young = fresh.as_ref().expect("a fresh store");
        if i % 2 == 0 {
            early.push(young.check_in(day));
            late.push(old.check_in(plan.history_days + i));
        } else {
            late.push(old.check_in(plan.history_days + i));
            early.push(young.check_in(day));
        }
    }
    (early, late)
}

/// Alternates cold opens of the store with bare loads of its saved document.
fn open_versus_load(
    plan: &Plan,
    dir: &Path,
    key: &StoreKey,
) -> (Vec<Duration>, Vec<Duration>, usize) {
    let clock = Arc::new(FixedClock::new(device::noon(
        plan.history_days + plan.writes,
    )));
    let bytes = {
        let app = device::open(dir, key, "bench", clock.clone()).expect("the store opens");
        app.save_document().expect("the document saves")
    };
    let (mut opens, mut loads) = (Vec::new(), Vec::new());
    for _ in 0..plan.opens {
        let started = Instant::now();
        let app = device::open(dir, key, "bench", clock.clone()).expect("the store opens");
        let today = app.today().expect("today");
        opens.push(started.elapsed());
        assert!(today.days_checked_in >= plan.history_days);
        drop(app);

        let started = Instant::now();
        let doc = AutoCommit::load(&bytes).expect("the document loads");
        loads.push(started.elapsed());
        drop(doc);
    }
    (opens, loads, bytes.len())
}

fn all(writes: &[Write]) -> Vec<Duration> {
    writes.iter().map(|w| w.took).collect()
}

fn plain(writes: &[Write]) -> Vec<Duration> {
    writes
        .iter()
        .filter(|w| !w.compacted)
        .map(|w| w.took)
        .collect()
}

fn dir_bytes(dir: &Path) -> u64 {
    reconnect_tests::files::contents(dir)
        .expect("the data directory is readable")
        .values()
        .map(|bytes| bytes.len() as u64)
        .sum()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn row(label: &str, samples: &[Duration]) {
    println!(
        "| {label} | {} | {} | {} | {} | {} |",
        samples.len(),
        ms(median(samples)),
        ms(mean(samples)),
        ms(percentile(samples, 0.9)),
        ms(max(samples)),
    );
}
