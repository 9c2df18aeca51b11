//! Daily use on the command line, end to end: the journal (add, list, search, show,
//! edit, delete, and versions from two devices), unsent letters with their rest before
//! ready, progress, and `--help` for every daily-use and data command. Each command is a fresh
//! process on a temp store in Berlin time with a fixed clock.

mod support;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use reconnect_core::journal::EntryEdit;
use reconnect_core::{FixedClock, OpenConfig, Reconnect, StoreKey};
use serde_json::Value;
use support::{Env, flat, stderr, stdout};

const NOW: &str = "2027-03-20T19:00:00Z";

fn id(value: &Value) -> String {
    value["id"].as_str().expect("an id").to_string()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn journal_entries_are_written_found_changed_and_deleted() {
    let env = Env::at(NOW);
    let lake = env.json_at(
        "2027-03-18T19:00:00Z",
        &[
            "journal",
            "add",
            "--title",
            "Lake walk",
            "--tag",
            "Calm",
            "--tag",
            "#sleep",
            "Cold wind, warm tea. Thought about the lake house and did not text.",
        ],
    );
    assert_eq!(lake["title"], "Lake walk");
    assert_eq!(lake["tags"], serde_json::json!(["calm", "sleep"]));
    assert_eq!(lake["kind"], "entry");
    let lake = id(&lake);

    let grown = env.json_at(
        "2027-03-19T19:00:00Z",
        &[
            "journal",
            "add",
            "--prompt",
            "growth.prompt.self",
            "I asked for help at work.",
        ],
    );
    assert_eq!(
        grown["title"],
        "What's one way you've grown recently, however small?"
    );
    assert_eq!(grown["link"]["link"], "prompt");
    assert_eq!(grown["link"]["key"], "growth.prompt.self");
    let grown = id(&grown);

    // Text from stdin, linked to a step; the plain confirmation names the entry.
    let out = env.run_with_stdin(
        &["journal", "add", "--step", "4", "-"],
        "Saw their post about the new job.\nFelt glad for them.\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Saved \u{201c}Saw their post about the new job."),
        "{}",
        stdout(&out)
    );
    let list = env.json(&["journal", "list"]);
    let all = ids(&list);
    assert_eq!(all.len(), 3);
    assert_eq!(all[1..], [grown.clone(), lake.clone()], "newest first");
    let posted = all[0].clone();
    assert_eq!(
        list[0]["body"],
        "Saw their post about the new job.\nFelt glad for them."
    );
    assert_eq!(list[0]["link"]["number"], 4);

    let text = env.ok(&["journal", "list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[2].starts_with(&format!(
            "{lake}  2027-03-18  \u{201c}Lake walk\u{201d}  #calm #sleep"
        )),
        "{text}"
    );
    assert_eq!(
        ids(&env.json(&["journal", "list", "--tag", "CALM"])),
        [lake.as_str()]
    );
    assert_eq!(
        ids(&env.json(&["journal", "list", "--limit", "1"])),
        [posted.as_str()]
    );
    assert!(
        env.ok(&["journal", "list", "--tag", "work"])
            .contains("No entries are tagged #work")
    );
    assert!(
        env.ok(&["journal", "list", "--conflicts"])
            .contains("No entry waits")
    );

    // Search: every word, any case, titles, texts and tags; the hit is shown in context.
    assert_eq!(
        ids(&env.json(&["journal", "search", "LAKE", "tea"])),
        [lake.as_str()]
    );
    assert_eq!(
        ids(&env.json(&["journal", "search", "#sleep"])),
        [lake.as_str()]
    );
    assert_eq!(
        ids(&env.json(&["journal", "search", "help"])),
        [grown.as_str()]
    );
    let found = env.ok(&["journal", "search", "house"]);
    assert!(found.contains("the lake house and did not text"), "{found}");
    assert!(
        env.ok(&["journal", "search", "lake", "work"])
            .contains("Nothing in your journal")
    );
    assert!(
        env.fails(2, &["journal", "search", "#"])
            .contains("at least one word")
    );

    let shown = env.ok(&["journal", "show", &grown]);
    assert!(
        shown.contains("What's one way you've grown recently"),
        "{shown}"
    );
    assert!(
        shown.contains("Written   Fri 19 Mar 2027, 20:00 CET"),
        "{shown}"
    );
    assert!(shown.contains("About     the prompt"), "{shown}");
    assert!(shown.contains("\n  I asked for help at work.\n"), "{shown}");
    let shown = env.ok(&["journal", "show", &posted]);
    assert!(shown.contains("About     step 4: "), "{shown}");
    assert!(shown.contains("  Felt glad for them."), "{shown}");

    // Edit: title, text from stdin, tags replaced, then removed.
    let edited = env.json_at(
        "2027-03-21T08:00:00Z",
        &[
            "journal",
            "edit",
            &lake,
            "--title",
            "Lake, at dusk",
            "--tag",
            "walks",
        ],
    );
    assert_eq!(edited["title"], "Lake, at dusk");
    assert_eq!(edited["tags"], serde_json::json!(["walks"]));
    assert_eq!(
        edited["body"],
        "Cold wind, warm tea. Thought about the lake house and did not text."
    );
    let out = env.run_with_stdin(&["journal", "edit", &lake, "--text", "-"], "Calmer now.\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Updated \u{201c}Lake, at dusk\u{201d}."),
        "{}",
        stdout(&out)
    );
    let edited = env.json(&["journal", "edit", &lake, "--no-tags"]);
    assert_eq!(edited["tags"], serde_json::json!([]));
    assert_eq!(edited["body"], "Calmer now.");
    assert!(env.ok(&["journal", "show", &lake]).contains("Edited    "));
    env.fails(2, &["journal", "edit", &lake]);
    env.fails(2, &["journal", "edit", &lake, "--tag", "x", "--no-tags"]);
    assert!(
        env.fails(2, &["journal", "edit", "nope", "--title", "x"])
            .contains("there is no journal entry with the id \"nope\"")
    );

    // Delete asks for --yes and says what it means; nothing changes without it.
    let refusal = env.fails(2, &["journal", "delete", &lake]);
    assert!(refusal.contains("--yes"), "{refusal}");
    assert!(refusal.contains("other devices"), "{refusal}");
    assert!(refusal.contains("sync"), "{refusal}");
    assert_eq!(env.json(&["journal", "list"]).as_array().unwrap().len(), 3);
    let deleted = env.ok(&["journal", "delete", &lake, "--yes"]);
    assert!(
        deleted.contains("Deleted \u{201c}Lake, at dusk\u{201d}"),
        "{deleted}"
    );
    assert!(deleted.contains("once they sync"), "{deleted}");
    assert_eq!(ids(&env.json(&["journal", "list"])), [posted, grown]);
    env.fails(2, &["journal", "show", &lake]);
    assert_eq!(
        env.json(&[
            "journal",
            "delete",
            &ids(&env.json(&["journal", "list"]))[0],
            "--yes"
        ])["kind"],
        "entry"
    );
}

