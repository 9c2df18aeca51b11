//! Exists because "acknowledged means durable" is the store's central promise: a
//! writer process is SIGKILLed at random moments, over and over on the same store, and
//! after every kill each acknowledged check-in must be there and the file must be sound.

use rand::{Rng, SeedableRng, rngs::StdRng};
use reconnect_core::FixedClock;
use reconnect_tests::device::{self, day_index};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const ROUNDS: usize = 25;
/// Rounds stop once this much time has gone, whatever the count.
const BUDGET: Duration = Duration::from_secs(60);
/// Fewer completed rounds than this means the test proved too little.
const MIN_ROUNDS: usize = 5;
const READY_TIMEOUT: Duration = Duration::from_secs(30);
const MAX_DELAY_MS: u64 = 150;
const SIGKILL: i32 = 9;

/// The running writer; killed on drop so a failing test leaves no process behind.
struct Writer {
    child: Child,
    lines: Receiver<String>,
    reader: Option<JoinHandle<()>>,
}

impl Writer {
    fn spawn(dir: &Path, key_hex: &str) -> Writer {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crash_writer"))
            .arg(dir)
            .arg(key_hex)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, lines) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Writer {
            child,
            lines,
            reader: Some(reader),
        }
    }

    fn stderr(&mut self) -> String {
        let mut text = String::new();
        if let Some(mut err) = self.child.stderr.take() {
            let _ = err.read_to_string(&mut text);
        }
        text
    }

    /// Kills the writer and returns every line it printed after `ready`.
    fn kill(mut self) -> Vec<String> {
        self.child.kill().unwrap();
        let status = self.child.wait().unwrap();
        let stderr = self.stderr();
        assert_eq!(
            status.signal(),
            Some(SIGKILL),
            "the writer stopped on its own ({status}) before it was killed: {stderr}"
        );
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        self.lines.try_iter().collect()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the writer said before it died.
#[derive(Debug, Default)]
struct Transcript {
    acked: Vec<u32>,
    /// A write that had begun but was not acknowledged when the kill landed.
    in_flight: Option<u32>,
}

fn parse(lines: &[String]) -> Transcript {
    let mut transcript = Transcript::default();
    for line in lines {
        let (word, day) = line.split_once(' ').unwrap();
        let day: u32 = day.parse().unwrap();
        match word {
            "begin" => transcript.in_flight = Some(day),
            "ack" => {
                assert_eq!(transcript.in_flight, Some(day), "ack without begin");
                transcript.in_flight = None;
                transcript.acked.push(day);
            }
            other => panic!("unexpected line from the writer: {other} {day}"),
        }
    }
    transcript
}

/// Reopens the store after a kill and checks it against every acknowledgement so far.
/// `newest_begun` is the newest day any writer announced before starting to write it.
fn verify(
    dir: &Path,
    key: &reconnect_core::StoreKey,
    acked: &BTreeMap<u32, String>,
    newest_begun: Option<u32>,
) -> usize {
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let app = device::open(dir, key, "verifier", clock).expect("a killed store reopens");
    assert_eq!(app.integrity_check().unwrap(), "ok");
    let present: BTreeMap<u32, Option<String>> = app
        .history(None)
        .unwrap()
        .into_iter()
        .map(|c| (day_index(c.date).unwrap(), c.note))
        .collect();
    for (day, note) in acked {
        assert_eq!(
            present.get(day),
            Some(&Some(note.clone())),
            "acknowledged day {day} is missing or changed"
        );
    }
    // The writer goes day by day, so what is there is a run from day 0. A write in
    // flight at a kill may land without its acknowledgement (in any round), but no day
    // newer than the newest one a writer began can be there.
    if let Some(&newest) = present.keys().next_back() {
        assert!(
            newest_begun.is_some_and(|begun| newest <= begun),
            "day {newest} present, never begun"
        );
        assert_eq!(present.len() as u32, newest + 1, "days are not contiguous");
    }
    present.len()
}

#[test]
fn acknowledged_check_ins_survive_sigkill() {
    let seed: u64 = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random);
    println!("crash_safety seed: {seed} (set CRASH_SEED to replay the delays)");
    let mut rng = StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    let key_hex = key.to_hex();

    let started = Instant::now();
    let mut acked: BTreeMap<u32, String> = BTreeMap::new();
    let mut newest_begun: Option<u32> = None;
    let (mut rounds, mut mid_write) = (0, 0);
    while rounds < ROUNDS && started.elapsed() < BUDGET {
        let mut writer = Writer::spawn(dir.path(), &key_hex);
        match writer.lines.recv_timeout(READY_TIMEOUT) {
            Ok(line) => assert_eq!(line, "ready"),
            Err(RecvTimeoutError::Timeout) => panic!("the writer did not open in time"),
            Err(RecvTimeoutError::Disconnected) => {
                let _ = writer.child.wait();
                panic!("the writer failed to open: {}", writer.stderr());
            }
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(0..=MAX_DELAY_MS)));
        let transcript = parse(&writer.kill());
        if transcript.in_flight.is_some() {
            mid_write += 1;
        }
        for day in &transcript.acked {
            acked.insert(*day, device::day_note(*day));
        }
        let begun_now = transcript
            .acked
            .iter()
            .copied()
            .chain(transcript.in_flight)
            .max();
        newest_begun = newest_begun.max(begun_now);
        let days = verify(dir.path(), &key, &acked, newest_begun);
        println!(
            "round {rounds}: {} acks, in flight {:?}, {days} days on disk",
            transcript.acked.len(),
            transcript.in_flight
        );
        rounds += 1;
    }
    println!(
        "{rounds} rounds, {} acknowledged days, {mid_write} kills mid-write, {:.1}s",
        acked.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(rounds >= MIN_ROUNDS, "only {rounds} rounds fit the budget");
    assert!(!acked.is_empty(), "no write was ever acknowledged");
    assert!(mid_write > 0, "no kill landed while a write was in flight");
}
