//! Walking a device through the program on a simulated clock: one helper per phase, so
//! scenario tests can start from any point and check what the engine says there.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use reconnect_core::program::content;
use reconnect_core::program::records::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, Reply, ScreeningAnswer, TheirSideKind,
    TrialOutcome,
};
use reconnect_core::{CommandResult, ContactMedium, Error, ProgramCommand, Refusal};

use crate::device::epoch;
use crate::fleet::TestDevice;

/// The local date of simulated day `day` (devices run in UTC at noon).
pub fn date(day: u32) -> NaiveDate {
    epoch() + Days::new(u64::from(day))
}

/// Every answer of a checklist set to `value`.
pub fn all(codes: impl Iterator<Item = &'static str>, value: bool) -> BTreeMap<String, bool> {
    codes.map(|c| (c.to_string(), value)).collect()
}

/// The pre-check answered the way that speaks for continuing.
pub fn favourable_pre_check() -> ProgramCommand {
    ProgramCommand::AnswerPreCheck {
        answers: content::pre_check()
            .questions
            .iter()
            .map(|q| (q.code.to_string(), q.favourable_answer))
            .collect(),
        past_cycles: 0,
        screening: screening(ScreeningAnswer::No),
    }
}

/// Every safety question of the self-check answered `answer`.
pub fn screening(answer: ScreeningAnswer) -> BTreeMap<String, ScreeningAnswer> {
    content::pre_check()
        .screening
        .iter()
        .map(|q| (q.code.to_string(), answer))
        .collect()
}

pub fn readiness(value: bool) -> ProgramCommand {
    ProgramCommand::TakeReadinessCheck {
        answers: all(content::readiness_items().iter().map(|i| i.code), value),
    }
}

pub fn attempt(medium: ContactMedium, reply: Reply) -> ProgramCommand {
    ProgramCommand::LogAttempt {
        medium,
        on: None,
        reply,
        note: None,
        skip_ahead: false,
    }
}

pub fn review(held: bool, outcome: Option<TrialOutcome>) -> ProgramCommand {
    ProgramCommand::ReviewTrial {
        on: None,
        signs: all(content::trial_signs().iter().map(|s| s.code), held),
        note: None,
        outcome,
        extend_to: None,
    }
}

impl TestDevice {
    /// Runs `command` on simulated day `day`; panics (the test fails) if it is refused.
    pub fn run(&self, day: u32, command: ProgramCommand) -> CommandResult {
        let name = command.name();
        self.on(day)
            .program_command(command)
            .unwrap_or_else(|err| panic!("day {day}: {name} was refused: {err}"))
    }

    /// Runs `command` expecting a refusal, and checks that nothing changed.
    pub fn refused(&self, day: u32, command: ProgramCommand) -> Refusal {
        let heads = self.app.heads().expect("heads");
        let before = self.on(day).program().expect("the program view");
        let name = command.name();
        let refusal = match self.app.program_command(command) {
            Err(Error::Refused(refusal)) => refusal,
            Err(other) => panic!("day {day}: {name} failed without a refusal: {other}"),
            Ok(_) => panic!("day {day}: {name} was accepted"),
        };
        assert_eq!(
            self.app.heads().expect("heads"),
            heads,
            "{name} changed the document"
        );
        assert_eq!(
            self.app.program().expect("view"),
            before,
            "{name} changed the view"
        );
        refusal
    }

    /// Runs `command` expecting invalid input, and checks that nothing changed.
    pub fn invalid(&self, day: u32, command: ProgramCommand) -> String {
        let heads = self.app.heads().expect("heads");
        let name = command.name();
        let message = match self.on(day).program_command(command) {
            Err(Error::InvalidInput(message)) => message,
            Err(other) => panic!("day {day}: {name} failed with something else: {other}"),
            Ok(_) => panic!("day {day}: {name} was accepted"),
        };
        assert_eq!(
            self.app.heads().expect("heads"),
            heads,
            "{name} changed the document"
        );
        message
    }
}

