//! Every acknowledged write (a command that returned `Ok`) of a simulated fleet, and the
//! check that a converged document still holds each of them.
//!
//! A write supersedes exactly what its device showed at the time: a check-in's note
//! replaces the day's note and the conflicting notes the device saw; a journal edit's
//! body replaces the body and the conflicting versions it saw; a delete removes the
//! entry for good (edits made concurrently elsewhere go with it). So after convergence
//! a day shows exactly the notes written for it that no write superseded, an entry shows
//! exactly the bodies no edit superseded, and nothing else. The ledger records what each
//! write superseded by reading the device just before the write.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use reconnect_core::journal::{EntryEdit, EntryInput, EntryKind};
use reconnect_core::{CheckInInput, Error, JournalFilter, ProgramCommand, Reconnect, Result};

/// One acknowledged write.
#[derive(Debug, Clone)]
pub enum Ack {
    CheckIn {
        device: usize,
        date: NaiveDate,
        mood: u8,
        note: String,
        superseded: Vec<String>,
    },
    JournalAdd {
        device: usize,
        id: String,
        title: String,
        body: String,
    },
    JournalEdit {
        device: usize,
        id: String,
        body: String,
        superseded: Vec<String>,
    },
    JournalDelete {
        device: usize,
        id: String,
    },
    Program {
        device: usize,
        command: &'static str,
        created_id: Option<String>,
    },
}

/// The acknowledged writes of a run, in order.
#[derive(Debug, Default)]
pub struct Ledger {
    pub acks: Vec<Ack>,
    /// Writes refused (program rules) or failed, by name; not acknowledged.
    pub refused: BTreeMap<String, u64>,
    counter: u64,
}

/// The program commands a workload runs: each either records something the converged
/// view must show, or is refused by the program's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramOp {
    PreCheck,
    Reason,
    Trigger,
    Mistake,
}

impl Ledger {
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// A text no other write of the run uses.
    fn unique(&mut self, what: &str, device: usize) -> String {
        self.counter += 1;
        format!("{what} {} from device {device}", self.counter)
    }

    fn refuse(&mut self, what: &str, err: &Error) {
        let kind = match err {
            Error::Refused(_) => "refused",
            Error::InvalidInput(_) => "invalid",
            _ => "failed",
        };
        *self.refused.entry(format!("{what}: {kind}")).or_default() += 1;
    }

    /// Today's check-in on `app` with a new note and `mood`.
    pub fn check_in(&mut self, device: usize, app: &Reconnect, mood: u8, urge: u8) -> Result<()> {
        let note = self.unique("note", device);
        let today = app.today()?;
        let superseded = today
            .check_in
            .map(|c| c.note.into_iter().chain(c.note_conflicts).collect())
            .unwrap_or_default();
        let input = CheckInInput {
            mood,
            urge,
            contact: None,
            note: Some(note.clone()),
        };
        match app.check_in(input) {
            Ok(written) => {
                self.acks.push(Ack::CheckIn {
                    device,
                    date: written.date,
                    mood,
                    note,
                    superseded,
                });
                Ok(())
            }
            Err(err) => {
                self.refuse("check_in", &err);
                Err(err)
            }
        }
    }

    pub fn journal_add(&mut self, device: usize, app: &Reconnect) -> Result<String> {
        let title = self.unique("entry", device);
        let body = self.unique("body", device);
        let input = EntryInput {
            kind: EntryKind::Entry,
            title: title.clone(),
            body: body.clone(),
            tags: vec![format!("d{device}")],
            link: None,
            cool_off_hours: None,
        };
        match app.journal_add(input) {
            Ok(entry) => {
                self.acks.push(Ack::JournalAdd {
                    device,
                    id: entry.id.clone(),
                    title,
                    body,
                });
                Ok(entry.id)
            }
            Err(err) => {
                self.refuse("journal_add", &err);
                Err(err)
            }
        }
    }

    /// Ids of entries added so far, in the order they were added.
    pub fn journal_ids(&self) -> Vec<String> {
        self.acks
            .iter()
            .filter_map(|a| match a {
                Ack::JournalAdd { id, .. } => Some(id.clone()),
                _ => None,
            })
            .collect()
    }

