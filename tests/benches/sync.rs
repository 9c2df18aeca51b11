//! What does sync cost once two devices share ten years of history, and what does a new
//! device cost to set up?
//!
//! 1. The phone gets 3,650 days of check-ins; a laptop paired with it gets the whole
//!    history in its first sync. Both restart, so every later session starts from the
//!    sync state persisted per peer.
//! 2. Daily: one new check-in on one side, both devices restarted, one sync session.
//!    The writing side, the initiating side and the way the initiator dials (the device
//!    it names, Noise IK; or whichever paired device answers, Noise XX) alternate, so
//!    each of the eight combinations is an eighth of the samples. Measured from the
//!    sessions' `stats()`: bytes and frames each way (frame headers included). Flights
//!    (what one side sends before it waits for the other) are counted on the captured
//!    frames; a round trip is two flights, so a session of three flights takes one and a
//!    half. The simulator also records the flight whose frame last changed a document.
//! 3. A busier day: a check-in, a new journal entry and an edit of an old one.
//! 4. First full sync to a brand-new paired device (it initiates, naming the phone):
//!    bytes against the size of the compacted document (`save_document()`), and time.
//!    Again for a history whose notes vary like prose (random words) instead of sharing a
//!    template.
//!
//! Times are both devices' work in one thread over an in-memory link (no network
//! latency). Prints Markdown. Without `--bench` (as under `cargo test --benches`) it runs
//! a small smoke version so the code stays exercised.

use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reconnect_core::journal::{EntryEdit, EntryInput, EntryKind};
use reconnect_core::{CheckInInput, SessionStats};
use reconnect_tests::device::{day_note, noon};
use reconnect_tests::stats::{max, median};
use reconnect_tests::sync_harness::{Dial, Sim};

struct Plan {
    history_days: u32,
    daily: u32,
    busy: u32,
    new_devices: u32,
}

const FULL: Plan = Plan {
    history_days: 3_650,
    daily: 40,
    busy: 8,
    new_devices: 5,
};

const SMOKE: Plan = Plan {
    history_days: 20,
    daily: 8,
    busy: 2,
    new_devices: 2,
};

const PHONE: usize = 0;
const LAPTOP: usize = 1;

/// One measured session.
#[derive(Clone, Copy)]
struct Measure {
    /// `[initiator, responder]`.
    stats: [SessionStats; 2],
    /// Flights counted on the captured frames.
    flights: u64,
    /// The flight that last changed a document (0 if none did).
    changed_by: u64,
    took: Duration,
}

impl Measure {
    fn bytes(&self) -> u64 {
        self.stats[0].bytes_sent + self.stats[1].bytes_sent
    }

    fn frames(&self) -> u64 {
        self.stats[0].frames_sent + self.stats[1].frames_sent
    }

    /// Round trips in halves: two flights make one.
    fn half_round_trips(&self) -> u64 {
        self.flights
    }

    /// Half round trips until both sides held each other's changes.
    fn half_round_trips_to_data(&self) -> u64 {
        self.changed_by
    }
}

/// A count of half round trips, written as round trips.
fn trips(halves: u64) -> String {
    if halves.is_multiple_of(2) {
        (halves / 2).to_string()
    } else {
        format!("{}.5", halves / 2)
    }
}

fn check_in(sim: &Sim, device: usize, day: u32) {
    sim.device(device).clock.set(noon(day));
    sim.app(device)
        .check_in(CheckInInput {
            mood: u8::try_from(day % 5).unwrap_or(0) + 1,
            urge: u8::try_from(day % 11).unwrap_or(0),
            contact: None,
            note: Some(day_note(day)),
        })
        .expect("a check-in");
}

/// One sync session from `initiator` to `responder`, dialled as `dial`, over a perfect
/// link.
fn measure(sim: &mut Sim, initiator: usize, responder: usize, dial: Dial) -> Measure {
    sim.capture();
    let started = Instant::now();
    let id = sim
        .connect_with(initiator, responder, dial)
        .expect("reachable");
    sim.run_until_idle(10_000).expect("the session settles");
    let took = started.elapsed();
    let report = sim.report(id).expect("the session ended");
    assert!(report.completed(), "{report:?}");
    let stats = report.stats.map(|s| s.expect("a sync session"));
    let (flights, last_change_flight) = (report.flights, report.last_change_flight);
    let captured = sim.captured.take().unwrap_or_default();
    let senders: Vec<usize> = captured
        .iter()
        .filter(|c| c.conn == id)
        .map(|c| c.from)
        .collect();
    let flights_seen = 1 + senders.windows(2).filter(|w| w[0] != w[1]).count() as u64;
    assert_eq!(
        u64::from(flights),
        flights_seen,
        "flights counted by the simulator and on the wire"
    );
    assert_eq!(
        sim.app(initiator).heads().unwrap(),
        sim.app(responder).heads().unwrap(),
        "the session converged"
    );
    Measure {
        stats,
        flights: flights_seen,
        changed_by: u64::from(last_change_flight.unwrap_or(0)),
        took,
    }
}

