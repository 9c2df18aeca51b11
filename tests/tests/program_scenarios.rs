//! Exists because the program's rules are the product: each scenario walks a real store
//! through months on a simulated clock and checks what the engine allows, refuses and
//! advises at each point — together, not yet, never, letting go from every phase, and
//! each safety rule.

use chrono::Months;
use reconnect_core::program::content;
use reconnect_core::program::records::{
    DecisionAnswer, NoKind, Reply, ScreeningAnswer, TrialOutcome,
};
use reconnect_core::program::view::{LockReason, NextAction, Outcome, StepState};
use reconnect_core::{ContactMedium, ProgramCommand, Refusal};
use reconnect_tests::device::input;
use reconnect_tests::fleet::TestDevice;
use reconnect_tests::journey::*;

fn states(dev: &TestDevice) -> Vec<StepState> {
    dev.app
        .program()
        .unwrap()
        .steps
        .iter()
        .map(|s| s.state)
        .collect()
}

#[test]
fn the_full_path_to_together() {
    use StepState::*;
    let dev = TestDevice::new("phone");
    let view = dev.on(0).program().unwrap();
    assert_eq!(view.current_step, Some(0));
    assert_eq!(view.next_actions, vec![NextAction::AnswerPreCheck]);
    assert!(view.steps.iter().all(|s| s.state == Locked));
    assert_eq!(
        view.steps[0].locked_because,
        vec![LockReason::PreCheckFirst]
    );

    let day = walk_phase_1(&dev, 0);
    // Day 60: the no-contact period is over and readiness passed; phase 2 is open.
    let view = dev.app.program().unwrap();
    assert_eq!(
        states(&dev),
        [
            Done, Done, Done, Available, Available, Locked, Locked, Locked, Locked, Locked, Locked
        ]
    );
    assert_eq!(view.phase, 2);
    assert_eq!(view.current_step, Some(4));
    assert_eq!(
        view.step(6).unwrap().locked_because,
        vec![LockReason::WarmRepliesNeeded { have: 0, need: 3 }]
    );
    assert!(view.next_actions.contains(&NextAction::ReachOut {
        rung: 1,
        medium: ContactMedium::SocialMedia
    }));

    let day = walk_phase_2(&dev, day);
    let view = dev.app.program().unwrap();
    assert_eq!(view.ladder.warm_replies, 3);
    assert_eq!(view.ladder.highest_open_medium, ContactMedium::Video);
    assert_eq!(view.phase, 3);
    assert_eq!(
        view.step(9).unwrap().locked_because,
        vec![LockReason::StepsFirst { steps: vec![7, 8] }]
    );

    let day = walk_phase_3(&dev, day);
    assert_eq!(dev.app.program().unwrap().current_step, Some(9));
    let view = decide(&dev, day, DecisionAnswer::Ready).view;
    assert_eq!(view.phase, 4);
    assert_eq!(view.state_of(10), Some(Available));
    assert_eq!(view.state_of(11), Some(Available));

    dev.run(
        day + 1,
        ProgramCommand::SetTherapy {
            suggested: Some(true),
            accepted: Some(true),
        },
    );
    dev.run(day + 8, ProgramCommand::LogTherapySession { on: None });
    let trial = dev.run(
        day + 8,
        ProgramCommand::StartTrial {
            start: date(day + 8),
            end: date(day + 8 + 56),
            review_every_days: 14,
        },
    );
    assert_eq!(trial.view.dates.next_trial_review, Some(date(day + 22)));
    assert_eq!(trial.view.dates.trial_ends, Some(date(day + 64)));
    assert_eq!(
        trial.view.dates.trial_reviews,
        [22, 36, 50, 64].map(|d| date(day + d)).to_vec()
    );
    let reviewed = dev.run(day + 22, review(true, None));
    assert_eq!(reviewed.view.dates.next_trial_review, Some(date(day + 36)));
    assert_eq!(reviewed.view.dates.trial_reviews.len(), 3);
    dev.run(day + 36, review(true, None));
    dev.run(day + 50, review(true, None));
    let before_end = dev.on(day + 60).program().unwrap();
    assert_eq!(
        before_end.next_actions.first(),
        Some(&NextAction::EndTrial {
            due: date(day + 64)
        })
    );
    let end = dev.run(day + 64, review(true, Some(TrialOutcome::Together)));
    assert_eq!(
        end.view.outcome,
        Some(Outcome::Together { on: date(day + 64) })
    );
    assert!(end.view.steps.iter().all(|s| s.state == Done));
    assert!(end.view.phases.iter().all(|p| p.done));
    assert_eq!(end.view.dates.next_trial_review, None);
    // The program is complete; its steps take no more records, letting go stays possible.
    let refusal = dev.refused(day + 65, attempt(ContactMedium::Text, Reply::Warm));
    assert!(
        matches!(refusal, Refusal::ProgramEnded { .. }),
        "{refusal:?}"
    );
}

