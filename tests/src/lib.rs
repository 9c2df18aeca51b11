//! Shared helpers for the integration tests, the crash writer and the benchmarks:
//! opening devices on a hand-moved clock, looking at the files a store leaves, and a
//! deterministic simulator for sync between devices.

pub mod device;
pub mod files;
pub mod fleet;
pub mod journey;
pub mod sql;
pub mod stats;
pub mod sync_harness;
pub mod sync_ledger;
