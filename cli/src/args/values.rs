//! Value parsers for the program's codes, dates and answers, so a mistyped value is a
//! one-line usage error that names the choices, and `--help` lists them from the
//! core's own content rather than from a copy here.

use std::ffi::OsStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use reconnect_core::ContactMedium;
use reconnect_core::program::content::{self, Choosable};
use reconnect_core::program::records::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, NoKind, Reply, ScreeningAnswer,
    TheirSideKind, TrialOutcome,
};
use reconnect_core::reminders::NotificationDetail;

/// Codes are shown with hyphens (`silly-fights`) and stored with underscores.
pub fn shown(code: &str) -> String {
    code.replace('_', "-")
}

/// Back from what was typed to the stored code.
pub fn stored(typed: &str) -> String {
    typed.trim().to_ascii_lowercase().replace('-', "_")
}

/// Accepts one of `choices` (code, help), typed with hyphens or underscores, and
/// returns the stored code.
fn choice(
    choices: impl IntoIterator<Item = (&'static str, String)>,
) -> impl TypedValueParser<Value = String> {
    let values: Vec<PossibleValue> = choices
        .into_iter()
        .map(|(code, help)| {
            let value = PossibleValue::new(shown(code)).help(help);
            if code.contains('_') {
                value.alias(code)
            } else {
                value
            }
        })
        .collect();
    PossibleValuesParser::new(values).map(|typed| stored(&typed))
}

/// A choice among the values of one of the core's coded enums.
fn coded<T: Clone + Send + Sync + 'static>(
    choices: Vec<(T, &'static str, String)>,
) -> impl TypedValueParser<Value = T> {
    let lookup: Vec<(T, &'static str)> = choices.iter().map(|(v, c, _)| (v.clone(), *c)).collect();
    choice(choices.into_iter().map(|(_, code, help)| (code, help))).try_map(move |code| {
        lookup
            .iter()
            .find(|(_, c)| *c == code)
            .map(|(v, _)| v.clone())
            .ok_or_else(|| format!("unknown value {code:?}"))
    })
}

/// A choice among `values`, each explained in `--help` by the core's label and
/// explanation of it.
fn labelled<T: Choosable + Send + Sync + 'static>(
    values: impl Iterator<Item = T>,
) -> impl TypedValueParser<Value = T> {
    coded(
        values
            .map(|v| {
                let help = content::choice(v)
                    .map(|c| format!("{}. {}", c.label, c.explanation))
                    .unwrap_or_default();
                (v, v.choice_code(), help)
            })
            .collect(),
    )
}

pub fn ended_by() -> impl TypedValueParser<Value = EndedBy> {
    labelled(EndedBy::all())
}

pub fn reason_kind() -> impl TypedValueParser<Value = String> {
    choice(
        content::reason_kinds()
            .iter()
            .map(|k| (k.code, k.label.to_string())),
    )
}

/// Advice is named by its key without the `advice.` prefix.
pub fn advice_key() -> impl TypedValueParser<Value = String> {
    choice(content::advice().iter().map(|a| {
        (
            a.key.strip_prefix("advice.").unwrap_or(a.key),
            a.title.to_string(),
        )
    }))
    .map(|code| format!("advice.{code}"))
}

/// The rungs of the contact ladder (no "none": that is not an attempt).
pub fn medium() -> impl TypedValueParser<Value = ContactMedium> {
    coded(
        content::ladder()
            .iter()
            .map(|r| (r.medium, r.medium.code(), r.label.to_string()))
            .collect(),
    )
}

pub fn reply() -> impl TypedValueParser<Value = Reply> {
    labelled(Reply::all())
}

pub fn activity_kind() -> impl TypedValueParser<Value = ActivityKind> {
    labelled(ActivityKind::all())
}

pub fn activity_result() -> impl TypedValueParser<Value = ActivityResult> {
    labelled(ActivityResult::all())
}

pub fn their_side_kind() -> impl TypedValueParser<Value = TheirSideKind> {
    labelled(TheirSideKind::all())
}

pub fn decision() -> impl TypedValueParser<Value = DecisionAnswer> {
    labelled(DecisionAnswer::all())
}

pub fn no_kind() -> impl TypedValueParser<Value = NoKind> {
    labelled(NoKind::all())
}

pub fn trial_outcome() -> impl TypedValueParser<Value = TrialOutcome> {
    labelled(TrialOutcome::all())
}

pub fn safety_sign() -> impl TypedValueParser<Value = String> {
    choice(
        content::safety_signs()
            .iter()
            .map(|s| (s.code, s.text.to_string())),
    )
}

/// `CODE=yes|no|prefer-not-to-say` for one safety question of the self-check.
pub fn screening(text: &str) -> Result<(String, ScreeningAnswer), String> {
    let (code, answer) = text
        .split_once('=')
        .ok_or_else(|| "write it as CODE=yes, CODE=no or CODE=prefer-not-to-say".to_string())?;
    let code = stored(code);
    let questions = &content::pre_check().screening;
    if !questions.iter().any(|q| q.code == code) {
        let known: Vec<String> = questions.iter().map(|q| shown(q.code)).collect();
        return Err(format!("the codes are: {}", known.join(", ")));
    }
    let answer = ScreeningAnswer::from_code(answer)
        .ok_or_else(|| "answer yes, no or prefer-not-to-say".to_string())?;
    Ok((code, answer))
}

pub fn screening_help() -> String {
    let mut help = "One answer per safety question, as CODE=yes, CODE=no or \
        CODE=prefer-not-to-say; repeat --safety for each. Any yes closes the contact steps \
        and puts support first. The questions:\n"
        .to_string();
    for q in content::pre_check().screening {
        help.push_str(&format!("\n  {} — {}", shown(q.code), q.text));
    }
    help
}

/// `yes` or `no` (also y/n, true/false).
pub fn yes_no(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err("answer yes or no".into()),
    }
}

