//! What applies throughout the program: the let-go path, the safety texts, the
//! well-being advice and the journal prompts on growth.

use super::{ExerciseStep, Item, LetGo, Line, Notice};

// ---------------------------------------------------------------------------------------
// Letting go
// ---------------------------------------------------------------------------------------

pub static LET_GO: LetGo = LetGo {
    key: "letgo",
    title: "Letting go",
    explanation: "Letting go is a real ending to this journey, and a good one. Maybe they \
        said no, maybe the reasons weren't fixable, maybe your own well-being needed it, or \
        maybe you've simply realised you want something different. None of that makes \
        the time you spent here wasted: you looked honestly at what happened, learned \
        about yourself, and chose peace over uncertainty. That takes courage. This short \
        exercise helps you close the chapter with care, at your own pace.",
    exercise: &LET_GO_EXERCISE,
};

static LET_GO_EXERCISE: [ExerciseStep; 5] = [
    ExerciseStep {
        number: 1,
        key: "letgo.exercise.1",
        title: "Write the letter you won't send",
        guidance: "Write to them everything you would want to say: thanks, regrets, anger, \
            hopes. It stays here and is never sent. It's for you.",
    },
    ExerciseStep {
        number: 2,
        key: "letgo.exercise.2",
        title: "Keep what you learned",
        guidance: "Note three things you learned, about yourself or about relationships, \
            that you want to carry with you.",
    },
    ExerciseStep {
        number: 3,
        key: "letgo.exercise.3",
        title: "Make some space",
        guidance: "Decide what to do with the reminders: photos, gifts, old chats, \
            following them online. Keep, store away or let go of whatever you like, in \
            whatever way helps you heal.",
    },
    ExerciseStep {
        number: 4,
        key: "letgo.exercise.4",
        title: "Lean on your people",
        guidance: "Name one or two people you'll spend time with this week, and one thing \
            you're looking forward to.",
    },
    ExerciseStep {
        number: 5,
        key: "letgo.exercise.5",
        title: "Say goodbye",
        guidance: "Write a short goodbye, to them or to this chapter of your life. A single \
            sentence is enough. Your journal stays here for whenever you want to write.",
    },
];

// ---------------------------------------------------------------------------------------
// Safety: signs of abuse or coercive control
// ---------------------------------------------------------------------------------------

/// Shown when any safety sign is flagged: why the contact steps are closed.
pub static SAFETY_LOCKED: Notice = Notice {
    key: "safety.locked",
    title: "Your safety comes first",
    explanation: "You've mentioned something that can be a sign of abuse or control, such \
        as violence, threats, checking your phone, keeping you from friends, or feeling \
        afraid of them. Because of that, the steps about getting back in touch are closed. \
        This isn't a judgement of you, and you haven't done anything wrong. No \
        relationship is worth your safety. Your journal is still here whenever you want \
        to write.",
};

/// The signs a user can flag; any one of them locks every contact step.
pub static SAFETY_SIGNS: [Item; 6] = [
    Item {
        code: "violence",
        key: "safety.sign.violence",
        text: "Physical violence of any kind",
    },
    Item {
        code: "threats",
        key: "safety.sign.threats",
        text: "Threats: to hurt me, themselves or others, or to share private things",
    },
    Item {
        code: "monitoring",
        key: "safety.sign.monitoring",
        text: "Checking my phone, messages or whereabouts",
    },
    Item {
        code: "control",
        key: "safety.sign.control",
        text: "Controlling what I do, where I go, what I wear or what I spend",
    },
    Item {
        code: "isolation",
        key: "safety.sign.isolation",
        text: "Keeping me away from friends or family",
    },
    Item {
        code: "fear",
        key: "safety.sign.fear",
        text: "Feeling afraid of them",
    },
];

/// The support guidance shown with [`SAFETY_LOCKED`], followed by [`SUPPORT_RESOURCES`].
pub static SAFETY_RESOURCES: Notice = Notice {
    key: "safety.resources",
    title: "Support is there for you",
    explanation: "You don't have to handle this alone. People who understand these \
        situations can listen without judgement and help you think through what is right \
        and safe for you.",
};

pub static SUPPORT_RESOURCES: [Line; 4] = [
    Line {
        key: "safety.resources.emergency",
        text: "If you are in danger right now, call your local emergency number.",
    },
    Line {
        key: "safety.resources.helpline",
        text: "Contact a domestic-abuse helpline where you live. They are usually free and \
            confidential, and they can help you make a plan to stay safe.",
    },
    Line {
        key: "safety.resources.trusted_person",
        text: "Tell someone you trust, such as a friend, a family member or your doctor.",
    },
    Line {
        key: "safety.resources.private_device",
        text: "If someone may be checking your phone, look for help on a device or in a \
            place they can't see.",
    },
];

