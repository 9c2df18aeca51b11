//! The thin uniffi layer over `reconnect-core`: records and enums for views, one store
//! object, a foreign listener for changes, the 11-step program (view, commands,
//! refusals, content), the journal, progress, reminders, export, import, report and
//! wipe, and pairing and sync sessions that turn frames into frames for the shells'
//! transports. No logic lives here beyond conversions.

mod error;
mod export;
mod journal;
mod listener;
mod program;
mod progress;
mod reminders;
mod screens;
mod store;
mod sync;
mod types;
mod wall_time;

pub use error::{ReconnectError, SyncFailure};
pub use export::{ImportSummary, ReportFormat};
pub use journal::{EntryEdit, EntryInput, EntryKind, EntryLink, JournalEntry, JournalFilter};
pub use listener::{ChangeListener, ListenerHandle};
pub use program::*;
pub use progress::{MoodTrend, ProgressView, WeekMood};
pub use reminders::{CustomReminder, NotificationDetail, Reminder, ReminderKind, ReminderSettings};
pub use screens::{
    Action, ActionKind, ActionStyle, Block, ChartPoint, ChoiceOption, Confirm, Field, FieldKind,
    Performed, Route, Screen, ShellState, ShellTask, Tone,
};
pub use store::ReconnectStore;
pub use sync::{
    FrameDecoder, PairingOffer, PairingSession, Peer, QrMatrix, SessionStats, SyncRole,
    SyncSession, SyncStep,
};
pub use types::{ChangeEvent, CheckIn, CheckInInput, ContactMedium, OpenOptions, TodayView};

uniffi::setup_scaffolding!();

/// Panics on purpose so tests can prove a Rust panic reaches the host as an exception.
/// Only built with the `fault-injection` feature, which release builds never enable.
#[cfg(feature = "fault-injection")]
#[uniffi::export]
pub fn fault_injection_panic() {
    panic!("fault injection: deliberate panic");
}
