//! Exists because hand-written scenarios only try the paths we thought of: random command
//! sequences (with check-ins), from random points in the program, must never record
//! progress into a locked step, never climb the ladder past a "no", a pause or a rung not
//! yet earned, never record anything in steps 4–11 (nor let a draft become ready) under a
//! stop — a safety flag, "they said no", "never", the unanswered ceiling, or "not yet"
//! before its date — judged from the raw records, not the engine's view; and a refused
//! command must never write anything.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit};
use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use reconnect_core::ContactMedium;
use reconnect_core::doc::{genesis, migration, program as stored};
use reconnect_core::program::content;
use reconnect_core::program::engine::COOL_OFF_DAYS;
use reconnect_core::program::records::*;
use reconnect_core::program::{self, CheckinFacts, Moment, ProgramCommand, ProgramView, StepState};

const DEVICE: &str = "property-device";

/// One program in memory, on a clock the test moves.
struct Sim {
    doc: AutoCommit,
    day: u32,
    next_id: std::cell::Cell<u64>,
    checkins: Vec<CheckinFacts>,
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

impl Sim {
    fn new() -> Sim {
        let mut doc = AutoCommit::load(genesis::GENESIS)
            .unwrap()
            .with_actor(ActorId::from(b"property-device".as_slice()));
        migration::apply(&mut doc).unwrap();
        doc.commit();
        Sim {
            doc,
            day: 0,
            next_id: std::cell::Cell::new(0),
            checkins: Vec::new(),
        }
    }

    fn today(&self) -> NaiveDate {
        start() + Days::new(u64::from(self.day))
    }

    fn now(&self) -> DateTime<Utc> {
        Utc.from_utc_datetime(&self.today().and_hms_opt(12, 0, 0).unwrap())
            + chrono::Duration::seconds(i64::try_from(self.next_id.get()).unwrap())
    }

    fn records(&self) -> ProgramRecords {
        stored::read(&self.doc).unwrap()
    }

    fn view(&self) -> ProgramView {
        program::evaluate(
            &self.records(),
            Moment {
                now: self.now(),
                today: self.today(),
                moods: &[],
                checkins: &self.checkins,
                device: DEVICE,
            },
        )
    }

