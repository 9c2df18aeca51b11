//! Reminder kinds and settings in plain words.

use reconnect_core::reminders::{NotificationDetail, ReminderKind, ReminderSettings};

pub fn kind(kind: ReminderKind) -> &'static str {
    match kind {
        ReminderKind::DailyCheckIn => "daily check-in",
        ReminderKind::NoContactEnds => "time apart ends",
        ReminderKind::Revisit => "day to look again",
        ReminderKind::TrialReview => "trial review",
        ReminderKind::TrialEnds => "trial's last day",
        ReminderKind::Custom => "your reminder",
    }
}

pub fn detail(detail: NotificationDetail) -> &'static str {
    match detail {
        NotificationDetail::Generic => {
            "generic: the same few plain words for every reminder, nothing private on a lock screen"
        }
        NotificationDetail::Detailed => {
            "detailed: names the kind of date, and shows your own words on reminders you added"
        }
    }
}

/// The settings, one line each.
pub fn settings(settings: &ReminderSettings) -> Vec<String> {
    let daily = match settings.daily_check_in {
        Some(time) => format!("{} local time, wherever you are", time.format("%H:%M")),
        None => "off (`reconnect reminders set --daily 20:00` turns it on)".into(),
    };
    vec![
        format!("Daily check-in reminder:  {daily}"),
        format!(
            "Dates in your plan:       {} local time on the day",
            settings.key_dates_at.format("%H:%M")
        ),
        format!("Notification text:        {}", detail(settings.detail)),
    ]
}
