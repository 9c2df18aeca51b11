//! The tools of individual steps: breakup-reason kinds (step 1), readiness items
//! (step 3), the contact ladder (step 4), the example ice-breaker (step 5), the apology
//! builder (step 6) and the trial-period signs (step 11).

use super::{ApologyPart, Item, LadderRung, Line, ReasonKind};
use crate::checkin::ContactMedium;

// ---------------------------------------------------------------------------------------
// Step 1: kinds of breakup reasons
// ---------------------------------------------------------------------------------------

pub static REASON_KINDS: [ReasonKind; 12] = [
    ReasonKind {
        code: "misunderstanding",
        key: "reason.misunderstanding",
        label: "Small misunderstandings",
        explanation: "Things said or heard the wrong way that grew bigger than they were.",
        fixable: true,
        safety_sign: None,
    },
    ReasonKind {
        code: "silly_fights",
        key: "reason.silly_fights",
        label: "Silly fights",
        explanation: "Arguments about small things that got out of hand.",
        fixable: true,
        safety_sign: None,
    },
    ReasonKind {
        code: "communication",
        key: "reason.communication",
        label: "Communication problems",
        explanation: "Not talking about what mattered, or not feeling heard when you did.",
        fixable: true,
        safety_sign: None,
    },
    ReasonKind {
        code: "jealousy",
        key: "reason.jealousy",
        label: "Jealousy",
        explanation: "Insecurity or suspicion that got in the way, yours or theirs.",
        fixable: true,
        safety_sign: None,
    },
    ReasonKind {
        code: "not_serious",
        key: "reason.not_serious",
        label: "Not serious about anyone",
        explanation: "A partner who wasn't looking for something real with anyone. That \
            isn't something you can change for them.",
        fixable: false,
        safety_sign: None,
    },
    ReasonKind {
        code: "no_empathy",
        key: "reason.no_empathy",
        label: "Self-centred, without empathy",
        explanation: "A partner who kept putting themselves first and couldn't see your \
            side. No amount of effort on your part can supply that for them.",
        fixable: false,
        safety_sign: None,
    },
    ReasonKind {
        code: "unforgivable",
        key: "reason.unforgivable",
        label: "Something unforgivable",
        explanation: "Something happened that one of you can't forgive, and that can't be \
            undone.",
        fixable: false,
        safety_sign: None,
    },
    // Signs of abuse or control: recording one records the matching safety sign.
    ReasonKind {
        code: "fear",
        key: "reason.fear",
        label: "I was afraid of them",
        explanation: "Fear has no place in a relationship. Recording this closes the contact \
            steps and puts support first.",
        fixable: false,
        safety_sign: Some("fear"),
    },
    ReasonKind {
        code: "threats",
        key: "reason.threats",
        label: "Threats",
        explanation: "Threats to hurt you, themselves or others, or to share private things. \
            Recording this closes the contact steps and puts support first.",
        fixable: false,
        safety_sign: Some("threats"),
    },
    ReasonKind {
        code: "violence",
        key: "reason.violence",
        label: "Violence",
        explanation: "Any physical harm. Recording this closes the contact steps and puts \
            support first.",
        fixable: false,
        safety_sign: Some("violence"),
    },
    ReasonKind {
        code: "control",
        key: "reason.control",
        label: "Control",
        explanation: "Deciding what you did, who you saw or what you spent, or keeping you \
            from friends. Recording this closes the contact steps and puts support first.",
        fixable: false,
        safety_sign: Some("control"),
    },
    ReasonKind {
        code: "monitoring",
        key: "reason.monitoring",
        label: "Checking up on me",
        explanation: "Going through your phone or messages, or tracking where you were. \
            Recording this closes the contact steps and puts support first.",
        fixable: false,
        safety_sign: Some("monitoring"),
    },
];

// ---------------------------------------------------------------------------------------
// Step 3: am I ready?
// ---------------------------------------------------------------------------------------

