//! Exists because the user works on the program from more than one device: two devices
//! that record program steps concurrently must, once merged, show one and the same
//! program, resolved the cautious way. Each case below is one concurrent combination and
//! how it resolves.

use reconnect_core::program::records::{DecisionAnswer, NoKind, Reply};
use reconnect_core::program::view::{LockReason, Outcome, ProgramView, StepState};
use reconnect_core::{ContactMedium, ProgramCommand, Refusal};
use reconnect_tests::fleet::{TestDevice, sync};
use reconnect_tests::journey::*;

/// Two devices that share the program walked to `phase`; returns them and the next day.
fn pair_at(phase: u8) -> (TestDevice, TestDevice, u32) {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    let day = walk_to_phase(&phone, phase);
    sync(&phone.app, &tablet.app);
    (phone, tablet, day)
}

/// Merges both ways and returns the one view both devices now show.
fn merged_view(a: &TestDevice, b: &TestDevice, day: u32) -> ProgramView {
    sync(&a.app, &b.app);
    // The undo window of a safety flag belongs to the device that recorded it; the rest
    // of the program is one and the same everywhere.
    let same = |mut view: ProgramView| {
        if let Some(s) = view.safety.as_mut() {
            s.undo_until = None;
        }
        view
    };
    let view = same(a.on(day).program().unwrap());
    assert_eq!(
        same(b.on(day).program().unwrap()),
        view,
        "both devices show one program"
    );
    view
}

#[test]
fn a_safety_flag_wins_over_a_concurrent_contact_attempt() {
    let (phone, tablet, day) = pair_at(2);
    phone.run(
        day,
        ProgramCommand::FlagSafety {
            signs: vec!["fear".into()],
        },
    );
    tablet.run(day, attempt(ContactMedium::SocialMedia, Reply::Warm));
    let view = merged_view(&phone, &tablet, day);
    // The attempt is kept (nothing is lost), but every contact step is locked.
    assert_eq!(view.records.attempts.len(), 1);
    assert_eq!(view.state_of(4), Some(StepState::Locked));
    assert!(
        view.step(4)
            .unwrap()
            .locked_because
            .contains(&LockReason::Safety)
    );
    assert!(view.safety.is_some());
    assert_eq!(
        tablet.refused(day + 1, attempt(ContactMedium::Text, Reply::Warm)),
        Refusal::SafetyLocked
    );
}

#[test]
fn they_said_no_wins_over_a_concurrent_warm_reply() {
    let (phone, tablet, day) = pair_at(2);
    phone.run(
        day,
        ProgramCommand::TheySaidNo {
            kind: NoKind::Blocked,
        },
    );
    tablet.run(day, attempt(ContactMedium::SocialMedia, Reply::Warm));
    let view = merged_view(&phone, &tablet, day);
    assert!(view.ladder.closed_for_good);
    assert_eq!(view.records.attempts.len(), 1);
    assert_eq!(
        tablet.refused(day + 1, attempt(ContactMedium::Text, Reply::Warm)),
        Refusal::TheySaidNo
    );
}

#[test]
fn letting_go_wins_over_concurrent_progress() {
    let (phone, tablet, day) = pair_at(3);
    phone.run(day, ProgramCommand::LetGo { note: None });
    tablet.run(
        day,
        ProgramCommand::LogActivity {
            kind: reconnect_core::program::records::ActivityKind::Fun,
            on: None,
            result: reconnect_core::program::records::ActivityResult::Good,
            note: None,
        },
    );
    let view = merged_view(&phone, &tablet, day);
    assert_eq!(view.outcome, Some(Outcome::LetGo { on: date(day) }));
    assert_eq!(view.records.activities.len(), 1);
    assert_eq!(
        view.step(7).unwrap().locked_because,
        vec![LockReason::LetGo]
    );
}