#[test]
fn refused_journal_input_creates_no_store() {
    let env = Env::at(NOW);
    assert!(
        env.fails(2, &["journal", "add"])
            .contains("needs a title or some text")
    );
    let long = "x".repeat(201);
    assert!(
        env.fails(2, &["journal", "add", "--title", &long, "text"])
            .contains("at most 200")
    );
    env.fails(
        2,
        &["journal", "add", "--prompt", "step.99.nothing", "text"],
    );
    env.fails(2, &["journal", "add", "--step", "12", "text"]);
    env.fails(
        2,
        &[
            "journal",
            "add",
            "--step",
            "4",
            "--prompt",
            "growth.prompt.self",
            "x",
        ],
    );
    let out = env.run_with_stdin(&["journal", "add", "-"], "\n\n");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    env.fails(2, &["journal", "delete", "abc"]);
    env.fails(2, &["letters", "add", "--cool-off", "400", "Dear you"]);
    assert!(!env.data.exists());
    assert!(!env.key.exists());

    // With --json, errors are JSON on stderr.
    let out = env.run(&["--json", "journal", "add"]);
    let value: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(value["error"]["kind"], "invalid_input");
}

/// Opens the CLI's store directly, as another device's sync would.
fn open_core(data: &std::path::Path, key: StoreKey, now: &str) -> Reconnect {
    let now: DateTime<Utc> = now.parse().unwrap();
    Reconnect::open(OpenConfig {
        data_dir: data.to_path_buf(),
        key,
        device_name: "test device".into(),
        time_zone: chrono_tz::Tz::Europe__Berlin,
        clock: Arc::new(FixedClock::new(now)),
    })
    .unwrap()
}