/// A calendar date, `YYYY-MM-DD`.
pub fn date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| "expected a date like 2027-03-01".into())
}

/// A local time of day, `HH:MM`.
pub fn time_of_day(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| "expected a time like 20:30 (24-hour clock)".into())
}

/// The daily check-in reminder's time; `None` turns it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyTime(pub Option<NaiveTime>);

/// `HH:MM`, or `off`.
pub fn daily_time(text: &str) -> Result<DailyTime, String> {
    if text.trim().eq_ignore_ascii_case("off") {
        return Ok(DailyTime(None));
    }
    time_of_day(text)
        .map(|time| DailyTime(Some(time)))
        .map_err(|_| "expected a time like 20:30 (24-hour clock), or `off`".into())
}

/// A local date and time, `YYYY-MM-DD HH:MM` (a `T` between them works too).
pub fn wall_time(text: &str) -> Result<NaiveDateTime, String> {
    let text = text.trim();
    ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .ok_or_else(|| "expected a local date and time like \"2027-03-28 09:00\"".into())
}

/// How much a reminder says.
pub fn detail() -> impl TypedValueParser<Value = NotificationDetail> {
    coded(vec![
        (
            NotificationDetail::Generic,
            "generic",
            "The same few plain words for every reminder; nothing private on a lock screen".into(),
        ),
        (
            NotificationDetail::Detailed,
            "detailed",
            "Names the kind of date, and shows your own words on reminders you added".into(),
        ),
    ])
}

/// One of the program's prompts (a step's or a growth prompt), by its key.
pub fn prompt_key(text: &str) -> Result<String, String> {
    let key = text.trim();
    if reconnect_core::journal::is_prompt(key) {
        Ok(key.to_string())
    } else {
        Err("not one of the program's prompts; `reconnect journal prompts` lists them".into())
    }
}

/// Which checklist an `--answer`/`--sign` belongs to.
#[derive(Debug, Clone, Copy)]
pub enum Checklist {
    PreCheck,
    Readiness,
    TrialSigns,
}

impl Checklist {
    /// (code, text) of every item, in content order.
    pub fn items(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Checklist::PreCheck => content::pre_check()
                .questions
                .iter()
                .map(|q| (q.code, q.text))
                .collect(),
            Checklist::Readiness => content::readiness_items()
                .iter()
                .map(|i| (i.code, i.text))
                .collect(),
            Checklist::TrialSigns => content::trial_signs()
                .iter()
                .map(|i| (i.code, i.text))
                .collect(),
        }
    }

    /// The long help of the flag: the format, then each code with its text.
    pub fn long_help(self, intro: &str) -> String {
        let mut help = format!("{intro}\n");
        for (code, text) in self.items() {
            help.push_str(&format!("\n  {} — {text}", shown(code)));
        }
        help
    }
}

/// Parses `CODE=yes|no` for one checklist.
#[derive(Debug, Clone, Copy)]
pub struct Answer(pub Checklist);

impl TypedValueParser for Answer {
    type Value = (String, bool);

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let name = arg.map_or_else(|| "the answer".into(), ToString::to_string);
        let fail = |why: String| {
            let text = value.to_string_lossy();
            clap::Error::raw(
                ErrorKind::InvalidValue,
                format!("invalid value '{text}' for '{name}': {why}\n"),
            )
            .with_cmd(cmd)
        };
        let text = value
            .to_str()
            .ok_or_else(|| fail("not UTF-8 text".into()))?;
        let (code, answer) = text
            .split_once('=')
            .ok_or_else(|| fail("write it as CODE=yes or CODE=no".into()))?;
        let code = stored(code);
        let items = self.0.items();
        if !items.iter().any(|(c, _)| *c == code) {
            let known: Vec<String> = items.iter().map(|(c, _)| shown(c)).collect();
            return Err(fail(format!("the codes are: {}", known.join(", "))));
        }
        let answer = yes_no(answer).map_err(fail)?;
        Ok((code, answer))
    }
}
