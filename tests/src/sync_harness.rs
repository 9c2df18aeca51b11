//! A deterministic simulator for sync between one user's devices, after samod's test
//! harness: real stores in temporary directories, real pairing and sync sessions, and an
//! in-memory network the test controls completely.
//!
//! - Time is a tick counter. [`Sim::step`] advances one tick: it delivers every frame
//!   due by then (in due order, then send order), lets the receiving session answer, and
//!   ends connections that can no longer progress.
//! - Every pair of devices has one [`Link`]: its [`Faults`] (drop, duplicate, delay,
//!   reorder probabilities) and whether it is partitioned. Delay keeps a direction's
//!   frames in order, as a slow TCP stream would; drops, duplicates and reordering break
//!   the stream, and then the session fails (Noise nonces), as it should.
//! - A failed session is torn down like a transport that closes: the failing side's
//!   closing frame goes out once (subject to the link), the connection is dropped with
//!   whatever was still in flight, and a new session can start later. A connection with
//!   nothing in flight that is not finished is stalled (a frame was lost) and is timed
//!   out the same way.
//! - [`Sim::restart`] closes a device's store and reopens it from disk, cutting its
//!   connections first, and checks that its heads survived.
//! - [`Sim::run_until_quiescent`] keeps starting sessions between reachable devices whose
//!   heads differ, until no connection is open, nothing is in flight and every reachable
//!   pair holds the same heads; it is bounded by a step count and a deadline.
//!
//! Every choice the simulator makes comes from a `StdRng` seeded by the test (one stream
//! for the simulator, one per connection for its faults), so a seed replays the same
//! schedule. The core's own randomness (keys, record ids, pairing codes) is not seeded:
//! a rerun of a seed follows the same schedule unless a session's frame count differs
//! (an Automerge Bloom-filter false positive can add a round), which only shifts that
//! connection's fault draws.

use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reconnect_core::{
    Error, FixedClock, PairingSession, Reconnect, Result, Role, SessionStats, Step, StoreKey,
    SyncError, SyncSession,
};
use tempfile::TempDir;

use crate::device;

/// One device of the simulated fleet: its own directory, key and clock.
pub struct SimDevice {
    pub name: String,
    pub clock: Arc<FixedClock>,
    pub key: StoreKey,
    /// The device id (derived from its static key; stable across restarts).
    pub id: String,
    /// Always set, except for the moment of a restart.
    app: Option<Arc<Reconnect>>,
    dir: TempDir,
    pub restarts: u32,
}

impl SimDevice {
    pub fn new(name: &str) -> SimDevice {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let key = device::random_key();
        let clock = Arc::new(FixedClock::new(device::noon(0)));
        let app = Arc::new(
            device::open(dir.path(), &key, name, clock.clone()).expect("a new store opens"),
        );
        let id = app.device().device_id.clone();
        SimDevice {
            name: name.to_string(),
            clock,
            key,
            id,
            app: Some(app),
            dir,
            restarts: 0,
        }
    }

    pub fn app(&self) -> &Arc<Reconnect> {
        self.app.as_ref().expect("the store is open")
    }

    pub fn heads(&self) -> Vec<String> {
        self.app().heads().expect("heads")
    }