    /// Runs one command as the app does: committed if accepted, rolled back if not.
    fn run(&mut self, command: &ProgramCommand) -> Result<(), String> {
        let moment = Moment {
            now: self.now(),
            today: self.today(),
            moods: &[],
            checkins: &self.checkins,
            device: DEVICE,
        };
        let counter = &self.next_id;
        let new_id = || {
            counter.set(counter.get() + 1);
            Ok(format!("r{:04}", counter.get()))
        };
        match program::run(&mut self.doc, command, moment, &new_id) {
            Ok(_) => {
                self.doc.commit();
                self.next_id.set(self.next_id.get() + 1);
                Ok(())
            }
            Err(err) => {
                let pending = self.doc.pending_ops();
                self.doc.rollback();
                assert_eq!(pending, 0, "refused {} wrote {pending} ops", command.name());
                Err(err.to_string())
            }
        }
    }
}

/// What is recorded for each step, as id → record text, from the records alone.
fn step_records(r: &ProgramRecords) -> BTreeMap<u8, BTreeMap<String, String>> {
    fn ids<T: std::fmt::Debug>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<(String, String)> {
        items
            .iter()
            .map(|item| (id(item).to_string(), format!("{item:?}")))
            .collect()
    }
    let single = |name: &str, value: String| vec![(name.to_string(), value)];
    let mut out = BTreeMap::new();
    let steps: [(u8, Vec<(String, String)>); 11] = [
        (
            1,
            [
                ids(&r.reasons, |x| &x.id),
                ids(&r.triggers, |x| &x.id),
                single("ended_by", format!("{:?}", r.ended_by)),
            ]
            .concat(),
        ),
        (2, ids(&r.mistakes, |x| &x.id)),
        (
            3,
            [
                single("no_contact", format!("{:?}", r.no_contact)),
                single("readiness", format!("{:?}", r.readiness)),
            ]
            .concat(),
        ),
        (
            4,
            [ids(&r.observations, |x| &x.id), ids(&r.attempts, |x| &x.id)].concat(),
        ),
        (5, ids(&r.ice_breakers, |x| &x.id)),
        (6, ids(&r.apologies, |x| &x.id)),
        (7, ids(&r.activities, |x| &x.id)),
        (8, ids(&r.their_side, |x| &x.id)),
        (9, ids(&r.decisions, |x| &x.id)),
        (10, single("therapy", format!("{:?}", r.therapy))),
        (
            11,
            [
                single("trial", format!("{:?}", r.trial)),
                ids(&r.trial_reviews, |x| &x.id),
            ]
            .concat(),
        ),
    ];
    for (step, entries) in steps {
        out.insert(step, entries.into_iter().collect());
    }
    out
}

/// Whether `after` adds to or changes anything in `before` (removals do not count).
fn grew(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> bool {
    after.iter().any(|(id, text)| before.get(id) != Some(text))
}

fn rung(medium: ContactMedium) -> u8 {
    content::ladder_rung(medium).map_or(u8::MAX, |r| r.rung)
}

/// The ladder facts, computed from the records alone.
fn open_rung(r: &ProgramRecords) -> u8 {
    let warm = r
        .attempts
        .iter()
        .filter(|a| a.reply == Reply::Warm)
        .map(|a| rung(a.medium))
        .max()
        .unwrap_or(0);
    (warm + 1).min(5)
}

/// The stops that hold, worked out from the raw records (the current run of the program:
/// lists after the latest restart), independently of the engine.
#[derive(Debug, Default)]
struct Stops {
    safety: bool,
    said_no: bool,
    never: bool,
    no_answer: bool,
    not_yet_until: Option<NaiveDate>,
}

impl Stops {
    /// A stop that closes steps 4–11 whatever the date.
    fn closed(&self) -> bool {
        self.safety || self.said_no || self.never || self.no_answer
    }
}

fn since_restart(r: &ProgramRecords) -> Option<DateTime<Utc>> {
    r.restarts.iter().map(|x| x.at).max()
}

fn current_attempts(r: &ProgramRecords) -> Vec<&Attempt> {
    let since = since_restart(r);
    let mut attempts: Vec<&Attempt> = r
        .attempts
        .iter()
        .filter(|a| since.is_none_or(|s| a.at > s))
        .collect();
    attempts.sort_by(|a, b| (a.on, a.at, &a.id).cmp(&(b.on, b.at, &b.id)));
    attempts
}

fn stops(r: &ProgramRecords, today: NaiveDate) -> Stops {
    let since = since_restart(r);
    let decision = r
        .current_decision
        .as_ref()
        .and_then(|id| r.decisions.iter().find(|d| &d.id == id))
        .filter(|d| since.is_none_or(|s| d.at > s));
    // No answer: any unanswered attempt after two in a row, or the fourth in all.
    let (mut in_a_row, mut total, mut paused, mut no_answer) = (0, 0, false, false);
    for attempt in current_attempts(r) {
        if attempt.reply == Reply::NoReply {
            total += 1;
            in_a_row += 1;
            no_answer |= paused || total >= 4;
            paused |= in_a_row >= 2;
        } else {
            in_a_row = 0;
        }
    }
    Stops {
        safety: !r.safety_flags.is_empty(),
        said_no: r.said_no.is_some(),
        never: decision.is_some_and(|d| d.answer == DecisionAnswer::Never),
        no_answer,
        not_yet_until: decision
            .filter(|d| d.answer == DecisionAnswer::NotYet)
            .and_then(|d| d.revisit_on)
            .filter(|on| *on > today),
    }
}

fn paused(r: &ProgramRecords, today: NaiveDate) -> bool {
    let attempts = current_attempts(r);
    let n = attempts.len();
    n >= 2
        && attempts[n - 1].reply == Reply::NoReply
        && attempts[n - 2].reply == Reply::NoReply
        && today < attempts[n - 1].on + Days::new(COOL_OFF_DAYS)
}

#[derive(Debug, Clone)]
enum Op {
    Wait(u32),
    /// Today's check-in: urge, and how contact happened (index into the media).
    CheckIn(u8, usize),
    Command(Gen),
}

/// A command with its references to existing records left as indexes.
#[derive(Debug, Clone)]
enum Gen {
    PreCheck(u8, u32, u8),
    Reason(usize),
    EndedBy(usize),
    Mistake(bool),
    Plan(usize),
    NoContact(u32, u32),
    Readiness(bool),
    EndEarly,
    Observation,
    Attempt(usize, usize, u32, bool),
    Reply(usize, usize),
    Draft(u32),
    MarkReady(usize),
    Apology(Option<usize>, u8),
    Activity(usize, usize),
    TheirSide(usize, bool),
    Respond(usize),
    Decide(usize, u32),
    Therapy(Option<bool>, Option<bool>),
    Session,
    Trial(u32, u32),
    Review(u8, Option<usize>),
    Acknowledge(usize),
    LetGo,
    Exercise(u8),
    Safety(usize),
    SaidNo(usize),
    Withdraw(usize, bool),
    Restart,
    Remove(usize),
}

fn gen_op() -> impl Strategy<Value = Op> {
    let g = prop_oneof![
        1 => (any::<u8>(), 0..4u32, any::<u8>()).prop_map(|(a, c, s)| Gen::PreCheck(a, c, s)),
        2 => prop_oneof![8 => 0..7usize, 1 => 0..12usize].prop_map(Gen::Reason),
        1 => (0..3usize).prop_map(Gen::EndedBy),
        1 => any::<bool>().prop_map(Gen::Mistake),
        1 => any::<usize>().prop_map(Gen::Plan),
        1 => (0..40u32, 1..120u32).prop_map(|(back, len)| Gen::NoContact(back, len)),
        1 => any::<bool>().prop_map(Gen::Readiness),
        1 => Just(Gen::EndEarly),
        1 => Just(Gen::Observation),
        // Contact attempts are where most rules bite: frequent, often unanswered.
        8 => (0..6usize, prop_oneof![Just(0usize), 0..4usize], 0..3u32, prop::bool::weighted(0.2))
            .prop_map(|(m, r, back, skip)| Gen::Attempt(m, r, back, skip)),
        1 => (any::<usize>(), 0..4usize).prop_map(|(i, r)| Gen::Reply(i, r)),
        1 => (0..72u32).prop_map(Gen::Draft),
        1 => any::<usize>().prop_map(Gen::MarkReady),
        1 => (proptest::option::of(any::<usize>()), any::<u8>()).prop_map(|(i, p)| Gen::Apology(i, p)),
        1 => (0..4usize, 0..3usize).prop_map(|(k, r)| Gen::Activity(k, r)),
        1 => (0..3usize, any::<bool>()).prop_map(|(k, r)| Gen::TheirSide(k, r)),
        1 => any::<usize>().prop_map(Gen::Respond),
        1 => (0..3usize, 1..60u32).prop_map(|(a, d)| Gen::Decide(a, d)),
        1 => (proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>()))
            .prop_map(|(s, a)| Gen::Therapy(s, a)),
        1 => Just(Gen::Session),
        1 => (1..90u32, 1..31u32).prop_map(|(len, every)| Gen::Trial(len, every)),
        1 => (any::<u8>(), proptest::option::of(0..3usize)).prop_map(|(s, o)| Gen::Review(s, o)),
        1 => any::<usize>().prop_map(Gen::Acknowledge),
        1 => Just(Gen::LetGo),
        1 => (1..6u8).prop_map(Gen::Exercise),
        1 => (0..5usize).prop_map(Gen::Safety),
        1 => (0..3usize).prop_map(Gen::SaidNo),
        1 => (0..6usize, prop::bool::weighted(0.9)).prop_map(|(i, c)| Gen::Withdraw(i, c)),
        1 => Just(Gen::Restart),
        1 => any::<usize>().prop_map(Gen::Remove),
    ];
    prop_oneof![
        1 => prop_oneof![0..4u32, 0..40u32].prop_map(Op::Wait),
        1 => (0..=10u8, prop_oneof![4 => Just(0usize), 1 => 0..6usize])
            .prop_map(|(urge, contact)| Op::CheckIn(urge, contact)),
        6 => g.prop_map(Op::Command),
    ]
}

fn pick<T>(items: &[T], index: usize, id: impl Fn(&T) -> String) -> String {
    if items.is_empty() {
        "missing".to_string()
    } else {
        id(&items[index % items.len()])
    }
}

fn nth<T: Copy>(all: impl Iterator<Item = T>, i: usize) -> T {
    let all: Vec<T> = all.collect();
    all[i % all.len()]
}

/// A concrete command for the current state.
fn build(sim: &Sim, spec: &Gen) -> ProgramCommand {
    use ProgramCommand as C;
    let r = sim.records();
    let today = sim.today();
    let bits =
        |mask: u8, codes: &mut dyn Iterator<Item = &'static str>| -> BTreeMap<String, bool> {
            codes
                .enumerate()
                .map(|(i, code)| (code.to_string(), mask & (1 << (i % 8)) == 0 || mask == 0))
                .collect()
        };
    match spec {
        Gen::PreCheck(mask, cycles, screen) => C::AnswerPreCheck {
            answers: bits(
                *mask,
                &mut content::pre_check().questions.iter().map(|q| q.code),
            ),
            past_cycles: *cycles,
            // Mostly "no" or "prefer not to say"; now and then one "yes".
            screening: content::pre_check()
                .screening
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let answer = match (screen % 16, usize::from(screen / 16) % 5 == i) {
                        (0, true) => ScreeningAnswer::Yes,
                        (1..=3, _) => ScreeningAnswer::PreferNotToSay,
                        _ => ScreeningAnswer::No,
                    };
                    (q.code.to_string(), answer)
                })
                .collect(),
        },
        Gen::Reason(k) => C::AddReason {
            text: "a reason".into(),
            kind: content::reason_kinds()[*k % content::reason_kinds().len()]
                .code
                .into(),
        },
        Gen::EndedBy(i) => C::SetEndedBy {
            ended_by: nth(EndedBy::all(), *i),
        },
        Gen::Mistake(plan) => C::AddMistake {
            text: "a mistake".into(),
            plan: plan.then(|| "a plan".to_string()),
        },
        Gen::Plan(i) => C::SetMistakePlan {
            id: pick(&r.mistakes, *i, |m| m.id.clone()),
            plan: "later plan".into(),
        },
        Gen::NoContact(back, len) => {
            let start = today - Days::new(u64::from(*back));
            C::SetNoContact {
                start,
                end: start + Days::new(u64::from(*len)),
            }
        }
        Gen::Readiness(all_true) => C::TakeReadinessCheck {
            answers: bits(
                if *all_true { 0 } else { 1 },
                &mut content::readiness_items().iter().map(|i| i.code),
            ),
        },
        Gen::EndEarly => C::EndNoContactEarly,
        Gen::Observation => C::AddObservation {
            text: "they seem well".into(),
            on: None,
        },
        Gen::Attempt(m, reply, back, skip) => C::LogAttempt {
            medium: ContactMedium::ALL[*m % ContactMedium::ALL.len()],
            on: Some(today - Days::new(u64::from(*back))),
            reply: nth(Reply::all(), *reply),
            note: None,
            skip_ahead: *skip,
        },
        Gen::Reply(i, reply) => C::SetAttemptReply {
            id: pick(&r.attempts, *i, |a| a.id.clone()),
            reply: nth(Reply::all(), *reply),
        },
        Gen::Draft(hours) => C::DraftIceBreaker {
            text: "hello!".into(),
            cool_off_hours: *hours,
        },
        Gen::MarkReady(i) => C::MarkIceBreakerReady {
            id: pick(&r.ice_breakers, *i, |d| d.id.clone()),
        },
        Gen::Apology(i, parts) => {
            let part = |bit: u8| (parts & (1 << bit) != 0).then(|| format!("part {bit}"));
            C::WriteApology {
                id: i.map(|i| pick(&r.apologies, i, |a| a.id.clone())),
                what_i_did: part(0),
                responsibility: part(1),
                what_changed: part(2),
                repair: part(3),
            }
        }
        Gen::Activity(k, res) => C::LogActivity {
            kind: nth(ActivityKind::all(), *k),
            on: None,
            result: nth(ActivityResult::all(), *res),
            note: None,
        },
        Gen::TheirSide(k, with_response) => C::AddTheirSide {
            kind: nth(TheirSideKind::all(), *k),
            text: "a worry".into(),
            response: with_response.then(|| "my answer".to_string()),
        },
        Gen::Respond(i) => C::SetTheirSideResponse {
            id: pick(&r.their_side, *i, |t| t.id.clone()),
            response: "answer".into(),
        },
        Gen::Decide(a, days) => {
            let answer = nth(DecisionAnswer::all(), *a);
            C::Decide {
                answer,
                revisit_on: (answer == DecisionAnswer::NotYet)
                    .then(|| today + Days::new(u64::from(*days))),
            }
        }
        Gen::Therapy(s, a) => C::SetTherapy {
            suggested: *s,
            accepted: *a,
        },
        Gen::Session => C::LogTherapySession { on: None },
        Gen::Trial(len, every) => C::StartTrial {
            start: today,
            end: today + Days::new(u64::from(*len)),
            review_every_days: *every,
        },
        Gen::Review(mask, outcome) => {
            let outcome = outcome.map(|o| nth(TrialOutcome::all(), o));
            C::ReviewTrial {
                on: None,
                signs: bits(*mask, &mut content::trial_signs().iter().map(|s| s.code)),
                note: None,
                outcome,
                extend_to: (outcome == Some(TrialOutcome::Extend))
                    .then(|| r.trial.as_ref().map_or(today, |t| t.end) + Days::new(14)),
            }
        }
        Gen::Acknowledge(i) => {
            let view = sim.view();
            C::AcknowledgeAdvice {
                key: pick(&view.advice, *i, |a| a.key.to_string()),
            }
        }
        Gen::LetGo => C::LetGo { note: None },
        Gen::Exercise(n) => C::WriteLetGoExercise {
            number: *n,
            text: "written".into(),
        },
        Gen::Safety(i) => C::FlagSafety {
            signs: vec![
                content::safety_signs()[*i % content::safety_signs().len()]
                    .code
                    .into(),
            ],
        },
        Gen::Withdraw(i, confirmed) => C::WithdrawSafetyFlag {
            sign: content::safety_signs()[*i % content::safety_signs().len()]
                .code
                .into(),
            confirmed: *confirmed,
        },
        Gen::Restart => C::Restart { confirmed: true },
        Gen::SaidNo(i) => C::TheySaidNo {
            kind: nth(NoKind::all(), *i),
        },
        Gen::Remove(i) => {
            let mut ids: Vec<String> = r.reasons.iter().map(|x| x.id.clone()).collect();
            ids.extend(r.mistakes.iter().map(|x| x.id.clone()));
            ids.extend(r.attempts.iter().map(|x| x.id.clone()));
            ids.extend(r.ice_breakers.iter().map(|x| x.id.clone()));
            ids.extend(r.activities.iter().map(|x| x.id.clone()));
            C::Remove {
                id: pick(&ids, *i, Clone::clone),
            }
        }
    }
}