// ---------------------------------------------------------------------------------------
// They said no, asked for no contact, or blocked you
// ---------------------------------------------------------------------------------------

pub static THEY_SAID_NO: Notice = Notice {
    key: "safety.they_said_no",
    title: "Their answer is clear",
    explanation: "They've said no, asked for no contact, or blocked you. That is a clear \
        answer, and the kindest and most respectful thing you can do now is to honour it. \
        The contact steps are closed for good, and Reconnect won't help with any \
        further messages: reaching out after a no only causes more hurt, and it can become \
        harassment. It's all right to feel sad or angry about it. When you're ready, the \
        let-go path can help you close this chapter with care, and your journal stays \
        yours.",
};

// ---------------------------------------------------------------------------------------
// Advice
// ---------------------------------------------------------------------------------------

pub static ADVICE_PRE_CHECK_DOUBTS: Notice = Notice {
    key: "advice.precheck_doubts",
    title: "Perhaps not right now",
    explanation: "Your answers suggest this may not be the best time or reason to reach \
        out. That isn't a verdict, just an honest reflection of what you wrote. You can \
        carry on if you choose, take some time first, or look at the let-go path. Either \
        way, looking after yourself comes first.",
};

pub static ADVICE_NOT_FIXABLE: Notice = Notice {
    key: "advice.not_fixable",
    title: "Some of this isn't yours to fix",
    explanation: "At least one reason it ended is something you can't change on your own, \
        such as a partner who wasn't serious about anyone, a lack of empathy, or something \
        that can't be forgiven. Getting back together wouldn't make that go away, so we \
        gently advise against it, and letting go may be the kinder path for you. If you \
        still want to continue, you can, once you've read this and said so.",
};

pub static ADVICE_MOOD_FALLING: Notice = Notice {
    key: "advice.mood_falling",
    title: "Your well-being comes first",
    explanation: "Your recent check-ins show your mood going down. That matters more than \
        any step in this program. It may help to pause for a while, spend time with people \
        who care about you, or consider letting go. If you're struggling, talking to \
        someone you trust or to a professional can really help. If you ever feel you might \
        harm yourself, contact your local emergency number or a crisis line straight away.",
};

pub static ADVICE_COOL_OFF: Notice = Notice {
    key: "advice.cool_off",
    title: "Time for a pause",
    explanation: "Your last two attempts to get in touch weren't answered, so contact is \
        paused for a while. Silence often means they need space, and giving them that \
        space is the respectful thing to do. Use the time for yourself. When the pause \
        ends, think carefully about whether to try again at all.",
};

pub static ADVICE_UNANSWERED: Notice = Notice {
    key: "advice.unanswered",
    title: "Maybe it's time to step back",
    explanation: "Several of your attempts to get in touch haven't been answered. That \
        can hurt, and it's often a sign that they aren't ready or don't want contact. This \
        may be a good moment to pause for longer, or to consider the let-go path. Choosing \
        your own peace is not giving up; it's looking after yourself.",
};

pub static ADVICE_CYCLES: Notice = Notice {
    key: "advice.cycles",
    title: "The same circle again?",
    explanation: "You've broken up and got back together more than once. Cycles like this \
        tend to wear both people down, and the problems that ended things often come back. \
        Before going further, it may help to pause and ask honestly what would be \
        different this time, or whether letting go would give you both more peace.",
};

pub static ADVICE_LADDER_SKIP: Notice = Notice {
    key: "advice.ladder_skip",
    title: "One step at a time",
    explanation: "This would skip a step on the contact ladder. Each step gives them the \
        chance to show, with a warm reply, that they're comfortable with a little more. \
        Jumping ahead can feel like pressure and may close a door that was slowly \
        opening. If you've thought it through and still want to go ahead, you can choose \
        to, and that choice will be noted.",
};

pub static ADVICE_NO_ANSWER: Notice = Notice {
    key: "advice.no_answer",
    title: "No answer is an answer",
    explanation: "Several of your messages have gone unanswered, even after a pause. \
        Silence is a way of answering too, and the kindest thing now is to respect it, so \
        the contact steps are closed. This says nothing about your worth. If they told you \
        no in some other way, you can record that as well. The let-go path is here \
        whenever you want it, and your journal stays yours.",
};

pub static ADVICE_CONTACT_DURING_NO_CONTACT: Notice = Notice {
    key: "advice.contact_during_no_contact",
    title: "The time apart starts again",
    explanation: "Your check-in says you were in touch during your time apart. That \
        happens, and it isn't a failure. The time apart is there to give you a clear head, \
        so it starts again from the day of that contact. You choose how long it lasts, and \
        everything you've written so far stays.",
};