#[test]
fn concurrent_decisions_resolve_to_the_more_cautious_sequential_ones_to_the_last() {
    // Concurrent, whatever the times: the more cautious answer stands.
    let (phone, tablet, day) = pair_at(3);
    let day = walk_phase_3(&phone, day);
    sync(&phone.app, &tablet.app);
    decide(&phone, day, DecisionAnswer::NotYet);
    tablet
        .clock
        .set(reconnect_tests::device::noon(day) + chrono::Duration::hours(2));
    tablet
        .app
        .program_command(ProgramCommand::Decide {
            answer: DecisionAnswer::Ready,
            revisit_on: None,
        })
        .unwrap();
    let view = merged_view(&phone, &tablet, day + 1);
    assert_eq!(view.records.decisions.len(), 2);
    assert!(matches!(view.outcome, Some(Outcome::NotYet { .. })));
    assert!(matches!(
        view.step(11).unwrap().locked_because[..],
        [LockReason::NotYet { .. }]
    ));
    decide(&tablet, day + 1, DecisionAnswer::Never);
    phone.run(
        day + 1,
        ProgramCommand::Decide {
            answer: DecisionAnswer::NotYet,
            revisit_on: Some(date(day + 40)),
        },
    );
    let view = merged_view(&phone, &tablet, day + 1);
    assert_eq!(
        view.step(11).unwrap().locked_because,
        vec![LockReason::DecidedNever]
    );

    // One after the other the last answer stands: "not yet", then "ready" on its date.
    let (phone, tablet, day) = pair_at(3);
    let day = walk_phase_3(&phone, day);
    decide(&phone, day, DecisionAnswer::NotYet);
    let view = decide(&phone, day + 30, DecisionAnswer::Ready).view;
    assert_eq!(view.outcome, None);
    assert_eq!(view.state_of(11), Some(StepState::Available));
    let view = merged_view(&phone, &tablet, day + 30);
    assert_eq!(view.state_of(11), Some(StepState::Available));
}