#[test]
fn versions_from_two_devices_are_shown_numbered_and_one_is_kept() {
    let env = Env::at(NOW);
    let entry = id(&env.json(&["journal", "add", "--title", "Sunday", "We met for coffee."]));
    {
        // Another device gets the entry, then both change its text at the same time.
        let key = StoreKey::from_hex(&std::fs::read_to_string(&env.key).unwrap()).unwrap();
        let here = open_core(&env.data, key, NOW);
        let other = open_core(
            &env.dir.path().join("tablet"),
            StoreKey::generate().unwrap(),
            NOW,
        );
        other
            .merge_document(&here.save_document().unwrap())
            .unwrap();
        let body = |text: &str| EntryEdit {
            body: Some(text.into()),
            ..EntryEdit::default()
        };
        here.journal_edit(&entry, body("Written on the phone."))
            .unwrap();
        other
            .journal_edit(&entry, body("Written on the tablet."))
            .unwrap();
        here.merge_from(&other).unwrap();
    }
    let shown = env.json(&["journal", "show", &entry]);
    let versions = shown["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    let mut texts: Vec<&str> = versions
        .iter()
        .map(|v| v["text"].as_str().unwrap())
        .collect();
    assert_eq!(versions[0]["number"], 1);
    assert_eq!(versions[1]["title"], "Sunday");
    let second = texts[1].to_string();
    texts.sort();
    assert_eq!(texts, ["Written on the phone.", "Written on the tablet."]);

    let text = env.ok(&["journal", "show", &entry]);
    assert!(
        text.contains("changed on two devices at the same time"),
        "{text}"
    );
    assert!(
        text.contains("Version 1\n  Title: Sunday\n  Written on the"),
        "{text}"
    );
    assert!(text.contains("Version 2"), "{text}");
    assert!(
        text.contains(&format!("reconnect journal resolve {entry} --keep N")),
        "{text}"
    );
    assert!(
        env.ok(&["journal", "list"])
            .contains("[two versions: choose one]")
    );
    assert_eq!(
        ids(&env.json(&["journal", "list", "--conflicts"])),
        [entry.as_str()]
    );
    // Both versions are searchable.
    assert_eq!(
        ids(&env.json(&["journal", "search", "tablet"])),
        [entry.as_str()]
    );
    assert_eq!(
        ids(&env.json(&["journal", "search", "phone"])),
        [entry.as_str()]
    );

    // Editing the text over unseen versions is refused; resolving chooses.
    let refusal = env.fails(2, &["journal", "edit", &entry, "--text", "mine"]);
    assert!(refusal.contains("journal resolve"), "{refusal}");
    assert!(
        env.fails(2, &["journal", "resolve", &entry, "--keep", "3"])
            .contains("from 1 to 2")
    );
    env.fails(2, &["journal", "resolve", &entry, "--keep", "0"]);
    env.fails(2, &["journal", "resolve", &entry]);
    env.fails(
        2,
        &["journal", "resolve", &entry, "--keep", "1", "--text", "x"],
    );
    let kept = env.json(&["journal", "resolve", &entry, "--keep", "2"]);
    assert_eq!(kept["body"], second.as_str());
    assert_eq!(kept["versions"], serde_json::json!([]));
    assert_eq!(kept["body_conflicts"], serde_json::json!([]));
    assert!(
        env.fails(2, &["journal", "resolve", &entry, "--keep", "1"])
            .contains("just one version")
    );
    let text = env.ok(&["journal", "show", &entry]);
    assert!(!text.contains("Version"), "{text}");
}

#[test]
fn a_merged_text_can_resolve_versions() {
    let env = Env::at(NOW);
    let entry = id(&env.json(&["journal", "add", "--title", "Plans", "One."]));
    {
        let key = StoreKey::from_hex(&std::fs::read_to_string(&env.key).unwrap()).unwrap();
        let here = open_core(&env.data, key, NOW);
        let other = open_core(
            &env.dir.path().join("tablet"),
            StoreKey::generate().unwrap(),
            NOW,
        );
        other
            .merge_document(&here.save_document().unwrap())
            .unwrap();
        let both = |title: &str, text: &str| EntryEdit {
            title: Some(title.into()),
            body: Some(text.into()),
            ..EntryEdit::default()
        };
        here.journal_edit(&entry, both("Plans A", "Two.")).unwrap();
        other
            .journal_edit(&entry, both("Plans B", "Three."))
            .unwrap();
        here.merge_from(&other).unwrap();
    }
    // The titles differ too, so a merged text needs a title.
    assert!(
        env.fails(2, &["journal", "resolve", &entry, "--text", "x"])
            .contains("--title")
    );
    let out = env.run_with_stdin(
        &[
            "journal", "resolve", &entry, "--title", "Plans", "--text", "-",
        ],
        "Two. Three.\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Kept \u{201c}Plans\u{201d}"),
        "{}",
        stdout(&out)
    );
    let entry = env.json(&["journal", "show", &entry]);
    assert_eq!(
        (entry["title"].as_str(), entry["body"].as_str()),
        (Some("Plans"), Some("Two. Three."))
    );
    assert_eq!(entry["versions"], serde_json::json!([]));
}

