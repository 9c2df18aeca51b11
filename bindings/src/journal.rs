//! The journal over the FFI: free entries and unsent letters with tags, an optional link
//! to a step or prompt, search, and the versions concurrent edits leave until resolved.
//! Records mirror the core's; instants cross as timestamps. Conversions only.

use std::time::SystemTime;

use reconnect_core::journal as core;
use reconnect_core::program::content;

use crate::error::ReconnectError;
use crate::program::ContentLine;
use crate::program::convert::{instant, map_vec};
use crate::store::ReconnectStore;

/// A free entry, or a letter to the ex that is never sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum EntryKind {
    Entry,
    Letter,
}

impl From<core::EntryKind> for EntryKind {
    fn from(kind: core::EntryKind) -> Self {
        match kind {
            core::EntryKind::Entry => EntryKind::Entry,
            core::EntryKind::Letter => EntryKind::Letter,
        }
    }
}

impl From<EntryKind> for core::EntryKind {
    fn from(kind: EntryKind) -> Self {
        match kind {
            EntryKind::Entry => core::EntryKind::Entry,
            EntryKind::Letter => core::EntryKind::Letter,
        }
    }
}

/// What an entry is about: a program step (1–11), or one of the program's prompts by key
/// (a step's prompt from `program_step`, or a growth prompt from `growth_prompts`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum EntryLink {
    Step { number: u8 },
    Prompt { key: String },
}

impl From<core::EntryLink> for EntryLink {
    fn from(link: core::EntryLink) -> Self {
        match link {
            core::EntryLink::Step { number } => EntryLink::Step { number },
            core::EntryLink::Prompt { key } => EntryLink::Prompt { key },
        }
    }
}

impl From<EntryLink> for core::EntryLink {
    fn from(link: EntryLink) -> Self {
        match link {
            EntryLink::Step { number } => core::EntryLink::Step { number },
            EntryLink::Prompt { key } => core::EntryLink::Prompt { key },
        }
    }
}

/// A new entry. Tags are trimmed, lowercased and de-duplicated by the core.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EntryInput {
    pub kind: EntryKind,
    pub title: String,
    pub body: String,
    #[uniffi(default = [])]
    pub tags: Vec<String>,
    #[uniffi(default = None)]
    pub link: Option<EntryLink>,
    /// Letters only: hours (at most two weeks) before the letter can be marked ready.
    #[uniffi(default = None)]
    pub cool_off_hours: Option<u32>,
}

impl From<EntryInput> for core::EntryInput {
    fn from(input: EntryInput) -> Self {
        core::EntryInput {
            kind: input.kind.into(),
            title: input.title,
            body: input.body,
            tags: input.tags,
            link: input.link.map(Into::into),
            cool_off_hours: input.cool_off_hours,
        }
    }
}

impl From<core::EntryInput> for EntryInput {
    fn from(input: core::EntryInput) -> Self {
        EntryInput {
            kind: input.kind.into(),
            title: input.title,
            body: input.body,
            tags: input.tags,
            link: input.link.map(Into::into),
            cool_off_hours: input.cool_off_hours,
        }
    }
}

/// Changes to an entry; a field left empty stays as it is. Giving a title or a body
/// while the entry has conflicting versions replaces every version.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct EntryEdit {
    #[uniffi(default = None)]
    pub title: Option<String>,
    #[uniffi(default = None)]
    pub body: Option<String>,
    /// The new tags, replacing the old ones; an empty list removes them all.
    #[uniffi(default = None)]
    pub tags: Option<Vec<String>>,
    /// A new link.
    #[uniffi(default = None)]
    pub link: Option<EntryLink>,
    /// Removes the link; not together with `link`.
    #[uniffi(default = false)]
    pub remove_link: bool,
    /// The entry's `edited_at` as shown to the user; when given, an edit that arrived from
    /// another device since makes this edit fail with `InvalidInput` instead of
    /// overwriting text the user never saw.
    #[uniffi(default = None)]
    pub seen_edited_at: Option<std::time::SystemTime>,
}

impl TryFrom<EntryEdit> for core::EntryEdit {
    type Error = ReconnectError;

    fn try_from(edit: EntryEdit) -> Result<Self, ReconnectError> {
        let link = match (edit.link, edit.remove_link) {
            (Some(_), true) => {
                return Err(ReconnectError::invalid(
                    "an edit either sets a link or removes it, not both",
                ));
            }
            (Some(link), false) => Some(Some(link.into())),
            (None, true) => Some(None),
            (None, false) => None,
        };
        Ok(core::EntryEdit {
            title: edit.title,
            body: edit.body,
            tags: edit.tags,
            link,
            seen_edited_at: edit
                .seen_edited_at
                .map(chrono::DateTime::<chrono::Utc>::from),
        })
    }
}

/// An entry as stored, with any versions a concurrent edit on another device left.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalEntry {
    pub id: String,
    pub kind: EntryKind,
    pub title: String,
    pub body: String,
    /// Other titles written concurrently on another device, until resolved.
    pub title_conflicts: Vec<String>,
    /// Other bodies written concurrently on another device, until resolved.
    pub body_conflicts: Vec<String>,
    /// Whether there are versions to resolve (`journal_resolve`).
    pub has_conflict: bool,
    pub tags: Vec<String>,
    pub link: Option<EntryLink>,
    pub created_at: SystemTime,
    pub edited_at: SystemTime,
    /// Letters: before this instant the letter cannot be marked ready.
    pub ready_after: Option<SystemTime>,
    pub marked_ready_at: Option<SystemTime>,
}

