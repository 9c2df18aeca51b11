//! Reads what a person filled into an action's fields: text in, typed values out, and an
//! error that names the field in the screen's own words.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::model::Field;
use crate::error::{Error, Result};

/// The values of one action, read against its fields.
pub struct Values<'a> {
    given: &'a BTreeMap<String, String>,
    fields: &'a [Field],
}

impl<'a> Values<'a> {
    pub fn new(given: &'a BTreeMap<String, String>, fields: &'a [Field]) -> Self {
        Values { given, fields }
    }

    fn label(&self, key: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or_else(|| key.replace('_', " "), |f| f.label.clone())
    }

    fn missing(&self, key: &str) -> Error {
        Error::InvalidInput(format!("\"{}\" needs an answer", self.label(key)))
    }

    fn invalid(&self, key: &str, what: &str) -> Error {
        Error::InvalidInput(format!("\"{}\" {what}", self.label(key)))
    }

    /// The trimmed value; `None` when absent or blank.
    pub fn raw(&self, key: &str) -> Option<&'a str> {
        self.given
            .get(key)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn text(&self, key: &str) -> Result<String> {
        self.opt_text(key).ok_or_else(|| self.missing(key))
    }

    pub fn opt_text(&self, key: &str) -> Option<String> {
        self.raw(key).map(str::to_string)
    }

    pub fn opt_date(&self, key: &str) -> Result<Option<NaiveDate>> {
        self.raw(key)
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .map_err(|_| self.invalid(key, "should be a date like 2027-03-01"))
            })
            .transpose()
    }

    pub fn date(&self, key: &str) -> Result<NaiveDate> {
        self.opt_date(key)?.ok_or_else(|| self.missing(key))
    }

    pub fn opt_time(&self, key: &str) -> Result<Option<NaiveTime>> {
        self.raw(key)
            .map(|v| {
                NaiveTime::parse_from_str(v, "%H:%M")
                    .map_err(|_| self.invalid(key, "should be a time like 20:30"))
            })
            .transpose()
    }

    pub fn date_time(&self, key: &str) -> Result<NaiveDateTime> {
        let v = self.raw(key).ok_or_else(|| self.missing(key))?;
        NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
            .map_err(|_| self.invalid(key, "should be a date and time like 2027-03-01T09:00"))
    }

    pub fn opt_yes_no(&self, key: &str) -> Result<Option<bool>> {
        match self.raw(key).map(str::to_ascii_lowercase).as_deref() {
            None => Ok(None),
            Some("yes" | "true") => Ok(Some(true)),
            Some("no" | "false") => Ok(Some(false)),
            Some(_) => Err(self.invalid(key, "should be yes or no")),
        }
    }

    pub fn yes_no(&self, key: &str) -> Result<bool> {
        self.opt_yes_no(key)?.ok_or_else(|| self.missing(key))
    }

    pub fn opt_number<T: FromStr>(&self, key: &str) -> Result<Option<T>> {
        self.raw(key)
            .map(|v| {
                v.parse()
                    .map_err(|_| self.invalid(key, "should be a whole number in range"))
            })
            .transpose()
    }

    pub fn number<T: FromStr>(&self, key: &str) -> Result<T> {
        self.opt_number(key)?.ok_or_else(|| self.missing(key))
    }

    /// A code of a coded choice, parsed by `parse`.
    pub fn opt_choice<T>(&self, key: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>> {
        self.raw(key)
            .map(|v| parse(v).ok_or_else(|| self.invalid(key, "is not one of the choices")))
            .transpose()
    }

    pub fn choice<T>(&self, key: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T> {
        self.opt_choice(key, parse)?
            .ok_or_else(|| self.missing(key))
    }

    /// Comma-separated words, blanks dropped.
    pub fn tags(&self, key: &str) -> Vec<String> {
        self.raw(key)
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every yes/no field whose key starts with `prefix`, by the rest of its key.
    pub fn answers(&self, prefix: &str) -> Result<BTreeMap<String, bool>> {
        let mut out = BTreeMap::new();
        for field in self.fields.iter().filter(|f| f.key.starts_with(prefix)) {
            if let Some(answer) = self.opt_yes_no(&field.key)? {
                out.insert(field.key[prefix.len()..].to_string(), answer);
            }
        }
        Ok(out)
    }

    /// Every choice field whose key starts with `prefix`, by the rest of its key.
    pub fn choices<T>(
        &self,
        prefix: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<BTreeMap<String, T>> {
        let mut out = BTreeMap::new();
        for field in self.fields.iter().filter(|f| f.key.starts_with(prefix)) {
            if let Some(answer) = self.opt_choice(&field.key, &parse)? {
                out.insert(field.key[prefix.len()..].to_string(), answer);
            }
        }
        Ok(out)
    }
}