    pub fn path(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Closes the store and opens it again from disk; its heads must survive. Sessions
    /// hold the store weakly, so nothing else may hold it now.
    pub fn reopen(&mut self) {
        let heads = self.heads();
        let old = self.app.take().expect("the store is open");
        assert_eq!(
            Arc::strong_count(&old),
            1,
            "{}: something still holds the store at a restart",
            self.name
        );
        // The old handle is closed before the new one opens.
        drop(old);
        self.app = Some(Arc::new(
            device::open(self.dir.path(), &self.key, &self.name, self.clock.clone())
                .expect("the store reopens"),
        ));
        self.restarts += 1;
        assert_eq!(
            self.heads(),
            heads,
            "{}: the heads changed across a restart",
            self.name
        );
        assert_eq!(self.app().device().device_id, self.id);
    }
}

/// Either kind of session, as the simulator drives it.
pub trait Endpoint: Send {
    fn start(&mut self) -> Result<Vec<Vec<u8>>>;
    fn receive(&mut self, frame: &[u8]) -> Result<Step>;
    fn closing_frame(&mut self) -> Option<Vec<u8>>;
    fn is_done(&self) -> bool;
    /// A sync session's counters; pairing sessions have none.
    fn stats(&self) -> Option<SessionStats>;
}

impl Endpoint for SyncSession {
    fn start(&mut self) -> Result<Vec<Vec<u8>>> {
        SyncSession::start(self)
    }
    fn receive(&mut self, frame: &[u8]) -> Result<Step> {
        SyncSession::receive(self, frame)
    }
    fn closing_frame(&mut self) -> Option<Vec<u8>> {
        SyncSession::closing_frame(self)
    }
    fn is_done(&self) -> bool {
        SyncSession::is_done(self)
    }
    fn stats(&self) -> Option<SessionStats> {
        Some(SyncSession::stats(self))
    }
}

impl Endpoint for PairingSession {
    fn start(&mut self) -> Result<Vec<Vec<u8>>> {
        PairingSession::start(self)
    }
    fn receive(&mut self, frame: &[u8]) -> Result<Step> {
        PairingSession::receive(self, frame)
    }
    fn closing_frame(&mut self) -> Option<Vec<u8>> {
        PairingSession::closing_frame(self)
    }
    fn is_done(&self) -> bool {
        PairingSession::is_done(self)
    }
    fn stats(&self) -> Option<SessionStats> {
        None
    }
}

/// What a link does to the frames it carries; each a probability per frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Faults {
    pub drop: f64,
    pub duplicate: f64,
    /// Held back 1..=`max_delay` extra ticks, behind the frames before it.
    pub delay: f64,
    /// Held back and overtaken by the frames sent after it.
    pub reorder: f64,
    pub max_delay: u64,
}

impl Faults {
    pub const PERFECT: Faults = Faults {
        drop: 0.0,
        duplicate: 0.0,
        delay: 0.0,
        reorder: 0.0,
        max_delay: 0,
    };

    /// Random fault levels: perfect a quarter of the time, else up to 12% drops, 5%
    /// duplicates, 30% delays and 8% reorderings.
    pub fn random(rng: &mut impl Rng) -> Faults {
        if rng.random_bool(0.25) {
            return Faults::PERFECT;
        }
        Faults {
            drop: rng.random_range(0.0..0.12),
            duplicate: rng.random_range(0.0..0.05),
            delay: rng.random_range(0.0..0.3),
            reorder: rng.random_range(0.0..0.08),
            max_delay: rng.random_range(1..=6),
        }
    }

    pub fn is_perfect(&self) -> bool {
        self.drop == 0.0 && self.duplicate == 0.0 && self.reorder == 0.0
    }
}

/// The network between two devices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub faults: Faults,
    pub partitioned: bool,
}

/// Which kind of session a connection runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pairing,
    Sync,
}

/// How a sync initiator reaches its peer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dial {
    /// To the device it names (Noise IK; the opening rides in the first flight).
    Named,
    /// To whichever paired device answers (Noise XX; one round trip more).
    Anyone,
}