#[test]
fn not_yet_waits_for_its_revisit_date() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 3);
    let day = walk_phase_3(&dev, day);
    let view = decide(&dev, day, DecisionAnswer::NotYet).view;
    let revisit = date(day + 30);
    assert_eq!(
        view.outcome,
        Some(Outcome::NotYet {
            revisit_on: Some(revisit)
        })
    );
    assert_eq!(view.dates.revisit_on, Some(revisit));
    assert_eq!(view.state_of(9), Some(StepState::InProgress));
    assert_eq!(
        view.step(11).unwrap().locked_because,
        vec![LockReason::NotYet {
            revisit_on: Some(revisit)
        }]
    );
    assert!(
        view.next_actions
            .contains(&NextAction::WaitToRevisit { on: Some(revisit) })
    );
    let refusal = dev.refused(
        day + 1,
        ProgramCommand::StartTrial {
            start: date(day + 1),
            end: date(day + 30),
            review_every_days: 7,
        },
    );
    assert!(
        matches!(refusal, Refusal::StepLocked { step: 11, .. }),
        "{refusal:?}"
    );
    // "Not yet" needs a date to look again.
    dev.invalid(
        day + 1,
        ProgramCommand::Decide {
            answer: DecisionAnswer::NotYet,
            revisit_on: None,
        },
    );
    // On the revisit date the user decides again.
    let view = decide(&dev, day + 30, DecisionAnswer::Ready).view;
    assert_eq!(view.outcome, None);
    assert_eq!(view.state_of(11), Some(StepState::Available));
    assert_eq!(view.dates.revisit_on, None);
}

#[test]
fn never_leads_to_letting_go() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 3);
    let day = walk_phase_3(&dev, day);
    let view = decide(&dev, day, DecisionAnswer::Never).view;
    // A stop, the decision included: it is not taken back by another answer.
    assert_eq!(
        view.step(9).unwrap().locked_because,
        vec![LockReason::DecidedNever]
    );
    assert_eq!(
        view.step(10).unwrap().locked_because,
        vec![LockReason::DecidedNever]
    );
    assert_eq!(view.next_actions.first(), Some(&NextAction::LetGo));
    let view = dev
        .run(
            day + 2,
            ProgramCommand::LetGo {
                note: Some("it is time".into()),
            },
        )
        .view;
    assert_eq!(view.outcome, Some(Outcome::LetGo { on: date(day + 2) }));
    // Nothing after step 9 is open, so letting go is recorded as from step 9.
    assert_eq!(view.records.let_go.as_ref().unwrap().from_step, 9);
    assert_eq!(
        view.next_actions,
        vec![NextAction::CloseLetGoExercise { number: 1 }]
    );
    for step in content::let_go().exercise {
        dev.run(
            day + 3,
            ProgramCommand::WriteLetGoExercise {
                number: step.number,
                text: format!("what I wrote for part {}", step.number),
            },
        );
    }
    let view = dev.app.program().unwrap();
    assert!(view.next_actions.is_empty());
    assert_eq!(
        view.records.let_go.unwrap().exercise.len(),
        content::let_go().exercise.len()
    );
}

#[test]
fn letting_go_is_open_from_every_phase() {
    for phase in 0..=4u8 {
        let dev = TestDevice::new("phone");
        let day = walk_to_phase(&dev, phase);
        let before = dev.on(day).program().unwrap();
        if phase > 0 {
            assert!(
                before.next_actions.contains(&NextAction::LetGo),
                "phase {phase}: letting go is offered"
            );
        }
        let view = dev.run(day, ProgramCommand::LetGo { note: None }).view;
        assert_eq!(
            view.outcome,
            Some(Outcome::LetGo { on: date(day) }),
            "phase {phase}"
        );
        let from = view.records.let_go.as_ref().unwrap().from_step;
        assert_eq!(Some(from), before.current_step, "phase {phase}");
        for step in &view.steps {
            if step.state != StepState::Done {
                assert_eq!(
                    step.locked_because,
                    vec![LockReason::LetGo],
                    "phase {phase}"
                );
            }
        }
        let refusal = dev.refused(day + 1, ProgramCommand::AddTrigger { text: "x".into() });
        assert!(
            matches!(refusal, Refusal::ProgramEnded { .. }),
            "phase {phase}"
        );
        dev.invalid(day + 1, ProgramCommand::LetGo { note: None });
        // Daily check-ins go on after letting go.
        dev.on(day + 1).check_in(input(4, 1, None, None)).unwrap();
    }
}

#[test]
fn a_reason_that_is_not_fixable_brings_advice_and_needs_acknowledging() {
    let dev = TestDevice::new("phone");
    walk_phase_1(&dev, 0);
    let view = dev
        .run(
            60,
            ProgramCommand::AddReason {
                text: "they never meant it seriously with anyone".into(),
                kind: "not_serious".into(),
            },
        )
        .view;
    let advice = view
        .advice
        .iter()
        .find(|a| a.key == content::ADVICE_NOT_FIXABLE.key)
        .expect("the not-fixable advice is shown");
    assert!(!advice.acknowledged);
    assert_eq!(view.state_of(1), Some(StepState::InProgress));
    assert_eq!(
        view.step(4).unwrap().locked_because,
        vec![LockReason::StepsFirst { steps: vec![1] }]
    );
    assert!(view.next_actions.contains(&NextAction::ReadAdvice {
        key: content::ADVICE_NOT_FIXABLE.key
    }));
    assert!(view.next_actions.contains(&NextAction::LetGo));
    let refusal = dev.refused(60, attempt(ContactMedium::SocialMedia, Reply::Warm));
    assert!(
        matches!(refusal, Refusal::StepLocked { step: 4, .. }),
        "{refusal:?}"
    );

    let view = dev
        .run(
            60,
            ProgramCommand::AcknowledgeAdvice {
                key: content::ADVICE_NOT_FIXABLE.key.into(),
            },
        )
        .view;
    assert_eq!(view.state_of(1), Some(StepState::Done));
    assert_eq!(view.state_of(4), Some(StepState::Available));
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == content::ADVICE_NOT_FIXABLE.key && a.acknowledged)
    );
    dev.invalid(
        60,
        ProgramCommand::AcknowledgeAdvice {
            key: "advice.nothing_like_this".into(),
        },
    );
}

