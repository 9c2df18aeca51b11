use std::collections::HashSet;

use super::*;
use crate::program::records::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, NoKind, Reply, SafetySource,
    ScreeningAnswer, TheirSideKind, TrialOutcome,
};

fn lower(s: &str) -> String {
    s.to_lowercase()
}

#[test]
fn there_are_four_phases_numbered_in_order() {
    assert_eq!(phases().len(), 4);
    for (i, p) in phases().iter().enumerate() {
        assert_eq!(usize::from(p.number), i + 1);
        assert_eq!(phase(p.number), Some(p));
    }
    assert_eq!(phase(0), None);
    assert_eq!(phase(5), None);
}

#[test]
fn there_are_eleven_steps_in_order_with_the_product_phase_mapping() {
    assert_eq!(steps().len(), 11);
    for (i, s) in steps().iter().enumerate() {
        let n = i + 1;
        assert_eq!(usize::from(s.number), n);
        assert_eq!(s.key, format!("step.{n}"));
        let expected_phase = match n {
            1..=3 => 1,
            4..=6 => 2,
            7..=9 => 3,
            _ => 4,
        };
        assert_eq!(s.phase, expected_phase, "step {n}");
        assert_eq!(step(s.number), Some(s));
    }
    assert_eq!(step(0), None);
    assert_eq!(step(12), None);
    let per_phase: Vec<usize> = (1..=4).map(|p| steps_in_phase(p).count()).collect();
    assert_eq!(per_phase, [3, 3, 3, 2]);
}

#[test]
fn every_key_is_unique_and_lowercase_dotted_ascii() {
    let mut seen = HashSet::new();
    for e in entries() {
        let key = e.key.as_ref();
        assert!(seen.insert(key), "duplicate key {key}");
        assert!(
            key.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.'),
            "bad characters in key {key}"
        );
        assert!(
            key.split('.').all(|part| !part.is_empty()),
            "empty segment in key {key}"
        );
    }
    // Enough texts to be the whole program, not a partial list.
    assert!(entries().len() > 150, "only {} entries", entries().len());
}

#[test]
fn no_text_is_empty_or_untidy() {
    for e in entries() {
        assert!(!e.text.trim().is_empty(), "empty text at {}", e.key);
        assert_eq!(e.text, e.text.trim(), "untrimmed text at {}", e.key);
        assert!(!e.text.contains("  "), "double space at {}", e.key);
        assert!(!e.text.contains('\n'), "line break at {}", e.key);
    }
}

#[test]
fn text_finds_every_key() {
    for e in entries() {
        assert_eq!(text(&e.key), Some(e.text), "key {}", e.key);
    }
    let one = step(1).unwrap();
    assert_eq!(text("step.1"), Some(one.title));
    assert_eq!(text("step.1.explanation"), Some(one.explanation));
    assert_eq!(text("step.1.prompt.reasons"), Some(one.prompts[0].text));
    assert_eq!(text("phase.assess"), Some(phases()[0].title));
    assert_eq!(
        text("apology.repair.guidance"),
        Some(apology_parts()[3].guidance)
    );
    assert_eq!(text("letgo.exercise.1"), Some(let_go().exercise[0].title));
    assert_eq!(text("safety.resources"), Some(SAFETY_RESOURCES.title));
    assert_eq!(text("step.12"), None);
    assert_eq!(text(""), None);
}

#[test]
fn every_step_has_two_to_five_prompts_under_its_own_key() {
    for s in steps() {
        assert!(
            (2..=5).contains(&s.prompts.len()),
            "step {} has {} prompts",
            s.number,
            s.prompts.len()
        );
        let prefix = format!("{}.prompt.", s.key);
        for p in s.prompts {
            assert!(
                p.key.starts_with(&prefix),
                "prompt {} outside {prefix}",
                p.key
            );
        }
    }
}