/// How a connection ended.
#[derive(Debug)]
pub enum Ending {
    /// Both sessions finished.
    Completed,
    /// A side's `receive` failed: which side (0 = initiator), its error, and the other
    /// side's error on the closing frame, if it got one.
    Failed {
        side: usize,
        error: Error,
        other: Option<Error>,
    },
    /// Nothing left in flight and not finished: a frame was lost.
    Stalled,
    /// Cut by the test: a restart or a partition.
    Cut(&'static str),
}

/// One finished connection, as tests inspect it.
#[derive(Debug)]
pub struct SessionReport {
    pub id: u64,
    pub kind: Kind,
    /// Device indices: `[initiator, responder]`.
    pub ends: [usize; 2],
    pub ending: Ending,
    /// Whether a frame of this connection was dropped, duplicated or reordered.
    pub faulted: bool,
    /// Each side's counters (sync sessions).
    pub stats: [Option<SessionStats>; 2],
    /// Whether each side's document changed.
    pub changed: [bool; 2],
    /// Flights sent (a flight: what one side sends before the other answers).
    pub flights: u32,
    /// The flight that last changed a side's document: how far the session had to go
    /// before both sides held what the other had.
    pub last_change_flight: Option<u32>,
    pub started_at: u64,
    pub ended_at: u64,
}

impl SessionReport {
    pub fn completed(&self) -> bool {
        matches!(self.ending, Ending::Completed)
    }

    /// Each side's error, if any: `[initiator, responder]`.
    pub fn errors(&self) -> [Option<&Error>; 2] {
        match &self.ending {
            Ending::Failed { side, error, other } => {
                let mut out = [None, None];
                out[*side] = Some(error);
                out[1 - *side] = other.as_ref();
                out
            }
            _ => [None, None],
        }
    }