    /// Edits entry `id`'s body if `app` shows the entry; `Ok(false)` if it does not.
    pub fn journal_edit(&mut self, device: usize, app: &Reconnect, id: &str) -> Result<bool> {
        let Some(entry) = app.journal_get(id)? else {
            return Ok(false);
        };
        let body = self.unique("edit", device);
        let superseded: Vec<String> = std::iter::once(entry.body)
            .chain(entry.body_conflicts)
            .collect();
        let edit = EntryEdit {
            body: Some(body.clone()),
            ..EntryEdit::default()
        };
        match app.journal_edit(id, edit) {
            Ok(_) => {
                self.acks.push(Ack::JournalEdit {
                    device,
                    id: id.to_string(),
                    body,
                    superseded,
                });
                Ok(true)
            }
            Err(err) => {
                self.refuse("journal_edit", &err);
                Err(err)
            }
        }
    }

    /// Deletes entry `id` if `app` shows it; `Ok(false)` if it does not.
    pub fn journal_delete(&mut self, device: usize, app: &Reconnect, id: &str) -> Result<bool> {
        if app.journal_get(id)?.is_none() {
            return Ok(false);
        }
        match app.journal_delete(id) {
            Ok(()) => {
                self.acks.push(Ack::JournalDelete {
                    device,
                    id: id.to_string(),
                });
                Ok(true)
            }
            Err(err) => {
                self.refuse("journal_delete", &err);
                Err(err)
            }
        }
    }

    /// Runs a program command; a refusal by the program's rules is not an error here
    /// (`Ok(false)`), and is not acknowledged.
    pub fn program(&mut self, device: usize, app: &Reconnect, op: ProgramOp) -> Result<bool> {
        let command = match op {
            ProgramOp::PreCheck => crate::journey::favourable_pre_check(),
            ProgramOp::Reason => ProgramCommand::AddReason {
                text: self.unique("reason", device),
                kind: "silly_fights".into(),
            },
            ProgramOp::Trigger => ProgramCommand::AddTrigger {
                text: self.unique("trigger", device),
            },
            ProgramOp::Mistake => ProgramCommand::AddMistake {
                text: self.unique("mistake", device),
                plan: None,
            },
        };
        let name = command.name();
        match app.program_command(command) {
            Ok(result) => {
                self.acks.push(Ack::Program {
                    device,
                    command: name,
                    created_id: result.created_id,
                });
                Ok(true)
            }
            Err(err @ Error::Refused(_)) => {
                self.refuse(name, &err);
                Ok(false)
            }
            Err(err) => {
                self.refuse(name, &err);
                Err(err)
            }
        }
    }

