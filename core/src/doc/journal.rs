//! Journal entries in the document: `journal[id]` is a map of fields, `tags` a map of
//! tag → true inside it (so tags added on two devices both stay).
//!
//! Title and body are plain strings: a concurrent edit on two devices leaves competing
//! values, which reads return as the winner plus conflicts until a resolve writes one
//! value over all of them. Deleting removes the entry's key, which no concurrent edit of
//! its fields brings back.

use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, transaction::Transactable};
use chrono::{DateTime, Utc};

use super::JOURNAL;
use super::fields::{get_map, get_str, get_text, get_time, put_str, put_time};
use crate::error::{Error, Result};
use crate::journal::{EntryEdit, EntryInput, EntryKind, EntryLink, JournalEntry, normalise_tags};

const KIND: &str = "kind";
const TITLE: &str = "title";
const BODY: &str = "body";
const TAGS: &str = "tags";
const LINK: &str = "link";
const CREATED_AT: &str = "created_at";
const EDITED_AT: &str = "edited_at";
const READY_AFTER: &str = "ready_after";
const MARKED_READY_AT: &str = "marked_ready_at";

fn journal(doc: &AutoCommit) -> Result<ObjId> {
    get_map(doc, &ROOT, JOURNAL)
        .ok_or_else(|| Error::Document(format!("the document has no `{JOURNAL}` map")))
}

fn entry_map(doc: &AutoCommit, id: &str) -> Result<ObjId> {
    get_map(doc, &journal(doc)?, id)
        .ok_or_else(|| Error::InvalidInput(format!("there is no journal entry with the id {id}")))
}

/// Every value of a text field, the winner first; empty strings are skipped.
fn versions(doc: &AutoCommit, obj: &ObjId, field: &str) -> Result<Vec<String>> {
    let winner = get_str(doc, obj, field);
    let mut out: Vec<String> = winner.into_iter().collect();
    for (value, _) in doc.get_all(obj, field)? {
        if let Ok(text) = value.into_string()
            && !out.contains(&text)
        {
            out.push(text);
        }
    }
    Ok(out)
}

fn tags(doc: &AutoCommit, obj: &ObjId) -> Vec<String> {
    get_map(doc, obj, TAGS)
        .map(|tags| doc.keys(&tags).collect())
        .unwrap_or_default()
}

fn read_map(doc: &AutoCommit, id: &str, obj: &ObjId) -> Result<Option<JournalEntry>> {
    let Some(kind) = get_str(doc, obj, KIND)
        .as_deref()
        .and_then(EntryKind::from_code)
    else {
        return Ok(None);
    };
    let mut titles = versions(doc, obj, TITLE)?;
    let mut bodies = versions(doc, obj, BODY)?;
    let title = if titles.is_empty() {
        String::new()
    } else {
        titles.remove(0)
    };
    let body = if bodies.is_empty() {
        String::new()
    } else {
        bodies.remove(0)
    };
    let created_at = get_time(doc, obj, CREATED_AT).unwrap_or_default();
    Ok(Some(JournalEntry {
        id: id.to_string(),
        kind,
        title,
        body,
        title_conflicts: titles,
        body_conflicts: bodies,
        tags: tags(doc, obj),
        link: get_text(doc, obj, LINK)
            .as_deref()
            .and_then(EntryLink::from_code),
        created_at,
        edited_at: get_time(doc, obj, EDITED_AT).unwrap_or(created_at),
        ready_after: get_time(doc, obj, READY_AFTER),
        marked_ready_at: get_time(doc, obj, MARKED_READY_AT),
    }))
}

pub fn read(doc: &AutoCommit, id: &str) -> Result<Option<JournalEntry>> {
    match get_map(doc, &journal(doc)?, id) {
        Some(obj) => read_map(doc, id, &obj),
        None => Ok(None),
    }
}

/// Every readable entry, newest first.
pub fn read_all(doc: &AutoCommit) -> Result<Vec<JournalEntry>> {
    let journal = journal(doc)?;
    let ids: Vec<String> = doc.keys(&journal).collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(obj) = get_map(doc, &journal, &id)
            && let Some(entry) = read_map(doc, &id, &obj)?
        {
            out.push(entry);
        }
    }
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// Writes a new entry under `id`. The caller has validated `input`.
pub fn add(doc: &mut AutoCommit, id: &str, input: &EntryInput, now: DateTime<Utc>) -> Result<()> {
    let journal = journal(doc)?;
    let obj = doc.put_object(&journal, id, ObjType::Map)?;
    put_str(doc, &obj, KIND, input.kind.code())?;
    put_str(doc, &obj, TITLE, input.title.trim())?;
    put_str(doc, &obj, BODY, &input.body)?;
    let tags = doc.put_object(&obj, TAGS, ObjType::Map)?;
    for tag in normalise_tags(&input.tags)? {
        doc.put(&tags, tag.as_str(), true)?;
    }
    if let Some(link) = &input.link {
        put_str(doc, &obj, LINK, &link.code())?;
    }
    put_time(doc, &obj, CREATED_AT, now)?;
    put_time(doc, &obj, EDITED_AT, now)?;
    if input.kind == EntryKind::Letter {
        let hours = i64::from(input.cool_off_hours.unwrap_or(0));
        put_time(doc, &obj, READY_AFTER, now + chrono::Duration::hours(hours))?;
    }
    Ok(())
}