/// Pairs `count` brand-new devices with the phone, one by one, and measures each one's
/// first sync (the new device initiates). Returns the phone's compacted document size.
fn first_syncs(sim: &mut Sim, count: u32) -> (u64, Vec<Measure>) {
    let document = sim.app(PHONE).save_document().expect("the document").len() as u64;
    let mut fresh = Vec::new();
    for k in 0..count {
        let new = sim.add_device(&format!("new device {k}"));
        let id = sim.connect_pairing(PHONE, new).expect("reachable");
        sim.run_until_idle(100).expect("the pairing settles");
        assert!(sim.report(id).expect("ended").completed());
        fresh.push(measure(sim, new, PHONE, Dial::Named));
    }
    (document, fresh)
}

const WORDS: [&str; 64] = [
    "slept",
    "badly",
    "walked",
    "river",
    "called",
    "sister",
    "coffee",
    "rain",
    "work",
    "tired",
    "better",
    "worse",
    "missed",
    "them",
    "again",
    "today",
    "almost",
    "texted",
    "deleted",
    "draft",
    "read",
    "old",
    "messages",
    "cried",
    "laughed",
    "friend",
    "dinner",
    "quiet",
    "loud",
    "morning",
    "evening",
    "gym",
    "run",
    "park",
    "song",
    "reminded",
    "me",
    "of",
    "summer",
    "trip",
    "anxious",
    "calm",
    "hopeful",
    "angry",
    "grateful",
    "wrote",
    "journal",
    "meditated",
    "skipped",
    "lunch",
    "cooked",
    "pasta",
    "watched",
    "film",
    "alone",
    "together",
    "weekend",
    "plans",
    "cancelled",
    "rest",
    "stretched",
    "breathed",
    "slowly",
    "home",
];

