//! Typed reads and writes of single fields in a document map. Reads are forgiving: a
//! missing or mistyped value reads as `None`, never a panic, whatever a peer wrote.

use automerge::{
    AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value, transaction::Transactable,
};
use chrono::{DateTime, NaiveDate, Utc};

use crate::error::Result;

const DATE_FORMAT: &str = "%Y-%m-%d";

pub(crate) fn date_key(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, DATE_FORMAT).ok()
}

fn scalar(doc: &AutoCommit, obj: &ObjId, field: &str) -> Option<ScalarValue> {
    match doc.get(obj, field) {
        Ok(Some((Value::Scalar(value), _))) => Some(value.into_owned()),
        _ => None,
    }
}

pub(crate) fn get_str(doc: &AutoCommit, obj: &ObjId, field: &str) -> Option<String> {
    scalar(doc, obj, field).and_then(|v| v.as_str().map(str::to_owned))
}

pub(crate) fn get_i64(doc: &AutoCommit, obj: &ObjId, field: &str) -> Option<i64> {
    match scalar(doc, obj, field)? {
        ScalarValue::Int(n) => Some(n),
        ScalarValue::Uint(n) => i64::try_from(n).ok(),
        ScalarValue::Counter(c) => Some(i64::from(&c)),
        _ => None,
    }
}

pub(crate) fn get_bool(doc: &AutoCommit, obj: &ObjId, field: &str) -> Option<bool> {
    scalar(doc, obj, field).and_then(|v| v.as_bool())
}

pub(crate) fn get_date(doc: &AutoCommit, obj: &ObjId, field: &str) -> Option<NaiveDate> {
    get_str(doc, obj, field).as_deref().and_then(parse_date)
}

pub(crate) fn get_time(doc: &AutoCommit, obj: &ObjId, field: &str) -> Option<DateTime<Utc>> {
    match scalar(doc, obj, field)? {
        ScalarValue::Timestamp(ms) | ScalarValue::Int(ms) => DateTime::from_timestamp_millis(ms),
        _ => None,
    }
}

/// A non-empty text value.
pub(crate) fn get_text(doc: &AutoCommit, obj: &ObjId, field: &str) -> Option<String> {
    get_str(doc, obj, field).filter(|s| !s.is_empty())
}

/// The map at `obj[key]`, if that is a map.
pub(crate) fn get_map(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(obj, key) {
        Ok(Some((Value::Object(ObjType::Map), id))) => Some(id),
        _ => None,
    }
}

pub(crate) fn put_str(doc: &mut AutoCommit, obj: &ObjId, field: &str, value: &str) -> Result<()> {
    doc.put(obj, field, value)?;
    Ok(())
}

pub(crate) fn put_opt_str(
    doc: &mut AutoCommit,
    obj: &ObjId,
    field: &str,
    value: Option<&str>,
) -> Result<()> {
    if let Some(value) = value {
        doc.put(obj, field, value)?;
    }
    Ok(())
}

pub(crate) fn put_date(
    doc: &mut AutoCommit,
    obj: &ObjId,
    field: &str,
    date: NaiveDate,
) -> Result<()> {
    doc.put(obj, field, date_key(date))?;
    Ok(())
}

pub(crate) fn put_time(
    doc: &mut AutoCommit,
    obj: &ObjId,
    field: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    doc.put(obj, field, ScalarValue::Timestamp(at.timestamp_millis()))?;
    Ok(())
}

pub(crate) fn put_bool(doc: &mut AutoCommit, obj: &ObjId, field: &str, value: bool) -> Result<()> {
    doc.put(obj, field, value)?;
    Ok(())
}

pub(crate) fn put_i64(doc: &mut AutoCommit, obj: &ObjId, field: &str, value: i64) -> Result<()> {
    doc.put(obj, field, value)?;
    Ok(())
}

/// A new record map under `parent[id]`.
pub(crate) fn new_record(doc: &mut AutoCommit, parent: &ObjId, id: &str) -> Result<ObjId> {
    Ok(doc.put_object(parent, id, ObjType::Map)?)
}

/// Writes `main` to `obj[field]` so that it wins, with each of `others` left beside it as
/// a concurrent version — how an import restores a conflict that two devices once made.
/// Each other version is written on a fork under a fresh random actor; the main value is
/// written after a placeholder (a put of an unchanged value is skipped), so its op
/// counter is above theirs and it wins whatever the actors' order. Two devices importing
/// the same export thus never share an actor.
pub(crate) fn put_with_conflicts(
    doc: &mut AutoCommit,
    obj: &ObjId,
    field: &str,
    main: &str,
    others: &[String],
) -> Result<()> {
    if others.is_empty() {
        doc.put(obj, field, main)?;
        return Ok(());
    }
    let mut forks = Vec::with_capacity(others.len());
    for other in others {
        let mut fork = doc.fork().with_actor(automerge::ActorId::random());
        fork.put(obj, field, other.as_str())?;
        fork.commit();
        forks.push(fork);
    }
    let placeholder = if main.is_empty() { "\u{0}" } else { "" };
    doc.put(obj, field, placeholder)?;
    doc.put(obj, field, main)?;
    doc.commit();
    for mut fork in forks {
        doc.merge(&mut fork)?;
    }
    if get_str(doc, obj, field).as_deref() != Some(main) {
        return Err(crate::error::Error::Document(format!(
            "the restored `{field}` did not come out on top"
        )));
    }
    Ok(())
}
