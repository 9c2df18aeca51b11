//! Labels for the coded answers the user picks while recording the program (the small
//! enums of [`records`](crate::program::records)): who ended it, how they replied, how an
//! activity went, what the decision was, and so on.
//!
//! Each group's code is the snake_case name of its enum, and each choice is keyed
//! `choice.{group}.{code}` (the label) and `choice.{group}.{code}.explanation`.

use super::{Choice, ChoiceGroup, Choosable};
use crate::program::records::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, NoKind, Reply, SafetySource,
    ScreeningAnswer, TheirSideKind, TrialOutcome,
};

// ---------------------------------------------------------------------------------------
// The groups, in the order of records.rs
// ---------------------------------------------------------------------------------------

pub static CHOICE_GROUPS: [ChoiceGroup; 10] = [
    ChoiceGroup {
        code: "ended_by",
        choices: &ENDED_BY,
    },
    ChoiceGroup {
        code: "reply",
        choices: &REPLY,
    },
    ChoiceGroup {
        code: "activity_kind",
        choices: &ACTIVITY_KIND,
    },
    ChoiceGroup {
        code: "activity_result",
        choices: &ACTIVITY_RESULT,
    },
    ChoiceGroup {
        code: "their_side_kind",
        choices: &THEIR_SIDE_KIND,
    },
    ChoiceGroup {
        code: "decision_answer",
        choices: &DECISION_ANSWER,
    },
    ChoiceGroup {
        code: "no_kind",
        choices: &NO_KIND,
    },
    ChoiceGroup {
        code: "screening_answer",
        choices: &SCREENING_ANSWER,
    },
    ChoiceGroup {
        code: "safety_source",
        choices: &SAFETY_SOURCE,
    },
    ChoiceGroup {
        code: "trial_outcome",
        choices: &TRIAL_OUTCOME,
    },
];

macro_rules! choosable {
    ($($ty:ty => $group:literal),+ $(,)?) => {
        $(
            impl Choosable for $ty {
                const GROUP: &'static str = $group;

                fn choice_code(self) -> &'static str {
                    self.code()
                }
            }
        )+
    };
}

choosable! {
    EndedBy => "ended_by",
    Reply => "reply",
    ActivityKind => "activity_kind",
    ActivityResult => "activity_result",
    TheirSideKind => "their_side_kind",
    DecisionAnswer => "decision_answer",
    NoKind => "no_kind",
    ScreeningAnswer => "screening_answer",
    SafetySource => "safety_source",
    TrialOutcome => "trial_outcome",
}

// ---------------------------------------------------------------------------------------
// Step 1: who ended it
// ---------------------------------------------------------------------------------------

static ENDED_BY: [Choice; 3] = [
    Choice {
        code: "me",
        key: "choice.ended_by.me",
        label: "I ended it",
        explanation: "You made the decision, and later you can look gently at what led you \
            there.",
    },
    Choice {
        code: "them",
        key: "choice.ended_by.them",
        label: "They ended it",
        explanation: "They made the decision, whether or not you saw it coming.",
    },
    Choice {
        code: "mutual",
        key: "choice.ended_by.mutual",
        label: "We decided together",
        explanation: "You both came to feel it was time to end it.",
    },
];

// ---------------------------------------------------------------------------------------
// Step 4: how they replied
// ---------------------------------------------------------------------------------------

static REPLY: [Choice; 4] = [
    Choice {
        code: "no_reply",
        key: "choice.reply.no_reply",
        label: "No reply",
        explanation: "They haven't answered, and that is theirs to choose, so give it space \
            rather than following up.",
    },
    Choice {
        code: "cold",
        key: "choice.reply.cold",
        label: "Cool or distant",
        explanation: "They answered briefly or kept their distance, a sign to slow down and \
            let them set the pace.",
    },
    Choice {
        code: "neutral",
        key: "choice.reply.neutral",
        label: "Neutral",
        explanation: "A polite reply without much warmth either way, so it's good to stay \
            on this step for now and keep things light.",
    },
    Choice {
        code: "warm",
        key: "choice.reply.warm",
        label: "Warm",
        explanation: "They seemed glad to hear from you and kept the conversation going, \
            which opens the next step whenever you both feel ready.",
    },
];

// ---------------------------------------------------------------------------------------
// Step 7: shared activities
// ---------------------------------------------------------------------------------------

static ACTIVITY_KIND: [Choice; 4] = [
    Choice {
        code: "fun",
        key: "choice.activity_kind.fun",
        label: "Something fun",
        explanation: "Easy, light-hearted time together, like a games night, a walk or a \
            favourite café.",
    },
    Choice {
        code: "adrenaline",
        key: "choice.activity_kind.adrenaline",
        label: "A bit of adrenaline",
        explanation: "Something that gets your hearts going, like a sport, a climbing wall \
            or a fairground ride.",
    },
    Choice {
        code: "scary",
        key: "choice.activity_kind.scary",
        label: "Something a little scary",
        explanation: "A safe kind of fright, like a horror film or a haunted house.",
    },
    Choice {
        code: "other",
        key: "choice.activity_kind.other",
        label: "Something else",
        explanation: "Any other time spent together as friends.",
    },
];