#[test]
fn a_safety_flag_locks_every_contact_step_and_shows_support() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    dev.run(day, attempt(ContactMedium::SocialMedia, Reply::Warm));
    let view = dev
        .run(
            day + 1,
            ProgramCommand::FlagSafety {
                signs: vec!["threats".into(), "monitoring".into()],
            },
        )
        .view;
    for step in &view.steps {
        if step.number >= 4 {
            // Even step 4, done with a warm reply, is locked now.
            assert_eq!(step.state, StepState::Locked, "step {}", step.number);
            assert!(step.locked_because.contains(&LockReason::Safety));
        } else {
            assert_eq!(step.state, StepState::Done);
        }
    }
    let safety = view.safety.expect("the safety notice");
    assert_eq!(safety.signs, vec!["monitoring", "threats"]);
    assert_eq!(safety.resources.len(), content::support_resources().len());
    assert_eq!(view.next_actions.first(), Some(&NextAction::SeeSupport));
    assert!(
        !view
            .next_actions
            .iter()
            .any(|a| matches!(a, NextAction::ReachOut { .. }))
    );

    for command in [
        attempt(ContactMedium::SocialMedia, Reply::Warm),
        ProgramCommand::DraftIceBreaker {
            text: "hi".into(),
            cool_off_hours: 0,
        },
        ProgramCommand::LogAttempt {
            medium: ContactMedium::InPerson,
            on: None,
            reply: Reply::Warm,
            note: None,
            skip_ahead: true,
        },
    ] {
        assert_eq!(dev.refused(day + 2, command), Refusal::SafetyLocked);
    }
    // Journaling and check-ins stay; so does letting go.
    dev.on(day + 2)
        .check_in(input(2, 7, None, Some("scared today")))
        .unwrap();
    dev.run(
        day + 2,
        ProgramCommand::AddTrigger {
            text: "late-night messages".into(),
        },
    );
    dev.run(day + 3, ProgramCommand::LetGo { note: None });
}

#[test]
fn they_said_no_closes_the_ladder_for_good() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    dev.run(day, attempt(ContactMedium::SocialMedia, Reply::Warm));
    dev.run(day + 3, attempt(ContactMedium::Text, Reply::Cold));
    let view = dev
        .run(
            day + 4,
            ProgramCommand::TheySaidNo {
                kind: NoKind::AskedNoContact,
            },
        )
        .view;
    assert!(view.ladder.closed_for_good);
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == content::THEY_SAID_NO.key)
    );
    assert!(view.next_actions.contains(&NextAction::LetGo));
    for step in view.steps.iter().filter(|s| s.number >= 5) {
        assert!(
            step.locked_because.contains(&LockReason::TheySaidNo {
                kind: NoKind::AskedNoContact
            }),
            "step {}",
            step.number
        );
    }
    // Months later, with or without an override, the ladder stays closed.
    for (offset, skip_ahead) in [(30, false), (200, true)] {
        let refusal = dev.refused(
            day + offset,
            ProgramCommand::LogAttempt {
                medium: ContactMedium::Text,
                on: None,
                reply: Reply::Warm,
                note: None,
                skip_ahead,
            },
        );
        assert_eq!(refusal, Refusal::TheySaidNo);
    }
    let first = dev.app.program().unwrap().records.attempts[0].id.clone();
    assert_eq!(
        dev.refused(
            day + 31,
            ProgramCommand::SetAttemptReply {
                id: first.clone(),
                reply: Reply::Warm
            }
        ),
        Refusal::TheySaidNo
    );
    assert_eq!(
        dev.refused(day + 31, ProgramCommand::Remove { id: first.clone() }),
        Refusal::NotRemovable { id: first }
    );
}