#[test]
fn letters_rest_before_they_are_ready_and_are_never_sent() {
    let env = Env::at(NOW);
    let out = env.ok(&[
        "letters",
        "add",
        "--title",
        "What I never said",
        "--cool-off",
        "24",
        "Dear you, thank you for the good years.",
    ]);
    assert!(
        out.contains("rests until Sun 21 Mar 2027, 20:00 CET"),
        "{out}"
    );
    assert!(out.contains("never sent"), "{out}");
    let letters = env.json(&["letters", "list"]);
    assert_eq!(letters.as_array().unwrap().len(), 1);
    let letter = id(&letters[0]);
    assert_eq!(letters[0]["kind"], "letter");
    assert_eq!(letters[0]["ready_after"], "2027-03-21T19:00:00Z");

    let list = env.ok(&["letters", "list"]);
    assert!(
        list.contains("[letter, resting until Sun 21 Mar 2027, 20:00 CET]"),
        "{list}"
    );
    let refusal = env.fails(2, &["letters", "ready", &letter]);
    assert!(
        refusal.contains("still resting until Sun 21 Mar 2027, 20:00 CET"),
        "{refusal}"
    );
    let shown = env.json(&["letters", "show", &letter]);
    assert_eq!(shown["letter"]["state"], "resting");
    assert_eq!(shown["marked_ready_at"], Value::Null);

    // A day later the rest is over.
    let later = "2027-03-21T19:00:01Z";
    let shown = env.ok_at(later, &["letters", "show", &letter]);
    assert!(flat(&shown).contains("rested long enough"), "{shown}");
    let ready = env.ok_at(later, &["letters", "ready", &letter]);
    assert!(ready.contains("is marked ready"), "{ready}");
    assert!(ready.contains("never sends a letter"), "{ready}");
    let again = env.ok_at(later, &["letters", "ready", &letter]);
    assert!(
        again.contains("already marked ready on Sun 21 Mar 2027, 20:00 CET"),
        "{again}"
    );
    let shown = env.json_at(later, &["letters", "show", &letter]);
    assert_eq!(shown["letter"]["state"], "ready");
    assert_eq!(shown["marked_ready_at"], "2027-03-21T19:00:01Z");
    assert!(
        env.ok_at(later, &["letters", "list"])
            .contains("[letter, ready]")
    );

    // Letters are journal entries too; an entry is not a letter.
    assert!(env.ok(&["journal", "list"]).contains("What I never said"));
    let entry = id(&env.json(&["journal", "add", "Just a note."]));
    assert!(
        env.fails(2, &["letters", "ready", &entry])
            .contains("not a letter")
    );
    assert!(
        env.fails(2, &["letters", "show", &entry])
            .contains("journal show")
    );
    assert_eq!(env.json(&["letters", "list"]).as_array().unwrap().len(), 1);

    // No rest at all is a choice too.
    let quick = id(&env.json(&["letters", "add", "--cool-off", "0", "Short one."]));
    env.ok(&["letters", "ready", &quick]);
}

