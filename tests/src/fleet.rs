//! Several devices of one user, each with its own data directory, key and clock, for
//! tests that merge documents between them.

use crate::device;
use reconnect_core::{FixedClock, Reconnect, StoreKey};
use std::sync::Arc;
use tempfile::TempDir;

pub struct TestDevice {
    pub app: Reconnect,
    pub clock: Arc<FixedClock>,
    pub key: StoreKey,
    pub name: String,
    dir: TempDir,
}

impl TestDevice {
    /// A new device with its own random key.
    pub fn new(name: &str) -> TestDevice {
        Self::with_key(name, device::random_key())
    }

    pub fn with_key(name: &str, key: StoreKey) -> TestDevice {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let clock = Arc::new(FixedClock::new(device::noon(0)));
        let app = device::open(dir.path(), &key, name, clock.clone()).expect("a new store opens");
        TestDevice {
            app,
            clock,
            key,
            name: name.to_string(),
            dir,
        }
    }

    /// The device's handle with its clock moved to noon of simulated day `day`.
    pub fn on(&self, day: u32) -> &Reconnect {
        self.clock.set(device::noon(day));
        &self.app
    }

    /// Closes and reopens the store, as after an app restart.
    pub fn restart(self) -> TestDevice {
        let TestDevice {
            app,
            clock,
            key,
            name,
            dir,
        } = self;
        drop(app);
        let app = device::open(dir.path(), &key, &name, clock.clone()).expect("the store reopens");
        TestDevice {
            app,
            clock,
            key,
            name,
            dir,
        }
    }
}

/// Asserts two devices hold the same document and show the same history.
pub fn assert_converged(a: &Reconnect, b: &Reconnect) {
    assert_eq!(a.heads().expect("heads"), b.heads().expect("heads"));
    assert_eq!(
        a.history(None).expect("history"),
        b.history(None).expect("history")
    );
}

/// Merges both ways and checks the two devices converged.
pub fn sync(a: &Reconnect, b: &Reconnect) {
    a.merge_from(b).expect("merge into a");
    b.merge_from(a).expect("merge into b");
    assert_converged(a, b);
}