/// Statements the user affirms; the readiness check passes when all of them are true.
pub static READINESS_ITEMS: [Item; 5] = [
    Item {
        code: "secure",
        key: "readiness.secure",
        text: "I feel steady in myself, not insecure or anxious about where I stand.",
    },
    Item {
        code: "not_controlling",
        key: "readiness.not_controlling",
        text: "I don't need to control what they do, who they see or how they respond to me.",
    },
    Item {
        code: "not_needy",
        key: "readiness.not_needy",
        text: "I'm all right on my own; I'm not looking to them to fill every gap in my life.",
    },
    Item {
        code: "healthy_reasons",
        key: "readiness.healthy_reasons",
        text: "I want them back for who they are and what we could build, not out of \
            loneliness, pride or fear.",
    },
    Item {
        code: "realistic",
        key: "readiness.realistic",
        text: "My hopes are realistic: things won't be the same as before, and I could \
            accept it if they don't want to try again.",
    },
];

// ---------------------------------------------------------------------------------------
// Step 4: the contact ladder
// ---------------------------------------------------------------------------------------

pub static LADDER: [LadderRung; 5] = [
    LadderRung {
        rung: 1,
        medium: ContactMedium::SocialMedia,
        key: "ladder.social_media",
        label: "Social media",
        explanation: "Something small and indirect, like reacting to a post. No private \
            messages yet.",
    },
    LadderRung {
        rung: 2,
        medium: ContactMedium::Text,
        key: "ladder.text",
        label: "Text message",
        explanation: "A short, friendly message that's easy to answer, or to leave \
            unanswered.",
    },
    LadderRung {
        rung: 3,
        medium: ContactMedium::Call,
        key: "ladder.call",
        label: "Phone call",
        explanation: "A relaxed chat, once messages are going warmly both ways.",
    },
    LadderRung {
        rung: 4,
        medium: ContactMedium::Video,
        key: "ladder.video",
        label: "Video call",
        explanation: "Seeing each other's faces again, still from a comfortable distance.",
    },
    LadderRung {
        rung: 5,
        medium: ContactMedium::InPerson,
        key: "ladder.in_person",
        label: "In person",
        explanation: "Meeting somewhere public and easy-going, once they're clearly glad \
            to talk.",
    },
];

// ---------------------------------------------------------------------------------------
// Step 5: an example first message
// ---------------------------------------------------------------------------------------

/// Casual and friendly, about the present: no rehashing, no "I miss you", no apology, no
/// pretext or shared memory to pull on; it says plainly that no reply is fine.
pub static ICE_BREAKER_EXAMPLE: Line = Line {
    key: "icebreaker.example",
    text: "Hi, I hope you're keeping well. How have things been for you lately? No need to \
        reply if you'd rather not.",
};

// ---------------------------------------------------------------------------------------
// Step 6: the apology builder
// ---------------------------------------------------------------------------------------

pub static APOLOGY_PARTS: [ApologyPart; 4] = [
    ApologyPart {
        number: 1,
        code: "what_i_did",
        key: "apology.what_i_did",
        title: "What I did",
        guidance: "Name it specifically and simply, in your own words. “I brushed you off \
            when you talked about your work” says more than a general apology for \
            everything.",
    },
    ApologyPart {
        number: 2,
        code: "responsibility",
        key: "apology.responsibility",
        title: "Taking responsibility",
        guidance: "Own it without excuses and without sharing out the blame. Leave out \
            “but” and “if you hadn't”: this is only about your part.",
    },
    ApologyPart {
        number: 3,
        code: "what_changed",
        key: "apology.what_changed",
        title: "What has changed",
        guidance: "Say briefly what you've understood and what you do differently now. \
            Point to real changes rather than making promises.",
    },
    ApologyPart {
        number: 4,
        code: "repair",
        key: "apology.repair",
        title: "Offering repair",
        guidance: "Ask whether there's anything you can do to make it right, and mean it. \
            Don't ask for forgiveness or for another chance; leave them free to answer \
            however they want, or not at all.",
    },
];

// ---------------------------------------------------------------------------------------
// Step 11: the four signs reviewed during the trial period
// ---------------------------------------------------------------------------------------

pub static TRIAL_SIGNS: [Item; 4] = [
    Item {
        code: "changes_taken_seriously",
        key: "trial.sign.changes_taken_seriously",
        text: "We both take the changes we agreed on seriously.",
    },
    Item {
        code: "solved_without_fights",
        key: "trial.sign.solved_without_fights",
        text: "Problems get solved by talking, without fights.",
    },
    Item {
        code: "closeness",
        key: "trial.sign.closeness",
        text: "We both enjoy being close, emotionally and physically.",
    },
    Item {
        code: "past_left_behind",
        key: "trial.sign.past_left_behind",
        text: "The past is no longer being dragged up.",
    },
];
