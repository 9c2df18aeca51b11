//! Export, import and wipe end to end: private files written whole and never silently
//! replaced, a round trip into a new store, and a wipe that leaves no file behind.

mod support;

use std::path::Path;

use serde_json::Value;
use support::{Env, flat, stderr};

const NOW: &str = "2027-03-20T19:00:00Z";

/// A store with a little of everything.
fn filled() -> Env {
    let env = Env::at(NOW);
    env.ok_at(
        "2027-03-19T19:00:00Z",
        &[
            "checkin",
            "--mood",
            "2",
            "--urge",
            "6",
            "--note",
            "Hard evening",
        ],
    );
    env.ok(&["checkin", "--mood", "4", "--urge", "3"]);
    env.ok(&[
        "journal",
        "add",
        "--title",
        "Lake",
        "--tag",
        "calm",
        "Walked to the lake.",
    ]);
    env.ok(&["letters", "add", "--cool-off", "12", "Dear you."]);
    env.ok(&[
        "precheck",
        "--answer",
        "loneliness=no",
        "--answer",
        "fixable=yes",
        "--answer",
        "hasty=yes",
        "--answer",
        "both-changed=yes",
        "--answer",
        "fresh-start=yes",
        "--safety",
        "fear=no",
        "--safety",
        "threats=no",
        "--safety",
        "violence=no",
        "--safety",
        "control=no",
        "--safety",
        "monitoring=prefer-not-to-say",
    ]);
    env.ok(&["reason", "add", "--kind", "jealousy", "I was jealous"]);
    env.ok(&["reminders", "set", "--daily", "20:30"]);
    env.ok(&["reminders", "add", "--at", "2027-04-01 09:00", "Breathe"]);
    env
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn exports_are_private_whole_and_never_silently_replaced() {
    let env = filled();
    let out_dir = env.dir.path().join("exports");
    std::fs::create_dir(&out_dir).unwrap();
    let json_file = out_dir.join("all.json");
    let json_path = json_file.to_str().unwrap();

    let said = env.ok(&["export", "--format", "json", "--out", json_path]);
    assert!(
        said.contains("Exported everything you recorded to"),
        "{said}"
    );
    assert!(flat(&said).contains("not encrypted"), "{said}");
    let export: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_file).unwrap()).unwrap();
    assert_eq!(export["format"], "reconnect-export");
    assert_eq!(export["check_ins"].as_array().unwrap().len(), 2);
    assert_eq!(export["journal"].as_array().unwrap().len(), 2);
    assert_eq!(export["custom_reminders"].as_array().unwrap().len(), 1);
    #[cfg(unix)]
    assert_eq!(mode(&json_file), 0o600);

    // An existing file is kept unless --force.
    let before = std::fs::read(&json_file).unwrap();
    let refusal = env.fails(2, &["export", "--format", "md", "--out", json_path]);
    assert!(refusal.contains("already exists; add --force"), "{refusal}");
    assert_eq!(std::fs::read(&json_file).unwrap(), before);
    std::fs::write(out_dir.join("old.md"), "old").unwrap();
    let md = out_dir.join("old.md");
    let report = env.json(&[
        "export",
        "--format",
        "md",
        "--out",
        md.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(report["format"], "md");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# "), "{text}");
    assert!(text.contains("Walked to the lake."), "{text}");
    #[cfg(unix)]
    assert_eq!(mode(&md), 0o600);
    let html = out_dir.join("report.html");
    env.ok(&[
        "export",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&html).unwrap().contains("<svg"));
    assert_eq!(
        names(&out_dir),
        ["all.json", "old.md", "report.html"],
        "no temp files left"
    );

    // Never over the key, never into the store's directory, never a directory.
    let key = env.key.to_str().unwrap().to_string();
    assert!(
        env.fails(2, &["export", "--out", &key, "--force"])
            .contains("key file")
    );
    let inside = env.data.join("x.json");
    env.fails(2, &["export", "--out", inside.to_str().unwrap()]);
    env.fails(2, &["export", "--out", out_dir.to_str().unwrap()]);
    env.fails(2, &["export", "--format", "pdf", "--out", "x.pdf"]);
    let missing = out_dir.join("no").join("such.json");
    assert_eq!(
        env.run(&["export", "--out", missing.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn an_export_imports_into_a_new_store_and_only_an_empty_one() {
    let env = filled();
    let file = env.dir.path().join("all.json");
    env.ok(&["export", "--out", file.to_str().unwrap()]);
    let file = file.to_str().unwrap();

    let fresh = Env::at(NOW);
    let said = fresh.ok(&["import", file]);
    assert!(
        said.contains(
            "Imported 2 check-ins, 2 journal entries, 2 program entries and 1 reminder of your own."
        ),
        "{said}"
    );
    for args in [
        &["history"][..],
        &["journal", "list"],
        &["letters", "list"],
        &["reminders"],
        &["reminders", "settings"],
        &["progress"],
        &["step", "1"],
        &["program"],
    ] {
        assert_eq!(fresh.json(args), env.json(args), "{args:?}");
    }
    // Never into a store that already holds something.
    let again = fresh.fails(2, &["import", file]);
    assert!(again.contains("empty store"), "{again}");
    assert_eq!(fresh.json(&["history"]).as_array().unwrap().len(), 2);

    // Something that is not an export creates nothing.
    let other = Env::at(NOW);
    let not_export = other.dir.path().join("notes.json");
    std::fs::write(&not_export, r#"{"hello": "world"}"#).unwrap();
    let refusal = other.fails(2, &["import", not_export.to_str().unwrap()]);
    assert!(refusal.contains("not a Reconnect export"), "{refusal}");
    std::fs::write(&not_export, [0xff, 0xfe, 0x00]).unwrap();
    other.fails(2, &["import", not_export.to_str().unwrap()]);
    let missing = other.dir.path().join("missing.json");
    assert_eq!(
        other
            .run(&["import", missing.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    assert!(!other.data.exists());
    assert!(!other.key.exists());
    let value = other.json(&["import", file]);
    assert_eq!(value["check_ins"], 2);
}

#[test]
fn wipe_asks_first_then_leaves_no_file_behind() {
    let env = filled();
    assert!(!env.files_in_data_dir().is_empty());
    let refusal = env.fails(2, &["wipe"]);
    assert!(refusal.contains("add --yes"), "{refusal}");
    assert!(refusal.contains("nothing can bring it back"), "{refusal}");
    assert!(
        refusal.contains("paired devices keep their own copy"),
        "{refusal}"
    );
    assert!(env.key.exists());
    assert_eq!(env.json(&["history"]).as_array().unwrap().len(), 2);

    let said = env.ok(&["wipe", "--yes"]);
    assert!(said.starts_with("Wiped. These files are gone:"), "{said}");
    assert!(said.contains("reconnect.db"), "{said}");
    assert!(said.contains(&format!("  {}", env.key.display())), "{said}");
    assert!(
        env.files_in_data_dir().is_empty(),
        "{:?}",
        env.files_in_data_dir()
    );
    assert!(!env.data.exists());
    assert!(!env.key.exists());
    assert_eq!(names(env.dir.path()), Vec::<String>::new());
    let again = env.ok(&["wipe", "--yes"]);
    assert!(again.contains("Nothing to wipe"), "{again}");
    assert!(
        !env.data.exists() && !env.key.exists(),
        "a wipe creates nothing"
    );

    // With --json, the removed files are listed; files that are not Reconnect's stay.
    let other = filled();
    std::fs::write(other.data.join("mine.txt"), "not Reconnect's").unwrap();
    let out = other.run(&["--json", "wipe", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    let removed: Vec<&str> = value["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        removed.iter().any(|p| p.ends_with("reconnect.db")),
        "{removed:?}"
    );
    assert!(
        removed.contains(&other.key.to_str().unwrap()),
        "{removed:?}"
    );
    assert_eq!(value["data_dir_removed"], false);
    assert_eq!(names(&other.data), ["mine.txt"]);
    assert!(!other.key.exists());
}

#[test]
fn wipe_needs_no_key_so_a_lost_key_does_not_trap_the_data() {
    let env = filled();
    std::fs::remove_file(&env.key).unwrap();
    let said = env.ok(&["wipe", "--yes"]);
    assert!(said.contains("reconnect.db"), "{said}");
    assert!(!env.data.exists(), "{:?}", env.files_in_data_dir());
    assert_eq!(names(env.dir.path()), Vec::<String>::new());
}
