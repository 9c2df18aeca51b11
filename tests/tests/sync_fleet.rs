//! Exists because sync runs over networks that lose, repeat, delay and reorder frames,
//! between devices that are cut off and restarted: random workloads on three paired
//! devices (phone, tablet, laptop), interleaved with sessions over faulty links,
//! partitions and restarts, must always end — once the network heals and sessions run
//! until nothing is left to say — with identical heads, identical views, and every
//! acknowledged write present (unless a later write on a device that saw it replaced it).
//!
//! Seeds: 24 by default; `RECONNECT_SYNC_SEEDS=500` runs seeds 0..500,
//! `RECONNECT_SYNC_SEED=17` runs only seed 17 (and prints its trace on failure).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use chrono::Duration as Span;
use rand::Rng;
use reconnect_core::JournalFilter;
use reconnect_tests::device::noon;
use reconnect_tests::sync_harness::{Ending, Faults, Sim, SimStats, error_name};
use reconnect_tests::sync_ledger::{Ledger, ProgramOp};

const NAMES: [&str; 3] = ["phone", "tablet", "laptop"];

/// Errors a session may end with when its frames were dropped, duplicated or
/// reordered: authentication failures (Noise nonces), frames out of turn, and the peer's
/// abort; during the handshake also a handshake message that does not parse where it
/// arrived. Anything else, or any error on a clean link, is a bug.
const FAULT_ERRORS: [&str; 3] = ["Decrypt", "Protocol", "PeerAborted"];

/// At most this many steps to converge once healed.
const MAX_HEAL_STEPS: u64 = 5_000;

fn seeds() -> Vec<u64> {
    if let Ok(one) = std::env::var("RECONNECT_SYNC_SEED") {
        return vec![one.trim().parse().expect("RECONNECT_SYNC_SEED is a number")];
    }
    let count = std::env::var("RECONNECT_SYNC_SEEDS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(24);
    (0..count).collect()
}

/// What one seed did, for the summary.
#[derive(Default)]
struct Summary {
    stats: SimStats,
    acks: usize,
    heal_steps: u64,
    /// Days showing concurrent notes, entries showing concurrent bodies, in the end.
    note_conflicts: usize,
    body_conflicts: usize,
}

/// A simulator that prints its seed and trace if the run panics.
struct Run(Sim);

impl Drop for Run {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "--- seed {} failed; its last events:\n{}",
                self.0.seed,
                self.0.trace()
            );
        }
    }
}

impl std::ops::Deref for Run {
    type Target = Sim;
    fn deref(&self) -> &Sim {
        &self.0
    }
}

impl std::ops::DerefMut for Run {
    fn deref_mut(&mut self) -> &mut Sim {
        &mut self.0
    }
}

/// Sets each device's clock to noon of `day` plus its own skew.
fn set_day(sim: &Sim, day: u32, skew: &[i64]) {
    for (device, minutes) in sim.devices.iter().zip(skew) {
        device.clock.set(noon(day) + Span::minutes(*minutes));
    }
}

/// One random write on `device`; refusals by the program's rules are fine.
fn write(sim: &mut Sim, ledger: &mut Ledger, device: usize) {
    let roll = sim.rng().random_range(0..100);
    let app = sim.app(device).clone();
    match roll {
        0..35 => {
            let mood = sim.rng().random_range(1..=5);
            let urge = sim.rng().random_range(0..=10);
            ledger
                .check_in(device, &app, mood, urge)
                .expect("a check-in");
        }
        35..55 => {
            ledger.journal_add(device, &app).expect("a journal entry");
        }
        55..80 => {
            let ids = ledger.journal_ids();
            if !ids.is_empty() {
                let id = &ids[sim.rng().random_range(0..ids.len())];
                ledger.journal_edit(device, &app, id).expect("an edit");
            }
        }
        80..85 => {
            let ids = ledger.journal_ids();
            if !ids.is_empty() {
                let id = &ids[sim.rng().random_range(0..ids.len())];
                ledger.journal_delete(device, &app, id).expect("a delete");
            }
        }
        _ => {
            let op = match sim.rng().random_range(0..4) {
                0 => ProgramOp::PreCheck,
                1 => ProgramOp::Reason,
                2 => ProgramOp::Trigger,
                _ => ProgramOp::Mistake,
            };
            ledger.program(device, &app, op).expect("a program command");
        }
    }
    sim.note(format!(
        "device {device} wrote ({} acks)",
        ledger.acks.len()
    ));
}