#[test]
fn skipping_a_rung_is_refused_then_allowed_when_the_user_insists() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    let refusal = dev.refused(day, attempt(ContactMedium::Call, Reply::Neutral));
    assert_eq!(
        refusal,
        Refusal::LadderSkip {
            medium: ContactMedium::Call,
            open_medium: ContactMedium::SocialMedia
        }
    );
    assert!(refusal.to_string().contains("skip ahead only by saying so"));
    // A neutral reply on the first rung does not earn the second.
    dev.run(day, attempt(ContactMedium::SocialMedia, Reply::Neutral));
    dev.refused(day + 1, attempt(ContactMedium::Text, Reply::Warm));

    let view = dev
        .run(
            day + 1,
            ProgramCommand::LogAttempt {
                medium: ContactMedium::Call,
                on: None,
                reply: Reply::Warm,
                note: None,
                skip_ahead: true,
            },
        )
        .view;
    let recorded = view.records.attempts.last().unwrap();
    assert!(recorded.skipped_ahead, "the override is recorded");
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == content::ADVICE_LADDER_SKIP.key)
    );
    assert_eq!(view.ladder.highest_open_medium, ContactMedium::Video);
    // An override flag on a rung that was open anyway leaves no mark.
    let view = dev
        .run(
            day + 2,
            ProgramCommand::LogAttempt {
                medium: ContactMedium::SocialMedia,
                on: None,
                reply: Reply::Warm,
                note: None,
                skip_ahead: true,
            },
        )
        .view;
    assert!(!view.records.attempts.last().unwrap().skipped_ahead);
}

#[test]
fn two_unanswered_attempts_in_a_row_pause_contact() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    dev.run(day, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    let view = dev.app.program().unwrap();
    assert_eq!(
        view.ladder.paused_until, None,
        "one unanswered attempt is no pause"
    );
    let view = dev
        .run(day + 3, attempt(ContactMedium::SocialMedia, Reply::NoReply))
        .view;
    let until = date(day + 3 + 14);
    assert_eq!(view.ladder.paused_until, Some(until));
    assert_eq!(view.ladder.unanswered_in_a_row, 2);
    assert_eq!(view.dates.contact_paused_until, Some(until));
    assert!(
        view.next_actions
            .contains(&NextAction::WaitForCoolOff { until })
    );
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == content::ADVICE_COOL_OFF.key)
    );
    assert_eq!(
        dev.refused(day + 10, attempt(ContactMedium::SocialMedia, Reply::Warm)),
        Refusal::CoolingOff { until }
    );
    // The override skips rungs, never a pause.
    let refusal = dev.refused(
        day + 16,
        ProgramCommand::LogAttempt {
            medium: ContactMedium::Text,
            on: None,
            reply: Reply::Warm,
            note: None,
            skip_ahead: true,
        },
    );
    assert_eq!(refusal, Refusal::CoolingOff { until });
    // A late reply, recorded afterwards, lifts it.
    let last = view.records.attempts.last().unwrap().id.clone();
    let view = dev
        .run(
            day + 16,
            ProgramCommand::SetAttemptReply {
                id: last,
                reply: Reply::Warm,
            },
        )
        .view;
    assert_eq!(view.ladder.paused_until, None);
    assert_eq!(view.ladder.highest_open_medium, ContactMedium::Text);
    // Without one, the pause ends on its own; a further unanswered attempt then closes
    // the ladder (see the ceiling scenario below).
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    dev.run(day, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    dev.run(day + 3, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    let view = dev
        .run(
            day + 17,
            attempt(ContactMedium::SocialMedia, Reply::Neutral),
        )
        .view;
    assert_eq!(view.ladder.paused_until, None);
    assert!(!view.ladder.closed_for_good);
}

#[test]
fn a_no_contact_period_longer_than_three_months_is_refused() {
    let dev = TestDevice::new("phone");
    dev.run(0, favourable_pre_check());
    let start = date(0);
    let latest_end = start.checked_add_months(Months::new(3)).unwrap();
    let refusal = dev.refused(
        5,
        ProgramCommand::SetNoContact {
            start,
            end: latest_end.succ_opt().unwrap(),
        },
    );
    assert_eq!(refusal, Refusal::NoContactTooLong { start, latest_end });
    dev.invalid(
        5,
        ProgramCommand::SetNoContact {
            start: date(6),
            end: date(30),
        },
    );
    let view = dev
        .run(
            5,
            ProgramCommand::SetNoContact {
                start,
                end: latest_end,
            },
        )
        .view;
    assert_eq!(view.dates.no_contact_ends, Some(latest_end));
}

#[test]
fn phase_2_waits_for_the_period_and_the_readiness_check() {
    let dev = TestDevice::new("phone");
    dev.run(0, favourable_pre_check());
    dev.run(
        0,
        ProgramCommand::AddReason {
            text: "misread each other's messages".into(),
            kind: "misunderstanding".into(),
        },
    );
    dev.run(
        0,
        ProgramCommand::SetEndedBy {
            ended_by: reconnect_core::program::records::EndedBy::Them,
        },
    );
    dev.run(
        0,
        ProgramCommand::AddMistake {
            text: "I checked their phone".into(),
            plan: Some("trust, and talk about the worry instead".into()),
        },
    );
    dev.run(
        0,
        ProgramCommand::SetNoContact {
            start: date(0),
            end: date(45),
        },
    );
    let view = dev.on(20).program().unwrap();
    assert_eq!(
        view.step(4).unwrap().locked_because,
        vec![
            LockReason::NoContactRunning { until: date(45) },
            LockReason::ReadinessNotPassed
        ]
    );
    assert!(
        view.next_actions
            .contains(&NextAction::WaitForNoContact { until: date(45) })
    );
    // Ending early needs a passed readiness check first.
    assert_eq!(
        dev.refused(20, ProgramCommand::EndNoContactEarly),
        Refusal::ReadinessNotPassed
    );
    dev.run(20, readiness(false));
    assert_eq!(
        dev.refused(21, ProgramCommand::EndNoContactEarly),
        Refusal::ReadinessNotPassed
    );
    dev.run(30, readiness(true));
    let view = dev.run(30, ProgramCommand::EndNoContactEarly).view;
    assert_eq!(view.state_of(3), Some(StepState::Done));
    assert_eq!(view.state_of(4), Some(StepState::Available));
    assert_eq!(view.dates.no_contact_ends, None);
    // Progress in phase 2 keeps it open even if the readiness check is retaken and fails.
    dev.run(31, attempt(ContactMedium::SocialMedia, Reply::Neutral));
    let view = dev.run(32, readiness(false)).view;
    assert_eq!(view.state_of(3), Some(StepState::InProgress));
    assert_eq!(view.state_of(4), Some(StepState::InProgress));
    assert_eq!(view.state_of(5), Some(StepState::Available));
}

#[test]
fn well_being_advice_follows_mood_and_cycles() {
    let dev = TestDevice::new("phone");
    dev.run(
        0,
        ProgramCommand::AnswerPreCheck {
            answers: content::pre_check()
                .questions
                .iter()
                .map(|q| (q.code.to_string(), q.favourable_answer))
                .collect(),
            past_cycles: 2,
            screening: screening(ScreeningAnswer::PreferNotToSay),
        },
    );
    let keys = |dev: &TestDevice| -> Vec<&'static str> {
        dev.app
            .program()
            .unwrap()
            .advice
            .iter()
            .map(|a| a.key)
            .collect()
    };
    assert_eq!(keys(&dev), vec![content::ADVICE_CYCLES.key]);
    for day in 0..14u32 {
        let mood = 5 - (day / 4) as u8;
        dev.on(day).check_in(input(mood, 3, None, None)).unwrap();
    }
    dev.on(13);
    assert!(keys(&dev).contains(&content::ADVICE_MOOD_FALLING.key));
    // Three steady weeks later the advice is gone again.
    for day in 14..40u32 {
        dev.on(day).check_in(input(3, 3, None, None)).unwrap();
    }
    assert!(!keys(&dev).contains(&content::ADVICE_MOOD_FALLING.key));
    // An unfavourable pre-check answer is advice, never a block.
    let view = dev
        .run(
            40,
            ProgramCommand::AnswerPreCheck {
                answers: content::pre_check()
                    .questions
                    .iter()
                    .map(|q| (q.code.to_string(), !q.favourable_answer))
                    .collect(),
                past_cycles: 0,
                screening: screening(ScreeningAnswer::No),
            },
        )
        .view;
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == content::ADVICE_PRE_CHECK_DOUBTS.key)
    );
    assert_eq!(view.state_of(1), Some(StepState::Available));
}

