//! Exists because hand-picked merge scenarios miss orderings: random check-ins and
//! merges over two or three devices must always end, after a full merge, in identical
//! documents that lose no check-in and no note that was not knowingly overwritten.

use proptest::prelude::*;
use reconnect_core::{CheckIn, ContactMedium};
use reconnect_tests::device::{day_index, input};
use reconnect_tests::fleet::{TestDevice, assert_converged};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
enum Op {
    Write {
        device: usize,
        day: u32,
        mood: u8,
        urge: u8,
        contact: Option<usize>,
        with_note: bool,
    },
    Merge {
        from: usize,
        to: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..3usize, 0..4u32, 1..=5u8, 0..=10u8, proptest::option::of(0..6usize), any::<bool>())
            .prop_map(|(device, day, mood, urge, contact, with_note)| Op::Write {
                device, day, mood, urge, contact, with_note,
            }),
        2 => (0..3usize, 0..3usize).prop_map(|(from, to)| Op::Merge { from, to }),
    ]
}

/// One write as the test remembers it, with every write its device had seen by then.
#[derive(Debug)]
struct Written {
    day: u32,
    mood: u8,
    urge: u8,
    contact: Option<ContactMedium>,
    note: Option<String>,
    device_id: String,
    seen: BTreeSet<usize>,
}

/// Writes of one day that no later write of that day (setting the same field) had seen:
/// what the merged day must still show.
fn unsuperseded<'a>(writes: &[&'a Written], ids: &[usize]) -> Vec<&'a Written> {
    writes
        .iter()
        .zip(ids)
        .filter(|(_, id)| !writes.iter().any(|other| other.seen.contains(id)))
        .map(|(w, _)| *w)
        .collect()
}

fn check_day(day: &CheckIn, writes: &[(usize, &Written)]) {
    let all: Vec<&Written> = writes.iter().map(|(_, w)| *w).collect();
    let ids: Vec<usize> = writes.iter().map(|(id, _)| *id).collect();
    let latest = unsuperseded(&all, &ids);
    // Field by field: mood and urge may come from different concurrent writes.
    assert!(
        latest.iter().any(|w| w.mood == day.mood),
        "mood {} is not from an unsuperseded write of {}: {latest:?}",
        day.mood,
        day.date
    );
    assert!(
        latest.iter().any(|w| w.urge == day.urge),
        "urge {} is not from an unsuperseded write of {}: {latest:?}",
        day.urge,
        day.date
    );
    let contacts: Vec<ContactMedium> = all.iter().filter_map(|w| w.contact).collect();
    assert!(
        day.contact == ContactMedium::None || contacts.contains(&day.contact),
        "contact {:?} was never written for {}",
        day.contact,
        day.date
    );
    assert!(all.iter().any(|w| w.device_id == day.updated_by));

    let (note_writes, note_ids): (Vec<&Written>, Vec<usize>) = writes
        .iter()
        .filter(|(_, w)| w.note.is_some())
        .map(|(id, w)| (*w, *id))
        .unzip();
    let expected: BTreeSet<&str> = unsuperseded(&note_writes, &note_ids)
        .iter()
        .filter_map(|w| w.note.as_deref())
        .collect();
    let shown: BTreeSet<&str> = day
        .note
        .iter()
        .chain(&day.note_conflicts)
        .map(String::as_str)
        .collect();
    assert_eq!(
        shown, expected,
        "notes of {} (note {:?}, conflicts {:?})",
        day.date, day.note, day.note_conflicts
    );
    assert_eq!(
        shown.len(),
        1 + day.note_conflicts.len() - usize::from(day.note.is_none())
    );
}

fn run(devices: usize, ops: &[Op]) {
    let fleet: Vec<TestDevice> = (0..devices)
        .map(|i| TestDevice::new(&format!("device {i}")))
        .collect();
    let mut known: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); devices];
    let mut writes: Vec<Written> = Vec::new();
    for op in ops {
        match op.clone() {
            Op::Write {
                device,
                day,
                mood,
                urge,
                contact,
                with_note,
            } => {
                let device = device % devices;
                let id = writes.len();
                let contact = contact.map(|i| ContactMedium::ALL[i]);
                let note = with_note.then(|| format!("note {id} from device {device}"));
                fleet[device]
                    .on(day)
                    .check_in(input(mood, urge, contact, note.as_deref()))
                    .unwrap();
                writes.push(Written {
                    day,
                    mood,
                    urge,
                    contact,
                    note,
                    device_id: fleet[device].app.device().device_id.clone(),
                    seen: known[device].clone(),
                });
                known[device].insert(id);
            }
            Op::Merge { from, to } => {
                let (from, to) = (from % devices, to % devices);
                fleet[to].app.merge_from(&fleet[from].app).unwrap();
                let seen = known[from].clone();
                known[to].extend(seen);
            }
        }
    }
    for other in &fleet[1..] {
        fleet[0].app.merge_from(&other.app).unwrap();
    }
    for other in &fleet[1..] {
        other.app.merge_from(&fleet[0].app).unwrap();
    }
    for other in &fleet[1..] {
        assert_converged(&fleet[0].app, &other.app);
    }

    let history = fleet[0].app.history(None).unwrap();
    let mut by_day: BTreeMap<u32, Vec<(usize, &Written)>> = BTreeMap::new();
    for (id, w) in writes.iter().enumerate() {
        by_day.entry(w.day).or_default().push((id, w));
    }
    let shown: Vec<u32> = history.iter().map(|c| day_index(c.date).unwrap()).collect();
    let written: Vec<u32> = by_day.keys().rev().copied().collect();
    assert_eq!(shown, written, "every day written is in the merged history");
    for day in &history {
        check_day(day, &by_day[&day_index(day.date).unwrap()]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        // PROPTEST_CASES asks for a deeper run; the default keeps the suite quick.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(24),
        max_shrink_iters: 256,
        max_shrink_time: 60_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_edits_and_merges_converge(devices in 2..=3usize, ops in proptest::collection::vec(op(), 1..30)) {
        run(devices, &ops);
    }
}