#[test]
fn no_text_teaches_a_tactic() {
    // Step 7 is about good time as friends, not engineered closeness; the example message
    // pulls on no shared memory.
    let step7 = lower(step(7).unwrap().explanation);
    for banned in ["brings people closer", "excitement"] {
        assert!(!step7.contains(banned), "step 7 says {banned:?}");
    }
    let example = lower(ice_breaker_example().text);
    for banned in ["used to", "remember", "we ", "our "] {
        assert!(
            !example.contains(banned),
            "the example ice-breaker says {banned:?}"
        );
    }
}

#[test]
fn the_example_ice_breaker_is_casual_and_asks_for_nothing() {
    let example = lower(ice_breaker_example().text);
    for banned in ["miss you", "sorry", "apolog", "back together"] {
        assert!(!example.contains(banned), "ice-breaker mentions {banned:?}");
    }
    assert!(
        example.contains('?'),
        "an easy question to answer keeps it light"
    );
}

#[test]
fn fixable_flags_match_the_product() {
    let fixable: HashSet<&str> = reason_kinds()
        .iter()
        .filter(|r| r.fixable)
        .map(|r| r.code)
        .collect();
    let not_fixable: HashSet<&str> = reason_kinds()
        .iter()
        .filter(|r| !r.fixable)
        .map(|r| r.code)
        .collect();
    assert_eq!(
        fixable,
        HashSet::from([
            "misunderstanding",
            "silly_fights",
            "communication",
            "jealousy"
        ])
    );
    assert_eq!(
        not_fixable,
        HashSet::from([
            "not_serious",
            "no_empathy",
            "unforgivable",
            "fear",
            "threats",
            "violence",
            "control",
            "monitoring"
        ])
    );
    // A reason that is a sign of abuse records that sign; no other reason does.
    for kind in reason_kinds() {
        match kind.safety_sign {
            Some(sign) => assert!(
                safety_signs().iter().any(|s| s.code == sign),
                "{} records an unknown sign",
                kind.code
            ),
            None => assert!(
                kind.fixable || ["not_serious", "no_empathy", "unforgivable"].contains(&kind.code)
            ),
        }
    }
    assert_eq!(reason_kind("jealousy").map(|r| r.fixable), Some(true));
    assert_eq!(reason_kind("unforgivable").map(|r| r.fixable), Some(false));
    assert_eq!(reason_kind("boredom"), None);
}

#[test]
fn coded_items_are_keyed_by_their_code_and_codes_are_unique() {
    fn check<'a>(prefix: &str, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) {
        let mut codes = HashSet::new();
        for (code, key) in pairs {
            assert!(codes.insert(code), "duplicate code {code} under {prefix}");
            assert_eq!(key, format!("{prefix}.{code}"));
        }
    }
    check(
        "precheck.question",
        pre_check().questions.iter().map(|q| (q.code, q.key)),
    );
    check("reason", reason_kinds().iter().map(|r| (r.code, r.key)));
    check(
        "readiness",
        readiness_items().iter().map(|i| (i.code, i.key)),
    );
    check("apology", apology_parts().iter().map(|a| (a.code, a.key)));
    check("trial.sign", trial_signs().iter().map(|i| (i.code, i.key)));
    check(
        "safety.sign",
        safety_signs().iter().map(|i| (i.code, i.key)),
    );
    check("ladder", ladder().iter().map(|r| (r.medium.code(), r.key)));
}

#[test]
fn the_pre_check_asks_the_products_five_questions() {
    let answers: Vec<(&str, bool)> = pre_check()
        .questions
        .iter()
        .map(|q| (q.code, q.favourable_answer))
        .collect();
    assert_eq!(
        answers,
        [
            ("loneliness", false),
            ("fixable", true),
            ("hasty", true),
            ("both_changed", true),
            ("fresh_start", true),
        ]
    );
}

#[test]
fn the_ladder_climbs_from_social_media_to_meeting_in_person() {
    let mediums: Vec<ContactMedium> = ladder().iter().map(|r| r.medium).collect();
    assert_eq!(
        mediums,
        [
            ContactMedium::SocialMedia,
            ContactMedium::Text,
            ContactMedium::Call,
            ContactMedium::Video,
            ContactMedium::InPerson,
        ]
    );
    for (i, r) in ladder().iter().enumerate() {
        assert_eq!(usize::from(r.rung), i + 1);
        assert_eq!(ladder_rung(r.medium), Some(r));
    }
    assert_eq!(ladder_rung(ContactMedium::None), None);
}