/// A scripted start, so random commands also run in the later phases.
fn prefix(sim: &mut Sim, phase: u8) {
    use ProgramCommand as C;
    let all_true = |codes: &mut dyn Iterator<Item = &'static str>| {
        codes.map(|c| (c.to_string(), true)).collect()
    };
    let must = |sim: &mut Sim, c: ProgramCommand| {
        let name = c.name();
        sim.run(&c).unwrap_or_else(|e| panic!("prefix {name}: {e}"));
    };
    if phase == 0 {
        return;
    }
    must(
        sim,
        C::AnswerPreCheck {
            answers: content::pre_check()
                .questions
                .iter()
                .map(|q| (q.code.to_string(), q.favourable_answer))
                .collect(),
            past_cycles: 0,
            screening: content::pre_check()
                .screening
                .iter()
                .map(|q| (q.code.to_string(), ScreeningAnswer::No))
                .collect(),
        },
    );
    if phase == 1 {
        return;
    }
    must(
        sim,
        C::AddReason {
            text: "fights".into(),
            kind: "silly_fights".into(),
        },
    );
    must(
        sim,
        C::SetEndedBy {
            ended_by: EndedBy::Mutual,
        },
    );
    must(
        sim,
        C::AddMistake {
            text: "m".into(),
            plan: Some("p".into()),
        },
    );
    must(
        sim,
        C::SetNoContact {
            start: sim.today(),
            end: sim.today() + Days::new(30),
        },
    );
    sim.day += 30;
    must(
        sim,
        C::TakeReadinessCheck {
            answers: all_true(&mut content::readiness_items().iter().map(|i| i.code)),
        },
    );
    if phase == 2 {
        return;
    }
    for medium in [
        ContactMedium::SocialMedia,
        ContactMedium::Text,
        ContactMedium::Call,
    ] {
        must(
            sim,
            C::LogAttempt {
                medium,
                on: None,
                reply: Reply::Warm,
                note: None,
                skip_ahead: false,
            },
        );
    }
    must(
        sim,
        C::DraftIceBreaker {
            text: "hi".into(),
            cool_off_hours: 0,
        },
    );
    let id = sim.records().ice_breakers[0].id.clone();
    must(sim, C::MarkIceBreakerReady { id });
    must(
        sim,
        C::WriteApology {
            id: None,
            what_i_did: Some("a".into()),
            responsibility: Some("b".into()),
            what_changed: Some("c".into()),
            repair: Some("d".into()),
        },
    );
    if phase == 3 {
        return;
    }
    for _ in 0..3 {
        must(
            sim,
            C::LogActivity {
                kind: ActivityKind::Fun,
                on: None,
                result: ActivityResult::Good,
                note: None,
            },
        );
    }
    must(
        sim,
        C::AddTheirSide {
            kind: TheirSideKind::Boundary,
            text: "t".into(),
            response: Some("r".into()),
        },
    );
    must(
        sim,
        C::Decide {
            answer: DecisionAnswer::Ready,
            revisit_on: None,
        },
    );
}

