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

    /// The binary with this store, Berlin time and a fixed clock; add arguments and run.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = bare_command();
        command
            .arg("--data-dir")
            .arg(&self.data)
            .args(["--tz", "Europe/Berlin"])
            .args(args)
            .env("RECONNECT_NOW", "2026-11-29T19:00:00Z");
        command
    }

    fn run_at(&self, now: &str, args: &[&str]) -> Output {
        self.command(args)
            .env("RECONNECT_NOW", now)
            .output()
            .unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_at("2026-11-29T19:00:00Z", args)
    }
}

/// The binary with none of its environment variables set.
fn bare_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reconnect"));
    command
        .env_remove("RECONNECT_KEY_FILE")
        .env_remove("RECONNECT_TZ")
        .env_remove("RECONNECT_DATA_DIR")
        .env_remove("RECONNECT_NOW");
    command
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

fn assert_one_line(out: &Output) {
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stdout_is_one_line_not_a_panic() {
    let env = Env::new();
    let full = || std::fs::File::create("/dev/full").unwrap();
    for args in [&["today"][..], &["--json", "today"], &["history"]] {
        let out = env.command(args).stdout(full()).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_one_line(&out);
        assert!(
            stderr(&out).contains("could not be printed"),
            "{}",
            stderr(&out)
        );
    }

    // The check-in is already safe on disk, and the message says so.
    let out = env
        .command(&["checkin", "--mood", "4", "--urge", "1"])
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line(&out);
    assert!(
        stderr(&out).contains("your check-in was saved, but"),
        "{}",
        stderr(&out)
    );
    let out = env
        .command(&["--json", "checkin", "--mood", "4", "--urge", "2"])
        .stdout(full())
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(value["error"]["kind"], "output");
    let today = json(&env.run(&["--json", "today"]));
    assert_eq!(today["check_in"]["urge"], 2);
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    let env = Env::new();
    env.run(&["checkin", "--mood", "3", "--urge", "3", "--note", "hello"]);
    for args in [&["history"][..], &["--json", "today"], &["--help"]] {
        // A pipe whose reading end is already gone, like `reconnect history | head -0`.
        let mut reader = Command::new("true")
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let write_end = reader.stdin.take().unwrap();
        reader.wait().unwrap();
        let out = env.command(args).stdout(write_end).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn argument_mistakes_are_one_line_and_open_nothing() {
    let env = Env::new();
    let out = env.run(&["checkin", "--mood", "3", "--urge", "300"]);
    assert_eq!(out.status.code(), Some(2));
    assert_one_line(&out);
    assert!(
        stderr(&out).contains("urge to contact must be between 0 and 10, got 300"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["checkin", "--mood", "-1", "--urge", "3"]);
    assert!(stderr(&out).contains("mood must be between 1 and 5, got -1"));
    let out = env.run(&["settings", "--day-start-hour", "300"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("between 0 and 23, got 300"));

    for args in [
        &["checkin", "--mood", "3"][..],
        &["checkin", "--moood", "3", "--urge", "1"],
        &["checkin", "--mood", "three", "--urge", "1"],
        &["launch"],
        &[],
    ] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_one_line(&out);
        assert!(stderr(&out).starts_with("reconnect: "), "{}", stderr(&out));

        let with_json: Vec<&str> = std::iter::once("--json")
            .chain(args.iter().copied())
            .collect();
        let out = env.run(&with_json);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let value: serde_json::Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|_| panic!("{args:?}: {}", stderr(&out)));
        assert_eq!(value["error"]["kind"], "usage", "{value}");
    }
    // Refused input never creates a store or a key.
    assert!(!env.data.exists() && !env.key.exists());

    let help = env.run(&["checkin", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Usage:"), "{}", stdout(&help));
    assert!(stdout(&help).contains("`--note -` reads it from stdin"));
    let version = env.run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(stdout(&version).starts_with("reconnect "));
}

#[test]
fn a_note_can_come_from_stdin() {
    use std::io::Write;
    let env = Env::new();
    let mut child = env
        .command(&["checkin", "--mood", "2", "--urge", "8", "--note", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Wrote them a letter I won't send.\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let today = json(&env.run(&["--json", "today"]));
    assert_eq!(
        today["check_in"]["note"],
        "Wrote them a letter I won't send."
    );
}

#[test]
fn an_empty_stdin_does_not_clear_the_note() {
    let env = Env::new();
    env.run(&[
        "checkin",
        "--mood",
        "3",
        "--urge",
        "3",
        "--note",
        "keep this",
    ]);
    let out = env
        .command(&["checkin", "--mood", "4", "--urge", "3", "--note", "-"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_one_line(&out);
    let today = json(&env.run(&["--json", "today"]));
    assert_eq!(today["check_in"]["note"], "keep this");
    assert_eq!(today["check_in"]["mood"], 3);
}

#[test]
fn no_new_key_is_made_for_a_store_whose_database_went_missing() {
    let env = Env::new();
    env.run(&["checkin", "--mood", "3", "--urge", "3"]);
    std::fs::remove_file(env.data.join("reconnect.db")).unwrap();
    std::fs::remove_file(&env.key).unwrap();
    let out = env.run(&["today"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no key at"), "{}", stderr(&out));
    assert!(!env.key.exists());
}

#[test]
fn notes_cannot_send_control_codes_to_the_terminal() {
    let env = Env::new();
    let note = "calm\u{1b}[2J\u{1b}]0;gotcha\u{7}\r\nsecond\u{9b}31m line\u{202e}";
    let out = env.run(&["checkin", "--mood", "3", "--urge", "3", "--note", note]);
    assert!(out.status.success(), "{}", stderr(&out));
    let is_bad = |c: char| (c.is_control() && c != '\n') || c == '\u{202e}';
    for args in [&["today"][..], &["history"]] {
        let text = stdout(&env.run(args));
        assert!(!text.contains(is_bad), "{args:?}: {text:?}");
        assert!(text.contains("calm[2J]0;gotcha"), "{text}");
    }
    let history = stdout(&env.run(&["history"]));
    assert_eq!(history.lines().count(), 1, "{history}");
    assert!(
        history.contains("calm[2J]0;gotcha second31m line"),
        "{history}"
    );
    // JSON keeps the note exactly as written; escaping makes it safe there.
    let today = json(&env.run(&["--json", "today"]));
    assert_eq!(today["check_in"]["note"], note);
}

#[test]
fn a_relative_data_dir_keeps_its_key_beside_it() {
    let root = tempfile::tempdir().unwrap();
    let cwd = root.path().join("a").join("b");
    std::fs::create_dir_all(&cwd).unwrap();
    let run = |dir: &str| {
        bare_command()
            .current_dir(&cwd)
            .args(["--data-dir", dir, "--tz", "UTC", "--json", "today"])
            .output()
            .unwrap()
    };
    json(&run("."));
    assert!(root.path().join("a").join("b.key").is_file());
    assert!(cwd.join("reconnect.db").is_file());

    json(&run("../c/./d/.."));
    assert!(root.path().join("a").join("c.key").is_file());
    assert!(
        root.path()
            .join("a")
            .join("c")
            .join("reconnect.db")
            .is_file()
    );
}