#[test]
fn ice_breaker_drafts_cool_off_before_they_count() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    let draft = dev.run(
        day,
        ProgramCommand::DraftIceBreaker {
            text: "Hope the new job is treating you well!".into(),
            cool_off_hours: 48,
        },
    );
    let id = draft.created_id.unwrap();
    let refusal = dev.refused(
        day + 1,
        ProgramCommand::MarkIceBreakerReady { id: id.clone() },
    );
    assert!(
        matches!(refusal, Refusal::DraftCoolingOff { .. }),
        "{refusal:?}"
    );
    let view = dev
        .run(day + 2, ProgramCommand::MarkIceBreakerReady { id })
        .view;
    assert_eq!(view.state_of(5), Some(StepState::Done));
}

#[test]
fn the_program_survives_a_restart() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 3);
    let view = dev.on(day).program().unwrap();
    let dev = dev.restart();
    assert_eq!(dev.on(day).program().unwrap(), view);
}

// ---------------------------------------------------------------------------------------
// Safety holes closed in #12: screening on the path, "never" as a stop, "not yet" that
// waits, the unanswered ceiling, check-ins that feed the program.
// ---------------------------------------------------------------------------------------

fn pre_check_with(
    screening: std::collections::BTreeMap<String, ScreeningAnswer>,
) -> ProgramCommand {
    match favourable_pre_check() {
        ProgramCommand::AnswerPreCheck {
            answers,
            past_cycles,
            ..
        } => ProgramCommand::AnswerPreCheck {
            answers,
            past_cycles,
            screening,
        },
        other => other,
    }
}

fn reminder_ids(dev: &TestDevice, day: u32) -> Vec<String> {
    dev.on(day)
        .reminders()
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .filter(|id| !id.starts_with("check_in:"))
        .collect()
}

