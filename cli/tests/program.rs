//! The program on the command line, end to end: the overview, one step in detail,
//! recording each kind of input, refusals (exit 2, one line, nothing recorded) and
//! `--json` for scripts. Every run is a fresh process on a temp store with a fixed
//! clock (29 November 2026, Berlin).

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

const NOW: &str = "2026-11-29T19:00:00Z";

struct Env {
    _dir: tempfile::TempDir,
    data: PathBuf,
}

impl Env {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("store");
        Env { _dir: dir, data }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_reconnect"));
        command
            .env_remove("RECONNECT_KEY_FILE")
            .env_remove("RECONNECT_TZ")
            .env_remove("RECONNECT_DATA_DIR")
            .env("RECONNECT_NOW", NOW)
            .arg("--data-dir")
            .arg(&self.data)
            .args(["--tz", "Europe/Berlin"])
            .args(args);
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs a command that must succeed; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    }

    /// Runs with `--json`; the command must succeed.
    fn json(&self, args: &[&str]) -> Value {
        let with_json: Vec<&str> = std::iter::once("--json")
            .chain(args.iter().copied())
            .collect();
        let out = self.run(&with_json);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    fn view(&self) -> Value {
        self.json(&["program"])
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Text with its line folds undone, for phrases that may wrap.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn state(view: &Value, step: u64) -> String {
    view["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["number"] == step)
        .map(|s| s["state"].as_str().unwrap().to_string())
        .unwrap()
}

/// A refusal or invalid input: exit 2 and exactly one line on stderr, nothing on stdout.
fn assert_refused(out: &Output, contains: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.starts_with("reconnect: "), "{err}");
    assert!(err.contains(contains), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(stdout(out), "");
}

const FAVOURABLE: [&str; 20] = [
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
    "control=prefer-not-to-say",
    "--safety",
    "monitoring=no",
];

const READY: [&str; 10] = [
    "--answer",
    "secure=yes",
    "--answer",
    "not-controlling=yes",
    "--answer",
    "not-needy=yes",
    "--answer",
    "healthy-reasons=yes",
    "--answer",
    "realistic=yes",
];

fn precheck(env: &Env) -> String {
    let args: Vec<&str> = std::iter::once("precheck").chain(FAVOURABLE).collect();
    env.ok(&args)
}

/// Pre-check, then phase 1 done with a past no-contact period and a passed readiness check.
fn walk_to_step_4(env: &Env) {
    precheck(env);
    env.ok(&[
        "reason",
        "add",
        "--kind",
        "silly-fights",
        "We argued about chores",
    ]);
    env.ok(&["ended-by", "them"]);
    env.ok(&[
        "mistake",
        "add",
        "I kept score",
        "--plan",
        "Let small things go",
    ]);
    env.ok(&["no-contact", "set", "--from", "2026-08-01", "--months", "3"]);
    let args: Vec<&str> = std::iter::once("readiness").chain(READY).collect();
    env.ok(&args);
}

#[test]
fn the_overview_of_a_fresh_store_starts_with_the_self_check() {
    let env = Env::new();
    let text = env.ok(&["program"]);
    assert!(
        text.contains("a short self-check comes before step 1"),
        "{text}"
    );
    assert!(text.contains("not answered yet"), "{text}");
    assert!(text.contains("why: answer the pre-check first"), "{text}");
    assert!(text.contains("Phase 4 · "), "{text}");
    assert!(text.contains("reconnect precheck --answer"), "{text}");
    // No safety notice, no ladder, no outcome yet.
    assert!(!text.contains("Your safety comes first"), "{text}");
    assert!(!text.contains("Contact ladder"), "{text}");

    let view = env.view();
    assert_eq!(view["pre_check_done"], false);
    assert_eq!(view["current_step"], 0);
    assert_eq!(view["phases"].as_array().unwrap().len(), 4);
    assert_eq!(view["steps"].as_array().unwrap().len(), 11);
    assert!((1..=11).all(|n| state(&view, n) == "locked"));
    assert_eq!(view["next_actions"][0]["action"], "answer_pre_check");
}

#[test]
fn the_pre_check_and_phase_1_open_step_4() {
    let env = Env::new();
    let text = precheck(&env);
    assert!(text.contains("Saved your pre-check answers"), "{text}");
    assert!(
        text.contains("Step 1 · Why did it end? — now available"),
        "{text}"
    );

    let text = env.ok(&[
        "reason",
        "add",
        "--kind",
        "silly-fights",
        "We argued about chores",
    ]);
    assert!(text.contains("Silly fights"), "{text}");
    assert!(text.contains("“We argued about chores”"), "{text}");
    assert!(text.contains("in progress"), "{text}");
    let text = env.ok(&["ended-by", "them"]);
    assert!(text.contains("Step 1 · Why did it end? — done"), "{text}");

    let text = env.ok(&[
        "mistake",
        "add",
        "I kept score",
        "--plan",
        "Let small things go",
    ]);
    assert!(text.contains("Step 2 · Own your part — done"), "{text}");

    // A period that is already over: 1 August to 1 November.
    let text = env.ok(&["no-contact", "set", "--from", "2026-08-01", "--months", "3"]);
    assert!(
        text.contains("from 1 August 2026 until 1 November 2026"),
        "{text}"
    );
    let view = env.view();
    assert_eq!(state(&view, 3), "in_progress");
    assert_eq!(state(&view, 4), "locked");
    assert_eq!(
        view["steps"][3]["locked_because"][0]["reason"],
        "readiness_not_passed"
    );

    // A readiness check with one "no" does not pass; all yes does.
    let mut args = vec!["readiness"];
    args.extend(READY);
    args[10] = "realistic=no";
    let text = env.ok(&args);
    assert!(text.contains("not passed yet"), "{text}");
    assert_eq!(state(&env.view(), 4), "locked");

    let args: Vec<&str> = std::iter::once("readiness").chain(READY).collect();
    let text = env.ok(&args);
    assert!(text.contains("it passed"), "{text}");
    assert!(text.contains("Step 3 · Take time apart"), "{text}");
    assert!(
        text.contains("Step 4 · Reach out gently, one step at a time — now available"),
        "{text}"
    );

    let view = env.view();
    assert_eq!(view["phase"], 2);
    assert_eq!(view["current_step"], 4);
    assert_eq!(state(&view, 4), "available");
    let overview = env.ok(&["program"]);
    assert!(overview.contains("Contact ladder"), "{overview}");
    assert!(overview.contains("rung 1 of 5: social media"), "{overview}");
    assert!(
        overview.contains("reconnect attempt log --medium social-media"),
        "{overview}"
    );
}

#[test]
fn a_ladder_skip_is_refused_then_accepted_with_skip_ahead() {
    let env = Env::new();
    walk_to_step_4(&env);

    let out = env.run(&["attempt", "log", "--medium", "call", "--reply", "warm"]);
    assert_refused(&out, "comes after a warm reply on the rung below");
    assert!(stderr(&out).contains("--skip-ahead"), "{}", stderr(&out));

    let out = env.run(&[
        "--json", "attempt", "log", "--medium", "call", "--reply", "warm",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["kind"], "refused");
    assert_eq!(err["error"]["refusal"]["refusal"], "ladder_skip");
    assert_eq!(err["error"]["refusal"]["medium"], "call");
    assert_eq!(err["error"]["refusal"]["open_medium"], "social_media");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("phone call")
    );

    // Nothing was recorded.
    let view = env.view();
    assert_eq!(view["records"]["attempts"].as_array().unwrap().len(), 0);
    assert_eq!(state(&view, 4), "available");

    let text = env.ok(&[
        "attempt",
        "log",
        "--medium",
        "call",
        "--reply",
        "warm",
        "--on",
        "2026-11-28",
        "--skip-ahead",
    ]);
    assert!(
        text.contains("Logged an attempt on 28 November 2026: phone call"),
        "{text}"
    );
    assert!(text.contains("skip a rung"), "{text}");
    assert!(text.contains("One step at a time"), "{text}");
    let view = env.view();
    let attempts = view["records"]["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0]["skipped_ahead"], true);
    assert_eq!(attempts[0]["on"], "2026-11-28");
    assert!(
        view["advice"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["key"] == "advice.ladder_skip")
    );
}

#[test]
fn json_output_parses_and_carries_the_created_id() {
    let env = Env::new();
    let args: Vec<&str> = ["--json", "precheck"]
        .into_iter()
        .chain(FAVOURABLE)
        .collect();
    let out = env.run(&args);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["command"], "answer_pre_check");
    assert_eq!(value["created_id"], Value::Null);
    assert_eq!(value["view"]["pre_check_done"], true);

    let value = env.json(&["reason", "add", "--kind", "jealousy", "I was jealous"]);
    assert_eq!(value["command"], "add_reason");
    let id = value["created_id"].as_str().unwrap();
    assert_eq!(value["view"]["records"]["reasons"][0]["id"], id);
    assert_eq!(value["view"]["records"]["reasons"][0]["kind"], "jealousy");

    let step = env.json(&["step", "1"]);
    assert_eq!(step["number"], 1);
    assert_eq!(step["state"], "in_progress");
    assert_eq!(step["current"], true);
    assert_eq!(step["content"]["key"], "step.1");
    assert_eq!(step["records"]["reasons"][0]["id"], id);
    let pre = env.json(&["step", "0"]);
    assert_eq!(pre["state"], "done");
    assert_eq!(pre["records"]["pre_check"]["answers"]["fixable"], true);

    let support = env.json(&["safety"]);
    assert!(!support["resources"].as_array().unwrap().is_empty());
    assert!(!support["signs"].as_array().unwrap().is_empty());

    let removed = env.json(&["remove", id]);
    assert_eq!(removed["command"], "remove");
    assert_eq!(
        removed["view"]["records"]["reasons"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn a_locked_step_says_why_and_what_opens_it() {
    let env = Env::new();
    let text = env.ok(&["step", "4"]);
    assert!(text.contains("Step 4 of 11 · Reach out gently"), "{text}");
    assert!(text.contains("State: locked"), "{text}");
    assert!(
        text.contains("To open it: answer the pre-check first."),
        "{text}"
    );
    assert!(text.contains("social media"), "{text}");
    assert!(
        text.contains("What you have recorded\n  Nothing yet."),
        "{text}"
    );

    precheck(&env);
    let text = flat(&env.ok(&["step", "4"]));
    assert!(text.contains("finish steps 1 and 2 first"), "{text}");
    assert!(
        text.contains("choose a no-contact period in step 3"),
        "{text}"
    );
    assert!(
        text.contains("the readiness check has not passed yet"),
        "{text}"
    );
    let step = env.json(&["step", "4"]);
    let reasons: Vec<&str> = step["locked_because"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        ["steps_first", "no_contact_not_set", "readiness_not_passed"]
    );

    // The step shows its prompts and its own tools.
    let text = env.ok(&["step", "1"]);
    assert!(text.contains("Questions to think over"), "{text}");
    assert!(text.contains("not-serious"), "{text}");
    assert!(text.contains("State: available (you are here)"), "{text}");
    let text = env.ok(&["step", "0"]);
    assert!(
        text.contains("both-changed: Have you both changed"),
        "{text}"
    );
    assert!(text.contains("both-changed  yes"), "{text}");

    // Recording into a locked step is refused and names the step.
    let out = env.run(&["decide", "ready"]);
    assert_refused(&out, "step 9 is not open yet");
}

#[test]
fn bad_values_are_one_line_and_create_nothing() {
    let env = Env::new();
    for (args, contains) in [
        (
            &["reason", "add", "--kind", "astrology", "x"][..],
            "possible values",
        ),
        (
            &["attempt", "log", "--medium", "pigeon", "--reply", "warm"],
            "possible values",
        ),
        (
            &["observe", "x", "--on", "yesterday"],
            "expected a date like",
        ),
        (&["decide", "maybe"], "possible values"),
        (
            &["precheck", "--answer", "loneliness"],
            "CODE=yes or CODE=no",
        ),
        (&["precheck", "--answer", "mood=yes"], "the codes are"),
        (
            &["precheck", "--answer", "loneliness=perhaps"],
            "answer yes or no",
        ),
        (
            &["precheck", "--answer", "loneliness=no"],
            "missing: fixable, hasty",
        ),
        (&["step", "12"], "0..=11"),
        (
            &["no-contact", "set", "--from", "2026-08-01", "--months", "4"],
            "1..=3",
        ),
        (&["no-contact", "set", "--from", "2026-08-01"], "required"),
        (&["safety", "flag", "rudeness"], "possible values"),
        (
            &["therapy", "set", "--suggested", "sometimes"],
            "answer yes or no",
        ),
        (&["apology", "write"], "required"),
        (&["attempt"], "needs one of: log, reply"),
    ] {
        let out = env.run(args);
        assert_refused(&out, contains);
        let with_json: Vec<&str> = std::iter::once("--json")
            .chain(args.iter().copied())
            .collect();
        let out = env.run(&with_json);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err: Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|_| panic!("{args:?}: {}", stderr(&out)));
        assert!(
            ["usage", "invalid_input"].contains(&err["error"]["kind"].as_str().unwrap()),
            "{err}"
        );
    }
    assert!(!env.data.exists(), "a refused value created a store");

    // Checks only the core can make still come back as one line.
    precheck(&env);
    let out = env.run(&["observe", "x", "--on", "2027-01-01"]);
    assert_refused(&out, "2027-01-01 is in the future");
    let out = env.run(&["observe", "x"]);
    assert_refused(&out, "step 4 is not open yet");
    let out = env.run(&["reason", "add", "--kind", "jealousy", "   "]);
    assert_refused(&out, "the reason is empty");
    let out = env.run(&[
        "no-contact",
        "set",
        "--from",
        "2026-08-01",
        "--until",
        "2026-12-01",
    ]);
    assert_refused(&out, "at most 3 months");
    let out = env.run(&["mistake", "plan", "nope", "a plan"]);
    assert_refused(&out, "there is no record with the id nope");
}

#[test]
fn the_cores_value_checks_come_before_a_store_is_created() {
    let env = Env::new();
    let too_long = "x".repeat(reconnect_core::program::command::TEXT_MAX_CHARS + 1);
    for (args, contains) in [
        (
            &["reason", "add", "--kind", "jealousy", "   "][..],
            "the reason is empty",
        ),
        (&["trigger", "add", ""], "the trigger is empty"),
        (&["trigger", "add", &too_long], "is longer than"),
        (
            &["mistake", "add", "x", "--plan", &too_long],
            "the plan is longer than",
        ),
        (
            &["observe", "x", "--on", "2027-01-01"],
            "2027-01-01 is in the future",
        ),
        (
            &["therapy", "session", "--on", "2026-12-01"],
            "2026-12-01 is in the future",
        ),
        (
            &["no-contact", "set", "--from", "2027-01-01", "--weeks", "2"],
            "not in the future",
        ),
        (
            &[
                "no-contact",
                "set",
                "--from",
                "2026-11-01",
                "--until",
                "2026-10-01",
            ],
            "must end after it starts",
        ),
        (
            &["precheck", "--answer", "loneliness=no"],
            "missing: fixable, hasty",
        ),
        (
            &["icebreaker", "draft", "Hi", "--cool-off", "400"],
            "a cool-off is at most",
        ),
        (
            &[
                "trial",
                "start",
                "--from",
                "2026-12-01",
                "--end",
                "2026-11-01",
            ],
            "must end after it starts",
        ),
    ] {
        assert_refused(&env.run(args), contains);
        let with_json: Vec<&str> = std::iter::once("--json")
            .chain(args.iter().copied())
            .collect();
        let out = env.run(&with_json);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err: Value = serde_json::from_slice(&out.stderr).unwrap();
        assert_eq!(err["error"]["kind"], "invalid_input", "{args:?}");
    }
    // Neither the store nor its key was made.
    let left: Vec<_> = std::fs::read_dir(env.data.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "files left behind: {left:?}");

    // Today is not in the future: what refuses this is the program's state, once open.
    let out = env.run(&["therapy", "session", "--on", "2026-11-29"]);
    assert_refused(&out, "step 10 is not open yet");
}

#[test]
fn safety_signs_close_contact_and_show_support_first() {
    let env = Env::new();
    walk_to_step_4(&env);
    let text = env.ok(&["safety", "flag", "threats", "monitoring"]);
    assert!(text.contains("Your safety comes first"), "{text}");
    assert!(text.contains("local emergency number"), "{text}");
    assert!(text.contains("Checking my phone"), "{text}");

    let overview = env.ok(&["program"]);
    assert!(
        overview.starts_with("Your safety comes first\n"),
        "{overview}"
    );
    assert!(overview.contains("Support is there for you"), "{overview}");
    assert!(
        overview.contains("signs of abuse or control were recorded"),
        "{overview}"
    );

    let out = env.run(&[
        "--json",
        "attempt",
        "log",
        "--medium",
        "social-media",
        "--reply",
        "warm",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["refusal"]["refusal"], "safety_locked");
    assert_eq!(
        env.view()["records"]["attempts"].as_array().unwrap().len(),
        0
    );

    // Support is there even without a store.
    let fresh = Env::new();
    let text = fresh.ok(&["safety"]);
    assert!(text.contains("domestic-abuse helpline"), "{text}");
    assert!(!fresh.data.exists());
}

#[test]
fn a_no_closes_the_ladder_for_good_and_letting_go_ends_the_program() {
    let env = Env::new();
    walk_to_step_4(&env);
    env.ok(&[
        "attempt",
        "log",
        "--medium",
        "social-media",
        "--reply",
        "cold",
    ]);
    let text = env.ok(&["they-said-no", "--kind", "asked-no-contact"]);
    assert!(text.contains("they asked for no contact"), "{text}");
    assert!(text.contains("Their answer is clear"), "{text}");
    let out = env.run(&[
        "attempt",
        "log",
        "--medium",
        "social-media",
        "--reply",
        "warm",
    ]);
    assert_refused(&out, "closed for good");
    let overview = env.ok(&["program"]);
    assert!(overview.contains("Closed for good"), "{overview}");
    assert!(overview.contains("reconnect let-go"), "{overview}");

    let text = env.ok(&["let-go", "--note", "It is time"]);
    assert!(text.contains("Letting go"), "{text}");
    assert!(
        text.contains("You chose to let go on 29 November 2026"),
        "{text}"
    );
    assert!(text.contains("reconnect let-go exercise 1"), "{text}");
    let text = env.ok(&["let-go", "exercise", "1", "Thank you for the good years."]);
    assert!(
        text.contains("Saved step 1 of the closing exercise"),
        "{text}"
    );
    let view = env.view();
    assert_eq!(view["outcome"]["outcome"], "let_go");
    assert_eq!(
        view["records"]["let_go"]["exercise"]["1"],
        "Thank you for the good years."
    );
    let overview = env.ok(&["program"]);
    assert!(
        overview.starts_with("You chose to let go on 29 November 2026"),
        "{overview}"
    );

    let out = env.run(&["mistake", "add", "x"]);
    assert_refused(&out, "the program has ended");
}

#[test]
fn text_can_come_from_stdin() {
    use std::io::Write;
    let env = Env::new();
    precheck(&env);
    let mut child = env
        .command(&["reason", "add", "--kind", "communication", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("We stopped really talking.\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let view = env.view();
    assert_eq!(
        view["records"]["reasons"][0]["text"],
        "We stopped really talking."
    );

    let out = env
        .command(&["trigger", "add", "-"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_refused(&out, "no text arrived on stdin");
    let out = env.run(&["mistake", "add", "-", "--plan", "-"]);
    assert_refused(&out, "only one text can be read from stdin");
}

#[test]
fn every_program_command_has_help() {
    let env = Env::new();
    let commands: &[&[&str]] = &[
        &["program"],
        &["step"],
        &["precheck"],
        &["ended-by"],
        &["reason"],
        &["reason", "add"],
        &["trigger", "add"],
        &["advice", "acknowledge"],
        &["mistake", "add"],
        &["mistake", "plan"],
        &["no-contact", "set"],
        &["no-contact", "end-early"],
        &["readiness"],
        &["observe"],
        &["attempt", "log"],
        &["attempt", "reply"],
        &["icebreaker", "draft"],
        &["icebreaker", "ready"],
        &["apology", "write"],
        &["activity", "log"],
        &["their-side", "add"],
        &["their-side", "respond"],
        &["decide"],
        &["therapy", "set"],
        &["therapy", "session"],
        &["trial", "start"],
        &["trial", "review"],
        &["let-go"],
        &["let-go", "exercise"],
        &["safety"],
        &["safety", "flag"],
        &["they-said-no"],
        &["remove"],
    ];
    for command in commands {
        let args: Vec<&str> = command.iter().copied().chain(["--help"]).collect();
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let help = stdout(&out);
        assert!(help.contains("Usage: reconnect "), "{args:?}: {help}");
        // A sentence describing the command comes first.
        let first = help.lines().next().unwrap_or_default();
        assert!(first.split_whitespace().count() >= 3, "{args:?}: {first}");
    }
    let top = env.ok(&["--help"]);
    for name in [
        "program",
        "step",
        "precheck",
        "attempt",
        "let-go",
        "they-said-no",
        "remove",
    ] {
        assert!(top.contains(&format!("  {name} ")), "{name}: {top}");
    }
    // Choices are listed from the core's content, with their meaning.
    let help = env.ok(&["reason", "add", "--help"]);
    assert!(
        help.contains("not-serious") && help.contains("Not serious about anyone"),
        "{help}"
    );
    let help = env.ok(&["precheck", "--help"]);
    assert!(help.contains("both-changed"), "{help}");
    let help = env.ok(&["attempt", "log", "--help"]);
    assert!(
        help.contains("--skip-ahead") && help.contains("in-person"),
        "{help}"
    );
    assert!(!env.data.exists());
}

#[test]
fn every_step_can_be_recorded_through_to_together() {
    let env = Env::new();
    walk_to_step_4(&env);
    env.ok(&["trigger", "add", "Feeling left out at parties"]);
    let id = env.json(&["mistake", "add", "I went quiet instead of talking"])["created_id"]
        .as_str()
        .unwrap()
        .to_string();
    let text = env.ok(&["mistake", "plan", &id, "Say when something bothers me"]);
    assert!(
        text.contains(&format!("Saved the plan for mistake {id}")),
        "{text}"
    );

    // Step 4: observe, then climb the ladder one warm reply at a time.
    env.ok(&[
        "observe",
        "Posts about a new running club",
        "--on",
        "2026-11-20",
    ]);
    let late = env.json(&[
        "attempt",
        "log",
        "--medium",
        "social-media",
        "--reply",
        "no-reply",
    ]);
    let late = late["created_id"].as_str().unwrap().to_string();
    let text = env.ok(&["attempt", "reply", &late, "warm"]);
    assert!(text.contains("rung 2 of 5 (text message)"), "{text}");
    env.ok(&["attempt", "log", "--medium", "text", "--reply", "warm"]);
    let text = env.ok(&[
        "attempt",
        "log",
        "--medium",
        "call",
        "--reply",
        "warm",
        "--note",
        "Laughed a lot",
    ]);
    assert!(
        text.contains("Step 6 · Apologise sincerely — now available"),
        "{text}"
    );

    // Step 5: a draft with no cool-off can be marked ready at once.
    let draft = env.json(&[
        "icebreaker",
        "draft",
        "Hi! How is the running club?",
        "--cool-off",
        "0",
    ]);
    let draft = draft["created_id"].as_str().unwrap().to_string();
    let text = env.ok(&["icebreaker", "ready", &draft]);
    assert!(text.contains("Step 5 · Break the ice — done"), "{text}");

    // Step 6: an apology written in two sittings.
    let apology = env.json(&["apology", "write", "--what-i-did", "I shut you out"]);
    let apology = apology["created_id"].as_str().unwrap().to_string();
    let text = env.ok(&[
        "apology",
        "write",
        "--id",
        &apology,
        "--responsibility",
        "That was on me",
        "--what-changed",
        "I talk about things now",
        "--repair",
        "Is there anything I can do?",
    ]);
    assert!(text.contains("4 of 4 parts written"), "{text}");
    assert!(
        text.contains("Step 6 · Apologise sincerely — done"),
        "{text}"
    );

    // Phase 3.
    for kind in ["fun", "adrenaline", "scary"] {
        env.ok(&["activity", "log", "--kind", kind, "--went", "good"]);
    }
    let side = env.json(&[
        "their-side",
        "add",
        "--kind",
        "concern",
        "Afraid of empty promises",
    ]);
    let side = side["created_id"].as_str().unwrap().to_string();
    let text = env.ok(&["their-side", "respond", &side, "Asked for time to show it"]);
    assert!(
        text.contains("Step 8 · Let them speak first — done"),
        "{text}"
    );
    let out = env.run(&["decide", "not-yet"]);
    assert_refused(&out, "revisit date");
    let text = env.ok(&["decide", "not-yet", "--revisit", "2026-12-15"]);
    assert!(
        text.contains("look at it again on 15 December 2026"),
        "{text}"
    );
    let text = env.ok(&["step", "11"]);
    assert!(text.contains("you decided \"not yet\""), "{text}");
    // "Not yet" waits: no contact and no "ready" before its date.
    assert_refused(
        &env.run(&["decide", "ready"]),
        "contact waits until 2026-12-15",
    );
    assert_refused(
        &env.run(&["attempt", "log", "--medium", "video", "--reply", "warm"]),
        "contact waits until 2026-12-15",
    );
    // On that day they are ready: the later answer stands.
    let out = env
        .command(&["decide", "ready"])
        .env("RECONNECT_NOW", "2026-12-15T10:00:00Z")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Step 11 · A trial period, not a big question — now available"),
        "{text}"
    );

    // Phase 4.
    env.ok(&["therapy", "set", "--suggested", "yes", "--accepted", "yes"]);
    let text = env.ok(&["therapy", "session", "--on", "2026-11-25"]);
    assert!(
        text.contains("Step 10 · Consider couples therapy — done"),
        "{text}"
    );
    env.ok(&[
        "trial",
        "start",
        "--from",
        "2026-11-01",
        "--end",
        "2026-11-28",
        "--review-every",
        "7",
    ]);
    let signs = [
        "--sign",
        "changes-taken-seriously=yes",
        "--sign",
        "solved-without-fights=yes",
        "--sign",
        "closeness=yes",
        "--sign",
        "past-left-behind=no",
    ];
    let mut review = vec!["trial", "review", "--on", "2026-11-08"];
    review.extend(signs);
    let text = env.ok(&review);
    assert!(text.contains("3 of 4 signs held"), "{text}");
    let mut end = vec![
        "trial",
        "review",
        "--outcome",
        "together",
        "--note",
        "We are good",
    ];
    end.extend(signs);
    let text = env.ok(&end);
    assert!(
        text.contains("You are back together, since 29 November 2026"),
        "{text}"
    );

    let view = env.view();
    assert_eq!(view["outcome"]["outcome"], "together");
    assert!((1..=11).all(|n| state(&view, n) == "done"), "{view}");
    let step4 = env.ok(&["step", "4"]);
    assert!(step4.contains("social media, warm"), "{step4}");
    assert!(step4.contains("“Laughed a lot”"), "{step4}");
    let step6 = env.ok(&["step", "6"]);
    assert!(
        step6.contains("Offering repair: “Is there anything I can do?”"),
        "{step6}"
    );
}

#[test]
fn ending_no_contact_early_needs_a_passed_readiness_check() {
    let env = Env::new();
    precheck(&env);
    env.ok(&["no-contact", "set", "--from", "2026-11-20", "--weeks", "8"]);
    let out = env.run(&["--json", "no-contact", "end-early"]);
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["refusal"]["refusal"], "readiness_not_passed");

    let args: Vec<&str> = std::iter::once("readiness").chain(READY).collect();
    env.ok(&args);
    let text = flat(&env.ok(&["step", "4"]));
    assert!(
        text.contains("the no-contact period runs until 2027-01-15"),
        "{text}"
    );
    let text = env.ok(&["no-contact", "end-early"]);
    assert!(text.contains("ended early today"), "{text}");
    assert_eq!(
        env.view()["records"]["no_contact"]["ended_early_on"],
        "2026-11-29"
    );
}

#[test]
fn advice_against_continuing_can_be_read_and_acknowledged() {
    let env = Env::new();
    precheck(&env);
    env.ok(&["ended-by", "mutual"]);
    let text = env.ok(&[
        "reason",
        "add",
        "--kind",
        "no-empathy",
        "It was always about them",
    ]);
    assert!(text.contains("not yours to fix"), "{text}");
    assert!(text.contains("Some of this isn't yours to fix"), "{text}");
    assert!(
        text.contains("reconnect advice acknowledge not-fixable"),
        "{text}"
    );
    assert_eq!(state(&env.view(), 1), "in_progress");

    let text = env.ok(&["advice", "ok", "not-fixable"]);
    assert!(text.contains("chose to continue"), "{text}");
    assert!(
        text.contains("Step 1 · Why did it end? — now done"),
        "{text}"
    );
    let overview = env.ok(&["program"]);
    assert!(
        overview.contains("(You read this and chose to continue.)"),
        "{overview}"
    );
    let view = env.view();
    assert_eq!(view["records"]["acknowledged"][0], "advice.not_fixable");

    // Advice that is not showing cannot be acknowledged.
    let out = env.run(&["advice", "acknowledge", "cycles"]);
    assert_refused(&out, "no advice `advice.cycles`");
}

#[test]
fn each_new_stop_is_refused_in_one_line_and_support_is_always_listed() {
    let env = Env::new();
    walk_to_step_4(&env);
    let overview = env.ok(&["program"]);
    assert!(overview.contains("reconnect safety"), "{overview}");
    // No answer is an answer: a third unanswered attempt after a pause closes the ladder.
    for on in ["2026-11-01", "2026-11-02"] {
        env.ok(&[
            "attempt",
            "log",
            "--medium",
            "social-media",
            "--reply",
            "no-reply",
            "--on",
            on,
        ]);
    }
    env.ok(&[
        "attempt",
        "log",
        "--medium",
        "social-media",
        "--reply",
        "no-reply",
    ]);
    let out = env.run(&[
        "--json",
        "attempt",
        "log",
        "--medium",
        "social-media",
        "--reply",
        "warm",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["refusal"]["refusal"], "no_answer");
    assert_refused(
        &env.run(&[
            "attempt",
            "log",
            "--medium",
            "social-media",
            "--reply",
            "warm",
        ]),
        "no answer is an answer",
    );

    // A safety sign stands once the undo window is over.
    let env = Env::new();
    precheck(&env);
    env.ok(&["safety", "flag", "fear"]);
    let later = env
        .command(&["safety", "undo", "fear", "--confirm"])
        .env("RECONNECT_NOW", "2026-11-29T19:30:00Z")
        .output()
        .unwrap();
    assert_refused(&later, "this safety record stands");
    assert_refused(&env.run(&["safety", "undo", "fear"]), "confirmation");
    env.ok(&["safety", "undo", "fear", "--confirm"]);

    // "Never" is refused as a stop, and starting again needs a confirmation.
    let env = Env::new();
    precheck(&env);
    assert_refused(&env.run(&["start-again"]), "confirmation");
    env.ok(&["start-again", "--confirm"]);
    assert_eq!(
        env.view()["records"]["restarts"].as_array().unwrap().len(),
        1
    );
}
