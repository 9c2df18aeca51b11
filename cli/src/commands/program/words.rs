//! The program's states, outcomes and suggestions in plain words, with the command
//! that acts on each suggestion. Dates read "1 March 2027". Why a step is locked, and
//! the labels of coded answers, are worded by the core (`refusal::describe_locks`,
//! `content::choice`), so the apps cannot drift apart.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use reconnect_core::ContactMedium;
use reconnect_core::program::content::{self, Choosable};
use reconnect_core::program::view::{NextAction, Outcome, StepState};

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
    let (text, command): (String, Option<&str>) = match action {
        SeeSupport => (
            "Look at the support above; you don't have to handle this alone".into(),
            Some("reconnect safety"),
        ),
        AnswerPreCheck => (
            "Start with a short, honest self-check of your reasons (`reconnect step 0` shows the questions)".into(),
            Some("reconnect precheck --answer CODE=yes|no ..."),
        ),
        ReadAdvice { key } => {
            let title = content::text(key).unwrap_or(key);
            let code = key.strip_prefix("advice.").unwrap_or(key).replace('_', "-");
            return (
                format!("Read the advice \"{title}\"; if you still want to continue, say so"),
                Some(format!("reconnect advice acknowledge {code}")),
            );
        }
        RecordReasons => (
            "Write down why it ended, one reason at a time".into(),
            Some("reconnect reason add --kind KIND \"...\""),
        ),
        SayWhoEnded => ("Say who ended it".into(), Some("reconnect ended-by me|them|mutual")),
        PlanMistakes => (
            "Name a mistake of yours, with a small, concrete plan".into(),
            Some("reconnect mistake add \"...\" --plan \"...\""),
        ),
        SetNoContact => (
            "Choose your time apart, up to 3 months from the breakup or your last contact".into(),
            Some("reconnect no-contact set --from DATE --months N"),
        ),
        WaitForNoContact { until } => (
            format!(
                "Take this time for yourself; your time apart runs until {}",
                day(*until)
            ),
            None,
        ),
        TakeReadinessCheck => (
            "Take the readiness check when it feels honest (`reconnect step 3` lists the statements)".into(),
            Some("reconnect readiness --answer CODE=yes|no ..."),
        ),
        LearnHowTheyAre => (
            "First notice how they seem to be doing, from what they share openly".into(),
            Some("reconnect observe \"...\""),
        ),
        ReachOut { rung, medium: m } => {
            let code = m.code().replace('_', "-");
            return (
                format!(
                    "If it still feels right, reach out gently: {} (rung {rung} of {})",
                    medium(*m).to_lowercase(),
                    content::ladder().len()
                ),
                Some(format!(
                    "reconnect attempt log --medium {code} --reply no-reply|cold|neutral|warm"
                )),
            );
        }
        WaitForCoolOff { until } => (
            format!("Give them space: contact rests until {}", day(*until)),
            None,
        ),
        DraftIceBreaker => (
            "Draft a light, friendly first message and let it rest".into(),
            Some("reconnect icebreaker draft \"...\""),
        ),
        MarkDraftReady { id, from } => {
            return (
                format!(
                    "Read your draft again with fresh eyes from {}; if it still feels right, mark it ready",
                    instant(*from, zone)
                ),
                Some(format!("reconnect icebreaker ready {id}")),
            );
        }
        WriteApology => (
            "Write a sincere apology, one part at a time (`reconnect step 6` explains the parts)".into(),
            Some("reconnect apology write --what-i-did \"...\""),
        ),
        ShareActivity => (
            "Spend some easy time together as friends, and note how it went".into(),
            Some("reconnect activity log --kind fun --went good|okay|bad"),
        ),
        ListenToThem => (
            "Let them speak first: write down what they share, and how you respond".into(),
            Some("reconnect their-side add --kind feeling \"...\""),
        ),
        Decide => (
            "Ask them, gently and plainly, and record their answer".into(),
            Some("reconnect decide ready|not-yet|never"),
        ),
        WaitToRevisit { on: Some(on) } => (
            format!("Live your own life for now; look at it again on {}", day(*on)),
            None,
        ),
        WaitToRevisit { on: None } => ("Live your own life for now".into(), None),
        ConsiderTherapy => (
            "If you are both open to it, consider couples therapy (optional)".into(),
            Some("reconnect therapy set --suggested yes|no"),
        ),
        StartTrial => (
            "Agree on a trial period with regular reviews".into(),
            Some("reconnect trial start --from DATE --end DATE --review-every 7"),
        ),
        ReviewTrial { due } => (
            format!("Review the trial together on {}", day(*due)),
            Some("reconnect trial review --sign CODE=yes|no ..."),
        ),
        EndTrial { due } => (
            format!("The trial's end review is due on {}", day(*due)),
            Some("reconnect trial review --sign CODE=yes|no ... --outcome together|extend|let-go"),
        ),
        LetGo => (
            "Letting go is open to you at any time, and it is never a failure".into(),
            Some("reconnect let-go"),
        ),
        CloseLetGoExercise { number } => {
            let title = content::let_go()
                .exercise
                .iter()
                .find(|e| e.number == *number)
                .map_or("the next step", |e| e.title);
            return (
                format!("Closing exercise, step {number}: {title}"),
                Some(format!("reconnect let-go exercise {number} \"...\"")),
            );
        }
    };
    (text, command.map(str::to_string))
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
