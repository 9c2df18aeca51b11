//! Journal entries in the document: `journal[id]` is a map of fields, `tags` a map of
//! tag → true inside it (so tags added on two devices both stay).
//!
//! Title and body are plain strings: a concurrent edit on two devices leaves competing
//! values, which reads return as the winner plus conflicts until a resolve writes one
//! value over all of them. Deleting removes the entry's key, which no concurrent edit of
//! its fields brings back.

use automerge::{
    AutoCommit, ObjId, ObjType, ROOT, ReadDoc, ScalarValueRef, ValueRef, transaction::Transactable,
};
use chrono::{DateTime, Utc};

use super::JOURNAL;
use super::fields::{get_map, get_str, put_str, put_time};
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

/// The entry in map `obj`, read in one pass over its fields (a lookup per field is
/// far slower on a large document); fields with concurrent values are read in full.
fn read_map(doc: &AutoCommit, id: &str, obj: &ObjId) -> Result<Option<JournalEntry>> {
    let mut kind = None;
    let (mut title, mut body) = (None, None);
    let (mut title_conflict, mut body_conflict) = (false, false);
    let mut tags_obj = None;
    let (mut link, mut created_at, mut edited_at) = (None, None, None);
    let (mut ready_after, mut marked_ready_at) = (None, None);
    for item in doc.map_range(obj, ..) {
        let text = || match &item.value {
            ValueRef::Scalar(ScalarValueRef::Str(s)) => Some(s.to_string()),
            _ => None,
        };
        let time = || match &item.value {
            ValueRef::Scalar(ScalarValueRef::Timestamp(ms) | ScalarValueRef::Int(ms)) => {
                DateTime::<Utc>::from_timestamp_millis(*ms)
            }
            _ => None,
        };
        match item.key.as_ref() {
            KIND => kind = text().as_deref().and_then(EntryKind::from_code),
            TITLE => (title, title_conflict) = (text(), item.conflict),
            BODY => (body, body_conflict) = (text(), item.conflict),
            TAGS if matches!(item.value, ValueRef::Object(ObjType::Map)) => {
                tags_obj = Some(item.id())
            }
            LINK => link = text().as_deref().and_then(EntryLink::from_code),
            CREATED_AT => created_at = time(),
            EDITED_AT => edited_at = time(),
            READY_AFTER => ready_after = time(),
            MARKED_READY_AT => marked_ready_at = time(),
            _ => {}
        }
    }
    let Some(kind) = kind else {
        return Ok(None);
    };
    let with_versions =
        |winner: Option<String>, conflict: bool, field: &str| -> Result<(String, Vec<String>)> {
            if !conflict {
                return Ok((winner.unwrap_or_default(), Vec::new()));
            }
            let mut all = versions(doc, obj, field)?;
            let main = if all.is_empty() {
                String::new()
            } else {
                all.remove(0)
            };
            all.sort();
            Ok((main, all))
        };
    let (title, title_conflicts) = with_versions(title, title_conflict, TITLE)?;
    let (body, body_conflicts) = with_versions(body, body_conflict, BODY)?;
    let tags = tags_obj
        .map(|tags| {
            doc.map_range(&tags, ..)
                .map(|item| item.key.into_owned())
                .collect()
        })
        .unwrap_or_default();
    let created_at = created_at.unwrap_or_default();
    Ok(Some(JournalEntry {
        id: id.to_string(),
        kind,
        title,
        body,
        title_conflicts,
        body_conflicts,
        tags,
        link,
        created_at,
        edited_at: edited_at.unwrap_or(created_at),
        ready_after,
        marked_ready_at,
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
    let maps: Vec<(String, ObjId)> = doc
        .map_range(&journal, ..)
        .filter(|item| matches!(item.value, ValueRef::Object(ObjType::Map)))
        .map(|item| (item.key.to_string(), item.id()))
        .collect();
    let mut out = Vec::with_capacity(maps.len());
    for (id, obj) in maps {
        if let Some(entry) = read_map(doc, &id, &obj)? {
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
