//! The tools a step offers, from the core's content (reason kinds, readiness
//! statements, the contact ladder, the example message, the apology parts, the trial
//! signs), and the commands that record its progress.

use reconnect_core::program::content;

use super::text::wrap;

/// The step's tools for people; empty when the step has none.
pub fn lines(n: u8) -> Vec<String> {
    let mut out = Vec::new();
    match n {
        0 => {
            out.push("The questions (answer each with yes or no)".into());
            for q in content::pre_check().questions {
                out.extend(wrap(&format!("{}: {}", code(q.code), q.text), "  "));
                out.extend(wrap(q.explanation, "      "));
            }
        }
        1 => {
            out.push("Kinds of reasons".into());
            for k in content::reason_kinds() {
                let fixable = if k.fixable {
                    "something two people can work on"
                } else {
                    "not yours to fix"
                };
                out.push(format!("  {:<17} {} ({fixable})", code(k.code), k.label));
            }
        }
        3 => {
            out.push("The readiness check: is each of these true for you now?".into());
            for item in content::readiness_items() {
                out.extend(wrap(&format!("{}: {}", code(item.code), item.text), "  "));
            }
        }
        4 => {
            out.push("The contact ladder, one rung at a time".into());
            for rung in content::ladder() {
                out.extend(wrap(
                    &format!(
                        "{} {} ({}): {}",
                        rung.rung,
                        rung.label,
                        code(rung.medium.code()),
                        rung.explanation
                    ),
                    "  ",
                ));
            }
        }
        5 => {
            out.push("An example, to write your own from".into());
            out.extend(wrap(content::ice_breaker_example().text, "  "));
        }
        6 => {
            out.push("The four parts of a sincere apology".into());
            for part in content::apology_parts() {
                out.push(format!(
                    "  {}. {} (--{})",
                    part.number,
                    part.title,
                    code(part.code)
                ));
                out.extend(wrap(part.guidance, "      "));
            }
        }
        11 => {
            out.push("The four signs to review together".into());
            for sign in content::trial_signs() {
                out.extend(wrap(&format!("{}: {}", code(sign.code), sign.text), "  "));
            }
        }
        _ => {}
    }
    out
}

/// The commands that record step `n`.
pub fn commands(n: u8) -> &'static [&'static str] {
    match n {
        0 => &["reconnect precheck --answer CODE=yes|no ... [--past-cycles N]"],
        1 => &[
            "reconnect reason add --kind KIND \"...\"",
            "reconnect ended-by me|them|mutual",
            "reconnect trigger add \"...\"",
            "reconnect advice acknowledge not-fixable",
        ],
        2 => &[
            "reconnect mistake add \"...\" --plan \"...\"",
            "reconnect mistake plan ID \"...\"",
        ],
        3 => &[
            "reconnect no-contact set --from DATE --until DATE|--weeks N|--months N",
            "reconnect readiness --answer CODE=yes|no ...",
            "reconnect no-contact end-early",
        ],
        4 => &[
            "reconnect observe \"...\" [--on DATE]",
            "reconnect attempt log --medium MEDIUM --reply REPLY [--on DATE] [--note \"...\"]",
            "reconnect attempt reply ID REPLY",
        ],
        5 => &[
            "reconnect icebreaker draft \"...\" [--cool-off HOURS]",
            "reconnect icebreaker ready ID",
        ],
        6 => &[
            "reconnect apology write --what-i-did \"...\" --responsibility \"...\" --what-changed \"...\" --repair \"...\"",
            "reconnect apology write --id ID --repair \"...\"",
        ],
        7 => &["reconnect activity log --kind KIND --went good|okay|bad [--on DATE]"],
        8 => &[
            "reconnect their-side add --kind feeling|concern|boundary \"...\" [--response \"...\"]",
            "reconnect their-side respond ID \"...\"",
        ],
        9 => &[
            "reconnect decide ready",
            "reconnect decide not-yet --revisit DATE",
            "reconnect decide never",
        ],
        10 => &[
            "reconnect therapy set --suggested yes|no --accepted yes|no",
            "reconnect therapy session [--on DATE]",
        ],
        _ => &[
            "reconnect trial start --from DATE --end DATE --review-every DAYS",
            "reconnect trial review --sign CODE=yes|no ... [--outcome together|extend|let-go]",
        ],
    }
}

fn code(code: &str) -> String {
    code.replace('_', "-")
}
