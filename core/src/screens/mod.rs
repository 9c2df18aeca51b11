//! What each screen of the apps shows and which actions it offers, decided once here so
//! Compose and SwiftUI only render it: texts in the product's words, dates already in
//! the person's zone, every action with the command it sends or why it is unavailable,
//! and each program command's inputs described as data ([`forms`]).
//!
//! Builders are pure functions of the core's views; [`crate::Reconnect::screen`] gathers
//! the views and [`crate::Reconnect::perform`] runs what an action sends.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

mod build;
pub mod daily;
pub mod devices;
pub mod forms;
pub mod journal;
pub mod model;
pub mod program;
mod recorded;
pub mod today;
pub mod values;
pub mod words;

pub use build::Row;
pub use model::*;

/// The moment and zone every date on a screen is shown in.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub now: DateTime<Utc>,
    pub zone: Tz,
}

/// What only the shell knows about this device, for the screens that show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShellState {
    /// The app lock setting, one of [`devices::app_lock_options`]' codes; `None` when off.
    pub app_lock: Option<String>,
}

#[cfg(test)]
mod tests;
