//! The `reconnect` binary end to end: each invocation is a fresh process, so every
//! command here also proves the store closes and reopens cleanly.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Env {
    _dir: tempfile::TempDir,
    data: PathBuf,
    key: PathBuf,
}

impl Env {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("store");
        let key = dir.path().join("store.key");
        Env {
            _dir: dir,
            data,
            key,
        }
    }

    fn run_at(&self, now: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_reconnect"))
            .arg("--data-dir")
            .arg(&self.data)
            .args(["--tz", "Europe/Berlin"])
            .args(args)
            .env("RECONNECT_NOW", now)
            .env_remove("RECONNECT_KEY_FILE")
            .env_remove("RECONNECT_TZ")
            .env_remove("RECONNECT_DATA_DIR")
            .output()
            .unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_at("2026-11-29T19:00:00Z", args)
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "failed: {}", stderr(out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn first_run_explains_what_to_do() {
    let env = Env::new();
    let out = env.run(&["today"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Welcome to Reconnect"), "{text}");
    assert!(text.contains("reconnect checkin --mood"), "{text}");
    let value = json(&env.run(&["--json", "today"]));
    assert_eq!(value["first_run"], true);
    assert_eq!(value["check_in"], serde_json::Value::Null);
    assert_eq!(value["date"], "2026-11-29");
}

#[test]
fn check_in_then_read_back_in_new_processes() {
    let env = Env::new();
    let out = env.run(&[
        "checkin",
        "--mood",
        "2",
        "--urge",
        "7",
        "--contacted",
        "social-media",
        "--note",
        "Looked at their photos again",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Saved your check-in for Sunday 29 November 2026"));

    let today = json(&env.run(&["--json", "today"]));
    assert_eq!(today["first_run"], false);
    assert_eq!(today["check_in"]["mood"], 2);
    assert_eq!(today["check_in"]["urge"], 7);
    assert_eq!(today["check_in"]["contact"], "social_media");
    assert_eq!(today["check_in"]["note"], "Looked at their photos again");

    // Same local day (before 4 a.m. Berlin the next morning): an update, not a new day.
    let out = env.run_at(
        "2026-11-30T01:30:00Z",
        &["checkin", "--mood", "3", "--urge", "5"],
    );
    assert!(
        stdout(&out).contains("Updated your check-in"),
        "{}",
        stdout(&out)
    );
    let history = json(&env.run(&["--json", "history"]));
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["mood"], 3);
    assert_eq!(history[0]["note"], "Looked at their photos again");

    env.run_at(
        "2026-11-30T09:00:00Z",
        &["checkin", "--mood", "4", "--urge", "2"],
    );
    let history = json(&env.run(&["--json", "history"]));
    let dates: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-11-30", "2026-11-29"]);
    let text = stdout(&env.run(&["history", "--limit", "1"]));
    assert!(
        text.contains("2026-11-30") && !text.contains("2026-11-29"),
        "{text}"
    );
}

#[test]
fn bad_input_is_one_line_on_stderr_and_changes_nothing() {
    let env = Env::new();
    let out = env.run(&["checkin", "--mood", "9", "--urge", "1"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("mood must be between 1 and 5"), "{err}");

    let out = env.run(&[
        "--json",
        "checkin",
        "--mood",
        "3",
        "--urge",
        "1",
        "--contacted",
        "pigeon",
    ]);
    assert!(!out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(value["error"]["kind"], "usage");

    let today = json(&env.run(&["--json", "today"]));
    assert_eq!(today["days_checked_in"], 0);
}

#[test]
fn the_key_lives_outside_the_data_dir_and_is_private() {
    let env = Env::new();
    env.run(&["checkin", "--mood", "3", "--urge", "3"]);
    assert!(env.key.exists());
    assert!(!env.data.join("store.key").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&env.key).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "key file mode {mode:o}");
        std::fs::set_permissions(&env.key, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = env.run(&["today"]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains("chmod 600"), "{}", stderr(&out));
        std::fs::set_permissions(&env.key, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let inside = env.data.join("k");
    let out = env.run(&["--key-file", inside.to_str().unwrap(), "today"]);
    assert!(
        stderr(&out).contains("inside the data directory"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_wrong_or_missing_key_is_named_and_the_store_is_untouched() {
    let env = Env::new();
    env.run(&["checkin", "--mood", "3", "--urge", "3", "--note", "keep me"]);
    let db = env.data.join("reconnect.db");
    let before = file_bytes(&db);

    let other_key = env.key.with_file_name("other.key");
    let out = Command::new(env!("CARGO_BIN_EXE_reconnect"))
        .arg("--data-dir")
        .arg(&env.data)
        .arg("--key-file")
        .arg(&other_key)
        .args(["--json", "today"])
        .output()
        .unwrap();
    // No key file and an existing store: refuse rather than invent a new key.
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no key at"), "{}", stderr(&out));
    assert!(!other_key.exists());

    std::fs::write(&other_key, format!("{}\n", "11".repeat(32))).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&other_key, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let out = env.run(&["--key-file", other_key.to_str().unwrap(), "--json", "today"]);
    assert!(!out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(value["error"]["kind"], "wrong_key");
    assert_eq!(file_bytes(&db), before);

    let today = json(&env.run(&["--json", "today"]));
    assert_eq!(today["check_in"]["note"], "keep me");
}

#[test]
fn foreign_and_damaged_files_get_clear_messages() {
    let env = Env::new();
    env.run(&["checkin", "--mood", "3", "--urge", "3"]);
    let db = env.data.join("reconnect.db");
    let good = file_bytes(&db);

    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("plain sqlite", plain_sqlite_bytes(), "not_a_store"),
        (
            "truncated",
            good[..good.len() / 2 + 100].to_vec(),
            "damaged",
        ),
        ("random", pseudo_random(good.len()), "damaged"),
    ];
    for (name, bytes, kind) in cases {
        std::fs::write(&db, &bytes).unwrap();
        let out = env.run(&["--json", "today"]);
        assert!(!out.status.success(), "{name} opened");
        let value: serde_json::Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|_| panic!("{name}: {}", stderr(&out)));
        assert_eq!(value["error"]["kind"], kind, "{name}: {value}");
        assert_eq!(file_bytes(&db), bytes, "{name}: the file was modified");
        let plain = env.run(&["today"]);
        assert_eq!(stderr(&plain).trim_end().lines().count(), 1, "{name}");
    }
}

fn plain_sqlite_bytes() -> Vec<u8> {
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.resize(4096, 0);
    bytes
}

fn pseudo_random(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}
