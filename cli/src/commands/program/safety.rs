//! The safety notice and where to find support, shown first and plainly whenever a
//! safety sign is recorded; `reconnect safety` shows the support without opening the
//! store, so it is there at once for someone who feels unsafe.

use reconnect_core::program::content;
use reconnect_core::program::view::SafetyView;
use serde::Serialize;

use super::text::wrap;
use crate::output::Output;

/// The block for a program with safety flags: why contact is closed, then support.
pub fn block(safety: &SafetyView) -> Vec<String> {
    let mut lines = vec![safety.title.to_string()];
    lines.extend(wrap(safety.explanation, "  "));
    let signs: Vec<&str> = safety
        .signs
        .iter()
        .map(|code| {
            content::safety_signs()
                .iter()
                .find(|s| s.code == code)
                .map_or(code.as_str(), |s| s.text)
        })
        .collect();
    if !signs.is_empty() {
        lines.extend(wrap(
            &format!("What you recorded: {}.", signs.join("; ")),
            "  ",
        ));
    }
    lines.push(String::new());
    lines.extend(support(safety.resources.iter().map(|(_, text)| *text)));
    lines
}

/// "Support is there for you", its explanation and each resource.
fn support<'a>(resources: impl Iterator<Item = &'a str>) -> Vec<String> {
    let notice = &content::SAFETY_RESOURCES;
    let mut lines = vec![notice.title.to_string()];
    lines.extend(wrap(notice.explanation, "  "));
    for resource in resources {
        let mut item = wrap(resource, "    ");
        if let Some(first) = item.first_mut() {
            first.replace_range(..4, "  - ");
        }
        lines.extend(item);
    }
    lines
}

#[derive(Serialize)]
struct SupportJson {
    key: &'static str,
    title: &'static str,
    explanation: &'static str,
    resources: &'static [content::Line],
    signs: &'static [content::Item],
}

/// `reconnect safety`: support, and how to record signs of abuse or control.
pub fn run(json: bool) -> Result<Output, crate::error::CliError> {
    let notice = &content::SAFETY_RESOURCES;
    if json {
        return Output::json(&SupportJson {
            key: notice.key,
            title: notice.title,
            explanation: notice.explanation,
            resources: content::support_resources(),
            signs: content::safety_signs(),
        });
    }
    let mut lines = support(content::support_resources().iter().map(|l| l.text));
    lines.push(String::new());
    lines.extend(wrap(
        "If any of these are part of the relationship, you can record them. Every step \
         about getting in touch then closes, and your journal stays yours:",
        "",
    ));
    for sign in content::safety_signs() {
        lines.push(format!(
            "  {:<12} {}",
            sign.code.replace('_', "-"),
            sign.text
        ));
    }
    lines.push("  reconnect safety flag SIGN [SIGN ...]".into());
    Ok(Output::lines(lines))
}