#[test]
fn the_step_tools_have_the_products_parts() {
    let parts: Vec<(u8, &str)> = apology_parts().iter().map(|a| (a.number, a.code)).collect();
    assert_eq!(
        parts,
        [
            (1, "what_i_did"),
            (2, "responsibility"),
            (3, "what_changed"),
            (4, "repair")
        ]
    );
    assert_eq!(trial_signs().len(), 4);
    assert!(readiness_items().len() >= 3);
    assert_eq!(safety_signs().len(), 6);
    // The self-check asks about fear, threats, violence, control and monitoring, and each
    // question records a sign there is.
    let asked: Vec<&str> = pre_check().screening.iter().map(|q| q.code).collect();
    assert_eq!(
        asked,
        ["fear", "threats", "violence", "control", "monitoring"]
    );
    for q in pre_check().screening {
        assert!(
            safety_signs().iter().any(|s| s.code == q.sign),
            "{}",
            q.code
        );
        assert_eq!(q.key, format!("precheck.screening.{}", q.code));
    }
}

#[test]
fn the_let_go_exercise_has_three_to_five_numbered_steps() {
    let exercise = let_go().exercise;
    assert!((3..=5).contains(&exercise.len()));
    for (i, e) in exercise.iter().enumerate() {
        assert_eq!(usize::from(e.number), i + 1);
        assert_eq!(e.key, format!("letgo.exercise.{}", i + 1));
    }
}

#[test]
fn letting_go_is_never_called_a_failure() {
    let texts = entries()
        .iter()
        .filter(|e| e.key.starts_with("letgo") || e.key.starts_with("safety.they_said_no"));
    for e in texts {
        let t = lower(e.text);
        assert!(!t.contains("fail"), "{} mentions failure", e.key);
        assert!(!t.contains("try again"), "{} suggests trying again", e.key);
    }
}

#[test]
fn safety_texts_invent_no_phone_numbers() {
    for e in entries().iter().filter(|e| e.key.starts_with("safety.")) {
        assert!(
            !e.text.bytes().any(|b| b.is_ascii_digit()),
            "{} contains a number",
            e.key
        );
    }
}

#[test]
fn advice_is_keyed_under_advice() {
    assert!(advice().len() >= 6);
    for a in advice() {
        assert!(a.key.starts_with("advice."), "{}", a.key);
    }
}

#[test]
fn content_serialises_with_its_keys_and_codes() {
    let step5 = serde_json::to_value(step(5).unwrap()).unwrap();
    assert_eq!(step5["key"], "step.5");
    assert_eq!(step5["phase"], 2);
    assert!(step5["prompts"].as_array().is_some_and(|p| p.len() >= 2));
    let rung = serde_json::to_value(ladder()[0]).unwrap();
    assert_eq!(rung["medium"], "social_media");
}

/// Every value of `T` has exactly one choice, under its own group, and the group has no
/// choice for a code `T` doesn't have.
fn check_choices<T: Choosable + std::fmt::Debug>(all: impl Iterator<Item = T>) {
    let group = T::GROUP;
    let choices = choices_for(group).unwrap_or_else(|| panic!("no choice group {group}"));
    let codes: Vec<&str> = all.map(Choosable::choice_code).collect();
    let labelled: Vec<&str> = choices.iter().map(|c| c.code).collect();
    assert_eq!(
        labelled, codes,
        "choice.{group} doesn't match the enum's codes"
    );
    for code in &codes {
        let matching = choices.iter().filter(|c| c.code == *code).count();
        assert_eq!(matching, 1, "choice.{group}.{code} has {matching} labels");
        assert!(choice_label(group, code).is_some());
    }
    let mut labels = HashSet::new();
    for c in choices {
        assert_eq!(c.key, format!("choice.{group}.{}", c.code));
        assert!(
            labels.insert(c.label),
            "label {:?} twice in {group}",
            c.label
        );
        assert_eq!(text(c.key), Some(c.label), "{} not in entries()", c.key);
        assert_eq!(
            text(&format!("{}.{EXPLANATION_SUFFIX}", c.key)),
            Some(c.explanation),
            "{} has no explanation in entries()",
            c.key
        );
    }
}

