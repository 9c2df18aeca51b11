//! The program's states, outcomes and suggestions in plain words, with the command
//! that acts on each suggestion. Dates read "1 March 2027". Why a step is locked, and
//! the labels of coded answers, are worded by the core (`refusal::describe_locks`,
//! `content::choice`), so the apps cannot drift apart.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use reconnect_core::ContactMedium;
use reconnect_core::program::content::{self, Choosable};
use reconnect_core::program::view::{NextAction, Outcome, StepState};
use reconnect_core::screens::words;

/// "1 March 2027".
pub fn day(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "1 March 2027, 19:00" in the user's zone.
pub fn instant(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone)
        .format("%-d %B %Y, %H:%M")
        .to_string()
}

pub fn state(state: StepState) -> &'static str {
    match state {
        StepState::Locked => "locked",
        StepState::Available => "available",
        StepState::InProgress => "in progress",
        StepState::Done => "done",
    }
}

pub fn outcome(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Together { on } => format!(
            "You are back together, since {}. Keep looking after what you have built.",
            day(*on)
        ),
        Outcome::NotYet {
            revisit_on: Some(on),
        } => format!(
            "They said \"not yet\". Get on with your own life for now; look at it again on {}.",
            day(*on)
        ),
        Outcome::NotYet { revisit_on: None } => {
            "They said \"not yet\". Get on with your own life for now.".into()
        }
        Outcome::LetGo { on } => format!(
            "You chose to let go on {}. That is a real ending, and a good one.",
            day(*on)
        ),
    }
}

/// The ladder's name for a medium: "Text message".
pub fn medium(medium: ContactMedium) -> &'static str {
    content::ladder_rung(medium).map_or("No contact", |r| r.label)
}

/// The core's label for a coded value: "Cool or distant".
pub fn choice<T: Choosable>(value: T) -> &'static str {
    content::choice(value).map_or(value.choice_code(), |c| c.label)
}

/// [`choice`] as it reads inside a sentence: "cool or distant", but "I ended it".
pub fn label<T: Choosable>(value: T) -> String {
    let label = choice(value);
    if label == "I" || label.starts_with("I ") {
        return label.to_string();
    }
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

pub fn yes_no(answer: bool) -> &'static str {
    if answer { "yes" } else { "no" }
}

/// A suggestion, and the command that acts on it (if there is one).
pub fn next_action(action: &NextAction, zone: Tz) -> (String, Option<String>) {
    use NextAction::*;
    let (sentence, _) = words::next_action_with(action, day, |at| instant(at, zone));
    // Where the terminal has a command that shows more, the sentence points to it.
    let hint = match action {
        AnswerPreCheck => " (`reconnect step 0` shows the questions)",
        TakeReadinessCheck => " (`reconnect step 3` lists the statements)",
        WriteApology => " (`reconnect step 6` explains the parts)",
        _ => "",
    };
    let command: Option<String> = match action {
        SeeSupport => Some("reconnect safety".into()),
        AnswerPreCheck => Some("reconnect precheck --answer CODE=yes|no ...".into()),
        ReadAdvice { key } => {
            let code = key.strip_prefix("advice.").unwrap_or(key).replace('_', "-");
            Some(format!("reconnect advice acknowledge {code}"))
        }
        RecordReasons => Some("reconnect reason add --kind KIND \"...\"".into()),
        SayWhoEnded => Some("reconnect ended-by me|them|mutual".into()),
        PlanMistakes => Some("reconnect mistake add \"...\" --plan \"...\"".into()),
        SetNoContact => Some("reconnect no-contact set --from DATE --months N".into()),
        TakeReadinessCheck => Some("reconnect readiness --answer CODE=yes|no ...".into()),
        LearnHowTheyAre => Some("reconnect observe \"...\"".into()),
        ReachOut { medium: m, .. } => Some(format!(
            "reconnect attempt log --medium {} --reply no-reply|cold|neutral|warm",
            m.code().replace('_', "-")
        )),
        DraftIceBreaker => Some("reconnect icebreaker draft \"...\"".into()),
        MarkDraftReady { id, .. } => Some(format!("reconnect icebreaker ready {id}")),
        WriteApology => Some("reconnect apology write --what-i-did \"...\"".into()),
        ShareActivity => Some("reconnect activity log --kind fun --went good|okay|bad".into()),
        ListenToThem => Some("reconnect their-side add --kind feeling \"...\"".into()),
        Decide => Some("reconnect decide ready|not-yet|never".into()),
        ConsiderTherapy => Some("reconnect therapy set --suggested yes|no".into()),
        StartTrial => Some("reconnect trial start --from DATE --end DATE --review-every 7".into()),
        ReviewTrial { .. } => Some("reconnect trial review --sign CODE=yes|no ...".into()),
        EndTrial { .. } => Some(
            "reconnect trial review --sign CODE=yes|no ... --outcome together|extend|let-go".into(),
        ),
        LetGo => Some("reconnect let-go".into()),
        RestartNoContact { from } => {
            Some(format!("reconnect no-contact set --from {from} --months N"))
        }
        AskIfTheySaidNo => Some("reconnect they-said-no said-no|asked-no-contact|blocked".into()),
        ConsiderEndingTrial => Some(
            "reconnect trial review --sign CODE=yes|no ... --outcome let-go|together|extend".into(),
        ),
        CloseLetGoExercise { number } => {
            Some(format!("reconnect let-go exercise {number} \"...\""))
        }
        WaitForNoContact { .. } | WaitForCoolOff { .. } | WaitToRevisit { .. } => None,
    };
    (format!("{sentence}{hint}"), command)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reconnect_core::program::records::{EndedBy, Reply, TrialOutcome};

    #[test]
    fn labels_come_from_the_core_and_read_inside_a_sentence() {
        assert_eq!(choice(Reply::Cold), "Cool or distant");
        assert_eq!(label(Reply::Cold), "cool or distant");
        assert_eq!(label(TrialOutcome::Extend), "extend the trial");
        assert_eq!(label(EndedBy::Me), "I ended it");
    }
}
