//! Every word a reminder can show, in one place.
//!
//! Generic text (the default) says only what kind of moment it is, in the same few
//! words for every date in the plan: someone glancing at a lock screen learns nothing
//! about the program, the ex or the journal. Detailed text names the kind of date and
//! may show a custom reminder's own words. No text ever includes a name, a note, a
//! journal entry or program content: the scheduler is never given any.

use super::{NotificationDetail, ReminderKind};

/// Shown when a detailed custom reminder has no text of its own, and for every custom
/// reminder with generic text.
const CUSTOM_BODY: &str = "A reminder you set";

/// `(title, body)` for one reminder. `custom_text` is the user's own words for a custom
/// reminder; it is shown only with [`NotificationDetail::Detailed`].
pub(super) fn words(
    kind: ReminderKind,
    detail: NotificationDetail,
    custom_text: Option<&str>,
) -> (String, String) {
    use NotificationDetail::{Detailed, Generic};
    use ReminderKind::*;
    let (title, body) = match (detail, kind) {
        (Generic, DailyCheckIn) => ("Check-in", "Time for your check-in"),
        (Generic, NoContactEnds | Revisit | TrialReview | TrialEnds) => {
            ("Reminder", "A date in your plan is here")
        }
        (Generic, Custom) => ("Reminder", CUSTOM_BODY),
        (Detailed, DailyCheckIn) => (
            "Daily check-in",
            "Time for your check-in. How are you doing today?",
        ),
        (Detailed, NoContactEnds) => (
            "No-contact period",
            "Your no-contact period is complete. There's no rush with what comes next.",
        ),
        (Detailed, Revisit) => (
            "Time to revisit",
            "Today is the day you chose to look at your decision again, at your own pace.",
        ),
        (Detailed, TrialReview) => (
            "Trial review",
            "A review of your trial period is due today.",
        ),
        (Detailed, TrialEnds) => (
            "Trial period",
            "Today is the last day of your trial period, and its final review.",
        ),
        (Detailed, Custom) => {
            let own = custom_text.map(str::trim).filter(|t| !t.is_empty());
            return ("Reminder".to_owned(), own.unwrap_or(CUSTOM_BODY).to_owned());
        }
    };
    (title.to_owned(), body.to_owned())
}
