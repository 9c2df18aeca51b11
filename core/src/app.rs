//! The `Reconnect` facade: one handle per open store. Every command is one Automerge
//! commit persisted in one SQLite transaction before it returns; listeners hear about
//! it afterwards. Safe to share between threads (`&self` methods, one writer inside).

use automerge::AutoCommit;
use automerge::transaction::CommitOptions;
use chrono_tz::Tz;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::checkin::{CheckIn, CheckInInput, TodayView};
use crate::clock::Clock;
use crate::doc::{checkins, genesis, migration, program as stored_program, settings};
use crate::error::{Error, Result};
use crate::journal::search::SearchIndex;
use crate::local_day::local_day;
use crate::mood_trend::TREND_WINDOW_DAYS;
use crate::notify::{ChangeEvent, Listener, Notifier, Subscription};
use crate::program::{self, Moment, ProgramCommand, ProgramView};
use crate::store::{DeviceIdentity, DocFootprint, Store, StoreKey};

/// Everything needed to open (or create) a store.
#[derive(Debug, Clone)]
pub struct OpenConfig {
    pub data_dir: PathBuf,
    pub key: StoreKey,
    pub device_name: String,
    pub time_zone: Tz,
    pub clock: Arc<dyn Clock>,
}

mod export;
mod journal;
mod reminders;
mod screens;
mod sync;

pub use export::ReportFormat;
pub use journal::JournalFilter;

struct State {
    store: Store,
    doc: AutoCommit,
    zone: Tz,
    /// The journal search index, kept current by local writes and rebuilt when the
    /// document's heads moved any other way.
    search: Option<SearchIndex>,
    /// Set when a failed write could not be undone in memory; the handle then refuses
    /// everything so the refused change can never be saved later.
    broken: bool,
}

/// What a program command returns: the id of a record it created, and the new view.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CommandResult {
    pub created_id: Option<String>,
    pub view: ProgramView,
}

/// Moods of the check-ins the trend looks at.
fn recent_moods(
    doc: &AutoCommit,
    today: chrono::NaiveDate,
) -> Result<Vec<(chrono::NaiveDate, u8)>> {
    let from = today
        .checked_sub_signed(chrono::Duration::days(TREND_WINDOW_DAYS))
        .unwrap_or(chrono::NaiveDate::MIN);
    checkins::moods_since(doc, from)
}

/// The check-ins the program reacts to (contact during no contact or after a stop, urge).
pub(crate) fn program_checkins(
    doc: &AutoCommit,
    records: &program::ProgramRecords,
    today: chrono::NaiveDate,
) -> Result<Vec<program::CheckinFacts>> {
    checkins::program_facts_since(doc, program::checkins_from(records, today))
}

pub struct Reconnect {
    state: Mutex<State>,
    notifier: Arc<Notifier>,
    clock: Arc<dyn Clock>,
    device: DeviceIdentity,
}

impl std::fmt::Debug for Reconnect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reconnect")
            .field("device", &self.device.device_id)
            .finish_non_exhaustive()
    }
}

impl Reconnect {
    pub fn open(config: OpenConfig) -> Result<Self> {
        // The document must carry the root maps the rest of the core relies on; checked
        // before the store may migrate or checkpoint anything.
        let (store, doc) = Store::open_or_create(
            &config.data_dir,
            &config.key,
            &config.device_name,
            genesis::GENESIS,
            &|doc| crate::doc::check_roots(doc).map_err(|e| e.to_string()),
        )?;
        let device = store.device().clone();
        let (store, doc) = Self::migrate(store, doc)?;
        Ok(Self {
            state: Mutex::new(State {
                store,
                doc,
                zone: config.time_zone,
                search: None,
                broken: false,
            }),
            notifier: Arc::new(Notifier::default()),
            clock: config.clock,
            device,
        })
    }

    /// Applies the fixed migration changes a document lacks, as one durable write.
    fn migrate(mut store: Store, mut doc: AutoCommit) -> Result<(Store, AutoCommit)> {
        if migration::apply(&mut doc)? {
            store.persist(&mut doc)?;
        }
        Ok((store, doc))
    }

    pub fn device(&self) -> &DeviceIdentity {
        &self.device
    }