impl From<core::JournalEntry> for JournalEntry {
    fn from(e: core::JournalEntry) -> Self {
        JournalEntry {
            has_conflict: e.has_conflict(),
            id: e.id,
            kind: e.kind.into(),
            title: e.title,
            body: e.body,
            title_conflicts: e.title_conflicts,
            body_conflicts: e.body_conflicts,
            tags: e.tags,
            link: e.link.map(Into::into),
            created_at: instant(e.created_at),
            edited_at: instant(e.edited_at),
            ready_after: e.ready_after.map(instant),
            marked_ready_at: e.marked_ready_at.map(instant),
        }
    }
}

/// Which entries to list; the default lists them all.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct JournalFilter {
    #[uniffi(default = None)]
    pub kind: Option<EntryKind>,
    /// One tag, with or without `#`, in any case.
    #[uniffi(default = None)]
    pub tag: Option<String>,
    /// Only entries with versions left by concurrent edits.
    #[uniffi(default = false)]
    pub conflicted: bool,
    #[uniffi(default = None)]
    pub limit: Option<u32>,
}

impl From<JournalFilter> for reconnect_core::JournalFilter {
    fn from(f: JournalFilter) -> Self {
        reconnect_core::JournalFilter {
            kind: f.kind.map(Into::into),
            tag: f.tag,
            conflicted: f.conflicted,
            limit: f.limit.map(|n| n as usize),
        }
    }
}

#[uniffi::export]
impl ReconnectStore {
    /// Adds an entry or a letter and returns it as stored.
    pub fn journal_add(&self, input: EntryInput) -> Result<JournalEntry, ReconnectError> {
        Ok(self.app()?.journal_add(input.into())?.into())
    }

    /// A new entry that starts from one of the program's prompts (the prompt is its
    /// title and its link), for the user to write in and pass to `journal_add`.
    pub fn journal_entry_from_prompt(&self, key: String) -> Result<EntryInput, ReconnectError> {
        Ok(core::EntryInput::from_prompt(&key)?.into())
    }

    /// The journal prompts on personal growth, communication and realistic expectations.
    pub fn growth_prompts(&self) -> Vec<ContentLine> {
        content::growth_prompts()
            .iter()
            .map(ContentLine::from)
            .collect()
    }

    /// Edits an entry; see [`EntryEdit`].
    pub fn journal_edit(
        &self,
        id: String,
        edit: EntryEdit,
    ) -> Result<JournalEntry, ReconnectError> {
        let edit = edit.try_into()?;
        Ok(self.app()?.journal_edit(&id, edit)?.into())
    }

    /// Resolves concurrent versions with the title and text the user chose or merged.
    pub fn journal_resolve(
        &self,
        id: String,
        title: String,
        body: String,
    ) -> Result<JournalEntry, ReconnectError> {
        Ok(self.app()?.journal_resolve(&id, title, body)?.into())
    }

    pub fn journal_delete(&self, id: String) -> Result<(), ReconnectError> {
        Ok(self.app()?.journal_delete(&id)?)
    }

    /// Marks a letter ready once its cool-off has passed (`InvalidInput` before then).
    /// A letter is never sent anywhere.
    pub fn letter_mark_ready(&self, id: String) -> Result<JournalEntry, ReconnectError> {
        Ok(self.app()?.letter_mark_ready(&id)?.into())
    }

    pub fn journal_get(&self, id: String) -> Result<Option<JournalEntry>, ReconnectError> {
        Ok(self.app()?.journal_get(&id)?.map(Into::into))
    }

    /// Entries, newest first.
    pub fn journal_list(&self, filter: JournalFilter) -> Result<Vec<JournalEntry>, ReconnectError> {
        Ok(map_vec(self.app()?.journal_list(&filter.into())?))
    }

    /// Entries whose titles, texts (every concurrent version) or tags hold every word of
    /// `query`, ignoring case, newest first; at most `limit` when given.
    pub fn journal_search(
        &self,
        query: String,
        limit: Option<u32>,
    ) -> Result<Vec<JournalEntry>, ReconnectError> {
        let limit = limit.map(|n| n as usize);
        Ok(map_vec(self.app()?.journal_search(&query, limit)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_sets_keeps_or_removes_the_link_but_not_both() {
        let keep: core::EntryEdit = EntryEdit::default().try_into().unwrap();
        assert_eq!(keep.link, None);
        let set: core::EntryEdit = EntryEdit {
            link: Some(EntryLink::Step { number: 4 }),
            ..EntryEdit::default()
        }
        .try_into()
        .unwrap();
        assert_eq!(set.link, Some(Some(core::EntryLink::Step { number: 4 })));
        let removed: core::EntryEdit = EntryEdit {
            remove_link: true,
            ..EntryEdit::default()
        }
        .try_into()
        .unwrap();
        assert_eq!(removed.link, Some(None));
        let both = EntryEdit {
            link: Some(EntryLink::Step { number: 4 }),
            remove_link: true,
            ..EntryEdit::default()
        };
        assert!(matches!(
            core::EntryEdit::try_from(both),
            Err(ReconnectError::InvalidInput { .. })
        ));
    }
}
