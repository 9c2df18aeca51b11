//! Change notifications for hosts: a foreign callback and a handle that keeps it alive.

use reconnect_core::Subscription;
use std::sync::Mutex;

use crate::types::ChangeEvent;

/// Implemented by the host; called on the writing thread after a change is durable.
#[uniffi::export(callback_interface)]
pub trait ChangeListener: Send + Sync {
    fn on_change(&self, event: ChangeEvent);
}

/// Keeps a listener subscribed. Dropping (or cancelling) it unsubscribes.
#[derive(uniffi::Object)]
pub struct ListenerHandle {
    subscription: Mutex<Option<Subscription>>,
}

impl ListenerHandle {
    pub(crate) fn new(subscription: Subscription) -> Self {
        Self {
            subscription: Mutex::new(Some(subscription)),
        }
    }
}

#[uniffi::export]
impl ListenerHandle {
    /// Unsubscribes now rather than when the handle is garbage-collected. A notification
    /// already being delivered on another thread may still arrive once.
    pub fn cancel(&self) {
        let taken = match self.subscription.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        drop(taken);
    }
}
