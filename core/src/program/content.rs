//! The program's words, kept as data: the pre-check, the 4 phases and 11 steps with their
//! prompts, the step tools (breakup-reason kinds, readiness items, the contact ladder, the
//! example ice-breaker, the apology builder, the trial-period signs), the let-go path,
//! the safety texts and the well-being advice, and the labels of the coded answers the
//! user records (who ended it, how they replied, the decision, …).
//!
//! Every text has a stable key (lowercase dotted ASCII) so shells can localise later:
//! - an item with a single text (a prompt, a readiness item, a resource line) is keyed by
//!   its own `key`;
//! - an item with a title or label and a longer text is keyed by its `key` for the title
//!   or label, and by `{key}.explanation` or `{key}.guidance` (the field's name) for the
//!   longer text;
//! - a choice, the label of one code of a coded answer in
//!   [`records`](crate::program::records), is keyed `choice.{group}.{code}` for its label
//!   and `choice.{group}.{code}.explanation` for its one-sentence explanation, where
//!   `{group}` is the snake_case name of the enum (`reply`, `decision_answer`, …) and
//!   `{code}` is the variant's code (`no_reply`, `not_yet`, …), e.g.
//!   `choice.reply.no_reply`.
//!
//! [`entries`] lists every (key, text) pair and [`text`] looks one up.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::checkin::ContactMedium;

mod choices;
mod steps;
mod tools;
mod wellbeing;

pub use choices::CHOICE_GROUPS;
pub use steps::{PHASES, PRE_CHECK, SCREENING_QUESTIONS, STEPS};
pub use tools::{
    APOLOGY_PARTS, ICE_BREAKER_EXAMPLE, LADDER, READINESS_ITEMS, REASON_KINDS, TRIAL_SIGNS,
};
pub use wellbeing::{
    ADVICE, ADVICE_CONTACT_AFTER_STOP, ADVICE_CONTACT_DURING_NO_CONTACT, ADVICE_COOL_OFF,
    ADVICE_CYCLES, ADVICE_LADDER_SKIP, ADVICE_MOOD_FALLING, ADVICE_NO_ANSWER, ADVICE_NOT_FIXABLE,
    ADVICE_PRE_CHECK_DOUBTS, ADVICE_TRIAL_FAILING, ADVICE_UNANSWERED, ADVICE_URGES, GROWTH_PROMPTS,
    LET_GO, SAFETY_LOCKED, SAFETY_RESOURCES, SAFETY_SIGNS, SUPPORT_RESOURCES, THEY_SAID_NO,
    TRIAL_SIGN_ADVICE,
};

/// The suffix of the key of an item's `explanation` text.
pub const EXPLANATION_SUFFIX: &str = "explanation";
/// The suffix of the key of an item's `guidance` text.
pub const GUIDANCE_SUFFIX: &str = "guidance";

/// One keyed line of text: a prompt, a resource, an example message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Line {
    pub key: &'static str,
    pub text: &'static str,
}

/// One entry of a checklist the engine records by `code` (a readiness item, a trial-period
/// sign, a safety sign). `key` is `{prefix}.{code}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Item {
    pub code: &'static str,
    pub key: &'static str,
    pub text: &'static str,
}

/// A title with a paragraph: advice, safety guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub key: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
}

/// One of the 4 phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Phase {
    pub number: u8,
    pub key: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
}

/// One of the 11 steps, with the prompts a shell offers while the user works on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Step {
    pub number: u8,
    /// The number of the phase this step belongs to.
    pub phase: u8,
    pub key: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
    pub prompts: &'static [Line],
}

/// The self-check of motives before step 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PreCheck {
    pub key: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
    pub questions: &'static [PreCheckQuestion],
    /// The gentle safety questions; any "yes" records a safety flag.
    pub screening: &'static [ScreeningQuestion],
}

/// A safety question of the self-check: yes, no, or "prefer not to say".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScreeningQuestion {
    pub code: &'static str,
    pub key: &'static str,
    pub text: &'static str,
    pub explanation: &'static str,
    /// The safety sign a "yes" records.
    pub sign: &'static str,
}

/// A yes/no question of the pre-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PreCheckQuestion {
    pub code: &'static str,
    pub key: &'static str,
    pub text: &'static str,
    /// Why the question matters, shown beside it.
    pub explanation: &'static str,
    /// The answer that speaks for continuing with the program.
    pub favourable_answer: bool,
}