    /// Records today's check-in, or updates it if today already has one.
    pub fn check_in(&self, input: CheckInInput) -> Result<CheckIn> {
        input.validate()?;
        let now = self.clock.now();
        let device_id = self.device.device_id.clone();
        self.write(
            |checkin: &CheckIn| ChangeEvent::CheckInRecorded { date: checkin.date },
            |doc, zone| {
                let date = local_day(now, zone, settings::day_start_hour(doc)?);
                checkins::write(doc, date, &input, now, &device_id)?;
                checkins::read(doc, date)?
                    .ok_or_else(|| Error::Document("the check-in could not be read back".into()))
            },
        )
    }

    pub fn today(&self) -> Result<TodayView> {
        let state = self.lock()?;
        let start = settings::day_start_hour(&state.doc)?;
        let date = local_day(self.clock.now(), state.zone, start);
        Ok(TodayView {
            date,
            time_zone: state.zone.name().to_string(),
            day_start_hour: start,
            check_in: checkins::read(&state.doc, date)?,
            days_checked_in: u32::try_from(checkins::count(&state.doc)?).unwrap_or(u32::MAX),
        })
    }

    /// Check-ins, newest first.
    pub fn history(&self, limit: Option<usize>) -> Result<Vec<CheckIn>> {
        checkins::history(&self.lock()?.doc, limit)
    }

    pub fn day_start_hour(&self) -> Result<u8> {
        settings::day_start_hour(&self.lock()?.doc)
    }

    pub fn set_day_start_hour(&self, hour: u8) -> Result<()> {
        self.write(
            |_| ChangeEvent::SettingsChanged,
            |doc, _| settings::set_day_start_hour(doc, hour),
        )
    }

    pub fn time_zone(&self) -> Result<Tz> {
        Ok(self.lock()?.zone)
    }

    /// The zone the device is in now (it travels); not stored in the document.
    pub fn set_time_zone(&self, zone: Tz) -> Result<()> {
        self.lock()?.zone = zone;
        Ok(())
    }

    /// The program as it stands now.
    pub fn program(&self) -> Result<ProgramView> {
        let state = self.lock()?;
        let now = self.clock.now();
        let today = local_day(now, state.zone, settings::day_start_hour(&state.doc)?);
        let records = stored_program::read(&state.doc)?;
        let moods = recent_moods(&state.doc, today)?;
        let facts = program_checkins(&state.doc, &records, today)?;
        Ok(program::evaluate(
            &records,
            Moment {
                now,
                today,
                moods: &moods,
                checkins: &facts,
                device: &self.device.device_id,
            },
        ))
    }

    /// Records one program command, if the program's rules allow it now. A refusal
    /// ([`Error::Refused`]) or invalid input changes nothing.
    pub fn program_command(&self, command: ProgramCommand) -> Result<CommandResult> {
        let now = self.clock.now();
        let created = self.write(
            |_: &Option<String>| ChangeEvent::ProgramChanged {
                command: command.name().to_string(),
            },
            |doc, zone| {
                let today = local_day(now, zone, settings::day_start_hour(doc)?);
                let moods = recent_moods(doc, today)?;
                let records = stored_program::read(doc)?;
                let facts = program_checkins(doc, &records, today)?;
                let moment = Moment {
                    now,
                    today,
                    moods: &moods,
                    checkins: &facts,
                    device: &self.device.device_id,
                };
                program::run(
                    doc,
                    &command,
                    moment,
                    &|| Ok(crate::store::new_record_id()?),
                )
            },
        )?;
        Ok(CommandResult {
            created_id: created,
            view: self.program()?,
        })
    }

    pub fn subscribe(&self, listener: Listener) -> Subscription {
        self.notifier.subscribe(listener)
    }

    /// The whole document, compacted; what another device needs to catch up.
    pub fn save_document(&self) -> Result<Vec<u8>> {
        Ok(self.lock()?.doc.save())
    }