pub static ADVICE_CONTACT_AFTER_STOP: Notice = Notice {
    key: "advice.contact_after_stop",
    title: "Taking care after contact",
    explanation: "Your check-in says there was contact, after the contact steps were \
        closed. Nothing in the program reopens because of it. If that contact felt \
        frightening or pressured, support is listed below and you can reach out at any \
        time. If you're finding it hard to stay apart, the let-go path and the people who \
        care about you can help you through it.",
};

pub static ADVICE_URGES: Notice = Notice {
    key: "advice.urges",
    title: "When the urge is strong",
    explanation: "The urge to get in touch has been high for several days in a row. That \
        is normal during time apart, and it does pass. It can help to write what you'd \
        want to say in the journal instead of sending it, to call a friend, to get outside \
        for a while, or to wait ten minutes and notice how the feeling changes. Urges \
        are feelings, not instructions.",
};

pub static ADVICE_TRIAL_FAILING: Notice = Notice {
    key: "advice.trial_failing",
    title: "The trial is telling you something",
    explanation: "In your last review none of the four signs held. That is hard to see, \
        and it's honest information rather than anyone's failure. You don't have to wait \
        for the end date: ending the trial now, in an end review, is a fair and caring \
        choice for both of you.",
};

pub static ADVICE_TRIAL_CHANGES: Notice = Notice {
    key: "advice.trial.changes_taken_seriously",
    title: "The agreed changes aren't holding",
    explanation: "Two reviews in a row say the changes you agreed on aren't being taken \
        seriously. Talk about it plainly and without blame: are they still the right \
        changes, and do you both still want them? If not, ending the trial is a fair \
        choice.",
};

pub static ADVICE_TRIAL_FIGHTS: Notice = Notice {
    key: "advice.trial.solved_without_fights",
    title: "Problems keep turning into fights",
    explanation: "Two reviews in a row say problems aren't being solved without fights. \
        That was part of what ended things before. Couples therapy can help, and so can \
        a pause; if the fights keep coming, ending the trial is a fair choice.",
};

pub static ADVICE_TRIAL_CLOSENESS: Notice = Notice {
    key: "advice.trial.closeness",
    title: "Closeness isn't there",
    explanation: "Two reviews in a row say you don't both enjoy being close. Closeness \
        can't be pushed or owed. Talk gently about what each of you needs, and remember \
        that ending the trial is a fair choice if it doesn't come back.",
};

pub static ADVICE_TRIAL_PAST: Notice = Notice {
    key: "advice.trial.past_left_behind",
    title: "The past keeps coming back",
    explanation: "Two reviews in a row say the past is still being dragged up. Old hurt \
        may need more time or help than the trial can give. A therapist can help with \
        that, and ending the trial is a fair choice if it keeps weighing on you both.",
};

/// The advice for a trial sign that failed in two reviews in a row, by sign code.
pub static TRIAL_SIGN_ADVICE: [(&str, &Notice); 4] = [
    ("changes_taken_seriously", &ADVICE_TRIAL_CHANGES),
    ("solved_without_fights", &ADVICE_TRIAL_FIGHTS),
    ("closeness", &ADVICE_TRIAL_CLOSENESS),
    ("past_left_behind", &ADVICE_TRIAL_PAST),
];

/// Every advice notice, in the order above.
pub static ADVICE: [&Notice; 16] = [
    &ADVICE_PRE_CHECK_DOUBTS,
    &ADVICE_NOT_FIXABLE,
    &ADVICE_MOOD_FALLING,
    &ADVICE_COOL_OFF,
    &ADVICE_UNANSWERED,
    &ADVICE_CYCLES,
    &ADVICE_LADDER_SKIP,
    &ADVICE_NO_ANSWER,
    &ADVICE_CONTACT_DURING_NO_CONTACT,
    &ADVICE_CONTACT_AFTER_STOP,
    &ADVICE_URGES,
    &ADVICE_TRIAL_FAILING,
    &ADVICE_TRIAL_CHANGES,
    &ADVICE_TRIAL_FIGHTS,
    &ADVICE_TRIAL_CLOSENESS,
    &ADVICE_TRIAL_PAST,
];

// ---------------------------------------------------------------------------------------
// Keep growing: journal prompts
// ---------------------------------------------------------------------------------------

pub static GROWTH_PROMPTS: [Line; 4] = [
    Line {
        key: "growth.prompt.self",
        text: "What's one way you've grown recently, however small?",
    },
    Line {
        key: "growth.prompt.communication",
        text: "Think of a recent conversation that went well. What did you do that helped?",
    },
    Line {
        key: "growth.prompt.expectations",
        text: "Things won't be the same as before, and that's fine. What would a good, \
            different future look like for you, with or without them?",
    },
    Line {
        key: "growth.prompt.needs",
        text: "What do you need from a relationship now that you didn't know you needed \
            before?",
    },
];
