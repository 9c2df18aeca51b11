//! The journal's screens: the list with tags and search, one entry with its versions,
//! and the unsent letters.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::Context;
use super::model::{Action, Block, ChoiceOption, Field, Route, Screen, Tone};
use super::words::instant;
use crate::journal::search::QUERY_MAX_CHARS;
use crate::journal::versions;
use crate::journal::{
    BODY_MAX_CHARS, EntryKind, EntryLink, JournalEntry, LETTER_MAX_COOL_OFF_HOURS, TITLE_MAX_CHARS,
};
use crate::program::content;

pub const ADD: &str = "journal.add";
pub const EDIT: &str = "journal.edit";
pub const RESOLVE: &str = "journal.resolve";
pub const DELETE: &str = "journal.delete";
pub const SEARCH: &str = "journal.search";
pub const LETTER_ADD: &str = "letter.add";
pub const LETTER_READY: &str = "letter.ready";

fn title_of(entry: &JournalEntry) -> String {
    match (entry.title.trim().is_empty(), entry.kind) {
        (false, _) => entry.title.clone(),
        (true, EntryKind::Letter) => "An unsent letter".into(),
        (true, EntryKind::Entry) => entry.body.chars().take(60).collect(),
    }
}

fn snippet(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 120 {
        format!("{}…", line.chars().take(120).collect::<String>())
    } else {
        line
    }
}

fn prompt_options() -> Vec<ChoiceOption> {
    content::growth_prompts()
        .iter()
        .chain(content::steps().iter().flat_map(|s| s.prompts.iter()))
        .map(|p| ChoiceOption::new(p.key, p.text, None))
        .collect()
}

fn step_options() -> Vec<ChoiceOption> {
    content::steps()
        .iter()
        .map(|s| {
            ChoiceOption::new(
                &s.number.to_string(),
                &format!("Step {}: {}", s.number, s.title),
                None,
            )
        })
        .collect()
}

/// The fields of a new entry.
pub fn add_fields() -> Vec<Field> {
    vec![
        Field::one_line("title", "Title", TITLE_MAX_CHARS),
        Field::text("body", "What's on your mind", BODY_MAX_CHARS),
        Field::tags("tags", "Tags").help("Words to find it by, separated by commas."),
        Field::choice("prompt", "Start from a prompt", prompt_options()),
        Field::choice("step", "About a step", step_options()),
    ]
}

pub fn letter_fields() -> Vec<Field> {
    vec![
        Field::one_line("title", "Title", TITLE_MAX_CHARS),
        Field::text("body", "Your letter", BODY_MAX_CHARS)
            .help("It is never sent. Write what you would want to say.")
            .required(),
        Field::number(
            "cool_off_hours",
            "Let it rest for (hours)",
            0,
            i64::from(LETTER_MAX_COOL_OFF_HOURS),
        )
        .value(Some("24")),
    ]
}

pub fn edit_fields(entry: &JournalEntry) -> Vec<Field> {
    vec![
        Field::fixed("id", entry.id.clone()),
        Field::fixed("seen_edited_at", entry.edited_at.to_rfc3339()),
        Field::one_line("title", "Title", TITLE_MAX_CHARS).value(Some(entry.title.clone())),
        Field::text("body", "Text", BODY_MAX_CHARS).value(Some(entry.body.clone())),
        Field::tags("tags", "Tags").value(Some(entry.tags.join(", "))),
    ]
}

pub fn resolve_fields(id: &str, title: &str, body: &str) -> Vec<Field> {
    vec![
        Field::fixed("id", id),
        Field::fixed("title", title),
        Field::fixed("body", body),
    ]
}

pub fn search_fields(query: Option<&str>) -> Vec<Field> {
    vec![
        Field::one_line("query", "Search your journal", QUERY_MAX_CHARS)
            .required()
            .value(query),
    ]
}