    /// Merges another device's saved document into this one and persists the result.
    /// Refuses bytes that are not a whole Reconnect document, or whose changes would
    /// replace the document's root maps; nothing changes then.
    pub fn merge_document(&self, bytes: &[u8]) -> Result<()> {
        let mut other = AutoCommit::load(bytes).map_err(|err| {
            Error::InvalidInput(format!("that is not a Reconnect document: {err}"))
        })?;
        if !genesis::shares_genesis(&mut other) {
            return Err(Error::InvalidInput(
                "the other document was not created by Reconnect".into(),
            ));
        }
        let changed = {
            let mut state = self.lock()?;
            let before = state.doc.get_heads();
            let merged = state
                .doc
                .merge(&mut other)
                .map_err(Error::from)
                .and_then(|_| crate::doc::check_roots(&state.doc));
            if let Err(err) = merged {
                Self::recover(&mut state);
                return Err(match err {
                    Error::Document(reason) => Error::InvalidInput(format!(
                        "the other document cannot be merged: {reason}"
                    )),
                    other => other,
                });
            }
            let changed = state.doc.get_heads() != before;
            Self::persist(&mut state)?;
            changed
        };
        if changed {
            self.notifier.notify(&ChangeEvent::RemoteChangesMerged);
        }
        Ok(())
    }

    /// Merges another open store's document into this one.
    pub fn merge_from(&self, other: &Reconnect) -> Result<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let bytes = other.save_document()?;
        self.merge_document(&bytes)
    }

    /// Hashes of the document's current heads, sorted and hex-encoded.
    pub fn heads(&self) -> Result<Vec<String>> {
        let mut heads: Vec<String> = self
            .lock()?
            .doc
            .get_heads()
            .iter()
            .map(|h| h.to_string())
            .collect();
        heads.sort();
        Ok(heads)
    }

    pub fn footprint(&self) -> Result<DocFootprint> {
        Ok(self.lock()?.store.footprint())
    }

    pub fn compact(&self) -> Result<()> {
        let mut state = self.lock()?;
        let State { store, doc, .. } = &mut *state;
        Ok(store.compact(doc)?)
    }

    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.lock()?.store.integrity_check()?)
    }

    /// Runs one command: `apply` edits the document, then the change is committed and
    /// made durable; on any failure nothing is kept and listeners hear nothing.
    fn write<T>(
        &self,
        event: impl FnOnce(&T) -> ChangeEvent,
        apply: impl FnOnce(&mut AutoCommit, Tz) -> Result<T>,
    ) -> Result<T> {
        self.write_indexed(event, apply, |_, _| {})
    }

    /// [`Self::write`] for commands that change the journal: `index` brings a current
    /// search index up to date with what the command wrote. Any other local write leaves
    /// the journal as it was, so a current index stays current; remote changes never come
    /// through here, and the index's heads then no longer match, forcing a rebuild.
    fn write_indexed<T>(
        &self,
        event: impl FnOnce(&T) -> ChangeEvent,
        apply: impl FnOnce(&mut AutoCommit, Tz) -> Result<T>,
        index: impl FnOnce(&mut SearchIndex, &T),
    ) -> Result<T> {
        let out = {
            let mut state = self.lock()?;
            let before = state.doc.get_heads();
            let zone = state.zone;
            let out = match apply(&mut state.doc, zone) {
                Ok(out) => out,
                Err(err) => {
                    state.doc.rollback();
                    return Err(err);
                }
            };
            let now_ms = self.clock.now().timestamp_millis();
            state
                .doc
                .commit_with(CommitOptions::default().with_time(now_ms));
            Self::persist(&mut state)?;
            let after = state.doc.get_heads();
            if let Some(search) = state.search.as_mut().filter(|s| s.is_current(&before)) {
                index(search, &out);
                search.advance(after);
            }
            out
        };
        self.notifier.notify(&event(&out));
        Ok(out)
    }

    fn persist(state: &mut State) -> Result<()> {
        let State { store, doc, .. } = state;
        if let Err(err) = store.persist(doc) {
            Self::recover(state);
            return Err(err.into());
        }
        Ok(())
    }

    /// Drops in-memory changes that did not reach the disk; if even that fails, the
    /// handle is marked broken rather than keep a change the user was told failed.
    fn recover(state: &mut State) {
        match state.store.reload() {
            Ok(doc) => state.doc = doc,
            Err(_) => state.broken = true,
        }
    }

    fn lock(&self) -> Result<MutexGuard<'_, State>> {
        let state = self.state.lock().map_err(|_| Error::Poisoned)?;
        if state.broken {
            return Err(Error::Poisoned);
        }
        Ok(state)
    }
}
