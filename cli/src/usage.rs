//! Argument mistakes get the same one-line treatment as every other error, instead
//! of clap's multi-line report; `--help` and `--version` still print in full.

use clap::error::ErrorKind;
use std::process::ExitCode;

use crate::error::CliError;
use crate::output;

/// Handles a failed parse: help and version on stdout (exit 0), anything else as one
/// line on stderr (exit 2), in JSON when `--json` was among the arguments.
pub fn parse_failure(err: clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => match err.print() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(source) => {
                let err = CliError::Write {
                    saved: None,
                    source,
                };
                output::error(&err, false);
                ExitCode::from(err.exit_code())
            }
        },
        _ => {
            let err = CliError::Usage(one_line(&err));
            output::error(&err, json_requested());
            ExitCode::from(err.exit_code())
        }
    }
}

fn json_requested() -> bool {
    std::env::args_os()
        .skip(1)
        .take_while(|arg| arg != "--")
        .any(|arg| arg == "--json")
}

/// clap's report without its usage block and "try --help" footer, folded onto a line.
fn one_line(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return missing_subcommand(&rendered);
    }
    let mut message = String::new();
    // After a line ending in ':' come indented items, e.g. the missing arguments.
    let mut in_list = false;
    for line in rendered.lines().map(str::trim) {
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if line.is_empty() {
            in_list = false;
            continue;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        if message.ends_with(':') {
            message.push(' ');
        } else if in_list {
            message.push_str(", ");
        } else if !message.is_empty() {
            message.push_str("; ");
        }
        message.push_str(line);
        in_list = in_list || line.ends_with(':');
    }
    format!("{message} (see `{} --help`)", command_of(&rendered))
}

/// The command whose usage clap printed, e.g. `reconnect attempt log`.
fn command_of(rendered: &str) -> String {
    let words: Vec<&str> = rendered
        .lines()
        .find_map(|line| line.trim().strip_prefix("Usage:"))
        .map(|usage| {
            usage
                .split_whitespace()
                .take_while(|word| !word.starts_with(['<', '[', '-']))
                .collect()
        })
        .unwrap_or_default();
    if words.first() == Some(&"reconnect") {
        words.join(" ")
    } else {
        "reconnect".into()
    }
}

/// Names the subcommands to choose from, read from the help clap rendered for the
/// command that needs one (`reconnect`, or a group such as `reconnect attempt`).
fn missing_subcommand(help: &str) -> String {
    let command = command_of(help);
    if command == "reconnect" {
        return "please name a command, e.g. today, checkin, program or step (see `reconnect --help`)"
            .into();
    }
    let names: Vec<&str> = help
        .lines()
        .skip_while(|line| line.trim() != "Commands:")
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    format!(
        "`{command}` needs one of: {} (see `{command} --help`)",
        names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::Cli;
    use clap::Parser;

    fn message(args: &[&str]) -> String {
        let err = Cli::try_parse_from(std::iter::once("reconnect").chain(args.iter().copied()))
            .unwrap_err();
        one_line(&err)
    }

    #[test]
    fn clap_errors_fold_onto_one_line() {
        for args in [
            &["checkin"][..],
            &["checkin", "--mood", "3", "--urge", "x"],
            &["checkin", "--moood", "3"],
            &["launch"],
            &[],
        ] {
            let text = message(args);
            assert!(!text.contains('\n'), "{args:?}: {text}");
            assert!(!text.starts_with("error"), "{args:?}: {text}");
        }
        assert_eq!(
            message(&["attempt"]),
            "`reconnect attempt` needs one of: log, reply (see `reconnect attempt --help`)"
        );
        assert!(message(&[]).starts_with("please name a command"));
        let missing = message(&["checkin"]);
        assert!(
            missing.ends_with("--mood <N>, --urge <N> (see `reconnect checkin --help`)"),
            "{missing}"
        );
    }
}