fn id_field(id: &str) -> Vec<Field> {
    vec![Field::fixed("id", id)]
}

/// `Some(until)` while a letter still rests.
fn resting(entry: &JournalEntry, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    entry
        .ready_after
        .filter(|at| entry.marked_ready_at.is_none() && now < *at)
}

fn letter_state(entry: &JournalEntry, zone: Tz, now: DateTime<Utc>) -> String {
    match (entry.marked_ready_at, resting(entry, now)) {
        (Some(at), _) => format!("Marked ready {}", instant(at, zone)),
        (None, Some(until)) => format!("Resting until {}", instant(until, zone)),
        (None, None) => "Ready to read again".into(),
    }
}

fn entry_row(entry: &JournalEntry, ctx: &Context) -> Block {
    let mut detail = format!(
        "{} · {}",
        instant(entry.edited_at, ctx.zone),
        snippet(&entry.body)
    );
    if !entry.tags.is_empty() {
        detail.push_str(&format!(" · #{}", entry.tags.join(" #")));
    }
    let row = Block::row(title_of(entry), detail).open(Route::Entry {
        id: entry.id.clone(),
    });
    if entry.has_conflict() {
        row.badge("Two versions").tone(Tone::Advice)
    } else {
        row
    }
    .done()
}

/// The list: `entries` already filtered (by tag or search), `all_tags` for the filter.
pub fn list(
    entries: &[JournalEntry],
    all_tags: &BTreeSet<String>,
    tag: Option<&str>,
    query: Option<&str>,
    ctx: &Context,
) -> Screen {
    let mut blocks = vec![Block::actions(vec![
        Action::command("journal.search", "Search", SEARCH).with_fields(search_fields(query)),
        Action::command("journal.add", "New entry", ADD)
            .with_fields(add_fields())
            .primary(),
    ])];
    match (tag, query) {
        (Some(t), _) => blocks.push(Block::card_with(
            format!("Tagged #{t}"),
            format!("{} entries", entries.len()),
            Tone::Muted,
            vec![Action::open(
                "journal.all",
                "Show all",
                Route::Journal {
                    tag: None,
                    query: None,
                },
            )],
        )),
        (None, Some(q)) => blocks.push(Block::card_with(
            format!("Search: {q}"),
            match entries.len() {
                0 => "Nothing found; try fewer or other words.".into(),
                1 => "1 entry".into(),
                n => format!("{n} entries"),
            },
            Tone::Muted,
            vec![Action::open(
                "journal.all",
                "Show all",
                Route::Journal {
                    tag: None,
                    query: None,
                },
            )],
        )),
        (None, None) => {}
    }
    if !all_tags.is_empty() && tag.is_none() {
        blocks.push(Block::heading("Tags"));
        blocks.push(Block::actions(
            all_tags
                .iter()
                .map(|t| {
                    Action::open(
                        format!("tag.{t}"),
                        format!("#{t}"),
                        Route::Journal {
                            tag: Some(t.clone()),
                            query: None,
                        },
                    )
                    .quiet()
                })
                .collect(),
        ));
    }
    if entries.is_empty() && tag.is_none() && query.is_none() {
        blocks.push(Block::muted(
            "Nothing here yet. Write whenever you want to; a prompt can help you start.",
        ));
    }
    blocks.extend(entries.iter().map(|e| entry_row(e, ctx)));
    blocks.push(
        Block::row("Unsent letters", "Letters you write and never send")
            .open(Route::Letters)
            .done(),
    );
    Screen {
        route: Route::Journal {
            tag: tag.map(str::to_string),
            query: query.map(str::to_string),
        },
        title: "Journal".into(),
        sensitive: true,
        blocks,
    }
}

