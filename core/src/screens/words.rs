//! The screens' own words: dates in the person's zone, step states, what to do next.
//! Program content (titles, explanations, prompts) stays in `program::content`.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::checkin::ContactMedium;
use crate::program::content;
use crate::program::view::{NextAction, Outcome, StepState};

/// A local day, locale-neutral: `2027-03-01`.
pub fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An instant as a local wall time in `zone`: `2027-03-01 20:30`.
pub fn instant(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string()
}

pub fn state(state: StepState) -> &'static str {
    match state {
        StepState::Locked => "Locked",
        StepState::Available => "Open",
        StepState::InProgress => "In progress",
        StepState::Done => "Done",
    }
}

pub fn yes_no(answer: bool) -> &'static str {
    if answer { "Yes" } else { "No" }
}

pub fn medium(medium: ContactMedium) -> &'static str {
    content::ladder_rung(medium).map_or("No contact", |r| r.label)
}

pub fn outcome(outcome: &Outcome) -> (String, String) {
    match outcome {
        Outcome::Together { on } => (
            "Together again".into(),
            format!(
                "Since {}. Keep looking after what you rebuilt, and yourself.",
                day(*on)
            ),
        ),
        Outcome::NotYet { revisit_on } => (
            "Not yet".into(),
            match revisit_on {
                Some(on) => format!(
                    "Live your own life for now; look at it again on {}.",
                    day(*on)
                ),
                None => "Live your own life for now.".into(),
            },
        ),
        Outcome::LetGo { on } => (
            "You chose to let go".into(),
            format!(
                "On {}. That took courage, and it is a good ending, not a failure.",
                day(*on)
            ),
        ),
    }
}

/// What to do next, in a sentence, and the step it belongs to.
pub fn next_action(action: &NextAction, zone: Tz) -> (String, Option<u8>) {
    next_action_with(action, day, |at| instant(at, zone))
}

/// [`next_action`] with the caller's way of writing days and instants (the terminal
/// writes "1 March 2027").
pub fn next_action_with(
    action: &NextAction,
    day: impl Fn(NaiveDate) -> String,
    instant: impl Fn(DateTime<Utc>) -> String,
) -> (String, Option<u8>) {
    use NextAction::*;
    match action {
        SeeSupport => (
            "Look at the support first; you don't have to handle this alone".into(),
            None,
        ),
        AnswerPreCheck => (
            "Start with a short, honest self-check of your reasons".into(),
            Some(0),
        ),
        ReadAdvice { key } => (
            format!(
                "Read the advice \"{}\"; if you still want to continue, say so",
                content::text(key).unwrap_or(key)
            ),
            None,
        ),
        RecordReasons => (
            "Write down why it ended, one reason at a time".into(),
            Some(1),
        ),
        SayWhoEnded => ("Say who ended it".into(), Some(1)),
        PlanMistakes => (
            "Name a mistake of yours, with a small, concrete plan".into(),
            Some(2),
        ),
        SetNoContact => (
            "Choose your time apart, up to 3 months from the breakup or your last contact".into(),
            Some(3),
        ),
        WaitForNoContact { until } => (
            format!(
                "Take this time for yourself; your time apart runs until {}",
                day(*until)
            ),
            Some(3),
        ),
        TakeReadinessCheck => (
            "Take the readiness check when it feels honest".into(),
            Some(3),
        ),
        LearnHowTheyAre => (
            "First notice how they seem to be doing, from what they share openly".into(),
            Some(4),
        ),
        ReachOut { rung, medium: m } => (
            format!(
                "If it still feels right, reach out gently: {} (rung {rung} of {})",
                medium(*m).to_lowercase(),
                content::ladder().len()
            ),
            Some(4),
        ),
        WaitForCoolOff { until } => (
            format!("Give them space: contact rests until {}", day(*until)),
            Some(4),
        ),
        RestartNoContact { from } => (
            format!(
                "There was contact on {}; set your time apart again from that day",
                day(*from)
            ),
            Some(3),
        ),
        AskIfTheySaidNo => (
            "If they told you no in some other way, you can record that too".into(),
            None,
        ),
        ConsiderEndingTrial => (
            "The signs keep failing: ending the trial in an end review is a fair choice".into(),
            Some(11),
        ),
        DraftIceBreaker => (
            "Draft a light, friendly first message and let it rest".into(),
            Some(5),
        ),
        MarkDraftReady { from, .. } => (
            format!(
                "Read your draft again with fresh eyes from {}; if it still feels right, mark it ready",
                instant(*from)
            ),
            Some(5),
        ),
        WriteApology => (
            "Write a sincere apology, one part at a time".into(),
            Some(6),
        ),
        ShareActivity => (
            "Spend some easy time together as friends, and note how it went".into(),
            Some(7),
        ),
        ListenToThem => (
            "Let them speak first: write down what they share, and how you respond".into(),
            Some(8),
        ),
        Decide => (
            "Ask them, gently and plainly, and record their answer".into(),
            Some(9),
        ),
        WaitToRevisit { on: Some(on) } => (
            format!(
                "Live your own life for now; look at it again on {}",
                day(*on)
            ),
            Some(9),
        ),
        WaitToRevisit { on: None } => ("Live your own life for now".into(), Some(9)),
        ConsiderTherapy => (
            "If you are both open to it, consider couples therapy (optional)".into(),
            Some(10),
        ),
        StartTrial => (
            "Agree on a trial period with regular reviews".into(),
            Some(11),
        ),
        ReviewTrial { due } => (
            format!("Review the trial together on {}", day(*due)),
            Some(11),
        ),
        EndTrial { due } => (
            format!("The trial's end review is due on {}", day(*due)),
            Some(11),
        ),
        LetGo => (
            "Letting go is open to you at any time, and it is never a failure".into(),
            None,
        ),
        CloseLetGoExercise { number } => {
            let title = content::let_go()
                .exercise
                .iter()
                .find(|e| e.number == *number)
                .map_or("the next step", |e| e.title);
            (format!("Closing exercise, step {number}: {title}"), None)
        }
    }
}
