//! Devices, your data and settings: pairing and sync, export, import, deleting everything,
//! and the few choices that shape the day.

use chrono::{DateTime, Utc};

use super::Context;
use super::model::{Action, Block, ChoiceOption, Field, Route, Screen, ShellTask, Tone};
use super::words::instant;
use crate::store::{DeviceIdentity, Peer};

pub const REVOKE: &str = "devices.revoke";
pub const DAY_START: &str = "settings.day_start";
/// The word typed to delete everything.
pub const DELETE_WORD: &str = "delete";

/// `peers` with when each last synced here.
pub fn devices(
    me: &DeviceIdentity,
    peers: &[(Peer, Option<DateTime<Utc>>)],
    ctx: &Context,
) -> Screen {
    let active = peers.iter().filter(|(p, _)| !p.is_revoked()).count();
    let mut blocks = vec![
        Block::fact("This device", me.name.clone()),
        Block::muted(
            "Your devices sync directly with each other on the same network. Nothing goes through a server.",
        ),
        Block::actions(vec![
            Action::shell("pair.show", "Pair a new device", ShellTask::PairShowCode).primary(),
            Action::shell("pair.enter", "Enter a code", ShellTask::PairEnterCode).with_fields(
                vec![
                    Field::one_line("code", "The code the other device shows", 64)
                        .help("Like ABCDE-FGHIJ; case and dashes don't matter.")
                        .required(),
                ],
            ),
            Action::shell("sync.now", "Sync now", ShellTask::SyncNow)
                .unavailable_if((active == 0).then(|| "Pair a device first.".to_string())),
        ]),
        Block::heading("Paired devices"),
    ];
    if peers.is_empty() {
        blocks.push(Block::muted("None yet."));
    }
    for (p, synced) in peers {
        let last = match synced {
            Some(at) => format!("last synced {}", instant(*at, ctx.zone)),
            None => "not synced yet".into(),
        };
        let row = match p.revoked_at {
            Some(at) => Block::row(p.name.clone(), format!("Removed {}", instant(at, ctx.zone)))
                .badge("Removed")
                .tone(Tone::Muted),
            None => Block::row(
                p.name.clone(),
                format!("Paired {} · {last}", instant(p.paired_at, ctx.zone)),
            )
            .action(
                Action::command(format!("revoke.{}", p.device_id), "Remove", REVOKE)
                    .with_fields(vec![Field::fixed("id", p.device_id.clone())])
                    .confirm(format!(
                        "Remove {}? It can no longer sync with this device. Pairing again brings it back.",
                        p.name
                    ))
                    .destructive(),
            ),
        };
        blocks.push(row.done());
    }
    Screen {
        route: Route::Devices,
        title: "Your devices".into(),
        sensitive: false,
        blocks,
    }
}

pub fn data(is_empty: bool) -> Screen {
    let blocks = vec![
        Block::text("Everything you wrote is yours: take it with you, or remove it for good."),
        Block::heading("Export"),
        Block::muted("An export is not encrypted. Keep it somewhere only you can reach."),
        Block::actions(vec![
            Action::shell(
                "export.json",
                "Export everything (JSON)",
                ShellTask::ShareExportJson,
            ),
            Action::shell(
                "export.html",
                "A readable report (HTML)",
                ShellTask::ShareReportHtml,
            ),
            Action::shell(
                "export.md",
                "A readable report (Markdown)",
                ShellTask::ShareReportMarkdown,
            ),
        ]),
        Block::heading("Import"),
        Block::actions(vec![
            Action::shell("import", "Import an export", ShellTask::ImportFile).unavailable_if(
                (!is_empty).then(|| {
                    "Import works only into an empty store, so nothing here is overwritten."
                        .to_string()
                }),
            ),
        ]),
        Block::heading("Delete everything"),
        Block::card_with(
            "Delete everything on this device",
            "Every check-in, entry and letter on this device, and its key, are removed and cannot be brought back. Your other devices keep their copies until you delete them there.",
            Tone::Waiting,
            vec![
                Action::shell(
                    "delete.all",
                    "Delete everything",
                    ShellTask::DeleteEverything,
                )
                .confirm_typed(
                    format!("Type \"{DELETE_WORD}\" to delete everything on this device."),
                    DELETE_WORD,
                )
                .destructive(),
            ],
        ),
    ];
    Screen {
        route: Route::Data,
        title: "Your data".into(),
        sensitive: false,
        blocks,
    }
}

pub fn day_start_fields(hour: u8) -> Vec<Field> {
    vec![
        Field::number("hour", "A new day starts at (hour)", 0, 23)
            .help("Late nights count as the day before until this hour, e.g. 4.")
            .required()
            .value(Some(hour.to_string())),
    ]
}

/// The choices of the app lock, in minutes in the background; the shell keeps the setting.
pub fn app_lock_options() -> Vec<ChoiceOption> {
    vec![
        ChoiceOption::new("off", "Off", None),
        ChoiceOption::new("0", "Right away", None),
        ChoiceOption::new("1", "After 1 minute", None),
        ChoiceOption::new("5", "After 5 minutes", None),
        ChoiceOption::new("15", "After 15 minutes", None),
    ]
}

/// `app_lock` is the shell's current setting, as one of [`app_lock_options`]' codes.
pub fn settings(hour: u8, app_lock: Option<&str>) -> Screen {
    let lock_label = app_lock_options()
        .into_iter()
        .find(|o| Some(o.code.as_str()) == app_lock)
        .map_or_else(|| "Off".to_string(), |o| o.label);
    let blocks = vec![
        Block::fact("A new day starts at", format!("{hour:02}:00")),
        Block::actions(vec![
            Action::command("settings.day_start", "Change", DAY_START)
                .with_fields(day_start_fields(hour)),
        ]),
        Block::fact("App lock", lock_label),
        Block::actions(vec![
            Action::shell("app_lock", "Change", ShellTask::SetAppLock).with_fields(vec![
                Field::choice(
                    "minutes",
                    "Ask for your fingerprint, face or PIN",
                    app_lock_options(),
                )
                .required()
                .value(app_lock),
            ]),
        ]),
        Block::row("Reminders", "When and how the app reminds you")
            .open(Route::Reminders)
            .done(),
        Block::row("Your devices", "Pair, sync, remove")
            .open(Route::Devices)
            .done(),
        Block::row("Your data", "Export, import, delete everything")
            .open(Route::Data)
            .done(),
        Block::row("Where to find help", "Support, whatever you decide")
            .tone(Tone::Safety)
            .open(Route::Safety)
            .done(),
    ];
    Screen {
        route: Route::Settings,
        title: "Settings".into(),
        sensitive: false,
        blocks,
    }
}
