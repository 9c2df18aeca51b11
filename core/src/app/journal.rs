//! The journal and progress commands and queries of the [`Reconnect`] facade.

use crate::doc::{checkins, journal as stored};
use crate::error::{Error, Result};
use crate::journal::search::{QUERY_MAX_CHARS, SearchIndex};
use crate::journal::{EntryEdit, EntryInput, EntryKind, JournalEntry};
use crate::local_day::local_day;
use crate::notify::ChangeEvent;
use crate::progress::{ProgressView, progress};

use super::Reconnect;

/// Which entries to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JournalFilter {
    pub kind: Option<EntryKind>,
    pub tag: Option<String>,
    /// Only entries with versions left by concurrent edits.
    pub conflicted: bool,
    pub limit: Option<usize>,
}

impl Reconnect {
    pub fn journal_add(&self, input: EntryInput) -> Result<JournalEntry> {
        input.validate()?;
        let now = self.clock.now();
        let id = crate::store::new_record_id()?;
        self.write_indexed(
            |entry: &JournalEntry| ChangeEvent::JournalChanged {
                id: entry.id.clone(),
            },
            |doc, _| {
                stored::add(doc, &id, &input, now)?;
                read_back(doc, &id)
            },
            SearchIndex::upsert,
        )
    }

    /// Edits an entry. Giving a title or a body while the entry has conflicting versions
    /// resolves them: the given text replaces every version.
    pub fn journal_edit(&self, id: &str, edit: EntryEdit) -> Result<JournalEntry> {
        edit.validate()?;
        let now = self.clock.now();
        self.write_indexed(
            |entry: &JournalEntry| ChangeEvent::JournalChanged {
                id: entry.id.clone(),
            },
            |doc, _| {
                if let Some(seen) = edit.seen_edited_at {
                    let current = stored::read(doc, id)?.ok_or_else(|| missing(id))?;
                    if current.edited_at != seen {
                        return Err(Error::InvalidInput(
                            "this entry changed on another device since you opened it; open it again to see every version, then save".into(),
                        ));
                    }
                }
                stored::edit(doc, id, &edit, now)?;
                read_back(doc, id)
            },
            SearchIndex::upsert,
        )
    }

    /// Resolves a conflict with the title and text the user chose or merged.
    pub fn journal_resolve(&self, id: &str, title: String, body: String) -> Result<JournalEntry> {
        self.journal_edit(
            id,
            EntryEdit {
                title: Some(title),
                body: Some(body),
                ..EntryEdit::default()
            },
        )
    }

    pub fn journal_delete(&self, id: &str) -> Result<()> {
        let id_owned = id.to_string();
        self.write_indexed(
            |_| ChangeEvent::JournalChanged { id: id_owned },
            |doc, _| stored::delete(doc, id),
            |index, _| index.remove(id),
        )
    }

    /// Marks a letter ready once its cool-off has passed. It is never sent anywhere.
    pub fn letter_mark_ready(&self, id: &str) -> Result<JournalEntry> {
        let now = self.clock.now();
        self.write_indexed(
            |entry: &JournalEntry| ChangeEvent::JournalChanged {
                id: entry.id.clone(),
            },
            |doc, zone| {
                let entry = stored::read(doc, id)?.ok_or_else(|| missing(id))?;
                if entry.kind != EntryKind::Letter {
                    return Err(Error::InvalidInput(
                        "only letters are marked ready; entries are ready as they are".into(),
                    ));
                }
                if let Some(ready_after) = entry.ready_after.filter(|r| now < *r) {
                    let local = ready_after.with_timezone(&zone);
                    return Err(Error::InvalidInput(format!(
                        "this letter is still cooling off until {} ({}); read it again then",
                        local.format("%Y-%m-%d %H:%M"),
                        zone.name()
                    )));
                }
                stored::mark_ready(doc, id, now)?;
                read_back(doc, id)
            },
            SearchIndex::upsert,
        )
    }

    pub fn journal_get(&self, id: &str) -> Result<Option<JournalEntry>> {
        stored::read(&self.lock()?.doc, id)
    }

    /// Entries, newest first.
    pub fn journal_list(&self, filter: &JournalFilter) -> Result<Vec<JournalEntry>> {
        let entries = stored::read_all(&self.lock()?.doc)?;
        let tag = filter
            .tag
            .as_deref()
            .map(|t| t.trim().trim_start_matches('#').to_lowercase());
        Ok(entries
            .into_iter()
            .filter(|e| filter.kind.is_none_or(|k| e.kind == k))
            .filter(|e| tag.as_ref().is_none_or(|t| e.tags.contains(t)))
            .filter(|e| !filter.conflicted || e.has_conflict())
            .take(filter.limit.unwrap_or(usize::MAX))
            .collect())
    }

    /// Entries whose titles, texts (every concurrent version) or tags hold every word of
    /// `query`, newest first.
    pub fn journal_search(&self, query: &str, limit: Option<usize>) -> Result<Vec<JournalEntry>> {
        if query.chars().count() > QUERY_MAX_CHARS {
            return Err(Error::InvalidInput(format!(
                "a search is at most {QUERY_MAX_CHARS} characters"
            )));
        }
        let mut state = self.lock()?;
        let heads = state.doc.get_heads();
        let ids = match &state.search {
            Some(index) if index.is_current(&heads) => index.find(query),
            _ => {
                let entries = stored::read_all(&state.doc)?;
                let index = SearchIndex::build(heads, &entries);
                let ids = index.find(query);
                state.search = Some(index);
                ids
            }
        };
        let mut out = Vec::new();
        for id in ids {
            if limit.is_some_and(|max| out.len() >= max) {
                break;
            }
            if let Some(entry) = stored::read(&state.doc, &id)? {
                out.push(entry);
            }
        }
        Ok(out)
    }

    /// The strength score, days checked in and the mood over recent weeks.
    pub fn progress(&self) -> Result<ProgressView> {
        let state = self.lock()?;
        let start = crate::doc::settings::day_start_hour(&state.doc)?;
        let today = local_day(self.clock.now(), state.zone, start);
        let moods = checkins::moods_since(&state.doc, chrono::NaiveDate::MIN)?;
        Ok(progress(&moods, today))
    }
}

fn missing(id: &str) -> Error {
    Error::InvalidInput(format!("there is no journal entry with the id {id}"))
}

fn read_back(doc: &automerge::AutoCommit, id: &str) -> Result<JournalEntry> {
    stored::read(doc, id)?.ok_or_else(|| Error::Document("the entry could not be read back".into()))
}