    pub fn sync_errors(&self) -> [Option<SyncError>; 2] {
        self.errors().map(|e| match e {
            Some(Error::Sync(err)) => Some(err.clone()),
            _ => None,
        })
    }
}

/// A frame as it crossed the wire (dropped frames were sent all the same).
#[derive(Debug, Clone)]
pub struct Captured {
    pub conn: u64,
    /// The sending device.
    pub from: usize,
    pub frame: Vec<u8>,
}

/// Counters over a whole run.
#[derive(Debug, Clone, Default)]
pub struct SimStats {
    pub sessions_started: u64,
    /// Sync sessions dialled to a named device ([`Dial::Named`]).
    pub sessions_named: u64,
    pub sessions_completed: u64,
    pub sessions_failed: u64,
    pub sessions_stalled: u64,
    pub sessions_cut: u64,
    pub frames_sent: u64,
    pub bytes_sent: u64,
    pub frames_dropped: u64,
    pub frames_duplicated: u64,
    pub frames_delayed: u64,
    pub frames_reordered: u64,
    pub restarts: u64,
    /// Errors by name, both sides.
    pub errors: BTreeMap<String, u64>,
}

struct Conn {
    kind: Kind,
    ends: [usize; 2],
    sessions: [Box<dyn Endpoint>; 2],
    rng: StdRng,
    /// The last due tick of a frame towards each side, to keep delayed frames in order.
    last_due: [u64; 2],
    in_flight: usize,
    /// Frames this connection's sessions produced, both ways (before interception).
    produced: u64,
    /// Flights so far (a flight: what one side sends before the other answers), and
    /// which side sent the last one.
    flights: u32,
    last_sender: Option<usize>,
    /// The flight whose frame last changed a side's document.
    last_change_flight: Option<u32>,
    faulted: bool,
    changed: [bool; 2],
    started_at: u64,
}

/// Sees every frame a session sends, before the link does, and returns what is sent
/// instead: `(connection, sending side (0 = initiator), index of the frame in the
/// connection, frame)`.
pub type Interceptor = Box<dyn FnMut(u64, usize, u64, Vec<u8>) -> Vec<Vec<u8>>>;

struct Packet {
    conn: u64,
    /// The receiving side (0 = initiator).
    to: usize,
    frame: Vec<u8>,
}

/// The simulated fleet and its network.
pub struct Sim {
    pub seed: u64,
    rng: StdRng,
    pub devices: Vec<SimDevice>,
    links: BTreeMap<(usize, usize), Link>,
    conns: BTreeMap<u64, Conn>,
    next_conn: u64,
    /// Frames in flight by (due tick, send order).
    in_flight: BTreeMap<(u64, u64), Packet>,
    next_seq: u64,
    pub tick: u64,
    pub stats: SimStats,
    /// Every connection that ended, in order.
    pub finished: Vec<SessionReport>,
    /// Every frame sent, when capturing.
    pub captured: Option<Vec<Captured>>,
    trace: VecDeque<String>,
    /// Ticks a connection may live before it is cut as too slow.
    pub max_session_ticks: u64,
    interceptor: Option<Interceptor>,
}

/// How many trace lines a simulator keeps for a failure report.
const TRACE_LINES: usize = 300;

fn pair_key(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// A short name for an error: the sync error's variant, or the error's kind.
pub fn error_name(error: &Error) -> String {
    match error {
        Error::Sync(err) => {
            let debug = format!("{err:?}");
            debug
                .split(['(', ' ', '{'])
                .next()
                .unwrap_or("Sync")
                .to_string()
        }
        other => {
            let debug = format!("{other:?}");
            let name = debug.split(['(', ' ', '{']).next().unwrap_or("Error");
            format!("{name}: {other}")
        }
    }
}

impl Sim {
    /// A fleet of new devices named `names`, unpaired, on perfect links.
    pub fn new(seed: u64, names: &[&str]) -> Sim {
        let devices: Vec<SimDevice> = names.iter().map(|n| SimDevice::new(n)).collect();
        let mut links = BTreeMap::new();
        for a in 0..devices.len() {
            for b in a + 1..devices.len() {
                links.insert(
                    (a, b),
                    Link {
                        faults: Faults::PERFECT,
                        partitioned: false,
                    },
                );
            }
        }
        Sim {
            seed,
            rng: StdRng::seed_from_u64(seed),
            devices,
            links,
            conns: BTreeMap::new(),
            next_conn: 0,
            in_flight: BTreeMap::new(),
            next_seq: 0,
            tick: 0,
            stats: SimStats::default(),
            finished: Vec::new(),
            captured: None,
            trace: VecDeque::new(),
            max_session_ticks: 10_000,
            interceptor: None,
        }
    }

    /// Adds a new, unpaired device on perfect links; returns its index.
    pub fn add_device(&mut self, name: &str) -> usize {
        let index = self.devices.len();
        self.devices.push(SimDevice::new(name));
        for other in 0..index {
            self.links.insert(
                (other, index),
                Link {
                    faults: Faults::PERFECT,
                    partitioned: false,
                },
            );
        }
        self.note(format!("device {index} ({name}) added"));
        index
    }

    /// The simulator's random stream, for workloads that want to stay on the seed.
    pub fn rng(&mut self) -> &mut StdRng {
        &mut self.rng
    }

    pub fn device(&self, index: usize) -> &SimDevice {
        &self.devices[index]
    }

    pub fn app(&self, index: usize) -> &Arc<Reconnect> {
        self.devices[index].app()
    }

    /// Lets `interceptor` alter, drop or multiply every frame sent from now on (an
    /// attacker on the path); `None` stops it.
    pub fn intercept(&mut self, interceptor: Option<Interceptor>) {
        self.interceptor = interceptor;
    }

    /// Starts keeping every frame sent.
    pub fn capture(&mut self) {
        self.captured.get_or_insert_with(Vec::new);
    }

    pub fn note(&mut self, line: impl Into<String>) {
        if self.trace.len() == TRACE_LINES {
            self.trace.pop_front();
        }
        let line = format!("[{}] {}", self.tick, line.into());
        self.trace.push_back(line);
    }

    /// The last events, for a failure report.
    pub fn trace(&self) -> String {
        self.trace.iter().fold(String::new(), |mut out, line| {
            let _ = writeln!(out, "{line}");
            out
        })
    }

    pub fn link(&self, a: usize, b: usize) -> Link {
        self.links[&pair_key(a, b)]
    }

    pub fn set_faults(&mut self, a: usize, b: usize, faults: Faults) {
        if let Some(link) = self.links.get_mut(&pair_key(a, b)) {
            link.faults = faults;
        }
        self.note(format!("link {a}-{b}: {faults:?}"));
    }

    /// Partitions (or reconnects) two devices; a partition cuts their connections.
    pub fn set_partitioned(&mut self, a: usize, b: usize, partitioned: bool) {
        if let Some(link) = self.links.get_mut(&pair_key(a, b)) {
            link.partitioned = partitioned;
        }
        self.note(format!("link {a}-{b}: partitioned {partitioned}"));
        if partitioned {
            self.cut(
                |ends| pair_key(ends[0], ends[1]) == pair_key(a, b),
                "partition",
            );
        }
    }

    /// Cuts `device` off from every other device.
    pub fn isolate(&mut self, device: usize) {
        for other in 0..self.devices.len() {
            if other != device {
                self.set_partitioned(device, other, true);
            }
        }
    }

    /// Perfect links everywhere, no partitions.
    pub fn heal(&mut self) {
        for link in self.links.values_mut() {
            *link = Link {
                faults: Faults::PERFECT,
                partitioned: false,
            };
        }
        self.note("healed");
    }

    pub fn open_connections(&self) -> usize {
        self.conns.len()
    }

    /// Whether a connection between `a` and `b` (either way) is open.
    pub fn connected(&self, a: usize, b: usize) -> bool {
        self.conns
            .values()
            .any(|c| pair_key(c.ends[0], c.ends[1]) == pair_key(a, b))
    }

    /// Starts a sync session from `initiator` to `responder`, dialled either way
    /// ([`Dial`], chosen by the seed); `None` when they cannot reach each other.
    pub fn connect(&mut self, initiator: usize, responder: usize) -> Option<u64> {
        let dial = if self.rng.random_bool(0.5) {
            Dial::Named
        } else {
            Dial::Anyone
        };
        self.connect_with(initiator, responder, dial)
    }

    /// Starts a sync session from `initiator` to `responder`, dialled as `dial`.
    pub fn connect_with(&mut self, initiator: usize, responder: usize, dial: Dial) -> Option<u64> {
        let app = self.devices[initiator].app();
        let session = match dial {
            Dial::Named => app.sync_session_to(&self.devices[responder].id),
            Dial::Anyone => app.sync_session(Role::Initiator),
        };
        let sessions: [Box<dyn Endpoint>; 2] = [
            Box::new(session.expect("a sync session")),
            Box::new(
                self.devices[responder]
                    .app()
                    .sync_session(Role::Responder)
                    .expect("a sync session"),
            ),
        ];
        let id = self.open(Kind::Sync, [initiator, responder], sessions)?;
        if dial == Dial::Named {
            self.stats.sessions_named += 1;
        }
        Some(id)
    }

    /// Starts a pairing: `offering` shows a new code, `joining` types it.
    pub fn connect_pairing(&mut self, offering: usize, joining: usize) -> Option<u64> {
        let offer = self.devices[offering]
            .app()
            .pairing_offer(None)
            .expect("an offer");
        self.connect_pairing_with(offering, joining, &offer.code, &offer.qr)
    }

    /// Starts a pairing where the offering side expects `shown` and the joining side
    /// uses `typed` (which may be wrong).
    pub fn connect_pairing_with(
        &mut self,
        offering: usize,
        joining: usize,
        shown: &str,
        typed: &str,
    ) -> Option<u64> {
        let responder = self.devices[offering].app().pair_responder(shown).ok()?;
        let initiator = self.devices[joining]
            .app()
            .pair_initiator(typed)
            .expect("a pairing session");
        self.open(
            Kind::Pairing,
            [joining, offering],
            [Box::new(initiator), Box::new(responder)],
        )
    }

    /// Starts a connection with sessions made by the caller (hand-built ones too).
    pub fn open(
        &mut self,
        kind: Kind,
        ends: [usize; 2],
        sessions: [Box<dyn Endpoint>; 2],
    ) -> Option<u64> {
        if self.link(ends[0], ends[1]).partitioned {
            self.note(format!("{kind:?} {}→{}: unreachable", ends[0], ends[1]));
            return None;
        }
        let id = self.next_conn;
        self.next_conn += 1;
        let conn_seed = self.seed ^ (id.wrapping_add(1)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut conn = Conn {
            kind,
            ends,
            sessions,
            rng: StdRng::seed_from_u64(conn_seed),
            last_due: [0, 0],
            in_flight: 0,
            produced: 0,
            flights: 0,
            last_sender: None,
            last_change_flight: None,
            faulted: false,
            changed: [false, false],
            started_at: self.tick,
        };
        self.stats.sessions_started += 1;
        self.note(format!("#{id} {kind:?} {}→{} opens", ends[0], ends[1]));
        let first = conn.sessions[0].start();
        let answer = conn.sessions[1].start();
        self.conns.insert(id, conn);
        match (first, answer) {
            (Ok(frames), Ok(none)) => {
                assert!(none.is_empty(), "a responder spoke first");
                self.send(id, 0, frames);
            }
            (Err(error), _) | (_, Err(error)) => {
                self.end(
                    id,
                    Ending::Failed {
                        side: 0,
                        error,
                        other: None,
                    },
                );
            }
        }
        Some(id)
    }

    /// Puts `frames` from side `from` of connection `id` on the link.
    fn send(&mut self, id: u64, from: usize, frames: Vec<Vec<u8>>) {
        let Some(conn) = self.conns.get_mut(&id) else {
            return;
        };
        let faults = self.links[&pair_key(conn.ends[0], conn.ends[1])].faults;
        let to = 1 - from;
        if !frames.is_empty() && conn.last_sender != Some(from) {
            conn.flights += 1;
            conn.last_sender = Some(from);
        }
        let first = conn.produced;
        conn.produced += frames.len() as u64;
        let frames: Vec<Vec<u8>> = match &mut self.interceptor {
            None => frames,
            Some(intercept) => frames
                .into_iter()
                .enumerate()
                .flat_map(|(i, frame)| intercept(id, from, first + i as u64, frame))
                .collect(),
        };
        for frame in frames {
            self.stats.frames_sent += 1;
            self.stats.bytes_sent += frame.len() as u64;
            if let Some(captured) = &mut self.captured {
                captured.push(Captured {
                    conn: id,
                    from: conn.ends[from],
                    frame: frame.clone(),
                });
            }
            if conn.rng.random_bool(faults.drop) {
                self.stats.frames_dropped += 1;
                conn.faulted = true;
                continue;
            }
            let copies = if conn.rng.random_bool(faults.duplicate) {
                self.stats.frames_duplicated += 1;
                conn.faulted = true;
                2
            } else {
                1
            };
            for _ in 0..copies {
                let mut due = (self.tick + 1).max(conn.last_due[to]);
                if conn.rng.random_bool(faults.reorder) {
                    // Held back; later frames do not wait for it.
                    self.stats.frames_reordered += 1;
                    conn.faulted = true;
                    due += conn.rng.random_range(1..=faults.max_delay.max(2));
                } else {
                    if conn.rng.random_bool(faults.delay) {
                        self.stats.frames_delayed += 1;
                        due += conn.rng.random_range(1..=faults.max_delay.max(1));
                    }
                    conn.last_due[to] = due;
                }
                let seq = self.next_seq;
                self.next_seq += 1;
                conn.in_flight += 1;
                self.in_flight.insert(
                    (due, seq),
                    Packet {
                        conn: id,
                        to,
                        frame: frame.clone(),
                    },
                );
            }
        }
    }

    /// Advances one tick: delivers what is due, then ends connections that finished or
    /// can no longer progress.
    pub fn step(&mut self) {
        self.tick += 1;
        while let Some(entry) = self.in_flight.first_entry() {
            if entry.key().0 > self.tick {
                break;
            }
            let packet = entry.remove();
            self.deliver(packet);
        }
        let ids: Vec<u64> = self.conns.keys().copied().collect();
        for id in ids {
            let Some(conn) = self.conns.get(&id) else {
                continue;
            };
            if conn.sessions[0].is_done() && conn.sessions[1].is_done() {
                self.end(id, Ending::Completed);
            } else if conn.in_flight == 0 {
                self.end(id, Ending::Stalled);
            } else if self.tick - conn.started_at > self.max_session_ticks {
                self.end(id, Ending::Cut("too slow"));
            }
        }
    }

    fn deliver(&mut self, packet: Packet) {
        let Some(conn) = self.conns.get_mut(&packet.conn) else {
            return;
        };
        conn.in_flight -= 1;
        let to = packet.to;
        if conn.sessions[to].is_done() {
            // A finished side has closed its end of the connection (a duplicate of the
            // last frame, say, arrives to nothing).
            return;
        }
        match conn.sessions[to].receive(&packet.frame) {
            Ok(step) => {
                conn.changed[to] |= step.changed;
                if step.changed {
                    conn.last_change_flight = Some(conn.flights);
                }
                self.send(packet.conn, to, step.outgoing);
            }
            Err(error) => {
                // The failing side says why once, best-effort, and closes.
                let closing = conn.sessions[to].closing_frame();
                let faults = self.links[&pair_key(conn.ends[0], conn.ends[1])].faults;
                let mut other = None;
                if let Some(frame) = closing {
                    self.stats.frames_sent += 1;
                    self.stats.bytes_sent += frame.len() as u64;
                    if let Some(captured) = &mut self.captured {
                        captured.push(Captured {
                            conn: packet.conn,
                            from: conn.ends[to],
                            frame: frame.clone(),
                        });
                    }
                    if conn.rng.random_bool(faults.drop) {
                        self.stats.frames_dropped += 1;
                    } else if !conn.sessions[1 - to].is_done() {
                        other = conn.sessions[1 - to].receive(&frame).err();
                    }
                }
                self.end(
                    packet.conn,
                    Ending::Failed {
                        side: to,
                        error,
                        other,
                    },
                );
            }
        }
    }

    /// Closes connection `id`: its frames in flight are lost with it.
    fn end(&mut self, id: u64, ending: Ending) {
        let Some(conn) = self.conns.remove(&id) else {
            return;
        };
        if conn.in_flight > 0 {
            self.in_flight.retain(|_, p| p.conn != id);
        }
        match &ending {
            Ending::Completed => self.stats.sessions_completed += 1,
            Ending::Failed { error, other, .. } => {
                self.stats.sessions_failed += 1;
                for err in std::iter::once(error).chain(other) {
                    *self.stats.errors.entry(error_name(err)).or_default() += 1;
                }
            }
            Ending::Stalled => self.stats.sessions_stalled += 1,
            Ending::Cut(_) => self.stats.sessions_cut += 1,
        }
        let report = SessionReport {
            id,
            kind: conn.kind,
            ends: conn.ends,
            ending,
            faulted: conn.faulted,
            stats: [conn.sessions[0].stats(), conn.sessions[1].stats()],
            changed: conn.changed,
            flights: conn.flights,
            last_change_flight: conn.last_change_flight,
            started_at: conn.started_at,
            ended_at: self.tick,
        };
        let summary = match &report.ending {
            Ending::Failed { side, error, other } => format!(
                "failed on side {side}: {} / {}",
                error_name(error),
                other.as_ref().map(error_name).unwrap_or_default()
            ),
            other => format!("{other:?}"),
        };
        self.note(format!(
            "#{id} {:?} {}→{} ends: {summary}{}",
            report.kind,
            report.ends[0],
            report.ends[1],
            if report.faulted { " (faulted)" } else { "" }
        ));
        self.finished.push(report);
    }

    /// Cuts every connection whose ends match.
    fn cut(&mut self, matches: impl Fn([usize; 2]) -> bool, why: &'static str) {
        let ids: Vec<u64> = self
            .conns
            .iter()
            .filter(|(_, c)| matches(c.ends))
            .map(|(id, _)| *id)
            .collect();
        for id in ids {
            self.end(id, Ending::Cut(why));
        }
    }

    /// Closes `device`'s store and reopens it from disk, as after the app was killed
    /// and started again: its connections are cut first.
    pub fn restart(&mut self, device: usize) {
        self.cut(|ends| ends.contains(&device), "restart");
        self.devices[device].reopen();
        self.stats.restarts += 1;
        self.note(format!("device {device} restarted"));
    }

    /// Runs until no connection is open and nothing is in flight.
    pub fn run_until_idle(&mut self, max_steps: u64) -> std::result::Result<u64, String> {
        for steps in 0..=max_steps {
            if self.conns.is_empty() && self.in_flight.is_empty() {
                return Ok(steps);
            }
            self.step();
        }
        Err(format!(
            "still busy after {max_steps} steps: {} connections open\n{}",
            self.conns.len(),
            self.trace()
        ))
    }

    /// Pairs of reachable devices whose heads differ.
    pub fn diverged(&self) -> Vec<(usize, usize)> {
        let heads: Vec<Vec<String>> = self.devices.iter().map(SimDevice::heads).collect();
        self.links
            .iter()
            .filter(|((a, b), link)| !link.partitioned && heads[*a] != heads[*b])
            .map(|(pair, _)| *pair)
            .collect()
    }

    /// Whether nothing is open or in flight and every reachable pair holds the same
    /// heads.
    pub fn is_quiescent(&self) -> bool {
        self.conns.is_empty() && self.in_flight.is_empty() && self.diverged().is_empty()
    }

    /// Starts sessions between reachable devices whose heads differ (either one may
    /// initiate) and steps, until [`Sim::is_quiescent`]. Fails after `max_steps` steps
    /// or 60 seconds, with the state and the trace.
    pub fn run_until_quiescent(&mut self, max_steps: u64) -> std::result::Result<u64, String> {
        let deadline = Instant::now() + Duration::from_secs(60);
        for steps in 0..=max_steps {
            let diverged = self.diverged();
            if self.conns.is_empty() && self.in_flight.is_empty() && diverged.is_empty() {
                return Ok(steps);
            }
            if Instant::now() > deadline {
                return Err(self.stuck(&format!("not quiescent after 60 s ({steps} steps)")));
            }
            for (a, b) in diverged {
                if !self.connected(a, b) {
                    let (i, r) = if self.rng.random_bool(0.5) {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    self.connect(i, r);
                }
            }
            self.step();
        }
        Err(self.stuck(&format!("not quiescent after {max_steps} steps")))
    }

    fn stuck(&self, why: &str) -> String {
        let mut out = format!("{why}: {} connections open\n", self.conns.len());
        for (i, d) in self.devices.iter().enumerate() {
            let _ = writeln!(out, "device {i} ({}): heads {:?}", d.name, d.heads());
        }
        out + &self.trace()
    }

    /// Pairs every device with every other over the links as they are (perfect unless
    /// changed), the lower index showing the code. Panics if a pairing fails.
    pub fn pair_all(&mut self) {
        for a in 0..self.devices.len() {
            for b in a + 1..self.devices.len() {
                let id = self
                    .connect_pairing(a, b)
                    .expect("the devices can reach each other");
                self.run_until_idle(100).expect("the pairing settles");
                let report = self.report(id).expect("the pairing ended");
                assert!(report.completed(), "pairing {a}-{b} failed: {report:?}");
            }
        }
    }

    /// The report of a finished connection.
    pub fn report(&self, id: u64) -> Option<&SessionReport> {
        self.finished.iter().rev().find(|r| r.id == id)
    }

    /// Sets every device's clock to `at`.
    pub fn set_clocks(&self, at: chrono::DateTime<chrono::Utc>) {
        for d in &self.devices {
            d.clock.set(at);
        }
    }
}