/// A note of 8 to 24 words drawn at random.
fn prose_note(rng: &mut StdRng) -> String {
    let n = rng.random_range(8..=24);
    (0..n)
        .map(|_| WORDS[rng.random_range(0..WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn median_u64(values: impl Iterator<Item = u64>) -> u64 {
    let mut v: Vec<u64> = values.collect();
    v.sort_unstable();
    match v.len() {
        0 => 0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2,
    }
}

fn range_u64(values: impl Iterator<Item = u64> + Clone) -> String {
    let min = values.clone().min().unwrap_or(0);
    let max = values.max().unwrap_or(0);
    format!("{min}–{max}")
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Rows for a set of daily sessions.
fn rows(label: &str, samples: &[&Measure]) {
    let n = samples.len();
    let row = |what: &str, values: Vec<u64>| {
        println!(
            "| {label}: {what} | {n} | {} | {} |",
            median_u64(values.iter().copied()),
            range_u64(values.iter().copied())
        );
    };
    let trips_row = |what: &str, values: Vec<u64>| {
        let min = values.iter().copied().min().unwrap_or(0);
        let max = values.iter().copied().max().unwrap_or(0);
        println!(
            "| {label}: {what} | {n} | {} | {}–{} |",
            trips(median_u64(values.iter().copied())),
            trips(min),
            trips(max)
        );
    };
    row(
        "bytes initiator → responder",
        samples.iter().map(|m| m.stats[0].bytes_sent).collect(),
    );
    row(
        "bytes responder → initiator",
        samples.iter().map(|m| m.stats[1].bytes_sent).collect(),
    );
    row(
        "bytes both ways",
        samples.iter().map(|m| m.bytes()).collect(),
    );
    row(
        "frames both ways",
        samples.iter().map(|m| m.frames()).collect(),
    );
    row("flights", samples.iter().map(|m| m.flights).collect());
    trips_row(
        "round trips, handshake included",
        samples.iter().map(|m| m.half_round_trips()).collect(),
    );
    trips_row(
        "round trips until both hold the changes",
        samples
            .iter()
            .map(|m| m.half_round_trips_to_data())
            .collect(),
    );
    let times: Vec<Duration> = samples.iter().map(|m| m.took).collect();
    println!(
        "| {label}: time | {n} | {} | max {} |",
        ms(median(&times)),
        ms(max(&times))
    );
}

/// Sub-rows by which side wrote the check-in.
fn by_writer(label: &str, daily: &[Daily]) {
    for (on_initiator, what) in [
        (false, "written on the responder"),
        (true, "written on the initiator"),
    ] {
        let picked: Vec<&Measure> = daily
            .iter()
            .filter(|d| (d.writer == d.initiator) == on_initiator)
            .map(|d| &d.measure)
            .collect();
        let n = picked.len();
        println!(
            "| … {label}, {what}: bytes both ways | {n} | {} | {} |",
            median_u64(picked.iter().map(|m| m.bytes())),
            range_u64(picked.iter().map(|m| m.bytes()))
        );
        println!(
            "| … {label}, {what}: round trips, handshake included | {n} | {} | – |",
            trips(median_u64(picked.iter().map(|m| m.half_round_trips())))
        );
        println!(
            "| … {label}, {what}: round trips until both hold the change | {n} | {} | – |",
            trips(median_u64(
                picked.iter().map(|m| m.half_round_trips_to_data())
            ))
        );
    }
}

/// One daily session and how it was set up.
#[derive(Clone, Copy)]
struct Daily {
    writer: usize,
    initiator: usize,
    dial: Dial,
    measure: Measure,
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let plan = if full { FULL } else { SMOKE };
    let mut sim = Sim::new(7, &["phone", "laptop"]);
    sim.pair_all();

    // 1. Ten years on the phone, then the laptop's first sync.
    let started = Instant::now();
    for day in 0..plan.history_days {
        check_in(&sim, PHONE, day);
    }
    let build = started.elapsed();
    let first = measure(&mut sim, LAPTOP, PHONE, Dial::Named);
    sim.restart(PHONE);
    sim.restart(LAPTOP);

    // 2. One check-in a day.
    let mut daily: Vec<Daily> = Vec::new();
    let mut day = plan.history_days;
    for d in 0..plan.daily {
        let writer = (d % 2) as usize;
        let initiator = ((d / 2) % 2) as usize;
        let dial = if (d / 4) % 2 == 0 {
            Dial::Named
        } else {
            Dial::Anyone
        };
        sim.set_clocks(noon(day));
        check_in(&sim, writer, day);
        sim.restart(PHONE);
        sim.restart(LAPTOP);
        let measure = measure(&mut sim, initiator, 1 - initiator, dial);
        daily.push(Daily {
            writer,
            initiator,
            dial,
            measure,
        });
        day += 1;
    }

    // 3. A busier day: a check-in, a new entry and an edit of an earlier one.
    let mut busy = Vec::new();
    let mut earlier: Option<String> = None;
    for d in 0..plan.busy {
        let writer = (d % 2) as usize;
        sim.set_clocks(noon(day));
        check_in(&sim, writer, day);
        let app = sim.app(writer);
        let entry = app
            .journal_add(EntryInput {
                kind: EntryKind::Entry,
                title: format!("day {day}"),
                body: format!("{} {}", day_note(day), day_note(day + 1)),
                tags: vec!["walks".into()],
                link: None,
                cool_off_hours: None,
            })
            .expect("an entry");
        if let Some(id) = &earlier {
            app.journal_edit(
                id,
                EntryEdit {
                    body: Some(format!("edited on day {day}: {}", day_note(day))),
                    ..EntryEdit::default()
                },
            )
            .expect("an edit");
        }
        earlier = Some(entry.id);
        sim.restart(PHONE);
        sim.restart(LAPTOP);
        busy.push(measure(&mut sim, 1 - writer, writer, Dial::Named));
        day += 1;
    }

    // 4. First full sync to brand-new devices.
    let (document, fresh) = first_syncs(&mut sim, plan.new_devices);

    // 5. The same with notes that vary like prose (the daily notes above share a
    //    template, which the compacted document compresses well).
    let mut prose = Sim::new(8, &["phone"]);
    let mut words = StdRng::seed_from_u64(8);
    for day in 0..plan.history_days {
        prose.device(PHONE).clock.set(noon(day));
        let note = prose_note(&mut words);
        prose
            .app(PHONE)
            .check_in(CheckInInput {
                mood: u8::try_from(day % 5).unwrap_or(0) + 1,
                urge: u8::try_from(day % 11).unwrap_or(0),
                contact: None,
                note: Some(note),
            })
            .expect("a check-in");
    }
    let (prose_document, prose_fresh) = first_syncs(&mut prose, plan.new_devices.min(3));

    let history = plan.history_days;
    println!("## Sync ({history} days of history on both sides)\n");
    println!(
        "- compacted document (`save_document`): {document} bytes; building the history on \
         the phone: {:.1} s; the laptop's first sync: {} bytes from the phone, {} in all, \
         {} round trips, {}",
        build.as_secs_f64(),
        first.stats[1].bytes_sent,
        first.bytes(),
        trips(first.half_round_trips()),
        ms(first.took)
    );
    println!();
    println!("| measure | samples | median | range |");
    println!("|---|---|---|---|");
    let dialled =
        |dial: Dial| -> Vec<Daily> { daily.iter().filter(|d| d.dial == dial).copied().collect() };
    let (named, anyone) = (dialled(Dial::Named), dialled(Dial::Anyone));
    for (label, set) in [
        ("one check-in, named device", &named),
        ("one check-in, any device", &anyone),
    ] {
        let refs: Vec<&Measure> = set.iter().map(|d| &d.measure).collect();
        rows(label, &refs);
        by_writer(label, set);
    }
    let busy_refs: Vec<&Measure> = busy.iter().collect();
    rows("busier day", &busy_refs);
    let n = fresh.len();
    let from_phone: Vec<u64> = fresh.iter().map(|m| m.stats[1].bytes_sent).collect();
    let both: Vec<u64> = fresh.iter().map(Measure::bytes).collect();
    println!(
        "| first full sync: bytes phone → new device | {n} | {} | {} |",
        median_u64(from_phone.iter().copied()),
        range_u64(from_phone.iter().copied())
    );
    println!(
        "| first full sync: bytes both ways | {n} | {} | {} |",
        median_u64(both.iter().copied()),
        range_u64(both.iter().copied())
    );
    println!(
        "| first full sync: round trips | {n} | {} | – |",
        trips(median_u64(fresh.iter().map(Measure::half_round_trips)))
    );
    let times: Vec<Duration> = fresh.iter().map(|m| m.took).collect();
    println!(
        "| first full sync: time | {n} | {} | max {} |",
        ms(median(&times)),
        ms(max(&times))
    );
    let n = prose_fresh.len();
    let prose_from_phone: Vec<u64> = prose_fresh.iter().map(|m| m.stats[1].bytes_sent).collect();
    println!(
        "| prose notes, first full sync: bytes phone → new device | {n} | {} | {} |",
        median_u64(prose_from_phone.iter().copied()),
        range_u64(prose_from_phone.iter().copied())
    );
    let times: Vec<Duration> = prose_fresh.iter().map(|m| m.took).collect();
    println!(
        "| prose notes, first full sync: time | {n} | {} | max {} |",
        ms(median(&times)),
        ms(max(&times))
    );
    println!();
    println!("- prose notes: compacted document {prose_document} bytes");
    for (label, set) in [("named device", &named), ("any device", &anyone)] {
        let bytes = median_u64(set.iter().map(|d| d.measure.bytes()));
        let session = median_u64(set.iter().map(|d| d.measure.half_round_trips()));
        let data = median_u64(set.iter().map(|d| d.measure.half_round_trips_to_data()));
        let worst = set
            .iter()
            .map(|d| d.measure.half_round_trips())
            .max()
            .unwrap_or(0);
        println!(
            "- one day's changes, {label} (median): {bytes} bytes (target ≤ 2,048); {} \
             round trips for the whole session with the handshake (at most {}), {} until both \
             sides hold the change (target ≤ 2)",
            trips(session),
            trips(worst),
            trips(data)
        );
    }
    let ratio = median_u64(from_phone.iter().copied()) as f64 / document as f64;
    let ratio_both = median_u64(both.iter().copied()) as f64 / document as f64;
    println!(
        "- first full sync (median): {ratio:.2} × the compacted document from the phone, \
         {ratio_both:.2} × both ways (target ≤ 1.2)"
    );
    let prose_ratio = median_u64(prose_from_phone.iter().copied()) as f64 / prose_document as f64;
    println!("- first full sync, prose notes (median): {prose_ratio:.2} × the compacted document");
}
