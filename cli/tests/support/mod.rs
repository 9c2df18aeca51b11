//! The harness shared by the daily-use tests: a temp store, Berlin time and a fixed
//! clock, each command a fresh `reconnect` process.

#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub struct Env {
    pub dir: tempfile::TempDir,
    pub data: PathBuf,
    pub key: PathBuf,
    pub now: String,
}

impl Env {
    /// A new store whose clock reads `now` (RFC 3339) until changed.
    pub fn at(now: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("store");
        let key = dir.path().join("store.key");
        Env {
            dir,
            data,
            key,
            now: now.into(),
        }
    }

    pub fn command_at(&self, now: &str, args: &[&str]) -> Command {
        self.command_in("Europe/Berlin", now, args)
    }

    pub fn command_in(&self, zone: &str, now: &str, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_reconnect"));
        command
            .env_remove("RECONNECT_KEY_FILE")
            .env_remove("RECONNECT_TZ")
            .env_remove("RECONNECT_DATA_DIR")
            .env("RECONNECT_NOW", now)
            .arg("--data-dir")
            .arg(&self.data)
            .args(["--tz", zone])
            .args(args)
            .stdin(Stdio::null());
        command
    }

    pub fn run_at(&self, now: &str, args: &[&str]) -> Output {
        self.command_at(now, args).output().unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_at(&self.now, args)
    }

    /// Runs with `input` on stdin.
    pub fn run_with_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command_at(&self.now, args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    /// A command that must succeed; its stdout.
    pub fn ok_at(&self, now: &str, args: &[&str]) -> String {
        let out = self.run_at(now, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    }

    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_at(&self.now, args)
    }

    /// With `--json`; the command must succeed.
    pub fn json_at(&self, now: &str, args: &[&str]) -> Value {
        let with_json: Vec<&str> = std::iter::once("--json")
            .chain(args.iter().copied())
            .collect();
        let out = self.run_at(now, &with_json);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    /// With `--json` in another zone; the command must succeed.
    pub fn json_in(&self, zone: &str, args: &[&str]) -> Value {
        let out = self
            .command_in(zone, &self.now, &[&["--json"], args].concat())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        self.json_at(&self.now, args)
    }

    /// A command that must fail with exit code `code` and one line on stderr; that line.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.run(args);
        failure(&out, code, args)
    }

    pub fn fails_at(&self, now: &str, code: i32, args: &[&str]) -> String {
        let out = self.run_at(now, args);
        failure(&out, code, args)
    }

    /// Every file left under the data dir (none when it is gone).
    pub fn files_in_data_dir(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut todo = vec![self.data.clone()];
        while let Some(dir) = todo.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    todo.push(path);
                } else {
                    found.push(path);
                }
            }
        }
        found
    }
}

pub fn failure(out: &Output, code: i32, args: &[&str]) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}: {}", stdout(out));
    err
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Text with its line folds undone, for phrases that may wrap.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