/// Phase 1 from the start: pre-check, a fixable reason, a mistake with a plan, a 60-day
/// no-contact period from `day`, and a passed readiness check when it is over.
/// Returns the first day of phase 2.
pub fn walk_phase_1(dev: &TestDevice, day: u32) -> u32 {
    dev.run(day, favourable_pre_check());
    dev.run(
        day,
        ProgramCommand::AddReason {
            text: "we kept fighting about small things".into(),
            kind: "silly_fights".into(),
        },
    );
    dev.run(
        day,
        ProgramCommand::SetEndedBy {
            ended_by: EndedBy::Me,
        },
    );
    dev.run(
        day,
        ProgramCommand::AddMistake {
            text: "I went quiet instead of saying what bothered me".into(),
            plan: Some("say it early, calmly, the same day".into()),
        },
    );
    dev.run(
        day,
        ProgramCommand::SetNoContact {
            start: date(day),
            end: date(day + 60),
        },
    );
    dev.run(day + 60, readiness(true));
    day + 60
}

/// Phase 2 from its first day: how they are doing, three warm replies up the ladder,
/// an ice-breaker that cooled off for a day, a complete apology. Returns the next day.
pub fn walk_phase_2(dev: &TestDevice, day: u32) -> u32 {
    dev.run(
        day,
        ProgramCommand::AddObservation {
            text: "a friend says they started climbing again".into(),
            on: None,
        },
    );
    let draft = dev.run(
        day,
        ProgramCommand::DraftIceBreaker {
            text:
                "Saw a climbing wall open near the station and thought of you. Hope you are well!"
                    .into(),
            cool_off_hours: 24,
        },
    );
    let id = draft.created_id.expect("a draft id");
    dev.run(day + 1, ProgramCommand::MarkIceBreakerReady { id });
    dev.run(day + 2, attempt(ContactMedium::SocialMedia, Reply::Warm));
    dev.run(day + 6, attempt(ContactMedium::Text, Reply::Warm));
    dev.run(day + 12, attempt(ContactMedium::Call, Reply::Warm));
    dev.run(
        day + 13,
        ProgramCommand::WriteApology {
            id: None,
            what_i_did: Some("I shut you out when things got hard".into()),
            responsibility: Some("that was mine to change, not yours to guess".into()),
            what_changed: Some("I talk things through now, even when it is awkward".into()),
            repair: Some("if you ever want to talk about that time, I will listen".into()),
        },
    );
    day + 14
}

/// Phase 3 from its first day up to the decision: three good activities and their side
/// heard and answered. Returns the day to decide on.
pub fn walk_phase_3(dev: &TestDevice, day: u32) -> u32 {
    for (offset, kind) in [
        ActivityKind::Fun,
        ActivityKind::Adrenaline,
        ActivityKind::Scary,
    ]
    .into_iter()
    .enumerate()
    {
        dev.run(
            day + 7 * offset as u32,
            ProgramCommand::LogActivity {
                kind,
                on: None,
                result: ActivityResult::Good,
                note: None,
            },
        );
    }
    dev.run(
        day + 20,
        ProgramCommand::AddTheirSide {
            kind: TheirSideKind::Concern,
            text: "they fear empty promises".into(),
            response: Some("I asked for time to show it instead of promising".into()),
        },
    );
    day + 21
}

/// Decides on `day` (a "not yet" revisits 30 days later).
pub fn decide(dev: &TestDevice, day: u32, answer: DecisionAnswer) -> CommandResult {
    let revisit_on = (answer == DecisionAnswer::NotYet).then(|| date(day + 30));
    dev.run(day, ProgramCommand::Decide { answer, revisit_on })
}

/// Walks the program to the point where phase `phase` (1–4) has just opened; nothing at
/// all for phase 0 (before the pre-check). Returns the next day.
pub fn walk_to_phase(dev: &TestDevice, phase: u8) -> u32 {
    if phase == 0 {
        return 0;
    }
    if phase == 1 {
        dev.run(0, favourable_pre_check());
        return 1;
    }
    let mut day = walk_phase_1(dev, 0);
    if phase == 2 {
        return day;
    }
    day = walk_phase_2(dev, day);
    if phase == 3 {
        return day;
    }
    day = walk_phase_3(dev, day);
    decide(dev, day, DecisionAnswer::Ready);
    day + 1
}