#[test]
fn unanswered_attempts_from_two_devices_add_up_to_a_pause() {
    let (phone, tablet, day) = pair_at(2);
    phone.run(day, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    tablet.run(day + 1, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    let view = merged_view(&phone, &tablet, day + 2);
    assert_eq!(view.ladder.unanswered_in_a_row, 2);
    assert_eq!(view.ladder.paused_until, Some(date(day + 1 + 14)));
    let until = date(day + 15);
    assert_eq!(
        phone.refused(day + 2, attempt(ContactMedium::SocialMedia, Reply::Warm)),
        Refusal::CoolingOff { until }
    );
}

#[test]
fn concurrent_no_contact_periods_never_mix_into_one_nobody_chose() {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    phone.run(0, favourable_pre_check());
    sync(&phone.app, &tablet.app);
    // Each is at most 3 months; the phone's start with the tablet's end would be longer.
    phone.run(
        40,
        ProgramCommand::SetNoContact {
            start: date(0),
            end: date(85),
        },
    );
    tablet.run(
        40,
        ProgramCommand::SetNoContact {
            start: date(30),
            end: date(115),
        },
    );
    let view = merged_view(&phone, &tablet, 40);
    let period = view.records.no_contact.unwrap();
    let chosen = [(date(0), date(85)), (date(30), date(115))];
    assert!(chosen.contains(&(period.start, period.end)), "{period:?}");
}

#[test]
fn concurrent_edits_of_one_record_settle_on_one_value_everywhere() {
    let (phone, tablet, day) = pair_at(1);
    let mistake = phone
        .run(
            day,
            ProgramCommand::AddMistake {
                text: "I kept score".into(),
                plan: None,
            },
        )
        .created_id
        .unwrap();
    sync(&phone.app, &tablet.app);
    phone.run(
        day,
        ProgramCommand::SetMistakePlan {
            id: mistake.clone(),
            plan: "let small things go".into(),
        },
    );
    tablet.run(
        day,
        ProgramCommand::SetMistakePlan {
            id: mistake.clone(),
            plan: "say thank you more".into(),
        },
    );
    let view = merged_view(&phone, &tablet, day);
    let plan = view.records.mistakes[0].plan.clone().unwrap();
    assert!(["let small things go", "say thank you more"].contains(&plan.as_str()));
    assert_eq!(view.state_of(2), Some(StepState::Done));
}

#[test]
fn a_removal_wins_over_a_concurrent_edit_of_the_same_record() {
    let (phone, tablet, day) = pair_at(2);
    let draft = phone
        .run(
            day,
            ProgramCommand::DraftIceBreaker {
                text: "Hi! Hope spring is treating you well.".into(),
                cool_off_hours: 0,
            },
        )
        .created_id
        .unwrap();
    sync(&phone.app, &tablet.app);
    phone.run(
        day,
        ProgramCommand::MarkIceBreakerReady { id: draft.clone() },
    );
    tablet.run(day, ProgramCommand::Remove { id: draft });
    let view = merged_view(&phone, &tablet, day);
    assert!(view.records.ice_breakers.is_empty());
    assert_eq!(view.state_of(5), Some(StepState::Available));
}

#[test]
fn never_closes_contact_even_for_steps_already_done() {
    let (phone, tablet, day) = pair_at(3);
    let day = walk_phase_3(&phone, day);
    sync(&phone.app, &tablet.app);
    let view = decide(&tablet, day, DecisionAnswer::Never).view;
    for step in [4, 5, 6, 7, 8, 10, 11] {
        assert_eq!(view.state_of(step), Some(StepState::Locked), "step {step}");
        assert!(
            view.step(step)
                .unwrap()
                .locked_because
                .contains(&LockReason::DecidedNever)
        );
    }
    assert_eq!(view.state_of(9), Some(StepState::Locked));
    assert_eq!(view.dates.no_contact_ends, None);
    for command in [
        attempt(ContactMedium::Video, Reply::Warm),
        ProgramCommand::LogActivity {
            kind: reconnect_core::program::records::ActivityKind::Fun,
            on: None,
            result: reconnect_core::program::records::ActivityResult::Good,
            note: None,
        },
    ] {
        let refusal = tablet.refused(day + 1, command);
        assert_eq!(refusal, Refusal::DecidedNever);
    }
    // Merged into the phone, the same holds there.
    let view = merged_view(&phone, &tablet, day + 1);
    assert_eq!(view.state_of(4), Some(StepState::Locked));
}

#[test]
fn not_yet_holds_back_a_trial_that_already_began() {
    let (phone, _tablet, day) = pair_at(4);
    phone.run(
        day,
        ProgramCommand::StartTrial {
            start: date(day),
            end: date(day + 30),
            review_every_days: 7,
        },
    );
    decide(&phone, day + 1, DecisionAnswer::NotYet);
    let refusal = phone.refused(
        day + 2,
        review(
            true,
            Some(reconnect_core::program::records::TrialOutcome::Together),
        ),
    );
    assert!(
        matches!(refusal, Refusal::StepLocked { step: 11, .. }),
        "{refusal:?}"
    );
    assert!(phone.app.program().unwrap().dates.trial_reviews.is_empty());
}

#[test]
fn safety_records_a_newer_version_wrote_still_lock_contact() {
    use automerge::transaction::Transactable;
    let (phone, tablet, day) = pair_at(2);
    // A peer on a newer version writes values this version cannot read.
    let mut newer = automerge::AutoCommit::load(&tablet.app.save_document().unwrap())
        .unwrap()
        .with_actor(automerge::ActorId::random());
    let program = match automerge::ReadDoc::get(&newer, automerge::ROOT, "program").unwrap() {
        Some((_, id)) => id,
        None => panic!("program map"),
    };
    let said_no = match automerge::ReadDoc::get(&newer, &program, "said_no").unwrap() {
        Some((_, id)) => id,
        None => panic!("said_no map"),
    };
    newer.put(&said_no, "kind", "ghosted_forever").unwrap();
    newer.commit();
    phone.app.merge_document(&newer.save()).unwrap();
    let view = phone.on(day).program().unwrap();
    assert!(view.ladder.closed_for_good);
    assert_eq!(
        phone.refused(day, attempt(ContactMedium::SocialMedia, Reply::Warm)),
        Refusal::TheySaidNo
    );
}

// Each stop added in #12, recorded on one device while the other records progress,
// still holds once the two have synced.

fn screening_yes(sign: &str) -> ProgramCommand {
    let mut screening = screening(reconnect_core::program::records::ScreeningAnswer::No);
    screening.insert(
        sign.into(),
        reconnect_core::program::records::ScreeningAnswer::Yes,
    );
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

#[test]
fn a_screening_yes_or_an_abuse_reason_wins_over_concurrent_contact() {
    for stop in [
        screening_yes("violence"),
        ProgramCommand::AddReason {
            text: "they read my messages".into(),
            kind: "monitoring".into(),
        },
    ] {
        let (phone, tablet, day) = pair_at(2);
        phone.run(day, stop);
        tablet.run(day, attempt(ContactMedium::SocialMedia, Reply::Warm));
        let view = merged_view(&phone, &tablet, day);
        assert!(view.safety.is_some());
        assert_eq!(view.records.attempts.len(), 1);
        assert_eq!(
            tablet.refused(day + 1, attempt(ContactMedium::Text, Reply::Warm)),
            Refusal::SafetyLocked
        );
    }
}

#[test]
fn never_wins_over_concurrent_progress_and_a_concurrent_ready() {
    let (phone, tablet, day) = pair_at(3);
    let day = walk_phase_3(&phone, day);
    sync(&phone.app, &tablet.app);
    decide(&phone, day, DecisionAnswer::Never);
    decide(&tablet, day, DecisionAnswer::Ready);
    tablet.run(
        day,
        ProgramCommand::StartTrial {
            start: date(day),
            end: date(day + 30),
            review_every_days: 7,
        },
    );
    let view = merged_view(&phone, &tablet, day + 1);
    for step in 4..=11 {
        assert!(
            view.step(step)
                .unwrap()
                .locked_because
                .contains(&LockReason::DecidedNever),
            "step {step}"
        );
    }
    assert!(view.dates.trial_reviews.is_empty());
    assert_eq!(
        tablet.refused(day + 1, review(true, None)),
        Refusal::DecidedNever
    );
}

#[test]
fn not_yet_wins_over_a_concurrent_contact_attempt() {
    let (phone, tablet, day) = pair_at(3);
    let day = walk_phase_3(&phone, day);
    sync(&phone.app, &tablet.app);
    decide(&phone, day, DecisionAnswer::NotYet);
    tablet.run(day, attempt(ContactMedium::Video, Reply::Warm));
    merged_view(&phone, &tablet, day + 1);
    assert_eq!(
        tablet.refused(day + 1, attempt(ContactMedium::Video, Reply::Warm)),
        Refusal::NotYetUntil {
            revisit_on: date(day + 30)
        }
    );
}

#[test]
fn the_unanswered_ceiling_wins_over_a_concurrent_warm_reply() {
    let (phone, tablet, day) = pair_at(2);
    phone.run(day, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    phone.run(day + 1, attempt(ContactMedium::SocialMedia, Reply::NoReply));
    sync(&phone.app, &tablet.app);
    phone.run(
        day + 15,
        attempt(ContactMedium::SocialMedia, Reply::NoReply),
    );
    tablet.run(day + 15, attempt(ContactMedium::SocialMedia, Reply::Warm));
    let view = merged_view(&phone, &tablet, day + 16);
    assert!(view.ladder.no_answer);
    assert_eq!(
        tablet.refused(day + 16, attempt(ContactMedium::Text, Reply::Warm)),
        Refusal::NoAnswer
    );
}

#[test]
fn a_restart_on_one_device_lifts_no_concurrent_no_or_flag() {
    let (phone, tablet, day) = pair_at(2);
    phone.run(day, ProgramCommand::Restart { confirmed: true });
    tablet.run(
        day,
        ProgramCommand::TheySaidNo {
            kind: NoKind::SaidNo,
        },
    );
    tablet.run(
        day,
        ProgramCommand::FlagSafety {
            signs: vec!["fear".into()],
        },
    );
    let view = merged_view(&phone, &tablet, day + 1);
    assert!(view.ladder.closed_for_good && view.safety.is_some());
}
