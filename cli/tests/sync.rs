//! Pairing and sync end to end: two data directories, two `reconnect` processes talking
//! TCP on loopback. Listeners bind port 0 and print the port they got on their first
//! line, which the test reads; no test uses a fixed port. Every process runs under a
//! deadline and is killed when it passes, so a bug fails a test instead of hanging CI.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{Env, flat};

/// The most any one process may take here; far above what each needs.
const LIMIT: Duration = Duration::from_secs(60);
/// Day 1 and day 2, in the evening in Berlin.
const DAY_ONE: &str = "2026-11-29T19:00:00Z";
const DAY_TWO: &str = "2026-11-30T19:00:00Z";
/// Network options every session here gets: a peer that goes quiet fails fast.
const QUICK: [&str; 2] = ["--timeout", "10"];

/// One device: a data dir and a host name, which names it to the other device.
struct Device {
    env: Env,
    host: &'static str,
}

impl Device {
    fn new(host: &'static str) -> Self {
        Device {
            env: Env::at(DAY_ONE),
            host,
        }
    }

    fn command_at(&self, now: &str, args: &[&str]) -> Command {
        let mut command = self.env.command_at(now, args);
        command.env("HOSTNAME", self.host);
        command
    }

    fn command(&self, args: &[&str]) -> Command {
        self.command_at(DAY_ONE, args)
    }

    fn spawn(&self, args: &[&str]) -> Running {
        Running::spawn(self.command(args))
    }

    /// Runs to the end, within [`LIMIT`].
    fn run_at(&self, now: &str, args: &[&str]) -> Finished {
        Running::spawn(self.command_at(now, args)).finish()
    }

    fn run(&self, args: &[&str]) -> Finished {
        self.run_at(DAY_ONE, args)
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(&[&["--json"], args].concat());
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        serde_json::from_str(&out.stdout.join("\n")).unwrap()
    }

    fn check_in(&self, now: &str, note: &str) {
        let out = self.run_at(
            now,
            &["checkin", "--mood", "3", "--urge", "4", "--note", note],
        );
        assert_eq!(out.code, Some(0), "{}", out.stderr);
    }

    /// The notes of `history --json`, newest first.
    fn notes(&self) -> Vec<String> {
        let history = self.json(&["history"]);
        history
            .as_array()
            .unwrap()
            .iter()
            .map(|day| day["note"].as_str().unwrap().to_string())
            .collect()
    }