static ACTIVITY_RESULT: [Choice; 3] = [
    Choice {
        code: "good",
        key: "choice.activity_result.good",
        label: "It went well",
        explanation: "It felt easy and enjoyable, and you both seemed glad to be there.",
    },
    Choice {
        code: "okay",
        key: "choice.activity_result.okay",
        label: "It was okay",
        explanation: "A mix of easy and awkward moments, which is completely normal at \
            this stage.",
    },
    Choice {
        code: "bad",
        key: "choice.activity_result.bad",
        label: "It didn't go well",
        explanation: "It felt tense or uncomfortable, which is worth noting kindly and \
            learning from, without blaming either of you.",
    },
];

// ---------------------------------------------------------------------------------------
// Step 8: what they shared
// ---------------------------------------------------------------------------------------

static THEIR_SIDE_KIND: [Choice; 3] = [
    Choice {
        code: "feeling",
        key: "choice.their_side_kind.feeling",
        label: "A feeling",
        explanation: "Something about how they feel, about the past, about you or about \
            now.",
    },
    Choice {
        code: "concern",
        key: "choice.their_side_kind.concern",
        label: "A concern",
        explanation: "Something that worries them, such as empty promises or old patterns \
            coming back.",
    },
    Choice {
        code: "boundary",
        key: "choice.their_side_kind.boundary",
        label: "A boundary",
        explanation: "A limit they've asked for, which is theirs to set and yours to \
            respect.",
    },
];

// ---------------------------------------------------------------------------------------
// Step 9: the decision
// ---------------------------------------------------------------------------------------

static DECISION_ANSWER: [Choice; 3] = [
    Choice {
        code: "ready",
        key: "choice.decision_answer.ready",
        label: "Ready",
        explanation: "You both want to give it another go, so the last phase opens, to be \
            taken slowly and together.",
    },
    Choice {
        code: "not_yet",
        key: "choice.decision_answer.not_yet",
        label: "Not yet",
        explanation: "It's too soon for now, so you choose a date to look at it again and \
            get on with your life meanwhile.",
    },
    Choice {
        code: "never",
        key: "choice.decision_answer.never",
        label: "Never",
        explanation: "One of you doesn't want to get back together, an answer that deserves \
            full respect, and the let-go path is here to help you close this chapter with \
            care.",
    },
];

// ---------------------------------------------------------------------------------------
// They said no, asked for no contact, or blocked you
// ---------------------------------------------------------------------------------------

static NO_KIND: [Choice; 3] = [
    Choice {
        code: "said_no",
        key: "choice.no_kind.said_no",
        label: "They said no",
        explanation: "They've told you they don't want this, and respecting their answer \
            means not reaching out again.",
    },
    Choice {
        code: "asked_no_contact",
        key: "choice.no_kind.asked_no_contact",
        label: "They asked for no contact",
        explanation: "They've asked you not to get in touch, and honouring that, even when \
            it hurts, is the kindest thing you can do now.",
    },
    Choice {
        code: "blocked",
        key: "choice.no_kind.blocked",
        label: "They blocked me",
        explanation: "They've blocked you, a clear wish for space that is best honoured by \
            not looking for other ways to reach them.",
    },
];

// ---------------------------------------------------------------------------------------
// The safety questions of the self-check, and where a safety record came from
// ---------------------------------------------------------------------------------------

static SCREENING_ANSWER: [Choice; 3] = [
    Choice {
        code: "yes",
        key: "choice.screening_answer.yes",
        label: "Yes",
        explanation: "Thank you for saying so; the contact steps close and support comes \
            first, and none of this is your fault.",
    },
    Choice {
        code: "no",
        key: "choice.screening_answer.no",
        label: "No",
        explanation: "This hasn't happened to you.",
    },
    Choice {
        code: "prefer_not_to_say",
        key: "choice.screening_answer.prefer_not_to_say",
        label: "I'd rather not say",
        explanation: "That is all right, and support stays in view on every screen if you \
            ever want it.",
    },
];

static SAFETY_SOURCE: [Choice; 3] = [
    Choice {
        code: "pre_check",
        key: "choice.safety_source.pre_check",
        label: "From the self-check",
        explanation: "You answered yes to one of the safety questions before step 1.",
    },
    Choice {
        code: "reason",
        key: "choice.safety_source.reason",
        label: "From a reason it ended",
        explanation: "One of the reasons you recorded in step 1 is a sign of abuse or \
            control.",
    },
    Choice {
        code: "flagged",
        key: "choice.safety_source.flagged",
        label: "Recorded on the support screen",
        explanation: "You recorded this sign yourself on the support and safety screen.",
    },
];

// ---------------------------------------------------------------------------------------
// Step 11: the end of the trial period
// ---------------------------------------------------------------------------------------

static TRIAL_OUTCOME: [Choice; 3] = [
    Choice {
        code: "together",
        key: "choice.trial_outcome.together",
        label: "Stay together",
        explanation: "You both want to carry on as a couple, building on what the trial has \
            shown you.",
    },
    Choice {
        code: "extend",
        key: "choice.trial_outcome.extend",
        label: "Extend the trial",
        explanation: "You'd both like a little more time before deciding, which is a normal \
            and sensible choice, so the trial simply carries on to a new end date.",
    },
    Choice {
        code: "let_go",
        key: "choice.trial_outcome.let_go",
        label: "Let go",
        explanation: "Parting now is an honest and good ending, and the let-go path is here \
            to help you close this chapter with care.",
    },
];