#[test]
fn progress_is_forgiving_and_shows_mood_by_week() {
    let env = Env::at(NOW);
    let empty = env.ok(&["progress"]);
    assert!(empty.contains("No check-ins yet"), "{empty}");
    assert_eq!(env.json(&["progress"])["days_checked_in"], 0);

    // A week of check-ins, Monday 8 to Sunday 14 March 2027, then two missed days.
    for (day, mood) in [(8, 2), (9, 3), (10, 3), (11, 4), (12, 4), (13, 5), (14, 5)] {
        let now = format!("2027-03-{day:02}T19:00:00Z");
        let mood = mood.to_string();
        env.ok_at(&now, &["checkin", "--mood", &mood, "--urge", "3"]);
    }
    let on_sunday = env.json_at("2027-03-14T20:00:00Z", &["progress"]);
    assert_eq!(on_sunday["strength"], 68);
    assert_eq!(on_sunday["days_checked_in"], 7);
    assert_eq!(on_sunday["since"], "2027-03-08");
    assert_eq!(on_sunday["mood_trend"]["falling"], false);
    let weeks = on_sunday["weekly_moods"].as_array().unwrap();
    let this_week = weeks.last().unwrap();
    assert_eq!(this_week["week_start"], "2027-03-08");
    assert_eq!(this_week["check_ins"], 7);
    assert!((this_week["average"].as_f64().unwrap() - 26.0 / 7.0).abs() < 1e-9);

    // Two days missed: a little lower, nothing reset.
    let later = "2027-03-17T10:00:00Z";
    let after = env.json_at(later, &["progress"]);
    assert!(after["strength"].as_u64().unwrap() < 68);
    assert!(after["strength"].as_u64().unwrap() >= 58);
    assert_eq!(after["days_checked_in"], 7);
    let text = env.ok_at(later, &["progress"]);
    assert!(text.starts_with("Strength  59 of 100  "), "{text}");
    assert!(text.contains("A missed day lowers it a little"), "{text}");
    assert!(text.contains("nothing ever resets it"), "{text}");
    assert!(
        text.contains("Checked in on 7 days, since Monday 8 March 2027."),
        "{text}"
    );
    assert!(
        text.contains("Mood lately: rising over the last three weeks."),
        "{text}"
    );
    assert!(
        text.contains("  week of 8 Mar   ███████████████░░░░░  3.7  (7 check-ins)"),
        "{text}"
    );
    assert!(
        text.contains("  week of 15 Mar                        -    (no check-ins)"),
        "{text}"
    );
    assert!(
        !text.contains("week of 1 Mar"),
        "weeks before the first check-in: {text}"
    );
}

#[test]
fn every_daily_use_command_explains_itself() {
    let commands: &[&[&str]] = &[
        &["journal"],
        &["journal", "add"],
        &["journal", "list"],
        &["journal", "show"],
        &["journal", "edit"],
        &["journal", "search"],
        &["journal", "resolve"],
        &["journal", "delete"],
        &["journal", "prompts"],
        &["letters"],
        &["letters", "add"],
        &["letters", "list"],
        &["letters", "show"],
        &["letters", "ready"],
        &["progress"],
        &["reminders"],
        &["reminders", "set"],
        &["reminders", "add"],
        &["reminders", "remove"],
        &["reminders", "settings"],
        &["export"],
        &["import"],
        &["wipe"],
    ];
    let env = Env::at(NOW);
    for command in commands {
        let args: Vec<&str> = command.iter().copied().chain(["--help"]).collect();
        let out = env.run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let help = stdout(&out);
        let about = help.lines().next().unwrap_or_default();
        assert!(
            about.len() > 20 && !about.starts_with("Usage"),
            "{args:?}: {help}"
        );
        assert!(
            help.contains(&format!("Usage: reconnect {}", command.join(" "))),
            "{help}"
        );
    }
    let letters = flat(&env.ok(&["letters", "--help"]));
    assert!(letters.contains("never sent"), "{letters}");
    let progress = flat(&env.ok(&["progress", "--help"]));
    assert!(progress.contains("nothing ever resets"), "{progress}");
    let wipe = flat(&env.ok(&["wipe", "--help"]));
    assert!(wipe.contains("Nothing can bring it back"), "{wipe}");
    let export = flat(&env.ok(&["export", "--help"]));
    assert!(export.contains("not encrypted"), "{export}");
    let delete = flat(&env.ok(&["journal", "delete", "--help"]));
    assert!(delete.contains("every device"), "{delete}");
    let add = flat(&env.ok(&["journal", "add", "--help"]));
    assert!(add.contains("`-` reads it from stdin"), "{add}");
    let prompts = env.ok(&["journal", "prompts"]);
    assert!(prompts.contains("growth.prompt.self"), "{prompts}");
    assert!(prompts.contains("Step 1: "), "{prompts}");
    let all = env.json(&["journal", "prompts"]);
    assert!(all.as_array().unwrap().iter().any(|p| p["step"] == 4));
    assert!(!env.data.exists(), "help and prompts need no store");
}