#[test]
fn support_is_always_in_view_and_a_yes_in_the_self_check_records_a_flag_with_its_source() {
    let dev = TestDevice::new("phone");
    let view = dev.on(0).program().unwrap();
    assert_eq!(
        view.support.resources.len(),
        content::support_resources().len()
    );
    assert!(view.safety.is_none());
    // Every safety question needs an answer; passing over one takes "prefer not to say".
    let mut partial = screening(ScreeningAnswer::No);
    partial.remove("fear");
    dev.invalid(0, pre_check_with(partial));
    let view = dev
        .run(
            0,
            pre_check_with(screening(ScreeningAnswer::PreferNotToSay)),
        )
        .view;
    assert!(
        view.safety.is_none(),
        "\"prefer not to say\" records nothing"
    );

    let dev = TestDevice::new("phone");
    let mut answers = screening(ScreeningAnswer::No);
    answers.insert("monitoring".into(), ScreeningAnswer::Yes);
    let view = dev.run(0, pre_check_with(answers)).view;
    let safety = view.safety.expect("the safety notice");
    assert_eq!(safety.signs, vec!["monitoring"]);
    assert_eq!(
        safety.flags[0].source,
        reconnect_core::program::records::SafetySource::PreCheck
    );
    assert_eq!(view.next_actions.first(), Some(&NextAction::SeeSupport));
    assert_eq!(
        view.support.resources.len(),
        content::support_resources().len()
    );
    for step in view.steps.iter().filter(|s| s.number >= 4) {
        assert!(
            step.locked_because.contains(&LockReason::Safety),
            "step {}",
            step.number
        );
    }
}

#[test]
fn a_reason_of_abuse_in_step_1_records_a_flag() {
    let dev = TestDevice::new("phone");
    dev.run(0, favourable_pre_check());
    let view = dev
        .run(
            0,
            ProgramCommand::AddReason {
                text: "they decided who I could see".into(),
                kind: "control".into(),
            },
        )
        .view;
    let safety = view.safety.expect("a flag");
    assert_eq!(safety.signs, vec!["control"]);
    assert_eq!(
        safety.flags[0].source,
        reconnect_core::program::records::SafetySource::Reason
    );
}

#[test]
fn a_flag_recorded_by_mistake_can_be_withdrawn_only_briefly_on_its_device_and_confirmed() {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    let day = walk_to_phase(&phone, 2);
    let flag = |signs: &[&str]| ProgramCommand::FlagSafety {
        signs: signs.iter().map(|s| s.to_string()).collect(),
    };
    let withdraw = |confirmed| ProgramCommand::WithdrawSafetyFlag {
        sign: "fear".into(),
        confirmed,
    };
    let view = phone.run(day, flag(&["fear"])).view;
    let until = view.safety.unwrap().undo_until.expect("an undo window");
    assert_eq!(
        until,
        reconnect_tests::device::noon(day) + chrono::Duration::minutes(15)
    );
    reconnect_tests::fleet::sync(&phone.app, &tablet.app);
    // Not without a confirmation, and not from another device.
    phone.invalid(day, withdraw(false));
    assert_eq!(
        tablet.refused(day, withdraw(true)),
        Refusal::SafetyFlagStands { minutes: 15 }
    );
    let view = phone.run(day, withdraw(true)).view;
    assert!(view.safety.is_none());
    assert_eq!(view.state_of(4), Some(StepState::Available));
    // After the window it stands, as always.
    phone.run(day, flag(&["fear"]));
    phone
        .clock
        .set(reconnect_tests::device::noon(day) + chrono::Duration::minutes(16));
    assert_eq!(
        phone
            .app
            .program_command(withdraw(true))
            .unwrap_err()
            .to_string(),
        reconnect_core::Error::Refused(Refusal::SafetyFlagStands { minutes: 15 }).to_string()
    );
    assert!(phone.app.program().unwrap().safety.is_some());
}

#[test]
fn never_is_a_stop_and_only_a_restart_goes_back_keeping_a_no_and_flags() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 3);
    let day = walk_phase_3(&dev, day);
    let view = decide(&dev, day, DecisionAnswer::Never).view;
    assert!(
        view.step(9)
            .unwrap()
            .locked_because
            .contains(&LockReason::DecidedNever)
    );
    for answer in [DecisionAnswer::Ready, DecisionAnswer::NotYet] {
        let revisit_on = (answer == DecisionAnswer::NotYet).then(|| date(day + 40));
        assert_eq!(
            dev.refused(day + 10, ProgramCommand::Decide { answer, revisit_on }),
            Refusal::DecidedNever
        );
    }
    assert_eq!(
        dev.refused(day + 10, attempt(ContactMedium::Video, Reply::Warm)),
        Refusal::DecidedNever
    );
    assert!(
        dev.on(day + 10)
            .program()
            .unwrap()
            .next_actions
            .contains(&NextAction::LetGo)
    );
    // A restart needs a confirmation, and starts from the very beginning.
    dev.invalid(day + 10, ProgramCommand::Restart { confirmed: false });
    let view = dev
        .run(day + 10, ProgramCommand::Restart { confirmed: true })
        .view;
    assert_eq!(view.records.restarts.len(), 1, "the history records it");
    assert_eq!(view.records.restarts[0].from_step, 9);
    assert!(!view.pre_check_done);
    assert!(view.records.decisions.is_empty() && view.records.attempts.is_empty());
    assert_eq!(view.current_step, Some(0));
    assert_eq!(
        view.step(4).unwrap().locked_because,
        vec![LockReason::PreCheckFirst]
    );
    // The whole program again: a new time apart before any contact.
    let back = walk_phase_1(&dev, day + 11);
    assert_eq!(
        dev.on(back).program().unwrap().state_of(4),
        Some(StepState::Available)
    );

    // A restart never lifts a "no" or a safety flag.
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    dev.run(
        day,
        ProgramCommand::TheySaidNo {
            kind: NoKind::Blocked,
        },
    );
    dev.run(
        day,
        ProgramCommand::FlagSafety {
            signs: vec!["threats".into()],
        },
    );
    dev.run(day + 1, ProgramCommand::Restart { confirmed: true });
    let back = walk_phase_1(&dev, day + 2);
    let view = dev.on(back).program().unwrap();
    assert!(view.ladder.closed_for_good && view.safety.is_some());
    assert_eq!(
        dev.refused(back, attempt(ContactMedium::SocialMedia, Reply::Warm)),
        Refusal::SafetyLocked
    );
}

