//! `ReconnectStore`: the host's handle on one open store.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use reconnect_core::{
    self as core, Clock, FixedClock, OpenConfig, Reconnect, StoreKey, SystemClock,
};

use crate::error::ReconnectError;
use crate::listener::{ChangeListener, ListenerHandle};
use crate::program::{CommandResult, ProgramCommand, ProgramView};
use crate::types::{ChangeEvent, CheckIn, CheckInInput, OpenOptions, TodayView};

#[derive(uniffi::Object)]
pub struct ReconnectStore {
    inner: RwLock<Option<Arc<Reconnect>>>,
}

fn parse_zone(name: &str) -> Result<chrono_tz::Tz, ReconnectError> {
    core::local_day::parse_zone(name)
        .ok_or_else(|| ReconnectError::invalid(format!("unknown time zone {name:?}")))
}

#[uniffi::export]
impl ReconnectStore {
    /// Opens the store in `options.data_dir`, creating it on first use.
    #[uniffi::constructor]
    pub fn open(options: OpenOptions) -> Result<Arc<Self>, ReconnectError> {
        let key = StoreKey::from_bytes(&options.key).map_err(core::Error::from)?;
        let clock: Arc<dyn Clock> = match options.fixed_now {
            Some(text) => {
                let now = DateTime::parse_from_rfc3339(&text).map_err(|e| {
                    ReconnectError::invalid(format!("fixed_now {text:?} is not RFC 3339: {e}"))
                })?;
                Arc::new(FixedClock::new(now.with_timezone(&Utc)))
            }
            None => Arc::new(SystemClock),
        };
        let app = Reconnect::open(OpenConfig {
            data_dir: PathBuf::from(options.data_dir),
            key,
            device_name: options.device_name,
            time_zone: parse_zone(&options.time_zone)?,
            clock,
        })?;
        Ok(Arc::new(Self {
            inner: RwLock::new(Some(Arc::new(app))),
        }))
    }

    /// Records today's check-in, or updates it.
    pub fn check_in(&self, input: CheckInInput) -> Result<CheckIn, ReconnectError> {
        Ok(self.app()?.check_in(input.into())?.into())
    }

    pub fn today(&self) -> Result<TodayView, ReconnectError> {
        Ok(self.app()?.today()?.into())
    }

