//! `reconnect journal prompts`: the program's questions to write about, by step, with
//! the key that `journal add --prompt` takes.

use reconnect_core::program::content::{self, Line};
use serde::Serialize;

use crate::commands::program::text::wrap;
use crate::error::CliError;
use crate::output::Output;

#[derive(Serialize)]
struct Prompt {
    key: &'static str,
    text: &'static str,
    /// The step the prompt belongs to; `None` for the prompts on growing.
    step: Option<u8>,
}

pub fn run(json: bool) -> Result<Output, CliError> {
    let groups: Vec<(Option<u8>, String, &'static [Line])> = content::steps()
        .iter()
        .filter(|step| !step.prompts.is_empty())
        .map(|step| {
            (
                Some(step.number),
                format!("Step {}: {}", step.number, step.title),
                step.prompts,
            )
        })
        .chain(std::iter::once((
            None,
            "Growing, whatever happens".to_string(),
            content::growth_prompts(),
        )))
        .collect();
    if json {
        let all: Vec<Prompt> = groups
            .iter()
            .flat_map(|(step, _, prompts)| {
                prompts.iter().map(|p| Prompt {
                    key: p.key,
                    text: p.text,
                    step: *step,
                })
            })
            .collect();
        return Output::json(&all);
    }
    let mut lines = vec![
        "Questions to write about. Answer one with:".to_string(),
        "  reconnect journal add --prompt KEY \"your answer\"   (or `-` to type it)".into(),
    ];
    for (_, heading, prompts) in &groups {
        lines.push(String::new());
        lines.push(heading.clone());
        for prompt in prompts.iter() {
            lines.push(format!("  {}", prompt.key));
            lines.extend(wrap(prompt.text, "      "));
        }
    }
    Ok(Output::lines(lines))
}