#[test]
fn every_code_of_every_coded_enum_has_exactly_one_label() {
    check_choices(EndedBy::all());
    check_choices(Reply::all());
    check_choices(ActivityKind::all());
    check_choices(ActivityResult::all());
    check_choices(TheirSideKind::all());
    check_choices(DecisionAnswer::all());
    check_choices(NoKind::all());
    check_choices(ScreeningAnswer::all());
    check_choices(SafetySource::all());
    check_choices(TrialOutcome::all());

    let groups: Vec<&str> = choice_groups().iter().map(|g| g.code).collect();
    assert_eq!(
        groups,
        [
            EndedBy::GROUP,
            Reply::GROUP,
            ActivityKind::GROUP,
            ActivityResult::GROUP,
            TheirSideKind::GROUP,
            DecisionAnswer::GROUP,
            NoKind::GROUP,
            ScreeningAnswer::GROUP,
            SafetySource::GROUP,
            TrialOutcome::GROUP,
        ]
    );
    // A new coded enum in records.rs needs its labels here (and a line above).
    let records = include_str!("../records.rs");
    let enums = records.matches("\ncoded! {").count();
    assert_eq!(
        enums,
        groups.len(),
        "records.rs has {enums} coded enums but there are {} choice groups",
        groups.len()
    );
}

#[test]
fn choices_are_found_by_value_and_by_code() {
    let warm = choice(Reply::Warm).unwrap();
    assert_eq!(warm.key, "choice.reply.warm");
    assert_eq!(choice_label("reply", "warm"), Some(warm.label));
    assert_eq!(
        text("choice.reply.no_reply"),
        choice_label("reply", "no_reply")
    );
    assert_eq!(
        text("choice.decision_answer.not_yet.explanation"),
        choice(DecisionAnswer::NotYet).map(|c| c.explanation)
    );
    assert_eq!(choice_label("reply", "ecstatic"), None);
    assert_eq!(choice_label("mood", "warm"), None);
    assert_eq!(choices_for("mood"), None);
    assert_eq!(choices_for("trial_outcome").map(<[Choice]>::len), Some(3));
}

#[test]
fn choice_explanations_are_one_sentence() {
    for c in choice_groups().iter().flat_map(|g| g.choices) {
        let e = c.explanation;
        assert!(e.ends_with('.'), "{} doesn't end with a full stop", c.key);
        let inner = &e[..e.len() - 1];
        for stop in [". ", "! ", "? "] {
            assert!(
                !inner.contains(stop),
                "{} has more than one sentence",
                c.key
            );
        }
        assert!(
            !c.label.ends_with('.'),
            "{} label ends with a full stop",
            c.key
        );
    }
}

#[test]
fn letting_go_and_their_no_are_described_with_respect() {
    let respectful = [
        choice(NoKind::SaidNo),
        choice(NoKind::AskedNoContact),
        choice(NoKind::Blocked),
        choice(DecisionAnswer::Never),
        choice(TrialOutcome::LetGo),
        choice(TrialOutcome::Extend),
    ];
    for c in respectful.into_iter().flatten() {
        for t in [lower(c.label), lower(c.explanation)] {
            for banned in [
                "fail",
                "try again",
                "give up",
                "giving up",
                "change their mind",
            ] {
                assert!(!t.contains(banned), "{} mentions {banned:?}", c.key);
            }
        }
    }
    for no in NoKind::all() {
        let t = lower(choice(no).unwrap().explanation);
        assert!(
            ["respect", "honour"].iter().any(|w| t.contains(w)),
            "{} should ask to respect their answer",
            choice(no).unwrap().key
        );
    }
}