/// A kind of breakup reason (step 1), and whether it is something two people can work on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReasonKind {
    pub code: &'static str,
    pub key: &'static str,
    pub label: &'static str,
    pub explanation: &'static str,
    pub fixable: bool,
    /// The safety sign a reason of this kind records (it is a sign of abuse or control).
    pub safety_sign: Option<&'static str>,
}

/// A rung of the contact ladder (step 4), lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LadderRung {
    /// 1 for the lowest rung.
    pub rung: u8,
    pub medium: ContactMedium,
    pub key: &'static str,
    pub label: &'static str,
    pub explanation: &'static str,
}

/// A part of the apology builder (step 6), in the order it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ApologyPart {
    pub number: u8,
    pub code: &'static str,
    pub key: &'static str,
    pub title: &'static str,
    pub guidance: &'static str,
}

/// The let-go path and its closing exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LetGo {
    pub key: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
    pub exercise: &'static [ExerciseStep],
}

/// One step of the let-go closing exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExerciseStep {
    pub number: u8,
    pub key: &'static str,
    pub title: &'static str,
    pub guidance: &'static str,
}

/// The label of one code of a coded answer (a [`Reply`](crate::program::records::Reply),
/// a [`DecisionAnswer`](crate::program::records::DecisionAnswer), …). `key` is
/// `choice.{group}.{code}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub code: &'static str,
    pub key: &'static str,
    pub label: &'static str,
    /// One sentence on what picking this means.
    pub explanation: &'static str,
}

/// The labels of every code of one coded enum, in the enum's order. `code` is the
/// snake_case name of the enum (`reply`, `trial_outcome`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChoiceGroup {
    pub code: &'static str,
    pub choices: &'static [Choice],
}

/// A coded enum of [`records`](crate::program::records) whose codes have labels here.
pub trait Choosable: Copy {
    /// The code of the enum's [`ChoiceGroup`].
    const GROUP: &'static str;

    /// The variant's code, as stored in the document.
    fn choice_code(self) -> &'static str;
}

/// One keyed text, as listed by [`entries`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub key: Cow<'static, str>,
    pub text: &'static str,
}

pub fn phases() -> &'static [Phase] {
    &PHASES
}

pub fn phase(number: u8) -> Option<&'static Phase> {
    PHASES.iter().find(|p| p.number == number)
}

pub fn steps() -> &'static [Step] {
    &STEPS
}

pub fn step(number: u8) -> Option<&'static Step> {
    STEPS.iter().find(|s| s.number == number)
}

/// The steps of one phase, in order.
pub fn steps_in_phase(phase: u8) -> impl Iterator<Item = &'static Step> {
    STEPS.iter().filter(move |s| s.phase == phase)
}

pub fn pre_check() -> &'static PreCheck {
    &PRE_CHECK
}

pub fn reason_kinds() -> &'static [ReasonKind] {
    &REASON_KINDS
}

pub fn reason_kind(code: &str) -> Option<&'static ReasonKind> {
    REASON_KINDS.iter().find(|r| r.code == code)
}

pub fn readiness_items() -> &'static [Item] {
    &READINESS_ITEMS
}

/// The contact ladder, lowest rung first.
pub fn ladder() -> &'static [LadderRung] {
    &LADDER
}

/// The ladder rung of a medium; `None` for [`ContactMedium::None`].
pub fn ladder_rung(medium: ContactMedium) -> Option<&'static LadderRung> {
    LADDER.iter().find(|r| r.medium == medium)
}

pub fn ice_breaker_example() -> &'static Line {
    &ICE_BREAKER_EXAMPLE
}

pub fn apology_parts() -> &'static [ApologyPart] {
    &APOLOGY_PARTS
}

pub fn trial_signs() -> &'static [Item] {
    &TRIAL_SIGNS
}

pub fn let_go() -> &'static LetGo {
    &LET_GO
}

pub fn safety_signs() -> &'static [Item] {
    &SAFETY_SIGNS
}

pub fn support_resources() -> &'static [Line] {
    &SUPPORT_RESOURCES
}

/// Every advice notice.
pub fn advice() -> &'static [&'static Notice] {
    &ADVICE
}

pub fn growth_prompts() -> &'static [Line] {
    &GROWTH_PROMPTS
}

