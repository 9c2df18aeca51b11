//! Crossing values at the FFI edge: ISO dates in and out, instants out, and code → answer
//! lists in and out. Bad input becomes `InvalidInput` with words a person can act on.

use std::collections::BTreeMap;
use std::time::SystemTime;

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::ReconnectError;

/// One answer of a checklist: a question, readiness item or trial-sign code, and the
/// answer to it. Lists of answers come back ordered by code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Answer {
    pub code: String,
    pub value: bool,
}

/// A local date as the FFI carries it.
pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub(crate) fn opt_date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(date_text)
}

pub(crate) fn instant(at: DateTime<Utc>) -> SystemTime {
    at.into()
}

/// Parses `text` as an ISO `YYYY-MM-DD` date; `field` names it in the error.
pub(crate) fn parse_date(field: &str, text: &str) -> Result<NaiveDate, ReconnectError> {
    let trimmed = text.trim();
    let bytes = trimmed.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    let parsed = shaped
        .then(|| NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").ok())
        .flatten();
    parsed.ok_or_else(|| {
        ReconnectError::invalid(format!(
            "{field} {text:?} is not a date; dates are written YYYY-MM-DD, e.g. 2026-03-14"
        ))
    })
}

pub(crate) fn parse_opt_date(
    field: &str,
    text: Option<String>,
) -> Result<Option<NaiveDate>, ReconnectError> {
    text.map(|t| parse_date(field, &t)).transpose()
}

/// Answers as the core keeps them; a code answered twice is refused rather than guessed.
pub(crate) fn answer_map(
    what: &str,
    answers: Vec<Answer>,
) -> Result<BTreeMap<String, bool>, ReconnectError> {
    let mut map = BTreeMap::new();
    for Answer { code, value } in answers {
        if map.contains_key(&code) {
            return Err(ReconnectError::invalid(format!(
                "the {what} `{code}` is answered twice; give each one answer"
            )));
        }
        map.insert(code, value);
    }
    Ok(map)
}

/// One safety question of the self-check and its answer.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ScreeningReply {
    pub code: String,
    pub answer: super::codes::ScreeningAnswer,
}

pub(crate) fn screening_map(
    replies: Vec<ScreeningReply>,
) -> Result<BTreeMap<String, reconnect_core::program::records::ScreeningAnswer>, ReconnectError> {
    let mut map = BTreeMap::new();
    for ScreeningReply { code, answer } in replies {
        if map.insert(code.clone(), answer.into()).is_some() {
            return Err(ReconnectError::invalid(format!(
                "the safety question `{code}` is answered twice; give each one answer"
            )));
        }
    }
    Ok(map)
}

pub(crate) fn screening_list(
    answers: BTreeMap<String, reconnect_core::program::records::ScreeningAnswer>,
) -> Vec<ScreeningReply> {
    answers
        .into_iter()
        .map(|(code, answer)| ScreeningReply {
            code,
            answer: answer.into(),
        })
        .collect()
}

pub(crate) fn answer_list(answers: BTreeMap<String, bool>) -> Vec<Answer> {
    answers
        .into_iter()
        .map(|(code, value)| Answer { code, value })
        .collect()
}

pub(crate) fn map_vec<T, U: From<T>>(items: Vec<T>) -> Vec<U> {
    items.into_iter().map(U::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(err: ReconnectError) -> String {
        match err {
            ReconnectError::InvalidInput { detail } => detail,
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn iso_dates_parse_and_print_the_same() {
        let date = parse_date("start", "2026-03-14").unwrap();
        assert_eq!(date_text(date), "2026-03-14");
        assert_eq!(parse_date("start", " 2026-03-14 ").unwrap(), date);
    }

    #[test]
    fn anything_else_is_invalid_input_naming_the_field() {
        for bad in [
            "",
            "2026-3-14",
            "2026-02-30",
            "14.03.2026",
            "2026-03-14T00:00",
            "+2026-03-1",
            "２０２６-03-14",
            "yesterday",
        ] {
            let message = detail(parse_date("revisit_on", bad).unwrap_err());
            assert!(message.starts_with("revisit_on "), "{message}");
            assert!(message.contains("YYYY-MM-DD"), "{message}");
        }
        assert_eq!(parse_opt_date("on", None).unwrap(), None);
        assert!(parse_opt_date("on", Some("soon".into())).is_err());
    }

    #[test]
    fn answers_round_trip_in_code_order_and_duplicates_are_refused() {
        let answers = vec![
            Answer {
                code: "b".into(),
                value: true,
            },
            Answer {
                code: "a".into(),
                value: false,
            },
        ];
        let map = answer_map("item", answers).unwrap();
        assert_eq!(
            answer_list(map),
            vec![
                Answer {
                    code: "a".into(),
                    value: false
                },
                Answer {
                    code: "b".into(),
                    value: true
                },
            ]
        );
        let twice = vec![
            Answer {
                code: "a".into(),
                value: true,
            },
            Answer {
                code: "a".into(),
                value: false,
            },
        ];
        assert!(detail(answer_map("item", twice).unwrap_err()).contains("answered twice"));
    }
}