#[test]
fn not_yet_holds_contact_drafts_and_ready_until_its_revisit_date() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 3);
    let day = walk_phase_3(&dev, day);
    let draft = dev
        .run(
            day,
            ProgramCommand::DraftIceBreaker {
                text: "hi, how are you?".into(),
                cool_off_hours: 0,
            },
        )
        .created_id
        .unwrap();
    decide(&dev, day, DecisionAnswer::NotYet);
    let revisit_on = date(day + 30);
    for command in [
        attempt(ContactMedium::Video, Reply::Warm),
        ProgramCommand::MarkIceBreakerReady { id: draft.clone() },
        ProgramCommand::Decide {
            answer: DecisionAnswer::Ready,
            revisit_on: None,
        },
    ] {
        assert_eq!(
            dev.refused(day + 29, command),
            Refusal::NotYetUntil { revisit_on }
        );
    }
    // The revisit reminder fires on the date.
    assert!(reminder_ids(&dev, day + 29).contains(&format!("revisit:{revisit_on}")));
    // On the date, contact and the decision are open again.
    dev.run(day + 30, ProgramCommand::MarkIceBreakerReady { id: draft });
    dev.run(day + 30, attempt(ContactMedium::Video, Reply::Warm));
    decide(&dev, day + 30, DecisionAnswer::Ready);
}

#[test]
fn a_third_unanswered_attempt_after_a_pause_or_four_in_all_close_the_ladder() {
    // After a pause.
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    dev.run(day, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    dev.run(day + 1, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    let view = dev
        .run(
            day + 15,
            attempt(ContactMedium::SocialMedia, Reply::NoReply),
        )
        .view;
    assert!(view.ladder.closed_for_good && view.ladder.no_answer);
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == content::ADVICE_NO_ANSWER.key)
    );
    assert!(view.next_actions.contains(&NextAction::LetGo));
    assert!(view.next_actions.contains(&NextAction::AskIfTheySaidNo));
    for step in view.steps.iter().filter(|s| s.number >= 4) {
        assert!(
            step.locked_because.contains(&LockReason::NoAnswer),
            "step {}",
            step.number
        );
    }
    let first = view.records.attempts[0].id.clone();
    for command in [
        attempt(ContactMedium::SocialMedia, Reply::Warm),
        ProgramCommand::SetAttemptReply {
            id: first,
            reply: Reply::Warm,
        },
    ] {
        assert_eq!(dev.refused(day + 100, command), Refusal::NoAnswer);
    }
    // Four in all, never two in a row.
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    for (offset, reply) in [
        Reply::NoReply,
        Reply::Cold,
        Reply::NoReply,
        Reply::Cold,
        Reply::NoReply,
    ]
    .into_iter()
    .enumerate()
    {
        dev.run(
            day + offset as u32,
            attempt(ContactMedium::SocialMedia, reply),
        );
    }
    assert!(!dev.on(day + 5).program().unwrap().ladder.closed_for_good);
    let view = dev
        .run(day + 6, attempt(ContactMedium::SocialMedia, Reply::NoReply))
        .view;
    assert!(view.ladder.no_answer);
}

#[test]
fn a_check_in_with_contact_during_no_contact_starts_the_period_again_from_that_day() {
    let dev = TestDevice::new("phone");
    walk_phase_1(&dev, 0);
    assert_eq!(
        dev.on(10).program().unwrap().dates.no_contact_ends,
        Some(date(60))
    );
    dev.on(10)
        .check_in(input(3, 6, Some(ContactMedium::Text), None))
        .unwrap();
    let view = dev.on(10).program().unwrap();
    assert!(
        view.next_actions
            .contains(&NextAction::RestartNoContact { from: date(10) })
    );
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == content::ADVICE_CONTACT_DURING_NO_CONTACT.key)
    );
    assert_eq!(view.dates.no_contact_ends, None);
    // The old end no longer opens phase 2.
    let view = dev.on(61).program().unwrap();
    assert_eq!(
        view.step(4).unwrap().locked_because,
        vec![LockReason::NoContactBroken { on: date(10) }]
    );
    dev.invalid(11, ProgramCommand::EndNoContactEarly);
    // Set again from that day, it runs to its new end.
    let view = dev
        .run(
            11,
            ProgramCommand::SetNoContact {
                start: date(10),
                end: date(70),
            },
        )
        .view;
    assert_eq!(view.dates.no_contact_ends, Some(date(70)));
    assert_eq!(
        dev.on(70).program().unwrap().state_of(4),
        Some(StepState::Available)
    );
}