fn check_sequence(phase: u8, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut sim = Sim::new();
    prefix(&mut sim, phase);
    for op in ops {
        let command = match op {
            Op::Wait(days) => {
                sim.day += days;
                continue;
            }
            Op::CheckIn(urge, contact) => {
                let today = sim.today();
                sim.checkins.retain(|c| c.date != today);
                sim.checkins.push(CheckinFacts {
                    date: today,
                    urge: *urge,
                    contact: ContactMedium::ALL[*contact % ContactMedium::ALL.len()],
                });
                continue;
            }
            Op::Command(spec) => build(&sim, spec),
        };
        let before_records = sim.records();
        let before = sim.view();
        let before_steps = step_records(&before_records);
        let accepted = sim.run(&command).is_ok();
        let after_records = sim.records();
        let after = sim.view();
        let after_steps = step_records(&after_records);
        if !accepted {
            prop_assert_eq!(
                &before_records,
                &after_records,
                "refused {:?} changed records",
                command
            );
            continue;
        }
        let stopped = stops(&before_records, sim.today());
        let restart = matches!(command, ProgramCommand::Restart { .. });
        // Stops from the raw records: nothing in steps 4–11 under a stop, nothing in the
        // contact steps 4–8 nor a "ready" before a "not yet" date, and no draft becomes
        // ready under either. A restart clears single records; it records no progress.
        for step in 4..=11u8 {
            let grew = !restart && grew(&before_steps[&step], &after_steps[&step]);
            prop_assert!(
                !(grew && stopped.closed()),
                "{:?} recorded progress into step {} under {:?}",
                command,
                step,
                stopped
            );
            prop_assert!(
                !(grew && stopped.not_yet_until.is_some() && step != 9),
                "{:?} recorded progress into step {} before the \"not yet\" date {:?}",
                command,
                step,
                stopped.not_yet_until
            );
        }
        let newly_ready = after_records.ice_breakers.iter().any(|d| {
            d.marked_ready_at.is_some()
                && before_records
                    .ice_breakers
                    .iter()
                    .any(|b| b.id == d.id && b.marked_ready_at.is_none())
        });
        prop_assert!(
            !(newly_ready && (stopped.closed() || stopped.not_yet_until.is_some())),
            "a draft became ready under {:?}",
            stopped
        );
        if stopped.not_yet_until.is_some() || stopped.closed() {
            let new_ready = after_records.decisions.iter().any(|d| {
                d.answer == DecisionAnswer::Ready
                    && !before_records.decisions.iter().any(|b| b.id == d.id)
            });
            prop_assert!(!new_ready, "\"ready\" decided under {:?}", stopped);
        }
        // A restart lifts neither a safety flag nor their "no"; only a withdrawal on this
        // device within the undo window removes a flag.
        prop_assert!(before_records.said_no.is_none() || after_records.said_no.is_some());
        for flag in &before_records.safety_flags {
            let kept = after_records
                .safety_flags
                .iter()
                .any(|f| f.sign == flag.sign);
            let withdrawn = matches!(&command, ProgramCommand::WithdrawSafetyFlag { sign, confirmed: true } if *sign == flag.sign);
            prop_assert!(kept || withdrawn, "the {} flag vanished", flag.sign);
            if !kept {
                let recorded = flag.at.expect("a withdrawn flag has a time");
                prop_assert_eq!(flag.by.as_deref(), Some(DEVICE));
                prop_assert!(
                    sim.now() - recorded < chrono::Duration::minutes(15),
                    "withdrawn after the undo window"
                );
            }
        }
        if restart {
            continue;
        }
        for step in 1..=11u8 {
            let grew = grew(&before_steps[&step], &after_steps[&step]);
            let locked_before = before.state_of(step) == Some(StepState::Locked);
            prop_assert!(
                !(grew && locked_before),
                "{:?} recorded progress into locked step {}: {:?}",
                command,
                step,
                before.step(step).map(|s| &s.locked_because)
            );
            if let Some(s) = after.step(step)
                && s.has_progress
            {
                prop_assert!(
                    s.locked_because.iter().all(|r| r.is_stop()),
                    "step {} has progress but is gated: {:?}",
                    step,
                    s.locked_because
                );
            }
        }
        let new_attempts: Vec<&Attempt> = after_records
            .attempts
            .iter()
            .filter(|a| !before_records.attempts.iter().any(|b| b.id == a.id))
            .collect();
        for attempt in new_attempts {
            prop_assert!(
                before_records.said_no.is_none(),
                "an attempt after a no: {:?}",
                attempt
            );
            prop_assert!(
                before_records.safety_flags.is_empty(),
                "an attempt under a safety flag"
            );
            prop_assert!(
                !paused(&before_records, sim.today()),
                "an attempt during a pause"
            );
            prop_assert!(!stopped.no_answer, "an attempt after no answer");
            prop_assert!(!stopped.never, "an attempt after \"never\"");
            prop_assert!(
                stopped.not_yet_until.is_none(),
                "an attempt before the \"not yet\" date"
            );
            let within = rung(attempt.medium) <= open_rung(&before_records);
            let asked = matches!(
                command,
                ProgramCommand::LogAttempt {
                    skip_ahead: true,
                    ..
                }
            );
            prop_assert!(
                within || (asked && attempt.skipped_ahead),
                "climbed to {:?} past rung {} without saying so",
                attempt.medium,
                open_rung(&before_records)
            );
            prop_assert_eq!(attempt.skipped_ahead, !within);
        }
        if before_records.let_go.is_some() {
            for step in 1..=11u8 {
                prop_assert!(
                    !grew(&before_steps[&step], &after_steps[&step]),
                    "progress after letting go"
                );
            }
        }
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn no_command_sequence_breaks_the_rules(phase in 0..=4u8, ops in prop::collection::vec(gen_op(), 1..60)) {
        check_sequence(phase, &ops)?;
    }
}
