//! The reminder schedule: (settings, key dates, check-ins, now, zone) → the next fire
//! instants, soonest first, at most [`MAX_PENDING`] (the iOS limit on pending local
//! notifications). Pure: the caller reads the clock, the document and the device's
//! zone, and hands the platform the result to replace whatever it had pending.
//!
//! **Local time.** Every reminder is a local wall time read in the zone the device is
//! in *now* (`input.zone`), turned into one instant by [`resolve`]: unique
//! → that instant; in a spring-forward gap → shifted forward by the gap's length
//! (Berlin 02:30 on 29 March 2026 → 03:30 CEST; Lord Howe 02:15 on 4 October 2026 →
//! 02:45); in a fall-back overlap → the earlier instant only (Berlin 02:30 on 25
//! October 2026 → 02:30 CEST, not again at 02:30 CET). Travel or a change of zone
//! needs no special case: the next call, with the new zone, puts the same wall times
//! on the new zone's clock.
//!
//! **Daily check-in** at `daily_check_in`. For each local calendar date `d` from
//! yesterday (only a gap shift could carry yesterday's time past `now`) through
//! [`MAX_PENDING`] days after today, a bounded walk: `fire = resolve(zone, d + time)`,
//! kept when `fire > now`, when it is later than the previous day's (a zone that skips
//! a whole day, like Samoa on 30 December 2011, would otherwise fire twice at one
//! instant), and when its *check-in day* `local_day(fire, zone, day_start_hour)` has no
//! check-in yet. The day-start hour decides only that suppression, never the fire
//! time: with a 04:00 day start a 02:00 reminder on the 10th belongs to the 9th's
//! check-in. The id is `check_in:{d}`, stable across calls; after a change of zone the
//! same id moves to the new zone's clock. Flying east across the date line, a local
//! date comes round again (Auckland's 2 June, then Los Angeles' 2 June): if it already
//! has a check-in its reminder stays away, otherwise it fires at the local time again.
//! Flying west, a local date can be skipped altogether.
//!
//! **Key dates** (the first day after no contact, the "not yet" revisit date, each
//! trial review and the trial's last day) at `key_dates_at` local time on the date:
//! ids `no_contact_ends:{date}`, `revisit:{date}`, `trial_review:{date}`,
//! `trial_ends:{date}`. A review on the trial's last day is the `trial_ends` reminder
//! only.
//!
//! **Custom** one-offs at their own wall time: id `custom:{id}`.
//!
//! **Order and cap.** Everything at or before `now` is dropped (a key date learnt after
//! its time today gets no reminder); the rest are sorted by `(fire_at, id)`, a repeated
//! id keeps its soonest, and the list is cut to [`MAX_PENDING`]. A reminder whose
//! local clock would fall outside chrono's range is left out; nothing panics.
//!
//! **Text** is generic by default ("Time for your check-in", "A date in your plan is
//! here"); [`NotificationDetail::Detailed`] names the kind of date and shows a custom
//! reminder's own words. All words live in `text.rs`.

mod local_time;
mod text;

#[cfg(test)]
mod tests;

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::coded::coded;
use crate::local_day::local_day;
use crate::program::view::KeyDates;

pub use local_time::resolve;

/// A custom reminder's own words are short; they show only with detailed notifications.
pub const CUSTOM_TEXT_MAX_CHARS: usize = 200;

/// At most this many reminders are pending at once (the iOS limit).
pub const MAX_PENDING: usize = 64;

/// The local time of date-based reminders unless the user picks another.
pub const DEFAULT_KEY_DATES_AT: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => NaiveTime::MIN,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSettings {
    /// The local time of the daily check-in reminder; `None` turns it off.
    pub daily_check_in: Option<NaiveTime>,
    /// The local time of date-based reminders (no-contact end, revisit, trial reviews).
    pub key_dates_at: NaiveTime,
    pub detail: NotificationDetail,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        Self {
            daily_check_in: None,
            key_dates_at: DEFAULT_KEY_DATES_AT,
            detail: NotificationDetail::Generic,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationDetail {
    /// The same few plain words for every reminder of a kind.
    #[default]
    Generic,
    /// Kind-specific words, and a custom reminder's own text.
    Detailed,
}

/// A one-off reminder the user set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomReminder {
    pub id: String,
    /// Local wall time, read in the zone the device is in now.
    pub at: NaiveDateTime,
    /// The user's own words; shown only with [`NotificationDetail::Detailed`].
    pub text: Option<String>,
}

coded! {
    pub enum ReminderKind {
        DailyCheckIn,
        NoContactEnds,
        Revisit,
        TrialReview,
        TrialEnds,
        Custom,
    }
}

pub struct ScheduleInput<'a> {
    pub settings: &'a ReminderSettings,
    pub customs: &'a [CustomReminder],
    pub dates: &'a KeyDates,
    /// Local check-in days that already have a check-in (from any device, after merges).
    pub checked_in: &'a dyn Fn(NaiveDate) -> bool,
    pub day_start_hour: u8,
    pub now: DateTime<Utc>,
    /// The zone the device is in now.
    pub zone: Tz,
}