#[test]
fn a_check_in_with_contact_after_a_stop_reopens_nothing_and_shows_support_and_letting_go() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    dev.run(
        day,
        ProgramCommand::TheySaidNo {
            kind: NoKind::SaidNo,
        },
    );
    dev.on(day + 3)
        .check_in(input(2, 8, Some(ContactMedium::Call), None))
        .unwrap();
    let view = dev.on(day + 3).program().unwrap();
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == content::ADVICE_CONTACT_AFTER_STOP.key)
    );
    assert!(view.next_actions.contains(&NextAction::SeeSupport));
    assert!(view.next_actions.contains(&NextAction::LetGo));
    assert_eq!(view.state_of(4), Some(StepState::Locked));
    assert_eq!(
        dev.refused(day + 3, attempt(ContactMedium::SocialMedia, Reply::Warm)),
        Refusal::TheySaidNo
    );
}

#[test]
fn high_urge_on_several_days_in_a_row_during_no_contact_brings_coping_advice() {
    let dev = TestDevice::new("phone");
    walk_phase_1(&dev, 0);
    let urges = |dev: &TestDevice, day| {
        dev.on(day)
            .program()
            .unwrap()
            .advice
            .iter()
            .any(|a| a.key == content::ADVICE_URGES.key)
    };
    for day in 5..7 {
        dev.on(day).check_in(input(3, 9, None, None)).unwrap();
    }
    assert!(!urges(&dev, 6), "two days are not yet several");
    dev.on(7).check_in(input(3, 8, None, None)).unwrap();
    assert!(urges(&dev, 7));
    dev.on(8).check_in(input(4, 2, None, None)).unwrap();
    assert!(!urges(&dev, 8));
}

#[test]
fn failing_trial_signs_bring_the_matching_advice_and_offer_ending_the_trial() {
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 4);
    dev.run(
        day,
        ProgramCommand::StartTrial {
            start: date(day),
            end: date(day + 60),
            review_every_days: 7,
        },
    );
    let mut signs: std::collections::BTreeMap<String, bool> = content::trial_signs()
        .iter()
        .map(|s| (s.code.to_string(), true))
        .collect();
    signs.insert("closeness".into(), false);
    let review = |signs: &std::collections::BTreeMap<String, bool>| ProgramCommand::ReviewTrial {
        on: None,
        signs: signs.clone(),
        note: None,
        outcome: None,
        extend_to: None,
    };
    let view = dev.run(day + 7, review(&signs)).view;
    assert!(!view.next_actions.contains(&NextAction::ConsiderEndingTrial));
    let view = dev.run(day + 14, review(&signs)).view;
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == "advice.trial.closeness")
    );
    assert!(
        !view
            .advice
            .iter()
            .any(|a| a.key == content::ADVICE_TRIAL_FAILING.key)
    );
    assert!(view.next_actions.contains(&NextAction::ConsiderEndingTrial));
    let none: std::collections::BTreeMap<String, bool> =
        signs.keys().map(|k| (k.clone(), false)).collect();
    let view = dev.run(day + 21, review(&none)).view;
    assert!(
        view.advice
            .iter()
            .any(|a| a.key == content::ADVICE_TRIAL_FAILING.key)
    );
    assert!(view.next_actions.contains(&NextAction::ConsiderEndingTrial));
}

#[test]
fn no_reminder_leads_towards_contact_after_a_stop_during_no_contact_or_a_trial() {
    let stops = || {
        vec![
            ProgramCommand::FlagSafety {
                signs: vec!["fear".into()],
            },
            ProgramCommand::TheySaidNo {
                kind: NoKind::AskedNoContact,
            },
            ProgramCommand::AddReason {
                text: "threats".into(),
                kind: "threats".into(),
            },
        ]
    };
    // During a running no-contact period.
    for stop in stops() {
        let dev = TestDevice::new("phone");
        walk_phase_1(&dev, 0);
        assert!(reminder_ids(&dev, 10).contains(&format!("no_contact_ends:{}", date(60))));
        dev.run(10, stop);
        assert_eq!(reminder_ids(&dev, 10), Vec::<String>::new());
    }
    // During a running trial.
    for stop in stops() {
        let dev = TestDevice::new("phone");
        let day = walk_to_phase(&dev, 4);
        dev.run(
            day,
            ProgramCommand::StartTrial {
                start: date(day),
                end: date(day + 28),
                review_every_days: 7,
            },
        );
        assert!(
            reminder_ids(&dev, day + 1)
                .iter()
                .any(|id| id.starts_with("trial"))
        );
        dev.run(day + 1, stop);
        assert_eq!(reminder_ids(&dev, day + 1), Vec::<String>::new());
    }
    // A pause after two unanswered attempts, then a "no": nothing points back to contact.
    let dev = TestDevice::new("phone");
    let day = walk_to_phase(&dev, 2);
    dev.run(day, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    dev.run(day + 1, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    assert!(
        dev.on(day + 2)
            .program()
            .unwrap()
            .dates
            .contact_paused_until
            .is_some()
    );
    let view = dev
        .run(
            day + 2,
            ProgramCommand::TheySaidNo {
                kind: NoKind::SaidNo,
            },
        )
        .view;
    assert_eq!(view.dates, Default::default());
}