    /// Check-ins, newest first; at most `limit` when given.
    pub fn history(&self, limit: Option<u32>) -> Result<Vec<CheckIn>, ReconnectError> {
        let limit = limit.map(|n| n as usize);
        Ok(self
            .app()?
            .history(limit)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    pub fn day_start_hour(&self) -> Result<u8, ReconnectError> {
        Ok(self.app()?.day_start_hour()?)
    }

    pub fn set_day_start_hour(&self, hour: u8) -> Result<(), ReconnectError> {
        Ok(self.app()?.set_day_start_hour(hour)?)
    }

    /// Tells the core which zone the device is in now (after travel).
    pub fn set_time_zone(&self, time_zone: String) -> Result<(), ReconnectError> {
        Ok(self.app()?.set_time_zone(parse_zone(&time_zone)?)?)
    }

    pub fn device_id(&self) -> Result<String, ReconnectError> {
        Ok(self.app()?.device().device_id.clone())
    }

    /// The whole document, for handing to another of the user's devices.
    pub fn save_document(&self) -> Result<Vec<u8>, ReconnectError> {
        Ok(self.app()?.save_document()?)
    }

    /// Merges a document saved on another of the user's devices.
    pub fn merge_document(&self, bytes: Vec<u8>) -> Result<(), ReconnectError> {
        Ok(self.app()?.merge_document(&bytes)?)
    }

    /// The program as it stands now: phases, steps, what to do next, advice, and
    /// everything recorded so far.
    pub fn program(&self) -> Result<ProgramView, ReconnectError> {
        Ok(self.app()?.program()?.into())
    }

    /// Records one program command if the program's rules allow it now, and returns the
    /// new view. A refusal (`Refused`) or bad input (`InvalidInput`) changes nothing.
    pub fn program_command(
        &self,
        command: ProgramCommand,
    ) -> Result<CommandResult, ReconnectError> {
        let command = command.try_into()?;
        Ok(self.app()?.program_command(command)?.into())
    }

    /// Calls `listener` after every change; keep the handle to stay subscribed.
    pub fn subscribe(
        &self,
        listener: Box<dyn ChangeListener>,
    ) -> Result<Arc<ListenerHandle>, ReconnectError> {
        let listener: Arc<dyn ChangeListener> = Arc::from(listener);
        let subscription = self
            .app()?
            .subscribe(Arc::new(move |event: &core::ChangeEvent| {
                listener.on_change(ChangeEvent::from(event))
            }));
        Ok(Arc::new(ListenerHandle::new(subscription)))
    }

    /// Closes the store now; later calls fail with `Closed`. Idempotent.
    pub fn close(&self) {
        let taken = match self.inner.write() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        drop(taken);
    }
}

/// How long `wipe` waits for calls already running on other threads to finish.
const WIPE_WAIT: Duration = Duration::from_secs(2);

impl ReconnectStore {
    /// Closes the store and hands back the only reference to it, so it can be consumed
    /// (wiped). New calls wait on the lock and then see `Closed`; calls already running
    /// hold their own reference, so this waits up to [`WIPE_WAIT`] for them. If they do
    /// not finish, the store is left open and the error is `InUse`.
    pub(crate) fn close_for_wipe(&self) -> Result<Reconnect, ReconnectError> {
        let mut guard = match self.inner.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut shared = guard.take().ok_or(ReconnectError::Closed)?;
        let deadline = Instant::now() + WIPE_WAIT;
        loop {
            match Arc::try_unwrap(shared) {
                Ok(app) => return Ok(app),
                Err(still_shared) if Instant::now() < deadline => {
                    shared = still_shared;
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(still_shared) => {
                    *guard = Some(still_shared);
                    return Err(ReconnectError::InUse {
                        detail: "the store is still busy with another call; nothing was \
                                 deleted, try again"
                            .into(),
                    });
                }
            }
        }
    }

    pub(crate) fn app(&self) -> Result<Arc<Reconnect>, ReconnectError> {
        let guard = self.inner.read().map_err(|_| ReconnectError::Internal {
            detail: "the store lock was poisoned".into(),
        })?;
        guard.clone().ok_or(ReconnectError::Closed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::{LockReason, RefusalReason};
    use crate::types::ContactMedium;

    fn open(dir: &std::path::Path) -> Arc<ReconnectStore> {
        ReconnectStore::open(OpenOptions {
            data_dir: dir.display().to_string(),
            key: vec![7; 32],
            device_name: "rust test".into(),
            time_zone: "Europe/Berlin".into(),
            fixed_now: Some("2026-11-29T19:00:00Z".into()),
        })
        .unwrap()
    }

    #[test]
    fn a_refused_command_arrives_typed_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let before = store.program().unwrap();
        let err = store
            .program_command(ProgramCommand::LogAttempt {
                medium: ContactMedium::Text,
                on: None,
                reply: crate::program::Reply::Warm,
                note: None,
                skip_ahead: false,
            })
            .unwrap_err();
        match err {
            ReconnectError::Refused {
                reason: RefusalReason::StepLocked { step, reasons },
                detail,
            } => {
                assert_eq!(step, 4);
                assert!(reasons.contains(&LockReason::PreCheckFirst), "{reasons:?}");
                assert!(detail.contains("pre-check"), "{detail}");
            }
            other => panic!("expected Refused, got {other:?}"),
        }
        assert_eq!(store.program().unwrap(), before);
        assert_eq!(before.today, "2026-11-29");
        store.close();
        assert!(matches!(store.program(), Err(ReconnectError::Closed)));
    }

    #[test]
    fn wipe_closes_first_and_waits_for_running_calls() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("store");
        let store = open(&data);
        store
            .check_in(CheckInInput {
                mood: 3,
                urge: 2,
                contact: None,
                note: None,
            })
            .unwrap();

        // A call still running elsewhere holds the core: nothing is deleted, still open.
        let running = store.app().unwrap();
        assert!(matches!(store.wipe(), Err(ReconnectError::InUse { .. })));
        assert!(data.join("reconnect.db").exists());
        assert_eq!(store.history(None).unwrap().len(), 1);
        drop(running);

        let removed = store.wipe().unwrap();
        assert!(
            removed.iter().any(|p| p.ends_with("reconnect.db")),
            "{removed:?}"
        );
        assert!(!data.join("reconnect.db").exists());
        assert!(matches!(store.today(), Err(ReconnectError::Closed)));
        assert!(matches!(store.wipe(), Err(ReconnectError::Closed)));
        store.close();
    }
}