/// The labels of every coded answer, one group per enum.
pub fn choice_groups() -> &'static [ChoiceGroup] {
    &CHOICE_GROUPS
}

/// The labels of one group (`"reply"`, or `Reply::GROUP` with [`Choosable`] in scope), in
/// the enum's order.
pub fn choices_for(group: &str) -> Option<&'static [Choice]> {
    CHOICE_GROUPS
        .iter()
        .find(|g| g.code == group)
        .map(|g| g.choices)
}

/// The label and explanation of one coded value, e.g. `choice(Reply::Warm)`.
pub fn choice<T: Choosable>(value: T) -> Option<&'static Choice> {
    let code = value.choice_code();
    choices_for(T::GROUP)?.iter().find(|c| c.code == code)
}

/// The label of `code` in `group`, e.g. `choice_label("reply", "no_reply")`.
pub fn choice_label(group: &str, code: &str) -> Option<&'static str> {
    choices_for(group)?
        .iter()
        .find(|c| c.code == code)
        .map(|c| c.label)
}

/// Every keyed text of the program, in content order.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(collect_entries)
}

/// The text with this key, if there is one.
pub fn text(key: &str) -> Option<&'static str> {
    static INDEX: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    INDEX
        .get_or_init(|| entries().iter().map(|e| (e.key.as_ref(), e.text)).collect())
        .get(key)
        .copied()
}

#[derive(Default)]
struct Collector(Vec<Entry>);

impl Collector {
    fn one(&mut self, key: &'static str, text: &'static str) {
        self.0.push(Entry {
            key: Cow::Borrowed(key),
            text,
        });
    }

    fn suffixed(&mut self, key: &'static str, suffix: &str, text: &'static str) {
        self.0.push(Entry {
            key: Cow::Owned(format!("{key}.{suffix}")),
            text,
        });
    }

    fn titled(&mut self, key: &'static str, title: &'static str, explanation: &'static str) {
        self.one(key, title);
        self.suffixed(key, EXPLANATION_SUFFIX, explanation);
    }

    fn notice(&mut self, notice: &'static Notice) {
        self.titled(notice.key, notice.title, notice.explanation);
    }

    fn lines(&mut self, lines: &'static [Line]) {
        for line in lines {
            self.one(line.key, line.text);
        }
    }

    fn items(&mut self, items: &'static [Item]) {
        for item in items {
            self.one(item.key, item.text);
        }
    }
}

fn collect_entries() -> Vec<Entry> {
    let mut c = Collector::default();

    c.titled(PRE_CHECK.key, PRE_CHECK.title, PRE_CHECK.explanation);
    for q in PRE_CHECK.questions {
        c.titled(q.key, q.text, q.explanation);
    }
    for q in PRE_CHECK.screening {
        c.titled(q.key, q.text, q.explanation);
    }
    for p in &PHASES {
        c.titled(p.key, p.title, p.explanation);
    }
    for s in &STEPS {
        c.titled(s.key, s.title, s.explanation);
        c.lines(s.prompts);
    }

    for r in &REASON_KINDS {
        c.titled(r.key, r.label, r.explanation);
    }
    c.items(&READINESS_ITEMS);
    for r in &LADDER {
        c.titled(r.key, r.label, r.explanation);
    }
    c.one(ICE_BREAKER_EXAMPLE.key, ICE_BREAKER_EXAMPLE.text);
    for a in &APOLOGY_PARTS {
        c.one(a.key, a.title);
        c.suffixed(a.key, GUIDANCE_SUFFIX, a.guidance);
    }
    c.items(&TRIAL_SIGNS);
    for g in &CHOICE_GROUPS {
        for ch in g.choices {
            c.titled(ch.key, ch.label, ch.explanation);
        }
    }

    c.titled(LET_GO.key, LET_GO.title, LET_GO.explanation);
    for e in LET_GO.exercise {
        c.one(e.key, e.title);
        c.suffixed(e.key, GUIDANCE_SUFFIX, e.guidance);
    }
    c.notice(&SAFETY_LOCKED);
    c.items(&SAFETY_SIGNS);
    c.notice(&SAFETY_RESOURCES);
    c.lines(&SUPPORT_RESOURCES);
    c.notice(&THEY_SAID_NO);
    for a in &ADVICE {
        c.notice(a);
    }
    c.lines(&GROWTH_PROMPTS);

    c.0
}

#[cfg(test)]
mod tests;