/// Every device shows what device 0 shows, at the same clock.
fn assert_same_views(sim: &Sim, when: &str) {
    let first = sim.app(0);
    let heads = first.heads().unwrap();
    let history = first.history(None).unwrap();
    let journal = first.journal_list(&JournalFilter::default()).unwrap();
    let program = first.program().unwrap();
    let today = first.today().unwrap();
    let progress = first.progress().unwrap();
    for (i, device) in sim.devices.iter().enumerate().skip(1) {
        let app = device.app();
        let name = &device.name;
        assert_eq!(app.heads().unwrap(), heads, "{when}: heads of {i} ({name})");
        assert_eq!(
            app.history(None).unwrap(),
            history,
            "{when}: history of {i} ({name})"
        );
        assert_eq!(
            app.journal_list(&JournalFilter::default()).unwrap(),
            journal,
            "{when}: journal of {i} ({name})"
        );
        assert_eq!(
            app.program().unwrap(),
            program,
            "{when}: program of {i} ({name})"
        );
        assert_eq!(app.today().unwrap(), today, "{when}: today of {i} ({name})");
        assert_eq!(
            app.progress().unwrap(),
            progress,
            "{when}: progress of {i} ({name})"
        );
    }
}

/// Sessions that ended in a way their link does not explain.
fn unexplained_endings(sim: &Sim) -> Vec<String> {
    let mut out = Vec::new();
    for report in &sim.finished {
        let explained = match &report.ending {
            Ending::Completed | Ending::Cut(_) => true,
            Ending::Stalled => report.faulted,
            Ending::Failed { .. } => {
                report.faulted
                    && report
                        .errors()
                        .iter()
                        .zip(&report.stats)
                        .all(|(error, stats)| {
                            let Some(error) = error else {
                                return true;
                            };
                            let name = error_name(error);
                            // A handshake message delivered in the wrong place does not parse.
                            let handshaking = stats.is_some_and(|s| s.rounds == 0);
                            FAULT_ERRORS.contains(&name.as_str())
                                || (handshaking && name == "Malformed")
                        })
            }
        };
        if !explained {
            out.push(format!("{report:?}"));
        }
    }
    out
}

