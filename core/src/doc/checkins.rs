//! Check-ins in the document: `checkins[local date]` is a map of fields.
//!
//! Writes touch only the fields that changed, so two devices editing different fields
//! of one day both keep their edit. If two devices created the same day concurrently,
//! reads merge the competing maps field by field; writes go to the winning map, and a
//! new note clears the notes it replaces in the others. Competing maps are never
//! replaced, since that would drop unseen edits made to them concurrently.

use automerge::{
    AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value, transaction::Transactable,
};
use chrono::{DateTime, NaiveDate, Utc};

use super::{CHECKINS, maps_at, root_map};
use crate::checkin::{CheckIn, CheckInInput, ContactMedium, MOOD_RANGE, URGE_RANGE};
use crate::error::Result;

const MOOD: &str = "mood";
const URGE: &str = "urge";
const CONTACT: &str = "contact";
const NOTE: &str = "note";
const UPDATED_AT: &str = "updated_at";
const UPDATED_BY: &str = "updated_by";

fn date_key(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Records (or updates) the check-in of `date`. The caller has validated `input`.
pub fn write(
    doc: &mut AutoCommit,
    date: NaiveDate,
    input: &CheckInInput,
    at: DateTime<Utc>,
    device_id: &str,
) -> Result<()> {
    let checkins = root_map(doc, CHECKINS)?;
    let key = date_key(date);
    let existing = maps_at(doc, &checkins, &key)?;
    let target = match existing.len() {
        // No default contact is written: an absent value reads as "none", so a day
        // created on two devices at once keeps the contact either of them reported.
        0 => doc.put_object(&checkins, key.as_str(), ObjType::Map)?,
        _ => existing[0].clone(),
    };
    // Competing maps from concurrent first check-ins: the new note replaces the notes
    // the user saw in the other maps. Those maps stay, so an edit made to one of them
    // concurrently still surfaces as a conflict instead of being dropped unseen.
    // Likewise a chosen contact replaces the other maps' contact, which reads prefer
    // over "none" (see `contact_of`).
    for other in existing.iter().skip(1) {
        if input.note.is_some() && !doc.get_all(other, NOTE)?.is_empty() {
            put_if_changed(doc, other, NOTE, "".into())?;
        }
        if input.contact.is_some() && !doc.get_all(other, CONTACT)?.is_empty() {
            put_if_changed(doc, other, CONTACT, ContactMedium::None.code().into())?;
        }
    }
    put_if_changed(doc, &target, MOOD, i64::from(input.mood).into())?;
    put_if_changed(doc, &target, URGE, i64::from(input.urge).into())?;
    if let Some(contact) = input.contact {
        put_if_changed(doc, &target, CONTACT, contact.code().into())?;
    }
    if let Some(note) = &input.note {
        put_if_changed(doc, &target, NOTE, note.as_str().into())?;
    }
    doc.put(
        &target,
        UPDATED_AT,
        ScalarValue::Timestamp(at.timestamp_millis()),
    )?;
    doc.put(&target, UPDATED_BY, device_id)?;
    Ok(())
}

fn put_if_changed(
    doc: &mut AutoCommit,
    obj: &ObjId,
    field: &str,
    value: ScalarValue,
) -> Result<()> {
    let current = doc.get_all(obj, field)?;
    let unchanged = current.len() == 1
        && matches!(&current[0].0, Value::Scalar(existing) if existing.as_ref() == &value);
    if !unchanged {
        doc.put(obj, field, value)?;
    }
    Ok(())
}

/// The winning value of `field` from the first map that has one.
fn first_scalar(doc: &AutoCommit, maps: &[ObjId], field: &str) -> Result<Option<ScalarValue>> {
    for obj in maps {
        if let Some((Value::Scalar(value), _)) = doc.get(obj, field)? {
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// The day's contact: across competing maps (winner first), the first one that
/// reports contact, so "none" written by one device never hides another's call.
fn contact_of(doc: &AutoCommit, maps: &[ObjId]) -> Result<ContactMedium> {
    for obj in maps {
        let reported = doc
            .get(obj, CONTACT)?
            .and_then(|(v, _)| v.as_str().and_then(ContactMedium::from_code));
        if let Some(medium) = reported.filter(|m| *m != ContactMedium::None) {
            return Ok(medium);
        }
    }
    Ok(ContactMedium::None)
}

/// Every distinct note across the competing maps, the winner first.
fn notes(doc: &AutoCommit, maps: &[ObjId]) -> Result<Vec<String>> {
    let mut found: Vec<String> = Vec::new();
    for obj in maps {
        let winner = doc
            .get(obj, NOTE)?
            .and_then(|(v, _)| v.as_str().map(str::to_owned));
        let all = doc.get_all(obj, NOTE)?;
        let others = all
            .iter()
            .filter_map(|(v, _)| v.as_str().map(str::to_owned));
        for note in winner.into_iter().chain(others) {
            if !note.is_empty() && !found.contains(&note) {
                found.push(note);
            }
        }
    }
    Ok(found)
}

/// The check-in of `date`, if one exists and is readable.
pub fn read(doc: &AutoCommit, date: NaiveDate) -> Result<Option<CheckIn>> {
    let checkins = root_map(doc, CHECKINS)?;
    read_key(doc, &checkins, date)
}

fn read_key(doc: &AutoCommit, checkins: &ObjId, date: NaiveDate) -> Result<Option<CheckIn>> {
    let maps = maps_at(doc, checkins, &date_key(date))?;
    if maps.is_empty() {
        return Ok(None);
    }
    let int_in = |field: &str, range: std::ops::RangeInclusive<u8>| -> Result<Option<u8>> {
        Ok(first_scalar(doc, &maps, field)?
            .and_then(|v| v.as_i64())
            .and_then(|n| u8::try_from(n).ok())
            .filter(|n| range.contains(n)))
    };
    let (Some(mood), Some(urge)) = (int_in(MOOD, MOOD_RANGE)?, int_in(URGE, URGE_RANGE)?) else {
        return Ok(None);
    };
    let contact = contact_of(doc, &maps)?;
    let updated_at = first_scalar(doc, &maps, UPDATED_AT)?
        .and_then(|v| v.as_i64())
        .and_then(DateTime::<Utc>::from_timestamp_millis)
        .unwrap_or_default();
    let updated_by = first_scalar(doc, &maps, UPDATED_BY)?
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let mut notes = notes(doc, &maps)?;
    let note = (!notes.is_empty()).then(|| notes.remove(0));
    notes.sort();
    Ok(Some(CheckIn {
        date,
        mood,
        urge,
        contact,
        note,
        note_conflicts: notes,
        updated_at,
        updated_by,
    }))
}

/// Every readable check-in, newest first; at most `limit` when given.
pub fn history(doc: &AutoCommit, limit: Option<usize>) -> Result<Vec<CheckIn>> {
    let checkins = root_map(doc, CHECKINS)?;
    let mut out = Vec::new();
    // Keys are ISO dates, so the map's lexicographic order is chronological.
    let keys: Vec<String> = doc.keys(&checkins).collect();
    for key in keys.iter().rev() {
        if limit.is_some_and(|max| out.len() >= max) {
            break;
        }
        let Ok(date) = NaiveDate::parse_from_str(key, "%Y-%m-%d") else {
            continue;
        };
        if let Some(checkin) = read_key(doc, &checkins, date)? {
            out.push(checkin);
        }
    }
    Ok(out)
}

/// How many days have a check-in (readable or not).
pub fn count(doc: &AutoCommit) -> Result<usize> {
    let checkins = root_map(doc, CHECKINS)?;
    Ok(doc.length(&checkins))
}

/// (date, mood) of every readable check-in on or after `from`, newest first.
pub fn moods_since(doc: &AutoCommit, from: NaiveDate) -> Result<Vec<(NaiveDate, u8)>> {
    let checkins = root_map(doc, CHECKINS)?;
    let from_key = date_key(from);
    let keys: Vec<String> = doc.keys(&checkins).collect();
    let mut out = Vec::new();
    for key in keys.iter().rev().take_while(|k| **k >= from_key) {
        let Ok(date) = NaiveDate::parse_from_str(key, "%Y-%m-%d") else {
            continue;
        };
        if let Some(checkin) = read_key(doc, &checkins, date)? {
            out.push((date, checkin.mood));
        }
    }
    Ok(out)
}

/// What the program needs of every readable check-in on or after `from`, newest first.
pub fn program_facts_since(
    doc: &AutoCommit,
    from: NaiveDate,
) -> Result<Vec<crate::program::CheckinFacts>> {
    let checkins = root_map(doc, CHECKINS)?;
    let from_key = date_key(from);
    let keys: Vec<String> = doc.keys(&checkins).collect();
    let mut out = Vec::new();
    for key in keys.iter().rev().take_while(|k| **k >= from_key) {
        let Ok(date) = NaiveDate::parse_from_str(key, "%Y-%m-%d") else {
            continue;
        };
        if let Some(checkin) = read_key(doc, &checkins, date)? {
            out.push(crate::program::CheckinFacts {
                date,
                urge: checkin.urge,
                contact: checkin.contact,
            });
        }
    }
    Ok(out)
}

/// Writes a check-in exactly as exported (its author, time and any concurrent versions of
/// its note), for an import into an empty store.
pub fn restore(doc: &mut AutoCommit, checkin: &CheckIn) -> Result<()> {
    let checkins = root_map(doc, CHECKINS)?;
    let obj = doc.put_object(&checkins, date_key(checkin.date).as_str(), ObjType::Map)?;
    doc.put(&obj, MOOD, i64::from(checkin.mood))?;
    doc.put(&obj, URGE, i64::from(checkin.urge))?;
    if checkin.contact != ContactMedium::None {
        doc.put(&obj, CONTACT, checkin.contact.code())?;
    }
    if let Some(note) = &checkin.note {
        super::fields::put_with_conflicts(doc, &obj, NOTE, note, &checkin.note_conflicts)?;
    }
    doc.put(
        &obj,
        UPDATED_AT,
        ScalarValue::Timestamp(checkin.updated_at.timestamp_millis()),
    )?;
    doc.put(&obj, UPDATED_BY, checkin.updated_by.as_str())?;
    Ok(())
}
