//! The program's words for shells: a step with its prompts, the pre-check questions, the
//! codes a command takes (reason kinds, readiness items, …) with their labels, and any
//! text by key. Static content: these calls never fail.

use reconnect_core::program::content as core;

use crate::store::ReconnectStore;

/// One keyed line of text: a prompt, a support resource.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ContentLine {
    pub key: String,
    pub text: String,
}

impl From<&core::Line> for ContentLine {
    fn from(line: &core::Line) -> Self {
        ContentLine {
            key: line.key.into(),
            text: line.text.into(),
        }
    }
}

/// What a shell shows for one of the 11 steps.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StepContent {
    pub number: u8,
    pub phase: u8,
    pub key: String,
    pub title: String,
    pub explanation: String,
    pub prompts: Vec<ContentLine>,
}

impl From<&core::Step> for StepContent {
    fn from(step: &core::Step) -> Self {
        StepContent {
            number: step.number,
            phase: step.phase,
            key: step.key.into(),
            title: step.title.into(),
            explanation: step.explanation.into(),
            prompts: step.prompts.iter().map(ContentLine::from).collect(),
        }
    }
}

/// The self-check of motives before step 1.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PreCheckContent {
    pub key: String,
    pub title: String,
    pub explanation: String,
    pub questions: Vec<PreCheckQuestion>,
}

/// A yes/no question of the pre-check; answer it by `code`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PreCheckQuestion {
    pub code: String,
    pub key: String,
    pub text: String,
    /// Why the question matters, shown beside it.
    pub explanation: String,
    /// The answer that speaks for continuing with the program.
    pub favourable_answer: bool,
}

/// The lists of codes commands take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ChoiceList {
    /// Kinds of breakup reason (`AddReason.kind`), with whether each is fixable.
    ReasonKinds,
    /// The readiness self-check of step 3 (`TakeReadinessCheck`).
    ReadinessItems,
    /// The contact ladder of step 4, lowest rung first; codes are contact-medium codes.
    LadderRungs,
    /// The four signs a trial review looks at (`ReviewTrial.signs`).
    TrialSigns,
    /// Signs of abuse or coercive control (`FlagSafety.signs`).
    SafetySigns,
    /// The safety questions of the self-check (`AnswerPreCheck.screening`); each is
    /// answered yes, no or "prefer not to say".
    ScreeningQuestions,
}

/// One entry of a [`ChoiceList`].
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Choice {
    pub code: String,
    pub key: String,
    /// The label or the item's text.
    pub text: String,
    pub explanation: Option<String>,
    /// Reason kinds only: whether two people can work on it.
    pub fixable: Option<bool>,
}

fn choices(list: ChoiceList) -> Vec<Choice> {
    let item = |i: &core::Item| Choice {
        code: i.code.into(),
        key: i.key.into(),
        text: i.text.into(),
        explanation: None,
        fixable: None,
    };
    match list {
        ChoiceList::ReasonKinds => core::reason_kinds()
            .iter()
            .map(|r| Choice {
                code: r.code.into(),
                key: r.key.into(),
                text: r.label.into(),
                explanation: Some(r.explanation.into()),
                fixable: Some(r.fixable),
            })
            .collect(),
        ChoiceList::ReadinessItems => core::readiness_items().iter().map(item).collect(),
        ChoiceList::LadderRungs => core::ladder()
            .iter()
            .map(|r| Choice {
                code: r.medium.code().into(),
                key: r.key.into(),
                text: r.label.into(),
                explanation: Some(r.explanation.into()),
                fixable: None,
            })
            .collect(),
        ChoiceList::TrialSigns => core::trial_signs().iter().map(item).collect(),
        ChoiceList::SafetySigns => core::safety_signs().iter().map(item).collect(),
        ChoiceList::ScreeningQuestions => core::pre_check()
            .screening
            .iter()
            .map(|q| Choice {
                code: q.code.into(),
                key: q.key.into(),
                text: q.text.into(),
                explanation: Some(q.explanation.into()),
                fixable: None,
            })
            .collect(),
    }
}

#[uniffi::export]
impl ReconnectStore {
    /// Title, explanation and prompts of step `number` (1–11); none for other numbers.
    pub fn program_step(&self, number: u8) -> Option<StepContent> {
        core::step(number).map(StepContent::from)
    }

    /// The pre-check's questions, in order.
    pub fn pre_check_content(&self) -> PreCheckContent {
        let pre = core::pre_check();
        PreCheckContent {
            key: pre.key.into(),
            title: pre.title.into(),
            explanation: pre.explanation.into(),
            questions: pre
                .questions
                .iter()
                .map(|q| PreCheckQuestion {
                    code: q.code.into(),
                    key: q.key.into(),
                    text: q.text.into(),
                    explanation: q.explanation.into(),
                    favourable_answer: q.favourable_answer,
                })
                .collect(),
        }
    }

    /// The codes one kind of command takes, with their labels, in content order.
    pub fn content_choices(&self, list: ChoiceList) -> Vec<Choice> {
        choices(list)
    }

    /// Any program text by its key (e.g. `step.4.explanation`, `letgo.exercise.1`).
    pub fn content_text(&self, key: String) -> Option<String> {
        core::text(&key).map(Into::into)
    }
}