/// One notification to have pending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// Stable across calls: the platform replaces a pending notification with the same id.
    pub id: String,
    pub kind: ReminderKind,
    pub fire_at: DateTime<Utc>,
    /// What the clock in `zone` reads at `fire_at` (after any DST shift).
    pub local: NaiveDateTime,
    /// The IANA name of the zone the reminder was scheduled in.
    pub zone: String,
    pub title: String,
    pub body: String,
}

/// The next reminders strictly after `input.now`, soonest first (ties by id), at most
/// [`MAX_PENDING`]. See the module docs for the rules.
pub fn schedule(input: &ScheduleInput<'_>) -> Vec<Reminder> {
    let mut all = daily(input);
    all.extend(key_dates(input));
    all.extend(customs(input));
    all.sort_by(|a, b| (a.fire_at, &a.id).cmp(&(b.fire_at, &b.id)));
    let mut seen = HashSet::new();
    all.retain(|r| seen.insert(r.id.clone()));
    all.truncate(MAX_PENDING);
    all
}

fn daily(input: &ScheduleInput<'_>) -> Vec<Reminder> {
    let Some(time) = input.settings.daily_check_in else {
        return Vec::new();
    };
    let today = wall_clock(input.now, input.zone).map_or(input.now.date_naive(), |w| w.date());
    let first = today.pred_opt().unwrap_or(today);
    let days = std::iter::successors(Some(first), |d| d.succ_opt()).take(MAX_PENDING + 2);
    let mut out = Vec::new();
    let mut previous: Option<DateTime<Utc>> = None;
    for date in days {
        let Some(fire_at) = resolve(input.zone, date.and_time(time)) else {
            continue;
        };
        if fire_at <= input.now || previous.is_some_and(|p| fire_at <= p) {
            continue;
        }
        previous = Some(fire_at);
        let id = format!("check_in:{date}");
        let Some(reminder) = build(input, ReminderKind::DailyCheckIn, id, fire_at, None) else {
            continue;
        };
        // `local_day` reads the same wall clock `build` just read, so it cannot panic.
        if (input.checked_in)(local_day(fire_at, input.zone, input.day_start_hour)) {
            continue;
        }
        out.push(reminder);
        if out.len() == MAX_PENDING {
            break;
        }
    }
    out
}

fn key_dates(input: &ScheduleInput<'_>) -> Vec<Reminder> {
    let d = input.dates;
    let reviews = d
        .trial_reviews
        .iter()
        .filter(|date| Some(**date) != d.trial_ends)
        .map(|date| (ReminderKind::TrialReview, *date));
    let dates = d
        .no_contact_ends
        .map(|date| (ReminderKind::NoContactEnds, date))
        .into_iter()
        .chain(d.revisit_on.map(|date| (ReminderKind::Revisit, date)))
        .chain(reviews)
        .chain(d.trial_ends.map(|date| (ReminderKind::TrialEnds, date)));
    dates
        .filter_map(|(kind, date)| {
            let fire_at = resolve(input.zone, date.and_time(input.settings.key_dates_at))?;
            let id = format!("{}:{date}", kind.code());
            (fire_at > input.now)
                .then(|| build(input, kind, id, fire_at, None))
                .flatten()
        })
        .collect()
}

fn customs(input: &ScheduleInput<'_>) -> Vec<Reminder> {
    input
        .customs
        .iter()
        .filter_map(|custom| {
            let fire_at = resolve(input.zone, custom.at)?;
            let id = format!("custom:{}", custom.id);
            let text = custom.text.as_deref();
            (fire_at > input.now)
                .then(|| build(input, ReminderKind::Custom, id, fire_at, text))
                .flatten()
        })
        .collect()
}

/// `None` when the local clock at `fire_at` is outside chrono's range.
fn build(
    input: &ScheduleInput<'_>,
    kind: ReminderKind,
    id: String,
    fire_at: DateTime<Utc>,
    custom_text: Option<&str>,
) -> Option<Reminder> {
    let (title, body) = text::words(kind, input.settings.detail, custom_text);
    Some(Reminder {
        id,
        kind,
        fire_at,
        local: wall_clock(fire_at, input.zone)?,
        zone: input.zone.name().to_owned(),
        title,
        body,
    })
}

/// What the clock in `zone` reads at `at`; `None` outside chrono's range, where
/// `with_timezone(..).naive_local()` would panic.
fn wall_clock(at: DateTime<Utc>, zone: Tz) -> Option<NaiveDateTime> {
    let offset = zone.offset_from_utc_datetime(&at.naive_utc()).fix();
    at.naive_utc().checked_add_offset(offset)
}