/// Applies an edit; only fields that change are written. Writing a title or body over a
/// conflict replaces every version the user was shown.
pub fn edit(doc: &mut AutoCommit, id: &str, edit: &EntryEdit, now: DateTime<Utc>) -> Result<()> {
    let obj = entry_map(doc, id)?;
    if let Some(title) = &edit.title {
        put_text_if_changed(doc, &obj, TITLE, title.trim())?;
    }
    if let Some(body) = &edit.body {
        put_text_if_changed(doc, &obj, BODY, body)?;
    }
    if let Some(new_tags) = &edit.tags {
        let new_tags = normalise_tags(new_tags)?;
        let tags = match get_map(doc, &obj, TAGS) {
            Some(tags) => tags,
            None => doc.put_object(&obj, TAGS, ObjType::Map)?,
        };
        for old in doc.keys(&tags).collect::<Vec<_>>() {
            if !new_tags.contains(&old) {
                doc.delete(&tags, old.as_str())?;
            }
        }
        for tag in new_tags {
            if doc.get(&tags, tag.as_str())?.is_none() {
                doc.put(&tags, tag.as_str(), true)?;
            }
        }
    }
    match &edit.link {
        Some(Some(link)) => put_str(doc, &obj, LINK, &link.code())?,
        Some(None) if doc.get(&obj, LINK)?.is_some() => doc.delete(&obj, LINK)?,
        _ => {}
    }
    put_time(doc, &obj, EDITED_AT, now)?;
    Ok(())
}

fn put_text_if_changed(doc: &mut AutoCommit, obj: &ObjId, field: &str, text: &str) -> Result<()> {
    let current = doc.get_all(obj, field)?;
    let unchanged = current.len() == 1 && get_str(doc, obj, field).as_deref() == Some(text);
    if !unchanged {
        put_str(doc, obj, field, text)?;
    }
    Ok(())
}

pub fn mark_ready(doc: &mut AutoCommit, id: &str, now: DateTime<Utc>) -> Result<()> {
    let obj = entry_map(doc, id)?;
    put_time(doc, &obj, MARKED_READY_AT, now)?;
    Ok(())
}

pub fn delete(doc: &mut AutoCommit, id: &str) -> Result<()> {
    let journal = journal(doc)?;
    if doc.get(&journal, id)?.is_none() {
        return Err(Error::InvalidInput(format!(
            "there is no journal entry with the id {id}"
        )));
    }
    doc.delete(&journal, id)?;
    Ok(())
}

/// Writes an entry exactly as exported (id, times, concurrent versions), for an import
/// into an empty store.
pub fn restore(doc: &mut AutoCommit, entry: &JournalEntry) -> Result<()> {
    let journal = journal(doc)?;
    let obj = doc.put_object(&journal, entry.id.as_str(), ObjType::Map)?;
    put_str(doc, &obj, KIND, entry.kind.code())?;
    let tags = doc.put_object(&obj, TAGS, ObjType::Map)?;
    for tag in normalise_tags(&entry.tags)? {
        doc.put(&tags, tag.as_str(), true)?;
    }
    if let Some(link) = &entry.link {
        put_str(doc, &obj, LINK, &link.code())?;
    }
    put_time(doc, &obj, CREATED_AT, entry.created_at)?;
    put_time(doc, &obj, EDITED_AT, entry.edited_at)?;
    if let Some(at) = entry.ready_after {
        put_time(doc, &obj, READY_AFTER, at)?;
    }
    if let Some(at) = entry.marked_ready_at {
        put_time(doc, &obj, MARKED_READY_AT, at)?;
    }
    super::fields::put_with_conflicts(doc, &obj, TITLE, &entry.title, &entry.title_conflicts)?;
    super::fields::put_with_conflicts(doc, &obj, BODY, &entry.body, &entry.body_conflicts)?;
    Ok(())
}
