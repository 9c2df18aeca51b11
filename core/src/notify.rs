//! Change listeners: shells subscribe and are told after every change lands on disk.
//! A [`Subscription`] unsubscribes when dropped.

use chrono::NaiveDate;
use serde::Serialize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, Weak};

/// What changed. Sent after the change is durable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeEvent {
    CheckInRecorded {
        date: NaiveDate,
    },
    SettingsChanged,
    /// A program command was recorded (`command` is its snake_case name).
    ProgramChanged {
        command: String,
    },
    /// A journal entry was added, edited or deleted.
    JournalChanged {
        id: String,
    },
    /// Changes from another of the user's devices were merged in.
    RemoteChangesMerged,
}

pub type Listener = Arc<dyn Fn(&ChangeEvent) + Send + Sync>;

#[derive(Default)]
pub struct Notifier {
    inner: Mutex<Registry>,
}

#[derive(Default)]
struct Registry {
    next_id: u64,
    listeners: Vec<(u64, Listener)>,
}

impl Notifier {
    pub fn subscribe(self: &Arc<Self>, listener: Listener) -> Subscription {
        let mut registry = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let id = registry.next_id;
        registry.next_id += 1;
        registry.listeners.push((id, listener));
        Subscription {
            notifier: Arc::downgrade(self),
            id,
        }
    }

    /// Calls every listener outside the registry lock, so a listener may read the store
    /// or subscribe again. A listener that panics does not stop the others.
    pub fn notify(&self, event: &ChangeEvent) {
        let listeners: Vec<Listener> = {
            let registry = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            registry.listeners.iter().map(|(_, l)| l.clone()).collect()
        };
        for listener in listeners {
            let _ = catch_unwind(AssertUnwindSafe(|| listener(event)));
        }
    }

    pub fn listener_count(&self) -> usize {
        let registry = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        registry.listeners.len()
    }

    fn remove(&self, id: u64) {
        let mut registry = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        registry.listeners.retain(|(existing, _)| *existing != id);
    }
}

/// Keeps a listener registered; dropping it unsubscribes.
#[must_use = "dropping the subscription unsubscribes the listener"]
pub struct Subscription {
    notifier: Weak<Notifier>,
    id: u64,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(notifier) = self.notifier.upgrade() {
            notifier.remove(self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn dropping_the_subscription_stops_notifications() {
        let notifier = Arc::new(Notifier::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let seen = calls.clone();
        let sub = notifier.subscribe(Arc::new(move |_| {
            seen.fetch_add(1, Ordering::SeqCst);
        }));
        notifier.notify(&ChangeEvent::SettingsChanged);
        drop(sub);
        notifier.notify(&ChangeEvent::SettingsChanged);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(notifier.listener_count(), 0);
    }

    #[test]
    fn a_panicking_listener_does_not_stop_the_others() {
        let notifier = Arc::new(Notifier::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let seen = calls.clone();
        let _bad = notifier.subscribe(Arc::new(|_| panic!("listener bug")));
        let _good = notifier.subscribe(Arc::new(move |_| {
            seen.fetch_add(1, Ordering::SeqCst);
        }));
        notifier.notify(&ChangeEvent::RemoteChangesMerged);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