pub fn entry(entry: &JournalEntry, ctx: &Context) -> Screen {
    let mut blocks = vec![Block::muted(format!(
        "Written {} · changed {}",
        instant(entry.created_at, ctx.zone),
        instant(entry.edited_at, ctx.zone)
    ))];
    if let Some(link) = &entry.link {
        let about = match link {
            EntryLink::Step { number } => {
                content::step(*number).map(|s| format!("About step {number}: {}", s.title))
            }
            EntryLink::Prompt { key } => {
                content::text(key).map(|t| format!("From the prompt: {t}"))
            }
        };
        if let Some(about) = about {
            let row = Block::row(about, "");
            blocks.push(
                match link {
                    EntryLink::Step { number } => row.open(Route::Step { number: *number }),
                    EntryLink::Prompt { .. } => row,
                }
                .done(),
            );
        }
    }
    let all = versions::of(entry);
    if all.is_empty() {
        blocks.push(Block::text(entry.body.clone()));
    } else {
        blocks.push(Block::card(
            "Two devices changed this at the same time",
            "Nothing was lost: every version is here. Keep the one you want; the others go on every device once they sync.",
            Tone::Advice,
        ));
        for v in &all {
            blocks.push(Block::card_with(
                format!("Version {}: {}", v.number, v.title),
                v.text.clone(),
                Tone::Normal,
                vec![
                    Action::command(
                        format!("resolve.{}", v.number),
                        "Keep this version",
                        RESOLVE,
                    )
                    .with_fields(resolve_fields(&entry.id, &v.title, &v.text)),
                ],
            ));
        }
    }
    if !entry.tags.is_empty() {
        blocks.push(Block::fact(
            "Tags",
            entry
                .tags
                .iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" "),
        ));
    }
    let mut actions = Vec::new();
    if entry.kind == EntryKind::Letter {
        blocks.push(Block::fact(
            "Letter",
            letter_state(entry, ctx.zone, ctx.now),
        ));
        if entry.marked_ready_at.is_none() {
            actions.push(
                Action::command("letter.ready", "Mark it ready", LETTER_READY)
                    .with_fields(id_field(&entry.id))
                    .unavailable_if(resting(entry, ctx.now).map(|until| {
                        format!(
                            "It rests until {}; read it again then.",
                            instant(until, ctx.zone)
                        )
                    })),
            );
        }
    }
    actions.push(
        Action::command("journal.edit", "Edit", EDIT)
            .with_fields(edit_fields(entry))
            .unavailable_if((!all.is_empty()).then(|| "Choose a version first.".to_string())),
    );
    actions.push(
        Action::command("journal.delete", "Delete", DELETE)
            .with_fields(id_field(&entry.id))
            .confirm("Delete this for good? It goes from every device once they sync.")
            .destructive(),
    );
    blocks.push(Block::actions(actions));
    Screen {
        route: Route::Entry {
            id: entry.id.clone(),
        },
        title: title_of(entry),
        sensitive: true,
        blocks,
    }
}

pub fn letters(letters: &[JournalEntry], ctx: &Context) -> Screen {
    let mut blocks = vec![
        Block::text(
            "A letter you never send can hold what you can't say yet. Each one rests a while before you read it again.",
        ),
        Block::actions(vec![
            Action::command("letter.add", "Write a letter", LETTER_ADD)
                .with_fields(letter_fields())
                .primary(),
        ]),
    ];
    for letter in letters {
        let row = Block::row(title_of(letter), letter_state(letter, ctx.zone, ctx.now)).open(
            Route::Entry {
                id: letter.id.clone(),
            },
        );
        let row = if letter.marked_ready_at.is_none() && resting(letter, ctx.now).is_none() {
            row.action(
                Action::command(
                    format!("letter.ready.{}", letter.id),
                    "Mark it ready",
                    LETTER_READY,
                )
                .with_fields(id_field(&letter.id)),
            )
        } else {
            row
        };
        blocks.push(row.done());
    }
    Screen {
        route: Route::Letters,
        title: "Unsent letters".into(),
        sensitive: true,
        blocks,
    }
}
