//! The screen descriptions hold together as data: every program command has a form whose
//! filled-in values come back as that command, and bad values are refused by field.

use std::collections::BTreeMap;

use super::forms::{self, NAMES};
use super::model::{Field, FieldKind};
use crate::error::Error;

/// A plausible value for a field, as a person would fill it in.
fn sample(field: &Field) -> Option<String> {
    Some(match &field.kind {
        FieldKind::Text { .. } | FieldKind::Tags => "some words".into(),
        FieldKind::Choice { options } => options.first()?.code.clone(),
        FieldKind::YesNo => "yes".into(),
        FieldKind::Date => "2027-03-01".into(),
        FieldKind::Time => "20:30".into(),
        FieldKind::DateTime => "2027-03-01T09:00".into(),
        FieldKind::Number { min, max, .. } => ((min + max) / 2).max(1).min(*max).to_string(),
        FieldKind::Fixed => match field.key.as_str() {
            "number" => "1".into(),
            _ => "rec-1".into(),
        },
    })
}

fn filled(fields: &[Field]) -> BTreeMap<String, String> {
    fields
        .iter()
        .filter_map(|f| sample(f).map(|v| (f.key.clone(), v)))
        .collect()
}

#[test]
fn every_command_has_a_form_that_parses_back_to_it() {
    for name in NAMES {
        let form = forms::form(name).unwrap_or_else(|| panic!("{name} has no form"));
        let command = forms::parse(name, &filled(&form.fields))
            .unwrap_or_else(|e| panic!("{name}: a filled form was refused: {e}"));
        assert_eq!(command.name(), name);
        if let Some(step) = command.step() {
            assert_eq!(form.step, Some(step), "{name} is shown on the wrong step");
        }
    }
}

#[test]
fn every_step_offers_a_form_and_keys_are_unique() {
    for step in 0..=11u8 {
        let forms = forms::for_step(step);
        assert!(!forms.is_empty(), "step {step} offers nothing to record");
        for form in forms {
            let mut keys: Vec<&str> = form.fields.iter().map(|f| f.key.as_str()).collect();
            keys.sort_unstable();
            let before = keys.len();
            keys.dedup();
            assert_eq!(before, keys.len(), "{} repeats a field", form.name);
        }
    }
}

#[test]
fn a_missing_answer_names_its_field() {
    let err = forms::parse(
        "add_reason",
        &BTreeMap::from([("kind".into(), "jealousy".into())]),
    )
    .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput(m) if m.contains("In your own words")),
        "{err}"
    );
}

#[test]
fn bad_values_are_refused_by_field_never_panicking() {
    let cases = [
        ("set_no_contact", "start", "01/03/2027", "should be a date"),
        (
            "log_attempt",
            "medium",
            "carrier pigeon",
            "is not one of the choices",
        ),
        ("start_trial", "review_every_days", "many", "whole number"),
        ("set_therapy", "suggested", "perhaps", "yes or no"),
    ];
    for (name, key, bad, says) in cases {
        let form = forms::form(name).unwrap();
        let mut values = filled(&form.fields);
        values.insert(key.into(), bad.into());
        let err = forms::parse(name, &values).unwrap_err();
        assert!(
            matches!(&err, Error::InvalidInput(m) if m.contains(says)),
            "{name}: {err}"
        );
    }
    assert!(forms::parse("no_such_command", &BTreeMap::new()).is_err());
}

#[test]
fn a_safety_check_records_only_the_signs_answered_yes() {
    let form = forms::form("flag_safety").unwrap();
    let mut values = BTreeMap::new();
    values.insert(form.fields[0].key.clone(), "yes".to_string());
    values.insert(form.fields[1].key.clone(), "no".to_string());
    match forms::parse("flag_safety", &values).unwrap() {
        crate::ProgramCommand::FlagSafety { signs } => {
            assert_eq!(
                signs,
                vec![form.fields[0].key.trim_start_matches("sign.").to_string()]
            )
        }
        other => panic!("parsed as {other:?}"),
    }
}