    /// Acknowledged writes by kind, for reports.
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        let mut out = BTreeMap::new();
        for ack in &self.acks {
            let kind = match ack {
                Ack::CheckIn { .. } => "check-in",
                Ack::JournalAdd { .. } => "journal add",
                Ack::JournalEdit { .. } => "journal edit",
                Ack::JournalDelete { .. } => "journal delete",
                Ack::Program { .. } => "program",
            };
            *out.entry(kind).or_default() += 1;
        }
        out
    }

    /// Checks that `app` (converged) shows every acknowledged write that nothing
    /// superseded, and nothing that was never written or was superseded.
    pub fn verify(&self, app: &Reconnect) -> std::result::Result<(), String> {
        let mut problems = Vec::new();
        self.verify_check_ins(app, &mut problems)?;
        self.verify_journal(app, &mut problems)?;
        self.verify_program(app, &mut problems)?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    }

    fn verify_check_ins(
        &self,
        app: &Reconnect,
        problems: &mut Vec<String>,
    ) -> std::result::Result<(), String> {
        struct Day {
            notes: BTreeSet<String>,
            superseded: BTreeSet<String>,
            moods: BTreeSet<u8>,
        }
        let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
        for ack in &self.acks {
            if let Ack::CheckIn {
                date,
                mood,
                note,
                superseded,
                ..
            } = ack
            {
                let day = days.entry(*date).or_insert_with(|| Day {
                    notes: BTreeSet::new(),
                    superseded: BTreeSet::new(),
                    moods: BTreeSet::new(),
                });
                day.notes.insert(note.clone());
                day.superseded.extend(superseded.iter().cloned());
                day.moods.insert(*mood);
            }
        }
        let history = app.history(None).map_err(|e| e.to_string())?;
        let shown_dates: BTreeSet<NaiveDate> = history.iter().map(|c| c.date).collect();
        let written_dates: BTreeSet<NaiveDate> = days.keys().copied().collect();
        if shown_dates != written_dates {
            problems.push(format!(
                "check-in days: shown {shown_dates:?}, written {written_dates:?}"
            ));
        }
        for checkin in &history {
            let Some(day) = days.get(&checkin.date) else {
                continue;
            };
            let expected: BTreeSet<&String> = day.notes.difference(&day.superseded).collect();
            let shown: BTreeSet<&String> =
                checkin.note.iter().chain(&checkin.note_conflicts).collect();
            if shown != expected {
                problems.push(format!(
                    "notes of {}: shown {shown:?}, expected (written, not superseded) {expected:?}",
                    checkin.date
                ));
            }
            if !day.moods.contains(&checkin.mood) {
                problems.push(format!(
                    "mood of {} is {}, never written (written: {:?})",
                    checkin.date, checkin.mood, day.moods
                ));
            }
        }
        Ok(())
    }

    fn verify_journal(
        &self,
        app: &Reconnect,
        problems: &mut Vec<String>,
    ) -> std::result::Result<(), String> {
        struct Entry {
            title: String,
            bodies: BTreeSet<String>,
            superseded: BTreeSet<String>,
            deleted: bool,
        }
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        for ack in &self.acks {
            match ack {
                Ack::JournalAdd {
                    id, title, body, ..
                } => {
                    entries.insert(
                        id.clone(),
                        Entry {
                            title: title.clone(),
                            bodies: BTreeSet::from([body.clone()]),
                            superseded: BTreeSet::new(),
                            deleted: false,
                        },
                    );
                }
                Ack::JournalEdit {
                    id,
                    body,
                    superseded,
                    ..
                } => {
                    let entry = entries
                        .get_mut(id)
                        .ok_or_else(|| format!("edit of an unknown entry {id}"))?;
                    entry.bodies.insert(body.clone());
                    entry.superseded.extend(superseded.iter().cloned());
                }
                Ack::JournalDelete { id, .. } => {
                    entries
                        .get_mut(id)
                        .ok_or_else(|| format!("delete of an unknown entry {id}"))?
                        .deleted = true;
                }
                _ => {}
            }
        }
        let listed = app
            .journal_list(&JournalFilter::default())
            .map_err(|e| e.to_string())?;
        let shown: BTreeMap<&str, _> = listed.iter().map(|e| (e.id.as_str(), e)).collect();
        for (id, entry) in &entries {
            match (shown.get(id.as_str()), entry.deleted) {
                (Some(_), true) => problems.push(format!("deleted entry {id} came back")),
                (None, false) => problems.push(format!("entry {id} ({}) is lost", entry.title)),
                (None, true) => {}
                (Some(found), false) => {
                    if found.title != entry.title {
                        problems.push(format!(
                            "entry {id}: title {:?}, written {:?}",
                            found.title, entry.title
                        ));
                    }
                    let expected: BTreeSet<&String> =
                        entry.bodies.difference(&entry.superseded).collect();
                    let bodies: BTreeSet<&String> = std::iter::once(&found.body)
                        .chain(&found.body_conflicts)
                        .collect();
                    if bodies != expected {
                        problems.push(format!(
                            "entry {id}: bodies {bodies:?}, expected (written, not superseded) {expected:?}"
                        ));
                    }
                }
            }
        }
        for id in shown.keys() {
            if !entries.contains_key(*id) {
                problems.push(format!("entry {id} was never written"));
            }
        }
        Ok(())
    }

    fn verify_program(
        &self,
        app: &Reconnect,
        problems: &mut Vec<String>,
    ) -> std::result::Result<(), String> {
        let view = app.program().map_err(|e| e.to_string())?;
        let records = &view.records;
        let ids: BTreeSet<&str> = records
            .reasons
            .iter()
            .map(|r| r.id.as_str())
            .chain(records.triggers.iter().map(|r| r.id.as_str()))
            .chain(records.mistakes.iter().map(|r| r.id.as_str()))
            .collect();
        let mut created = 0;
        for ack in &self.acks {
            let Ack::Program {
                command,
                created_id,
                device,
            } = ack
            else {
                continue;
            };
            match created_id {
                Some(id) => {
                    created += 1;
                    if !ids.contains(id.as_str()) {
                        problems.push(format!("{command} {id} from device {device} is lost"));
                    }
                }
                None if *command == "answer_pre_check" && records.pre_check.is_none() => {
                    problems.push("the pre-check answers are lost".into());
                }
                None => {}
            }
        }
        if ids.len() != created {
            problems.push(format!(
                "{} program records shown, {created} created",
                ids.len()
            ));
        }
        Ok(())
    }
}
