//! The facade's screen calls: gather the views a screen needs and build it, and run what
//! an action sends. Both go through the same commands and queries as every other caller.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::{JournalFilter, Reconnect};
use crate::checkin::{CheckInInput, ContactMedium};
use crate::error::{Error, Result};
use crate::journal::{EntryEdit, EntryInput, EntryKind, EntryLink};
use crate::reminders::{NotificationDetail, ReminderSettings};
use crate::screens::values::Values;
use crate::screens::{
    Context, Performed, Route, Screen, ShellState, daily, devices, forms, journal, program, today,
};

/// How many entries the journal list shows; search finds the rest.
const JOURNAL_LIST_LIMIT: usize = 200;
/// Recent days on the progress screen.
const RECENT_DAYS: usize = 14;

impl Reconnect {
    fn context(&self) -> Result<Context> {
        Ok(Context {
            now: self.clock.now(),
            zone: self.time_zone()?,
        })
    }

    /// The screen at `route`, as the person should see it now.
    pub fn screen(&self, route: &Route, shell: &ShellState) -> Result<Screen> {
        let ctx = self.context()?;
        Ok(match route {
            Route::FirstRun => today::first_run(),
            Route::Today => {
                let letters = self.journal_list(&JournalFilter {
                    kind: Some(EntryKind::Letter),
                    ..JournalFilter::default()
                })?;
                let ready: Vec<_> = letters
                    .into_iter()
                    .filter(|l| {
                        l.marked_ready_at.is_none() && l.ready_after.is_some_and(|at| at <= ctx.now)
                    })
                    .collect();
                today::today(&self.today()?, &self.program()?, &ready, &ctx)
            }
            Route::CheckIn => today::check_in(&self.today()?),
            Route::Program => program::overview(&self.program()?, &ctx),
            Route::Step { number } => {
                program::step(&self.program()?, *number, &ctx).ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "there is no step {number}; the steps are 0 (the self-check) to 11"
                    ))
                })?
            }
            Route::Safety => program::safety(&self.program()?, &ctx),
            Route::LetGo => program::let_go(&self.program()?),
            Route::Journal { tag, query } => {
                let all = self.journal_list(&JournalFilter {
                    kind: Some(EntryKind::Entry),
                    ..JournalFilter::default()
                })?;
                let tags: BTreeSet<String> =
                    all.iter().flat_map(|e| e.tags.iter().cloned()).collect();
                let shown = match (tag, query) {
                    (_, Some(q)) => self
                        .journal_search(q, Some(JOURNAL_LIST_LIMIT))?
                        .into_iter()
                        .filter(|e| e.kind == EntryKind::Entry)
                        .collect(),
                    (Some(_), None) => self.journal_list(&JournalFilter {
                        kind: Some(EntryKind::Entry),
                        tag: tag.clone(),
                        limit: Some(JOURNAL_LIST_LIMIT),
                        ..JournalFilter::default()
                    })?,
                    (None, None) => all.into_iter().take(JOURNAL_LIST_LIMIT).collect(),
                };
                journal::list(&shown, &tags, tag.as_deref(), query.as_deref(), &ctx)
            }
            Route::Entry { id } => {
                let entry = self.journal_get(id)?.ok_or_else(|| {
                    Error::InvalidInput(
                        "this entry is no longer here; it may have been deleted on another device"
                            .into(),
                    )
                })?;
                journal::entry(&entry, &ctx)
            }
            Route::Letters => {
                let letters = self.journal_list(&JournalFilter {
                    kind: Some(EntryKind::Letter),
                    ..JournalFilter::default()
                })?;
                journal::letters(&letters, &ctx)
            }
            Route::Progress => {
                daily::progress(&self.progress()?, &self.history(Some(RECENT_DAYS))?)
            }
            Route::Reminders => daily::reminders(
                &self.reminder_settings()?,
                &self.custom_reminders()?,
                &self.reminders()?,
                &ctx,
            ),
            Route::Devices => {
                let peers = self
                    .peers()?
                    .into_iter()
                    .map(|p| {
                        let synced = self.last_synced(&p.device_id)?;
                        Ok((p, synced))
                    })
                    .collect::<Result<Vec<_>>>()?;
                devices::devices(self.device(), &peers, &ctx)
            }
            Route::Data => devices::data(self.is_empty()?),
            Route::Settings => devices::settings(self.day_start_hour()?, shell.app_lock.as_deref()),
        })
    }

    /// Runs the command an action sends, with the values filled into its fields.
    pub fn perform(&self, command: &str, given: &BTreeMap<String, String>) -> Result<Performed> {
        if let Some(name) = command.strip_prefix(forms::PREFIX) {
            let parsed = forms::parse(name, given)?;
            let result = self.program_command(parsed)?;
            return Ok(done("Saved.", None, result.created_id));
        }
        match command {
            today::CHECK_IN => {
                let fields = today::check_in(&self.today()?);
                let fields = action_fields(&fields, command);
                let v = Values::new(given, &fields);
                let saved = self.check_in(CheckInInput {
                    mood: v.number("mood")?,
                    urge: v.number("urge")?,
                    contact: v.opt_choice("contact", ContactMedium::from_code)?,
                    note: v.opt_text("note"),
                })?;
                Ok(done(
                    "Saved. Thank you for checking in.",
                    Some(Route::Today),
                    Some(saved.date.to_string()),
                ))
            }
            journal::ADD => {
                let fields = journal::add_fields();
                let v = Values::new(given, &fields);
                let mut input = match v.raw("prompt") {
                    Some(key) => EntryInput::from_prompt(key)?,
                    None => EntryInput {
                        kind: EntryKind::Entry,
                        title: String::new(),
                        body: String::new(),
                        tags: Vec::new(),
                        link: None,
                        cool_off_hours: None,
                    },
                };
                if let Some(title) = v.opt_text("title") {
                    input.title = title;
                }
                input.body = v.opt_text("body").unwrap_or_default();
                input.tags = v.tags("tags");
                if let Some(number) = v.opt_number("step")? {
                    input.link = Some(EntryLink::Step { number });
                }
                let entry = self.journal_add(input)?;
                Ok(done(
                    "Saved to your journal.",
                    Some(Route::Entry {
                        id: entry.id.clone(),
                    }),
                    Some(entry.id),
                ))
            }
            journal::EDIT => {
                let fields = journal::add_fields();
                let v = Values::new(given, &fields);
                let id = v.text("id")?;
                let seen = v
                    .raw("seen_edited_at")
                    .map(|t| DateTime::parse_from_rfc3339(t).map(|t| t.with_timezone(&Utc)))
                    .transpose()
                    .map_err(|_| {
                        Error::InvalidInput(
                            "the entry's version is not readable; open it again".into(),
                        )
                    })?;
                let entry = self.journal_edit(
                    &id,
                    EntryEdit {
                        title: Some(v.opt_text("title").unwrap_or_default()),
                        body: Some(v.opt_text("body").unwrap_or_default()),
                        tags: Some(v.tags("tags")),
                        link: None,
                        seen_edited_at: seen,
                    },
                )?;
                Ok(done(
                    "Saved.",
                    Some(Route::Entry {
                        id: entry.id.clone(),
                    }),
                    None,
                ))
            }
            journal::RESOLVE => {
                let v = Values::new(given, &[]);
                let id = v.text("id")?;
                let title = given.get("title").cloned().unwrap_or_default();
                let body = given.get("body").cloned().unwrap_or_default();
                self.journal_resolve(&id, title, body)?;
                Ok(done(
                    "Kept. Every device shows this version once they sync.",
                    Some(Route::Entry { id }),
                    None,
                ))
            }
            journal::DELETE => {
                let id = Values::new(given, &[]).text("id")?;
                self.journal_delete(&id)?;
                Ok(done(
                    "Deleted.",
                    Some(Route::Journal {
                        tag: None,
                        query: None,
                    }),
                    None,
                ))
            }
            journal::SEARCH => {
                let fields = journal::search_fields(None);
                let query = Values::new(given, &fields).text("query")?;
                Ok(done(
                    "",
                    Some(Route::Journal {
                        tag: None,
                        query: Some(query),
                    }),
                    None,
                ))
            }
            journal::LETTER_ADD => {
                let fields = journal::letter_fields();
                let v = Values::new(given, &fields);
                let entry = self.journal_add(EntryInput {
                    kind: EntryKind::Letter,
                    title: v.opt_text("title").unwrap_or_default(),
                    body: v.text("body")?,
                    tags: Vec::new(),
                    link: None,
                    cool_off_hours: Some(v.opt_number("cool_off_hours")?.unwrap_or(24)),
                })?;
                Ok(done(
                    "Your letter is resting.",
                    Some(Route::Letters),
                    Some(entry.id),
                ))
            }
            journal::LETTER_READY => {
                let id = Values::new(given, &[]).text("id")?;
                self.letter_mark_ready(&id)?;
                Ok(done("Marked ready.", None, None))
            }
            daily::SET_REMINDERS => {
                let fields = daily::settings_fields(&ReminderSettings::default());
                let v = Values::new(given, &fields);
                let detail = v.choice("detail", |code| match code {
                    "generic" => Some(NotificationDetail::Generic),
                    "detailed" => Some(NotificationDetail::Detailed),
                    _ => None,
                })?;
                let dates_at = v.opt_time("dates_at")?.ok_or_else(|| {
                    Error::InvalidInput("\"Reminders for program dates at\" needs an answer".into())
                })?;
                self.set_reminder_settings(ReminderSettings {
                    daily_check_in: v.opt_time("daily")?,
                    key_dates_at: dates_at,
                    detail,
                })?;
                Ok(done("Reminders saved.", None, None))
            }
            daily::ADD_REMINDER => {
                let fields = daily::add_fields();
                let v = Values::new(given, &fields);
                let added = self.add_custom_reminder(v.date_time("at")?, v.opt_text("text"))?;
                Ok(done("Reminder added.", None, Some(added.id)))
            }
            daily::REMOVE_REMINDER => {
                self.remove_custom_reminder(&Values::new(given, &[]).text("id")?)?;
                Ok(done("Reminder removed.", None, None))
            }
            devices::DAY_START => {
                let fields = devices::day_start_fields(0);
                let hour = Values::new(given, &fields).number("hour")?;
                self.set_day_start_hour(hour)?;
                Ok(done("Saved.", None, None))
            }
            devices::REVOKE => {
                self.revoke_peer(&Values::new(given, &[]).text("id")?)?;
                Ok(done(
                    "Removed. It can no longer sync with this device.",
                    None,
                    None,
                ))
            }
            other => Err(Error::InvalidInput(format!("there is no command {other}"))),
        }
    }
}

fn done(message: &str, open: Option<Route>, created_id: Option<String>) -> Performed {
    Performed {
        message: message.into(),
        open,
        created_id,
    }
}

/// The fields of the action that sends `command` on `screen`.
fn action_fields(screen: &Screen, command: &str) -> Vec<crate::screens::Field> {
    use crate::screens::{ActionKind, Block};
    screen
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Actions { actions } => Some(actions),
            _ => None,
        })
        .flatten()
        .find(|a| matches!(&a.kind, ActionKind::Command { command: c } if c == command))
        .map(|a| a.fields.clone())
        .unwrap_or_default()
}
