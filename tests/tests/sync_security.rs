//! Exists because the devices talk over networks the user does not control: what the
//! core's unit tests (`core/src/sync/tests/`) check on one session at a time is checked
//! here across whole pairings and syncs of real stores, across restarts, with three
//! devices, and at the level of the bytes and the allocator:
//!
//! - nothing the user wrote, nor a device name, ever crosses the wire readable, in UTF-8
//!   or UTF-16, through pairing and sync both ways;
//! - every frame of a session is authenticated: altering any one of them ends the session
//!   and leaves both stores whole;
//! - a session recorded on the wire and replayed later is refused;
//! - a device revoked on one device is refused there while the others go on (and,
//!   revocation being per device, still reaches it through a device that did not revoke
//!   it);
//! - a wrong code spends the offer for good, across a restart; an unused offer survives one;
//! - a frame announcing 4 GiB, in the middle of an open session, is refused without a
//!   large allocation, by the session and by the stream decoder.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use reconnect_core::journal::{EntryInput, EntryKind};
use reconnect_core::sync::FrameDecoder;
use reconnect_core::{CheckInInput, Error, ProgramCommand, Reconnect, Role, SyncError};
use reconnect_tests::journey::favourable_pre_check;
use reconnect_tests::sync_harness::{Dial, Ending, Sim};

/// Records, per thread, the largest single allocation made while armed.
struct Tracking;

