//! Writes one check-in per simulated day, as fast as it can, until it is killed.
//!
//! Usage: `crash_writer <data dir> <key hex>`. Resumes after the newest day already in
//! the store. Prints `ready` once the store is open, `begin <day>` before each write
//! and `ack <day>` after the write returned `Ok`, flushing every line, so the parent
//! knows exactly which writes were acknowledged when it kills this process.

use reconnect_core::{FixedClock, StoreKey};
use reconnect_tests::device::{self, day_index};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// A run never writes more than this many days, so a parent that fails to kill it
/// does not leave it writing forever.
const MAX_DAYS_PER_RUN: u32 = 5_000;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("crash_writer: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(key_hex)) = (args.next(), args.next()) else {
        return Err("usage: crash_writer <data dir> <key hex>".into());
    };
    let key_bytes = hex::decode(&key_hex).map_err(|_| "the key is not hex")?;
    let key = StoreKey::from_bytes(&key_bytes).map_err(|e| e.to_string())?;
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let app = device::open(&PathBuf::from(dir), &key, "crash writer", clock.clone())
        .map_err(|e| format!("open: {e}"))?;
    let newest = app.history(Some(1)).map_err(|e| e.to_string())?;
    let first = match newest.first() {
        Some(checkin) => day_index(checkin.date).ok_or("a day before the epoch")? + 1,
        None => 0,
    };
    let mut out = std::io::stdout().lock();
    say(&mut out, "ready")?;
    for day in first..first.saturating_add(MAX_DAYS_PER_RUN) {
        clock.set(device::noon(day));
        say(&mut out, &format!("begin {day}"))?;
        let note = device::day_note(day);
        let mood = u8::try_from(day % 5).unwrap_or(0) + 1;
        let urge = u8::try_from(day % 11).unwrap_or(0);
        app.check_in(device::input(mood, urge, None, Some(&note)))
            .map_err(|e| format!("check-in of day {day}: {e}"))?;
        say(&mut out, &format!("ack {day}"))?;
    }
    Ok(())
}

fn say(out: &mut impl Write, line: &str) -> Result<(), String> {
    writeln!(out, "{line}")
        .and_then(|_| out.flush())
        .map_err(|e| format!("stdout: {e}"))
}