fn run_seed(seed: u64) -> Summary {
    let mut sim = Run(Sim::new(seed, &NAMES));
    sim.pair_all();
    let pairs: Vec<(usize, usize)> = vec![(0, 1), (0, 2), (1, 2)];
    for &(a, b) in &pairs {
        let faults = Faults::random(sim.rng());
        sim.set_faults(a, b, faults);
    }
    let skew: Vec<i64> = (0..NAMES.len())
        .map(|_| sim.rng().random_range(-180..=180))
        .collect();
    let mut day = 0;
    set_day(&sim, day, &skew);
    let mut ledger = Ledger::new();

    let ops = sim.rng().random_range(40..=90);
    for _ in 0..ops {
        let roll = sim.rng().random_range(0..100);
        let device = sim.rng().random_range(0..NAMES.len());
        let other = (device + sim.rng().random_range(1..NAMES.len())) % NAMES.len();
        match roll {
            0..30 => write(&mut sim, &mut ledger, device),
            30..48 => {
                // Mostly one connection per pair; now and then a second one at once.
                if !sim.connected(device, other) || sim.rng().random_bool(0.1) {
                    sim.connect(device, other);
                }
            }
            48..78 => {
                let steps = sim.rng().random_range(1..=8);
                for _ in 0..steps {
                    sim.step();
                }
            }
            78..82 => sim.restart(device),
            82..88 => {
                if sim.rng().random_bool(0.3) {
                    sim.isolate(device);
                } else {
                    let cut = !sim.link(device, other).partitioned;
                    sim.set_partitioned(device, other, cut);
                }
            }
            88..93 => {
                day += 1;
                set_day(&sim, day, &skew);
                sim.note(format!("day {day}"));
            }
            93..97 => {
                let faults = Faults::random(sim.rng());
                sim.set_faults(device, other, faults);
            }
            _ => {
                // Everybody who can reach each other syncs, over the links as they are.
                for &(a, b) in &pairs {
                    if !sim.connected(a, b) {
                        sim.connect(a, b);
                    }
                }
            }
        }
    }

    sim.heal();
    let heal_steps = sim
        .run_until_quiescent(MAX_HEAL_STEPS)
        .unwrap_or_else(|stuck| panic!("seed {seed}: {stuck}"));
    let unexplained = unexplained_endings(&sim);
    assert!(
        unexplained.is_empty(),
        "seed {seed}: sessions ended in ways their links do not explain:\n{}",
        unexplained.join("\n")
    );

    // Converged: the same heads and views everywhere, every acknowledged write there.
    sim.set_clocks(noon(day + 1));
    assert_same_views(&sim, "after healing");
    if let Err(problems) = ledger.verify(sim.app(0)) {
        panic!("seed {seed}: acknowledged writes are missing or wrong:\n{problems}");
    }

    // Durable: every device restarts with the same document.
    for device in 0..NAMES.len() {
        sim.restart(device);
    }
    assert_same_views(&sim, "after restarting every device");
    assert!(
        sim.is_quiescent(),
        "seed {seed}: restarts changed the heads"
    );

    // Sync still works after all that: one more write each, and they spread.
    set_day(&sim, day + 1, &skew);
    for device in 0..NAMES.len() {
        let app = sim.app(device).clone();
        ledger.check_in(device, &app, 3, 3).expect("a check-in");
    }
    sim.run_until_quiescent(MAX_HEAL_STEPS)
        .unwrap_or_else(|stuck| panic!("seed {seed}, after the restarts: {stuck}"));
    sim.set_clocks(noon(day + 2));
    assert_same_views(&sim, "after the last writes");
    if let Err(problems) = ledger.verify(sim.app(0)) {
        panic!("seed {seed}: after the last writes:\n{problems}");
    }
    let unexplained = unexplained_endings(&sim);
    assert!(unexplained.is_empty(), "seed {seed}: {unexplained:?}");

    let history = sim.app(0).history(None).unwrap();
    let journal = sim.app(0).journal_list(&JournalFilter::default()).unwrap();
    Summary {
        stats: sim.stats.clone(),
        acks: ledger.acks.len(),
        heal_steps,
        note_conflicts: history
            .iter()
            .filter(|c| !c.note_conflicts.is_empty())
            .count(),
        body_conflicts: journal.iter().filter(|e| e.has_conflict()).count(),
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic".into())
}

#[test]
fn random_workloads_over_faulty_links_converge_and_lose_nothing() {
    let seeds = seeds();
    let started = Instant::now();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4)
        .min(seeds.len().max(1));
    let next = AtomicU64::new(0);
    let failures: Mutex<Vec<(u64, String)>> = Mutex::new(Vec::new());
    let summaries: Mutex<Vec<Summary>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::SeqCst) as usize;
                    let Some(&seed) = seeds.get(index) else {
                        break;
                    };
                    match catch_unwind(AssertUnwindSafe(|| run_seed(seed))) {
                        Ok(summary) => summaries.lock().unwrap().push(summary),
                        Err(payload) => failures
                            .lock()
                            .unwrap()
                            .push((seed, panic_message(payload.as_ref()))),
                    }
                }
            });
        }
    });

    let summaries = summaries.into_inner().unwrap();
    let mut total = SimStats::default();
    let (mut acks, mut heal_steps, mut note_conflicts, mut body_conflicts) = (0, 0, 0, 0);
    for s in &summaries {
        acks += s.acks;
        note_conflicts += s.note_conflicts;
        body_conflicts += s.body_conflicts;
        heal_steps = heal_steps.max(s.heal_steps);
        let t = &mut total;
        t.sessions_started += s.stats.sessions_started;
        t.sessions_named += s.stats.sessions_named;
        t.sessions_completed += s.stats.sessions_completed;
        t.sessions_failed += s.stats.sessions_failed;
        t.sessions_stalled += s.stats.sessions_stalled;
        t.sessions_cut += s.stats.sessions_cut;
        t.frames_sent += s.stats.frames_sent;
        t.frames_dropped += s.stats.frames_dropped;
        t.frames_duplicated += s.stats.frames_duplicated;
        t.frames_delayed += s.stats.frames_delayed;
        t.frames_reordered += s.stats.frames_reordered;
        t.restarts += s.stats.restarts;
        for (name, n) in &s.stats.errors {
            *t.errors.entry(name.clone()).or_default() += n;
        }
    }
    println!(
        "{} seeds in {:.1} s on {workers} threads: {acks} acknowledged writes; sessions \
         {} started, {} completed, {} failed, {} stalled, {} cut; frames {} sent, {} dropped, \
         {} duplicated, {} delayed, {} reordered; {} restarts; errors {:?}; at most {} steps \
         to converge; {note_conflicts} days and {body_conflicts} entries left with concurrent \
         versions; {} sessions dialled to a named device",
        summaries.len(),
        started.elapsed().as_secs_f64(),
        total.sessions_started,
        total.sessions_completed,
        total.sessions_failed,
        total.sessions_stalled,
        total.sessions_cut,
        total.frames_sent,
        total.frames_dropped,
        total.frames_duplicated,
        total.frames_delayed,
        total.frames_reordered,
        total.restarts,
        total.errors,
        heal_steps,
        total.sessions_named,
    );

    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    if !failures.is_empty() {
        let list: Vec<String> = failures
            .iter()
            .map(|(seed, message)| format!("seed {seed}: {message}"))
            .collect();
        panic!(
            "{} of {} seeds failed:\n{}\nrerun one with: RECONNECT_SYNC_SEED={} cargo test \
             -p reconnect-tests --test sync_fleet -- --nocapture",
            failures.len(),
            seeds.len(),
            list.join("\n"),
            failures[0].0
        );
    }
    assert!(
        total.sessions_completed > 0 && acks > 0,
        "the runs did nothing"
    );
    // Both ways of dialling ran (sessions include pairings, which are neither).
    assert!(
        total.sessions_named > 0
            && total.sessions_named + 3 * (summaries.len() as u64) < total.sessions_started,
        "named {} of {} sessions",
        total.sessions_named,
        total.sessions_started
    );
}
