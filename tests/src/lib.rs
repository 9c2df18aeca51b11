//! Shared helpers for the integration tests, the crash writer and the benchmarks:
//! opening devices on a hand-moved clock, and looking at the files a store leaves.

pub mod device;
pub mod files;
pub mod fleet;
pub mod journey;
pub mod sql;
pub mod stats;