    fn device_id(&self) -> String {
        self.json(&["devices"])["this_device"]["device_id"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

/// A `reconnect` process whose stdout is read line by line as it comes.
struct Running {
    child: Child,
    lines: Receiver<String>,
    stdout: Option<JoinHandle<()>>,
    stderr: Option<JoinHandle<String>>,
    started: Instant,
}

struct Finished {
    code: Option<i32>,
    stdout: Vec<String>,
    stderr: String,
}

impl Finished {
    /// Failed with `code` and one line on stderr, which is returned.
    fn failed(&self, code: i32) -> String {
        assert_eq!(self.code, Some(code), "stderr: {}", self.stderr);
        assert_eq!(self.stderr.trim_end().lines().count(), 1, "{}", self.stderr);
        self.stderr.trim_end().to_string()
    }

    /// With `--json`: the error's kind.
    fn error_kind(&self, code: i32) -> String {
        let line = self.failed(code);
        let error: Value = serde_json::from_str(&line).unwrap();
        error["error"]["kind"].as_str().unwrap().to_string()
    }

    fn succeeded(&self) -> String {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
        self.stdout.join("\n")
    }

    /// The last line of stdout as JSON.
    fn last_json(&self) -> Value {
        self.succeeded();
        serde_json::from_str(self.stdout.last().unwrap()).unwrap()
    }
}

impl Running {
    fn spawn(mut command: Command) -> Self {
        Self::spawn_with(command.stdin(Stdio::null()))
    }

    fn spawn_with(command: &mut Command) -> Self {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (send, lines) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let stdout = thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut stderr = child.stderr.take().unwrap();
        let stderr = thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        Running {
            child,
            lines,
            stdout: Some(stdout),
            stderr: Some(stderr),
            started: Instant::now(),
        }
    }

    /// The next line on stdout; fails the test if none comes in time.
    fn line(&mut self) -> String {
        let left = LIMIT.saturating_sub(self.started.elapsed());
        match self.lines.recv_timeout(left) {
            Ok(line) => line,
            Err(_) => {
                let _ = self.child.kill();
                panic!("no line on stdout in time; stderr: {}", self.stderr_now());
            }
        }
    }

    fn json_line(&mut self) -> Value {
        let line = self.line();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{line:?}: {e}"))
    }

    /// The port from a first line `Listening on 127.0.0.1:PORT` (or its JSON form).
    fn port(&mut self) -> u16 {
        let line = self.line();
        let address = match serde_json::from_str::<Value>(&line) {
            Ok(event) => {
                assert_eq!(event["event"], "listening", "{line}");
                event["address"].as_str().unwrap().to_string()
            }
            Err(_) => line
                .strip_prefix("Listening on ")
                .unwrap_or_else(|| panic!("{line:?}"))
                .to_string(),
        };
        let (host, port) = address.rsplit_once(':').unwrap();
        assert_eq!(host, "127.0.0.1");
        port.parse().unwrap()
    }

    fn write_stdin(&mut self, text: &str) {
        let mut stdin = self.child.stdin.take().unwrap();
        stdin.write_all(text.as_bytes()).unwrap();
    }

    /// Waits for the exit, within [`LIMIT`]; kills the process and fails past it.
    fn finish(mut self) -> Finished {
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                self.stdout.take().unwrap().join().unwrap();
                let stdout = self.lines.try_iter().collect();
                let stderr = self.stderr.take().unwrap().join().unwrap();
                return Finished {
                    code: status.code(),
                    stdout,
                    stderr,
                };
            }
            if self.started.elapsed() > LIMIT {
                let _ = self.child.kill();
                panic!("the process ran past {LIMIT:?}");
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Stops a server that runs until interrupted; what it said.
    fn stop(mut self) -> Finished {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stdout.take().unwrap().join().unwrap();
        Finished {
            code: None,
            stdout: self.lines.try_iter().collect(),
            stderr: self.stderr.take().unwrap().join().unwrap(),
        }
    }

    fn stderr_now(&mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stderr
            .take()
            .map(|h| h.join().unwrap())
            .unwrap_or_default()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Pairs `offering` and `joining` over loopback; the offer's JSON events and both results.
fn pair(offering: &Device, joining: &Device) -> (Value, Value, Value) {
    let mut offer = offering.spawn(
        &[
            &["--json", "pair", "offer", "--listen", "127.0.0.1:0"][..],
            &QUICK,
        ]
        .concat(),
    );
    let port = offer.port();
    let shown = offer.json_line();
    assert_eq!(shown["event"], "offer");
    let code = shown["code"].as_str().unwrap();
    let joined = joining
        .run(
            &[
                &["--json", "pair", "join", code, "--connect"][..],
                &[&format!("127.0.0.1:{port}")],
                &QUICK,
            ]
            .concat(),
        )
        .last_json();
    let offered = offer.finish().last_json();
    (shown, offered, joined)
}

/// One sync: `listening` waits for one session, `connecting` reaches it.
fn sync(listening: &Device, connecting: &Device) -> (Value, Value) {
    sync_with(listening, connecting, &[])
}

/// One sync, with `extra` options for the connecting side (such as `--to`).
fn sync_with(listening: &Device, connecting: &Device, extra: &[&str]) -> (Value, Value) {
    let mut server = listen_once(listening);
    let port = server.port();
    let client = connecting
        .run(
            &[
                &["--json", "sync", "--connect"][..],
                &[&format!("127.0.0.1:{port}")],
                &QUICK,
                extra,
            ]
            .concat(),
        )
        .last_json();
    (server.finish().last_json(), client)
}

/// `device` waiting for one sync session, with `--json`.
fn listen_once(device: &Device) -> Running {
    device.spawn(
        &[
            &["--json", "sync", "--listen", "127.0.0.1:0", "--once"][..],
            &QUICK,
        ]
        .concat(),
    )
}

/// A valid code that is not `code`: its first character changed.
fn another_code(code: &str) -> String {
    let first = if code.starts_with('0') { "1" } else { "0" };
    format!("{first}{}", &code[1..])
}

fn every_file_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
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

#[test]
fn two_devices_pair_check_in_on_different_days_and_sync_both_ways() {
    let alpha = Device::new("alpha");
    let beta = Device::new("beta");

    // Pairing, in the words people read.
    let mut offer =
        alpha.spawn(&[&["pair", "offer", "--listen", "127.0.0.1:0"][..], &QUICK].concat());
    let port = offer.port();
    let code_line = offer.line();
    let code = code_line
        .strip_prefix("Pairing code: ")
        .unwrap()
        .to_string();
    let qr = offer.line();
    assert!(qr.starts_with("QR: reconnect-pair:1:"), "{qr}");
    // The store is not held while the offer waits: other commands work meanwhile.
    alpha.run(&["today"]).succeeded();
    assert!(qr.ends_with(&code.replace('-', "")), "{qr}");
    let joined = beta
        .run(
            &[
                &["pair", "join", code.as_str(), "--connect"][..],
                &[&format!("127.0.0.1:{port}")],
                &QUICK,
            ]
            .concat(),
        )
        .succeeded();
    assert!(joined.contains("Paired with terminal on alpha"), "{joined}");
    assert!(joined.contains("frames"), "{joined}");
    let offered = offer.finish().succeeded();
    assert!(
        offered.contains("Paired with terminal on beta"),
        "{offered}"
    );
    assert!(offered.contains("On the other device run"), "{offered}");

    // The code reached the terminal only: no file on either side holds it.
    for device in [&alpha, &beta] {
        for file in every_file_under(device.env.dir.path()) {
            let bytes = std::fs::read(&file).unwrap();
            for needle in [code.as_bytes(), code.replace('-', "").as_bytes()] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle),
                    "{} holds the code",
                    file.display()
                );
            }
        }
    }

    alpha.check_in(DAY_ONE, "alpha's day");
    beta.check_in(DAY_TWO, "beta's day");

    // Alpha waits, beta connects: each side gets the other's check-in.
    let (served, reached) = sync(&alpha, &beta);
    for (result, peer) in [
        (&served, "terminal on beta"),
        (&reached, "terminal on alpha"),
    ] {
        assert_eq!(result["event"], "synced");
        assert_eq!(result["peer"]["name"], peer);
        assert_eq!(result["changed"], true, "{result}");
        assert!(result["moved"]["bytes_sent"].as_u64().unwrap() > 0);
        assert!(result["moved"]["frames_received"].as_u64().unwrap() > 0);
        assert!(result["rounds"].as_u64().unwrap() > 0);
    }
    let both = ["beta's day", "alpha's day"];
    assert_eq!(alpha.notes(), both);
    assert_eq!(beta.notes(), both);

    // The other way round, with nothing new: nothing changes, in plain words.
    let mut server =
        beta.spawn(&[&["sync", "--listen", "127.0.0.1:0", "--once"][..], &QUICK].concat());
    let port = server.port();
    let said = alpha
        .run(
            &[
                &["sync", "--connect"][..],
                &[&format!("127.0.0.1:{port}")],
                &QUICK,
            ]
            .concat(),
        )
        .succeeded();
    assert!(
        said.contains("Synced with terminal on beta: nothing new arrived here."),
        "{said}"
    );
    // To its only paired device a session opens with its sync message, so with nothing
    // new it may take a single round.
    let moved = said.lines().last().unwrap_or_default();
    assert!(
        moved.starts_with("Sent ") && (moved.ends_with(" round.") || moved.ends_with(" rounds.")),
        "{said}"
    );
    let served = server.finish().succeeded();
    assert!(served.contains("Synced with terminal on alpha"), "{served}");

    // A later change on one side travels too.
    beta.check_in(DAY_TWO, "beta changed her mind");
    let (served, reached) = sync(&beta, &alpha);
    assert_eq!(served["changed"], false);
    assert_eq!(reached["changed"], true);
    assert_eq!(alpha.notes()[0], "beta changed her mind");
}

#[test]
fn a_wrong_code_fails_on_both_sides_and_the_offer_is_spent() {
    let alpha = Device::new("alpha");
    let beta = Device::new("beta");
    let mut offer = alpha.spawn(
        &[
            &["--json", "pair", "offer", "--listen", "127.0.0.1:0"][..],
            &QUICK,
        ]
        .concat(),
    );
    let port = offer.port();
    let code = offer.json_line()["code"].as_str().unwrap().to_string();
    let address = format!("127.0.0.1:{port}");

    let wrong = another_code(&code);
    let joined = beta.run(
        &[
            &[
                "pair",
                "join",
                wrong.as_str(),
                "--connect",
                address.as_str(),
            ][..],
            &QUICK,
        ]
        .concat(),
    );
    let said = joined.failed(1);
    assert_eq!(
        said,
        "reconnect: that code did not work; make a new offer on the other device and try again"
    );
    let offered = offer.finish();
    assert_eq!(offered.error_kind(1), "wrong_code");
    assert!(
        offered.stderr.contains("this offer is spent"),
        "{}",
        offered.stderr
    );

    // The offer is gone with its process: the right code finds no one to pair with.
    let again = beta.run(
        &[
            &[
                "--json",
                "pair",
                "join",
                code.as_str(),
                "--connect",
                address.as_str(),
            ][..],
            &QUICK,
        ]
        .concat(),
    );
    assert_eq!(again.error_kind(1), "unreachable");
    // And a new offer has a new code: the old one does not open it.
    let mut offer = alpha.spawn(
        &[
            &["--json", "pair", "offer", "--listen", "127.0.0.1:0"][..],
            &QUICK,
        ]
        .concat(),
    );
    let port = offer.port();
    let new_code = offer.json_line()["code"].as_str().unwrap().to_string();
    assert_ne!(new_code, code);
    let address = format!("127.0.0.1:{port}");
    let stale = beta.run(
        &[
            &[
                "--json",
                "pair",
                "join",
                code.as_str(),
                "--connect",
                address.as_str(),
            ][..],
            &QUICK,
        ]
        .concat(),
    );
    assert_eq!(stale.error_kind(1), "wrong_code");
    assert_eq!(offer.finish().error_kind(1), "wrong_code");

    // Nothing was pinned on either side.
    for device in [&alpha, &beta] {
        assert_eq!(device.json(&["devices"])["devices"], serde_json::json!([]));
    }
}

#[test]
fn devices_lists_the_peer_and_after_revoking_it_a_sync_is_refused() {
    let alpha = Device::new("alpha");
    let beta = Device::new("beta");
    let (shown, offered, joined) = pair(&alpha, &beta);
    assert_eq!(offered["side"], "offering");
    assert_eq!(joined["side"], "joining");
    let beta_id = beta.device_id();
    assert_eq!(offered["peer"]["device_id"], beta_id.as_str());
    assert_eq!(joined["peer"]["device_id"], shown["device_id"]);

    let listed = alpha.json(&["devices"]);
    let devices = listed["devices"].as_array().unwrap();
    assert_eq!(devices.len(), 1);
    assert_eq!(devices[0]["name"], "terminal on beta");
    assert_eq!(devices[0]["device_id"], beta_id.as_str());
    assert_eq!(devices[0]["paired_at"], DAY_ONE);
    assert_eq!(devices[0]["revoked"], false);
    let words = alpha.run(&["devices"]).succeeded();
    assert!(words.contains("This device: terminal on alpha"), "{words}");
    assert!(words.contains("terminal on beta"), "{words}");
    assert!(words.contains(&format!("id {beta_id}")), "{words}");

    // Revoked by a beginning of its id.
    let revoked = alpha.json(&["devices", "revoke", &beta_id[..8]]);
    assert_eq!(revoked["revoked"]["device_id"], beta_id.as_str());
    assert_eq!(revoked["revoked"]["revoked"], true);
    assert_eq!(revoked["already_revoked"], false);
    let words = alpha.run(&["devices"]).succeeded();
    assert!(words.contains("revoked"), "{words}");
    let again = alpha.json(&["devices", "revoke", &beta_id]);
    assert_eq!(again["already_revoked"], true);
    let unknown = alpha.run(&["--json", "devices", "revoke", "abcdef0123"]);
    assert_eq!(unknown.error_kind(2), "invalid_input");

    // Beta connecting: alpha refuses it, and beta is told it is not recognised.
    let mut server = alpha.spawn(
        &[
            &["--json", "sync", "--listen", "127.0.0.1:0", "--once"][..],
            &QUICK,
        ]
        .concat(),
    );
    let port = server.port();
    let address = format!("127.0.0.1:{port}");
    let refused = beta.run(&[&["sync", "--connect", address.as_str()][..], &QUICK].concat());
    let said = refused.failed(1);
    assert!(said.contains("does not recognise this one"), "{said}");
    assert_eq!(server.finish().error_kind(1), "revoked");

    // Alpha connecting: it refuses beta itself.
    let mut server = beta.spawn(
        &[
            &["--json", "sync", "--listen", "127.0.0.1:0", "--once"][..],
            &QUICK,
        ]
        .concat(),
    );
    let port = server.port();
    let address = format!("127.0.0.1:{port}");
    let refused = alpha.run(&[&["sync", "--connect", address.as_str()][..], &QUICK].concat());
    let said = refused.failed(1);
    assert!(said.contains("revoked here"), "{said}");
    assert_eq!(server.finish().error_kind(1), "refused_by_peer");

    // Pairing again lets it back.
    pair(&alpha, &beta);
    assert_eq!(alpha.json(&["devices"])["devices"][0]["revoked"], false);
    let (served, reached) = sync(&alpha, &beta);
    assert_eq!(served["event"], "synced");
    assert_eq!(reached["event"], "synced");
}

#[test]
fn the_roles_reverse_the_offer_connects_and_the_joiner_listens() {
    let alpha = Device::new("alpha");
    let beta = Device::new("beta");
    // The joiner cannot print its port before it has the code, so a free port is found
    // first: bound, then released for it.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let address = format!("127.0.0.1:{port}");
    let mut offer = alpha.spawn(
        &[
            &["--json", "pair", "offer", "--connect", address.as_str()][..],
            &QUICK,
        ]
        .concat(),
    );
    let qr = offer.json_line()["qr"].as_str().unwrap().to_string();
    // The QR string, on stdin, keeps the code out of the process list.
    let mut join = Running::spawn_with(
        beta.command(
            &[
                &["--json", "pair", "join", "-", "--listen", address.as_str()][..],
                &QUICK,
            ]
            .concat(),
        )
        .stdin(Stdio::piped()),
    );
    join.write_stdin(&format!("{qr}\n"));
    assert_eq!(join.port(), port);
    let joined = join.finish().last_json();
    assert_eq!(joined["peer"]["name"], "terminal on alpha");
    let offered = offer.finish().last_json();
    assert_eq!(offered["peer"]["name"], "terminal on beta");

    alpha.check_in(DAY_ONE, "alpha's day");
    let (_, reached) = sync(&alpha, &beta);
    assert_eq!(reached["changed"], true);
    assert_eq!(beta.notes(), ["alpha's day"]);
}

#[test]
fn a_silent_or_hostile_peer_ends_its_own_session_not_the_listener() {
    let alpha = Device::new("alpha");
    let beta = Device::new("beta");
    pair(&alpha, &beta);
    let mut server = alpha.spawn(&[
        "--json",
        "sync",
        "--listen",
        "127.0.0.1:0",
        "--timeout",
        "1",
    ]);
    let port = server.port();

    // Says nothing: dropped after the timeout.
    let started = Instant::now();
    let mut silent = TcpStream::connect(("127.0.0.1", port)).unwrap();
    silent
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut rest = Vec::new();
    let _ = silent.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(15));

    // Announces a 4 GiB frame: refused before anything is allocated, and closed.
    let mut hostile = TcpStream::connect(("127.0.0.1", port)).unwrap();
    hostile
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    hostile
        .write_all(&[0xff, 0xff, 0xff, 0xff, 2, 0, 0])
        .unwrap();
    let _ = hostile.read_to_end(&mut rest);

    // The store is not held between sessions.
    alpha.run(&["history"]).succeeded();

    // A paired device still syncs with the same server.
    let address = format!("127.0.0.1:{port}");
    let reached = beta
        .run(&["--json", "sync", "--connect", address.as_str()])
        .last_json();
    assert_eq!(reached["event"], "synced");
    let synced = server.json_line();
    assert_eq!(synced["event"], "synced");
    assert_eq!(synced["peer"]["name"], "terminal on beta");

    let stopped = server.stop();
    let kinds: Vec<String> = stopped
        .stderr
        .lines()
        .map(|line| {
            let error: Value = serde_json::from_str(line).unwrap();
            error["error"]["kind"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(kinds, ["timed_out", "too_large"], "{}", stopped.stderr);
}

#[test]
fn mistakes_and_missing_peers_are_one_line_with_the_usual_exit_codes() {
    let alpha = Device::new("alpha");
    let beta = Device::new("beta");
    // Nobody listens on a port that was just released.
    let free = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .to_string();
    let out = alpha.run(&["--json", "sync", "--connect", free.as_str()]);
    assert_eq!(out.error_kind(1), "unreachable");
    let said = alpha.run(&["sync", "--connect", free.as_str()]).failed(1);
    assert!(
        said.contains("is `reconnect sync --listen` waiting there"),
        "{said}"
    );

    // Never paired: each side says so.
    let mut server = alpha.spawn(
        &[
            &["--json", "sync", "--listen", "127.0.0.1:0", "--once"][..],
            &QUICK,
        ]
        .concat(),
    );
    let address = format!("127.0.0.1:{}", server.port());
    let out = beta.run(
        &[
            &["--json", "sync", "--connect", address.as_str()][..],
            &QUICK,
        ]
        .concat(),
    );
    assert_eq!(out.error_kind(1), "not_paired");
    assert_eq!(server.finish().error_kind(1), "refused_by_peer");

    // Usage and input mistakes exit with 2, before any network.
    for (args, kind) in [
        (&["sync"][..], "usage"),
        (&["sync", "--once", "--connect", "127.0.0.1:1"], "usage"),
        (
            &[
                "sync",
                "--listen",
                "127.0.0.1:1",
                "--connect",
                "127.0.0.1:1",
            ],
            "usage",
        ),
        (&["sync", "--listen", "here:there"], "usage"),
        (
            &["sync", "--connect", "127.0.0.1:1", "--timeout", "0"],
            "usage",
        ),
        (&["pair", "offer", "--ttl", "0"], "invalid_input"),
        (&["pair", "offer", "--ttl", "61"], "invalid_input"),
        (
            &["pair", "join", "not-a-code", "--connect", "127.0.0.1:1"],
            "invalid_input",
        ),
        (&["pair", "join"], "usage"),
        (&["devices", "revoke", "xyz"], "invalid_input"),
        (&["sync", "--to", "beta"], "usage"),
        (
            &["sync", "--listen", "127.0.0.1:1", "--to", "beta"],
            "usage",
        ),
    ] {
        let out = alpha.run(&[&["--json"], args].concat());
        assert_eq!(out.error_kind(2), kind, "{args:?}");
    }
    let said = alpha
        .run(&["pair", "join", "ABC", "--connect", "127.0.0.1:1"])
        .failed(2);
    assert!(said.contains("like ABCDE-12345"), "{said}");

    // A port in use.
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let out = alpha.run(&["--json", "sync", "--listen", address.as_str(), "--once"]);
    assert_eq!(out.error_kind(1), "cannot_listen");
    let out = alpha.run(&["pair", "offer", "--listen", address.as_str()]);
    let said = out.failed(1);
    assert!(said.contains("already in use"), "{said}");
    assert!(
        out.stdout.is_empty(),
        "no code before a place to wait: {:?}",
        out.stdout
    );

    // No devices yet, in words.
    let words = alpha.run(&["devices"]).succeeded();
    assert!(words.contains("No paired devices yet"), "{words}");
}

#[test]
fn each_new_command_explains_itself() {
    let alpha = Device::new("alpha");
    for (args, words) in [
        (&["pair", "--help"][..], "one-time code"),
        (&["pair", "offer", "--help"], "never written to a file"),
        (&["pair", "join", "--help"], "QR string"),
        (&["sync", "--help"], "--listen"),
        (
            &["sync", "--help"],
            "--to <DEVICE> With --connect: sync with this paired device",
        ),
        (&["devices", "--help"], "revoke"),
        (&["devices", "revoke", "--help"], "brings it back"),
    ] {
        let help = alpha.run(args).succeeded();
        assert!(flat(&help).contains(words), "{args:?}: {help}");
        assert!(help.contains("Usage: reconnect"), "{args:?}");
    }
    let top = alpha.run(&["--help"]).succeeded();
    for command in ["pair", "sync", "devices"] {
        assert!(
            top.lines()
                .any(|line| line.trim_start().starts_with(command)),
            "{command}: {top}"
        );
    }
}

/// Day 0, before both others, for a third device whose check-in must not meet theirs.
const DAY_ZERO: &str = "2026-11-28T19:00:00Z";

/// `device` reaching a listener at `port` with `args` after `--connect`.
fn connect(device: &Device, port: u16, args: &[&str]) -> Finished {
    let address = format!("127.0.0.1:{port}");
    device.run(&[&["sync", "--connect", address.as_str()][..], &QUICK, args].concat())
}

#[test]
fn to_names_the_device_by_name_or_by_id_and_both_sides_sync() {
    let alpha = Device::new("alpha");
    let beta = Device::new("beta");
    pair(&alpha, &beta);
    alpha.check_in(DAY_ONE, "alpha's day");
    beta.check_in(DAY_TWO, "beta's day");

    // By name, in any case: beta waits, alpha reaches it.
    let (served, reached) = sync_with(&beta, &alpha, &["--to", "Terminal on BETA"]);
    assert_eq!(reached["event"], "synced");
    assert_eq!(reached["target"], "given");
    assert_eq!(reached["peer"]["name"], "terminal on beta");
    assert_eq!(served["peer"]["name"], "terminal on alpha");
    assert_eq!(served.get("target"), None, "the listener chose nothing");
    for result in [&served, &reached] {
        assert_eq!(result["changed"], true, "{result}");
    }
    let both = ["beta's day", "alpha's day"];
    assert_eq!(alpha.notes(), both);
    assert_eq!(beta.notes(), both);

    // By id, the other way round, in words: beta's new note reaches alpha.
    beta.check_in(DAY_TWO, "beta changed her mind");
    let mut server = listen_once(&alpha);
    let port = server.port();
    let said = connect(&beta, port, &["--to", &alpha.device_id()]).succeeded();
    assert!(
        said.contains("Synced with terminal on alpha: nothing new arrived here."),
        "{said}"
    );
    let served = server.finish().last_json();
    assert_eq!(served["changed"], true, "{served}");
    let both = ["beta changed her mind", "alpha's day"];
    assert_eq!(alpha.notes(), both);
    assert_eq!(beta.notes(), both);
}

#[test]
fn to_refuses_an_unknown_revoked_or_shared_name_before_connecting() {
    let alpha = Device::new("alpha");
    let beta = Device::new("beta");
    let twins = [Device::new("twin"), Device::new("twin")];
    pair(&alpha, &beta);
    for twin in &twins {
        pair(&alpha, twin);
    }
    let beta_id = beta.device_id();
    let twin_ids = twins.each_ref().map(Device::device_id);
    alpha.check_in(DAY_ONE, "alpha's day");
    beta.check_in(DAY_TWO, "beta's day");

    // Beta waits for one session; none of the refused attempts reaches it.
    let mut server = listen_once(&beta);
    let port = server.port();

    let unknown = connect(&alpha, port, &["--to", "gamma"]);
    assert!(unknown.stdout.is_empty(), "{:?}", unknown.stdout);
    let said = unknown.failed(2);
    assert!(
        said.starts_with("reconnect: no paired device is named or has the id \"gamma\""),
        "{said}"
    );
    for known in [
        format!("terminal on beta (id {beta_id})"),
        format!("terminal on twin (id {})", twin_ids[0]),
        format!("terminal on twin (id {})", twin_ids[1]),
    ] {
        assert!(said.contains(&known), "{said}");
    }
    let json = connect(&alpha, port, &["--json", "--to", "gamma"]);
    assert_eq!(json.error_kind(2), "invalid_input");

    let shared = connect(&alpha, port, &["--to", "terminal on twin"]).failed(2);
    assert!(
        flat(&shared).contains("2 paired devices are named \"terminal on twin\""),
        "{shared}"
    );
    assert!(
        shared.contains(&twin_ids[0]) && shared.contains(&twin_ids[1]),
        "{shared}"
    );
    assert!(!shared.contains(&beta_id), "{shared}");
    assert!(shared.contains("give --to the id"), "{shared}");

    alpha.json(&["devices", "revoke", &twin_ids[0]]);
    let revoked = connect(&alpha, port, &["--to", &twin_ids[0]]).failed(2);
    assert!(
        revoked.contains(&format!(
            "terminal on twin (id {}, revoked) was revoked here",
            twin_ids[0]
        )),
        "{revoked}"
    );

    // Nothing changed on either side, and beta still waits for its first session.
    assert_eq!(alpha.notes(), ["alpha's day"]);
    assert_eq!(beta.notes(), ["beta's day"]);
    let reached = connect(&alpha, port, &["--json", "--to", "terminal on beta"]).last_json();
    assert_eq!(reached["target"], "given");
    let served = server.finish().last_json();
    assert_eq!(served["peer"]["device_id"], alpha.device_id().as_str());
    assert_eq!(beta.notes(), ["beta's day", "alpha's day"]);
}

#[test]
fn with_two_paired_devices_and_no_to_whichever_answers_syncs() {
    let alpha = Device::new("alpha");
    let beta = Device::new("beta");
    let gamma = Device::new("gamma");
    pair(&alpha, &beta);
    pair(&alpha, &gamma);
    gamma.check_in(DAY_ZERO, "gamma's day");
    alpha.check_in(DAY_ONE, "alpha's day");
    beta.check_in(DAY_TWO, "beta's day");

    // No --to: alpha syncs with beta, then with gamma, each the one that answers.
    let (_, reached) = sync(&beta, &alpha);
    assert_eq!(reached["target"], "any_paired");
    assert_eq!(reached["peer"]["name"], "terminal on beta");
    let (_, reached) = sync(&gamma, &alpha);
    assert_eq!(reached["target"], "any_paired");
    assert_eq!(reached["peer"]["name"], "terminal on gamma");
    let all = ["beta's day", "alpha's day", "gamma's day"];
    assert_eq!(alpha.notes(), all);
    assert_eq!(gamma.notes(), all);
    assert_eq!(beta.notes(), ["beta's day", "alpha's day"]);

    // Asking for beta where gamma waits: gamma cannot open the session, alpha says why.
    gamma.check_in(DAY_ZERO, "gamma's second thoughts");
    let mut server = listen_once(&gamma);
    let port = server.port();
    let said = connect(&alpha, port, &["--to", "terminal on beta"]).failed(1);
    let beta_id = beta.device_id();
    assert!(
        flat(&said).contains(&format!(
            "it is probably not terminal on beta (id {beta_id}), so check the address"
        )),
        "{said}"
    );
    let refused = server.finish();
    assert_eq!(refused.error_kind(1), "protocol");
    assert!(
        refused
            .stderr
            .contains("was trying to reach another device, not this one"),
        "{}",
        refused.stderr
    );
    assert_eq!(alpha.notes(), all);
    assert_eq!(gamma.notes()[2], "gamma's second thoughts");

    // With gamma revoked, beta is the only paired device left: chosen without --to.
    alpha.json(&["devices", "revoke", &gamma.device_id()]);
    beta.check_in(DAY_TWO, "beta changed her mind");
    let (served, reached) = sync(&beta, &alpha);
    assert_eq!(reached["target"], "only_paired");
    assert_eq!(reached["peer"]["device_id"], beta_id.as_str());
    assert_eq!(reached["changed"], true);
    assert_eq!(served["changed"], true);
    assert_eq!(alpha.notes()[0], "beta changed her mind");
    assert_eq!(beta.notes()[2], "gamma's day");
}
