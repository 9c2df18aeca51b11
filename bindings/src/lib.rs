//! The thin uniffi layer over `reconnect-core`: records and enums for views, one store
//! object, a foreign listener for changes, and the 11-step program (view, commands,
//! refusals, content). No logic lives here beyond conversions.

mod error;
mod listener;
mod program;
mod store;
mod types;

pub use error::ReconnectError;
pub use listener::{ChangeListener, ListenerHandle};
pub use program::*;
pub use store::ReconnectStore;
pub use types::{ChangeEvent, CheckIn, CheckInInput, ContactMedium, OpenOptions, TodayView};

uniffi::setup_scaffolding!();

/// Panics on purpose so tests can prove a Rust panic reaches the host as an exception.
/// Only built with the `fault-injection` feature, which release builds never enable.
#[cfg(feature = "fault-injection")]
#[uniffi::export]
pub fn fault_injection_panic() {
    panic!("fault injection: deliberate panic");
}
