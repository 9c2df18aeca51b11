//! Reconnect's core: everything the product does, with no FFI and no UI.
//!
//! The [`Reconnect`] facade is the one entry point shells use: it owns the encrypted
//! [`store`], the Automerge [`doc`], the injected [`clock`] and the user's time zone.

pub mod app;
pub mod checkin;
pub mod clock;
mod coded;
pub mod doc;
pub mod error;
pub mod export;
pub mod journal;
pub mod local_day;
pub mod mood_trend;
pub mod notify;
pub mod program;
pub mod progress;
pub mod reminders;
pub mod screens;
pub mod store;
pub mod sync;

pub use app::{CommandResult, JournalFilter, OpenConfig, Reconnect, ReportFormat};
pub use checkin::{CheckIn, CheckInInput, ContactMedium, TodayView};
pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{Error, Result};
pub use notify::{ChangeEvent, Subscription};
pub use program::{ProgramCommand, ProgramView, Refusal};
pub use store::{StoreError, StoreKey};
pub use sync::{
    Limits, PairingOffer, PairingSession, Peer, Role, SessionStats, Step, SyncError, SyncSession,
};