thread_local! {
    static ARMED: Cell<bool> = const { Cell::new(false) };
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn note_allocation(size: usize) {
    let _ = ARMED.try_with(|armed| {
        if armed.get() {
            let _ = LARGEST.try_with(|largest| largest.set(largest.get().max(size)));
        }
    });
}

unsafe impl GlobalAlloc for Tracking {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_allocation(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Tracking = Tracking;

/// Runs `f` and returns its result with the largest allocation it made on this thread.
fn largest_allocation<T>(f: impl FnOnce() -> T) -> (T, usize) {
    LARGEST.with(|l| l.set(0));
    ARMED.with(|a| a.set(true));
    let out = f();
    ARMED.with(|a| a.set(false));
    (out, LARGEST.with(Cell::get))
}

fn sync_error(result: reconnect_core::Result<impl std::fmt::Debug>) -> SyncError {
    match result {
        Err(Error::Sync(err)) => err,
        other => panic!("expected a sync error, got {other:?}"),
    }
}

fn note(text: &str) -> CheckInInput {
    CheckInInput {
        mood: 3,
        urge: 2,
        contact: None,
        note: Some(text.to_string()),
    }
}

fn entry(title: &str, body: &str) -> EntryInput {
    EntryInput {
        kind: EntryKind::Entry,
        title: title.into(),
        body: body.into(),
        tags: vec!["private".into()],
        link: None,
        cool_off_hours: None,
    }
}

/// Whether `needle` appears in `haystack` as UTF-8, UTF-16LE or UTF-16BE.
fn carries(haystack: &[u8], needle: &str) -> Option<&'static str> {
    let le: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = needle.encode_utf16().flat_map(u16::to_be_bytes).collect();
    [
        ("UTF-8", needle.as_bytes().to_vec()),
        ("UTF-16LE", le),
        ("UTF-16BE", be),
    ]
    .into_iter()
    .find(|(_, bytes)| haystack.windows(bytes.len()).any(|w| w == bytes.as_slice()))
    .map(|(encoding, _)| encoding)
}

/// Runs one sync session from `initiator` to whichever paired device answers (the
/// responder) and returns its id.
fn session(sim: &mut Sim, initiator: usize, responder: usize) -> u64 {
    session_dialled(sim, initiator, responder, Dial::Anyone)
}

fn session_dialled(sim: &mut Sim, initiator: usize, responder: usize, dial: Dial) -> u64 {
    let id = sim
        .connect_with(initiator, responder, dial)
        .expect("reachable");
    sim.run_until_idle(200).expect("the session settles");
    id
}

fn assert_completed(sim: &Sim, id: u64) {
    let report = sim.report(id).expect("the session ended");
    assert!(report.completed(), "{report:?}");
}

#[test]
fn nothing_the_user_wrote_crosses_the_wire_readable() {
    let name = "Maëlle's phone CANARY-NAME-51c2";
    let secrets = [
        "CANARY-NOTE-7d0e: the words only my diary knows",
        "CANARY-TITLE-a41f",
        "CANARY-BODY-93bb: what I never told anyone",
        "CANARY-REASON-2e6a",
        "CANARY-BACK-c8d1: written on the laptop",
        "CANARY-OPENING-5f3a: carried in a first flight",
    ];
    let mut sim = Sim::new(1, &[name, "laptop"]);
    sim.capture();
    sim.pair_all();
    let phone = sim.app(0).clone();
    phone.check_in(note(secrets[0])).unwrap();
    let written = phone.journal_add(entry(secrets[1], secrets[2])).unwrap();
    phone.program_command(favourable_pre_check()).unwrap();
    phone
        .program_command(ProgramCommand::AddReason {
            text: secrets[3].into(),
            kind: "silly_fights".into(),
        })
        .unwrap();
    let id = session(&mut sim, 1, 0);
    assert_completed(&sim, id);
    let laptop = sim.app(1).clone();
    laptop
        .journal_add(entry("from the laptop", secrets[4]))
        .unwrap();
    // The phone calls the laptop by name: its news rides in the handshake's first message.
    phone.check_in(note(secrets[5])).unwrap();
    let id = session_dialled(&mut sim, 0, 1, Dial::Named);
    assert_completed(&sim, id);

    // Everything did arrive, and the names were exchanged at pairing.
    assert_eq!(laptop.heads().unwrap(), phone.heads().unwrap());
    assert_eq!(
        laptop.history(None).unwrap()[0].note.as_deref(),
        Some(secrets[5])
    );
    let arrived = laptop.journal_get(&written.id).unwrap().unwrap();
    assert_eq!(
        (arrived.title.as_str(), arrived.body.as_str()),
        (secrets[1], secrets[2])
    );
    assert_eq!(
        laptop.program().unwrap().records.reasons[0].text,
        secrets[3]
    );
    assert_eq!(laptop.peers().unwrap()[0].name, name);
    assert_eq!(phone.peers().unwrap()[0].name, "laptop");

    // None of it, nor any telling part of it, is on the wire (the search itself works:
    // it finds a canary hidden in UTF-16).
    let hidden: Vec<u8> = "xCANARYx"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    assert!(carries(&hidden, "CANARY").is_some());
    assert_eq!(carries(b"no canary here", "CANARY"), None);
    let captured = sim.captured.as_ref().unwrap();
    assert!(captured.len() >= 10, "{} frames captured", captured.len());
    let wire: Vec<u8> = captured.iter().flat_map(|c| c.frame.clone()).collect();
    let needles = secrets.iter().map(|s| s.to_string()).chain([
        name.to_string(),
        "CANARY".into(),
        "diary".into(),
        "Maëlle".into(),
    ]);
    for needle in needles {
        if let Some(encoding) = carries(&wire, &needle) {
            panic!("the wire carries {needle:?} in {encoding}");
        }
    }
    // And every frame is one of the four kinds, the data ones encrypted.
    for c in captured {
        assert!(
            matches!(c.frame[4], 1..=4),
            "a frame of kind {}",
            c.frame[4]
        );
    }
}

#[test]
fn altering_any_frame_of_a_session_ends_it_and_leaves_both_stores_whole() {
    for (seed, dial) in [(2, Dial::Named), (7, Dial::Anyone)] {
        altering_any_frame(seed, dial);
    }
}

fn altering_any_frame(seed: u64, dial: Dial) {
    let mut sim = Sim::new(seed, &["phone", "laptop"]);
    sim.pair_all();
    let news_both_ways = |sim: &Sim, label: &str| {
        sim.app(0)
            .journal_add(entry("phone", &format!("phone {label}")))
            .unwrap();
        sim.app(1)
            .journal_add(entry("laptop", &format!("laptop {label}")))
            .unwrap();
    };
    // A first sync saves each side's state; the next one, with news on both sides, has
    // the shape of every session after it.
    news_both_ways(&sim, "first");
    let first = session_dialled(&mut sim, 1, 0, dial);
    assert_completed(&sim, first);
    news_both_ways(&sim, "clean");
    let clean = session_dialled(&mut sim, 1, 0, dial);
    assert_completed(&sim, clean);
    let frames = {
        let stats = sim.report(clean).unwrap().stats;
        stats[0].unwrap().frames_sent + stats[1].unwrap().frames_sent
    };
    assert!(frames >= 4, "{dial:?}: {frames} frames");

    for target in 0..frames {
        news_both_ways(&sim, &target.to_string());
        let heads = [sim.app(0).heads().unwrap(), sim.app(1).heads().unwrap()];
        sim.intercept(Some(Box::new(move |_, _, index, mut frame| {
            if index == target {
                // One bit in the middle of the body (the header is checked separately).
                let at = 5 + (frame.len() - 5) / 2;
                frame[at] ^= 0x10;
            }
            vec![frame]
        })));
        let id = session_dialled(&mut sim, 1, 0, dial);
        sim.intercept(None);
        let report = sim.report(id).unwrap();
        let Ending::Failed { error, other, .. } = &report.ending else {
            panic!(
                "{dial:?}: frame {target} altered, yet the session ended {:?}",
                report.ending
            );
        };
        assert!(
            matches!(
                error,
                Error::Sync(SyncError::Decrypt | SyncError::Malformed(_) | SyncError::Protocol(_))
            ),
            "{dial:?}: frame {target}: {error:?}"
        );
        assert!(
            matches!(other, None | Some(Error::Sync(SyncError::PeerAborted))),
            "{dial:?}: frame {target}: {other:?}"
        );
        // What was applied before the altered frame is the other side's real changes:
        // a clean session afterwards brings both to the union of what they wrote.
        let id = session_dialled(&mut sim, 0, 1, dial);
        assert_completed(&sim, id);
        let after = sim.app(0).heads().unwrap();
        assert_eq!(sim.app(1).heads().unwrap(), after);
        assert_ne!(after, heads[0]);
        assert_ne!(after, heads[1]);
    }
    for device in 0..2 {
        sim.restart(device);
        assert_eq!(sim.app(device).integrity_check().unwrap(), "ok");
    }
    let entries = sim
        .app(0)
        .journal_list(&reconnect_core::JournalFilter::default())
        .unwrap();
    assert_eq!(entries.len() as u64, 4 + 2 * frames);
}

#[test]
fn a_session_recorded_on_the_wire_and_replayed_later_is_refused() {
    let mut sim = Sim::new(3, &["phone", "laptop"]);
    sim.pair_all();
    sim.capture();
    sim.app(1).check_in(note("sent once")).unwrap();
    let id = session(&mut sim, 1, 0);
    assert_completed(&sim, id);
    let recorded: Vec<(usize, Vec<u8>)> = sim
        .captured
        .take()
        .unwrap()
        .into_iter()
        .filter(|c| c.conn == id)
        .map(|c| (c.from, c.frame))
        .collect();
    let from_laptop: Vec<&Vec<u8>> = recorded
        .iter()
        .filter(|(from, _)| *from == 1)
        .map(|(_, f)| f)
        .collect();
    let from_phone: Vec<&Vec<u8>> = recorded
        .iter()
        .filter(|(from, _)| *from == 0)
        .map(|(_, f)| f)
        .collect();

    // The phone's news since, which a replay must not disturb.
    sim.app(0).check_in(note("the phone moved on")).unwrap();
    let heads = sim.app(0).heads().unwrap();

    // The laptop's side replayed to the phone: its first message (an ephemeral key) is
    // answered, the one that proves the laptop's key cannot be read under the new keys.
    let mut phone = sim.app(0).sync_session(Role::Responder).unwrap();
    assert!(phone.start().unwrap().is_empty());
    assert_eq!(phone.receive(from_laptop[0]).unwrap().outgoing.len(), 1);
    assert_eq!(
        sync_error(phone.receive(from_laptop[1])),
        SyncError::Decrypt
    );
    assert!(phone.closing_frame().is_some());
    assert_eq!(sim.app(0).heads().unwrap(), heads);

    // The phone's side replayed to the laptop: its answer does not fit the laptop's new
    // ephemeral key.
    let laptop_heads = sim.app(1).heads().unwrap();
    let mut laptop = sim.app(1).sync_session(Role::Initiator).unwrap();
    assert_eq!(laptop.start().unwrap().len(), 1);
    assert_eq!(
        sync_error(laptop.receive(from_phone[0])),
        SyncError::Decrypt
    );
    assert_eq!(sim.app(1).heads().unwrap(), laptop_heads);

    // A replayed transport frame dropped into a fresh session, out of its handshake.
    let mut phone = sim.app(0).sync_session(Role::Responder).unwrap();
    let transport = from_laptop.iter().find(|f| f[4] == 2).unwrap();
    assert!(matches!(
        sync_error(phone.receive(transport)),
        SyncError::Protocol(_)
    ));
    assert_eq!(sim.app(0).heads().unwrap(), heads);

    // The real devices still sync.
    let id = session(&mut sim, 0, 1);
    assert_completed(&sim, id);
    assert_eq!(sim.app(0).heads().unwrap(), sim.app(1).heads().unwrap());
}

#[test]
fn a_session_to_a_named_device_replayed_later_changes_nothing() {
    let mut sim = Sim::new(8, &["phone", "laptop"]);
    sim.pair_all();
    let id = session_dialled(&mut sim, 1, 0, Dial::Named);
    assert_completed(&sim, id);
    sim.capture();
    sim.app(1).check_in(note("carried in the opening")).unwrap();
    let id = session_dialled(&mut sim, 1, 0, Dial::Named);
    assert_completed(&sim, id);
    let recorded: Vec<(usize, Vec<u8>)> = sim
        .captured
        .take()
        .unwrap()
        .into_iter()
        .filter(|c| c.conn == id)
        .map(|c| (c.from, c.frame))
        .collect();
    let from = |device: usize| -> Vec<Vec<u8>> {
        recorded
            .iter()
            .filter(|(from, _)| *from == device)
            .map(|(_, f)| f.clone())
            .collect()
    };
    let (from_laptop, from_phone) = (from(1), from(0));
    assert_eq!(
        from_laptop[0][4], 4,
        "the opening of a session to a named device"
    );
    sim.app(0).check_in(note("the phone moved on")).unwrap();
    let heads = sim.app(0).heads().unwrap();
    let phone_files = store_bytes(&sim, 0);

    // The opening is not bound to a session, so the phone reads it again: its changes
    // are already there, and nothing is written.
    let mut phone = sim.app(0).sync_session(Role::Responder).unwrap();
    let step = phone.receive(&from_laptop[0]).unwrap();
    assert!(!step.changed && !step.outgoing.is_empty());
    assert_eq!(sim.app(0).heads().unwrap(), heads);
    // What follows it cannot be read under the phone's new keys.
    assert_eq!(
        sync_error(phone.receive(from_laptop.last().unwrap())),
        SyncError::Decrypt
    );
    assert_eq!(sim.app(0).heads().unwrap(), heads);
    assert_eq!(
        store_bytes(&sim, 0),
        phone_files,
        "the replay wrote to the store"
    );

    // The phone's answer replayed to a new session of the laptop's does not fit its keys.
    let laptop_heads = sim.app(1).heads().unwrap();
    let phone_id = sim.device(0).id.clone();
    let mut laptop = sim.app(1).sync_session_to(&phone_id).unwrap();
    assert_eq!(laptop.start().unwrap().len(), 1);
    assert_eq!(
        sync_error(laptop.receive(&from_phone[0])),
        SyncError::Decrypt
    );
    assert_eq!(sim.app(1).heads().unwrap(), laptop_heads);

    // The real devices still sync.
    let id = session_dialled(&mut sim, 0, 1, Dial::Named);
    assert_completed(&sim, id);
    assert_eq!(sim.app(0).heads().unwrap(), sim.app(1).heads().unwrap());
}

/// A digest of every file of a device's store, to see that nothing was written. The
/// WAL index (`-shm`) is left out: SQLite updates its read marks on every read.
fn store_bytes(sim: &Sim, device: usize) -> Vec<(String, u64)> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut files: Vec<(String, u64)> = std::fs::read_dir(sim.device(device).path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| !path.to_string_lossy().ends_with("-shm"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let mut hasher = DefaultHasher::new();
            std::fs::read(&path).unwrap_or_default().hash(&mut hasher);
            (name, hasher.finish())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_revoked_device_is_refused_where_it_was_revoked_while_the_others_go_on() {
    let (phone, tablet, laptop) = (0, 1, 2);
    let mut sim = Sim::new(4, &["phone", "tablet", "laptop"]);
    sim.pair_all();
    sim.app(laptop).check_in(note("before")).unwrap();
    sim.run_until_quiescent(500).unwrap();
    let laptop_id = sim.device(laptop).id.clone();
    sim.app(phone).revoke_peer(&laptop_id).unwrap();
    // Across a restart too.
    sim.restart(phone);

    // The laptop writes; the phone refuses it either way round.
    sim.app(laptop)
        .journal_add(entry("lost laptop", "written after the revocation"))
        .unwrap();
    let phone_heads = sim.app(phone).heads().unwrap();
    for (initiator, responder) in [(laptop, phone), (phone, laptop)] {
        let id = session(&mut sim, initiator, responder);
        let report = sim.report(id).unwrap();
        let [on_initiator, on_responder] = report.sync_errors();
        let (at_phone, at_laptop) = if initiator == phone {
            (on_initiator, on_responder)
        } else {
            (on_responder, on_initiator)
        };
        assert_eq!(at_phone, Some(SyncError::RevokedPeer), "{report:?}");
        assert_eq!(at_laptop, Some(SyncError::RefusedByPeer), "{report:?}");
        assert_eq!(report.stats.map(|s| s.unwrap().rounds), [0, 0]);
    }
    assert_eq!(sim.app(phone).heads().unwrap(), phone_heads);

    // The phone and the tablet go on syncing.
    sim.app(tablet).check_in(note("the tablet's day")).unwrap();
    let id = session(&mut sim, phone, tablet);
    assert_completed(&sim, id);
    let id = session(&mut sim, tablet, phone);
    assert_completed(&sim, id);
    assert_eq!(
        sim.app(phone).history(None).unwrap()[0].note.as_deref(),
        Some("the tablet's day")
    );

    // Revocation is per device: the tablet still syncs with the laptop, and carries the
    // laptop's writing on to the phone.
    let id = session(&mut sim, laptop, tablet);
    assert_completed(&sim, id);
    let id = session(&mut sim, tablet, phone);
    assert_completed(&sim, id);
    let titles: Vec<String> = sim
        .app(phone)
        .journal_list(&reconnect_core::JournalFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert_eq!(titles, ["lost laptop"]);

    // Revoked on the tablet too, the laptop reaches neither; the two still sync.
    sim.app(tablet).revoke_peer(&laptop_id).unwrap();
    sim.app(laptop).check_in(note("nobody hears this")).unwrap();
    for other in [phone, tablet] {
        let id = session(&mut sim, laptop, other);
        let report = sim.report(id).unwrap();
        assert_eq!(
            report.sync_errors(),
            [Some(SyncError::RefusedByPeer), Some(SyncError::RevokedPeer)]
        );
    }
    sim.app(phone).check_in(note("phone and tablet")).unwrap();
    let id = session(&mut sim, tablet, phone);
    assert_completed(&sim, id);
    for device in [phone, tablet] {
        let history = sim.app(device).history(None).unwrap();
        assert_eq!(history[0].note.as_deref(), Some("phone and tablet"));
        assert!(
            history
                .iter()
                .all(|c| c.note.as_deref() != Some("nobody hears this"))
        );
    }
    let peers = sim.app(phone).peers().unwrap();
    assert_eq!(peers.len(), 2);
    assert!(
        peers
            .iter()
            .any(|p| p.device_id == laptop_id && p.is_revoked())
    );
}

fn wrong_code(right: &str) -> &'static str {
    if right.starts_with('A') {
        "BBBBB-BBBBB"
    } else {
        "AAAAA-AAAAA"
    }
}

#[test]
fn a_wrong_code_spends_the_offer_for_good_across_a_restart() {
    let (phone, laptop) = (0, 1);
    let mut sim = Sim::new(5, &["phone", "laptop"]);
    let offer = sim.app(phone).pairing_offer(None).unwrap();
    let id = sim
        .connect_pairing_with(phone, laptop, &offer.code, wrong_code(&offer.code))
        .unwrap();
    sim.run_until_idle(20).unwrap();
    let report = sim.report(id).unwrap();
    assert_eq!(
        report.sync_errors(),
        [Some(SyncError::WrongCode), Some(SyncError::WrongCode)]
    );

    sim.restart(phone);
    assert!(matches!(
        sim.app(phone).pair_responder(&offer.code),
        Err(Error::Sync(SyncError::OfferUsed))
    ));
    assert!(sim.app(phone).peers().unwrap().is_empty());
    assert!(sim.app(laptop).peers().unwrap().is_empty());
    // Nor can the laptop sync without pairing.
    let id = session(&mut sim, laptop, phone);
    assert_eq!(
        sim.report(id).unwrap().sync_errors()[0],
        Some(SyncError::UnknownPeer)
    );

    // A new offer, unused across a restart, still pairs, once.
    let offer = sim.app(phone).pairing_offer(None).unwrap();
    sim.restart(phone);
    let id = sim
        .connect_pairing_with(phone, laptop, &offer.code, &offer.qr)
        .unwrap();
    sim.run_until_idle(20).unwrap();
    assert_completed(&sim, id);
    sim.restart(phone);
    assert!(matches!(
        sim.app(phone).pair_responder(&offer.code),
        Err(Error::Sync(SyncError::OfferUsed))
    ));
    sim.app(laptop).check_in(note("paired at last")).unwrap();
    let id = session(&mut sim, phone, laptop);
    assert_completed(&sim, id);
    assert_eq!(
        sim.app(phone).history(None).unwrap()[0].note.as_deref(),
        Some("paired at last")
    );
}

/// Drives a session between `laptop` (initiator) and `phone` until the phone's session
/// is open (it has read handshake message 3 and the laptop's first turn).
fn open_session(
    laptop: &std::sync::Arc<Reconnect>,
    phone: &std::sync::Arc<Reconnect>,
) -> reconnect_core::SyncSession {
    let mut initiator = laptop.sync_session(Role::Initiator).unwrap();
    let mut responder = phone.sync_session(Role::Responder).unwrap();
    let first = initiator.start().unwrap();
    let second = responder.receive(&first[0]).unwrap().outgoing;
    let third = initiator.receive(&second[0]).unwrap().outgoing;
    assert!(third.len() >= 2, "handshake message 3 and a first turn");
    for frame in &third {
        responder.receive(frame).unwrap();
    }
    assert!(responder.peer().is_some());
    responder
}

#[test]
fn a_frame_announcing_4_gib_mid_session_is_refused_without_a_large_allocation() {
    let mut sim = Sim::new(6, &["phone", "laptop"]);
    sim.pair_all();
    sim.app(1).check_in(note("something to say")).unwrap();
    let heads = sim.app(0).heads().unwrap();
    let (laptop, phone) = (sim.app(1).clone(), sim.app(0).clone());

    let mut open = open_session(&laptop, &phone);
    let mut huge = vec![0xff, 0xff, 0xff, 0xff, 2];
    huge.extend_from_slice(&[0x42; 27]);
    let (result, largest) = largest_allocation(|| open.receive(&huge));
    assert!(
        matches!(
            result,
            Err(Error::Sync(SyncError::FrameTooLarge { announced, .. })) if announced == u64::from(u32::MAX)
        ),
        "{result:?}"
    );
    assert!(largest < 64 * 1024, "the session allocated {largest} bytes");
    assert!(open.closing_frame().is_some());
    assert_eq!(phone.heads().unwrap(), heads);

    // A transport reading the stream: the header alone is refused, whatever follows.
    let mut decoder = FrameDecoder::new();
    let (result, largest) = largest_allocation(|| {
        let mut result = Ok(Vec::new());
        for byte in [0xff_u8, 0xff, 0xff, 0xfe, 2, 0, 0, 0] {
            result = decoder.push(&[byte]);
            if result.is_err() {
                break;
            }
        }
        result
    });
    assert!(
        matches!(result, Err(SyncError::FrameTooLarge { .. })),
        "{result:?}"
    );
    assert!(largest < 1024, "the decoder allocated {largest} bytes");
    assert!(decoder.reserved() < 64);

    // The largest frame a peer may announce is accepted by the decoder, and it reserves
    // no more than that one frame.
    let mut decoder = FrameDecoder::new();
    let max = reconnect_core::sync::limits::MAX_FRAME_BYTES as u32;
    let (frames, largest) = largest_allocation(|| decoder.push(&max.to_be_bytes()).unwrap());
    assert!(frames.is_empty());
    assert!(largest <= max as usize + 4, "{largest}");

    // The devices still sync.
    let id = session(&mut sim, 1, 0);
    assert_completed(&sim, id);
    assert_eq!(sim.app(0).heads().unwrap(), sim.app(1).heads().unwrap());
}
