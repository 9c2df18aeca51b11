//! The pre-check, the 4 phases and the 11 steps with their prompts.

use super::{Line, Phase, PreCheck, PreCheckQuestion, ScreeningQuestion, Step};

// ---------------------------------------------------------------------------------------
// Before step 1
// ---------------------------------------------------------------------------------------

pub static PRE_CHECK: PreCheck = PreCheck {
    key: "precheck",
    title: "Is this a good idea at all?",
    explanation: "Before any of the steps, take a few quiet minutes to look at why you want \
        to get back in touch. There are no right or wrong answers here, and nothing is \
        locked by them: they simply help you see your reasons clearly, and you'll get an \
        honest reflection of what they suggest. Trying again tends to make sense when the \
        breakup was over something fixable, perhaps happened too fast, you have both grown \
        since, and you're hoping for a fresh start rather than a return to something that \
        hurt you.",
    questions: &PRE_CHECK_QUESTIONS,
    screening: &SCREENING_QUESTIONS,
};

/// Asked gently after the questions on motives. Each can be passed over only with an
/// explicit "I'd rather not say"; any "yes" closes the contact steps and puts support
/// first.
pub static SCREENING_QUESTIONS: [ScreeningQuestion; 5] = [
    ScreeningQuestion {
        code: "fear",
        key: "precheck.screening.fear",
        text: "Have you ever felt afraid of them, or afraid of how they might react?",
        explanation: "Feeling afraid of a partner matters, whatever the reason. You don't \
            have to explain it to anyone.",
        sign: "fear",
    },
    ScreeningQuestion {
        code: "threats",
        key: "precheck.screening.threats",
        text: "Have they ever threatened you, themselves or others, or threatened to share \
            something private?",
        explanation: "Threats are a way of controlling someone, even when nothing is \
            carried out.",
        sign: "threats",
    },
    ScreeningQuestion {
        code: "violence",
        key: "precheck.screening.violence",
        text: "Have they ever hurt you physically, or pushed, grabbed or held you against \
            your will?",
        explanation: "Any physical harm counts, however small it was made to seem.",
        sign: "violence",
    },
    ScreeningQuestion {
        code: "control",
        key: "precheck.screening.control",
        text: "Did they try to control what you did, who you saw, where you went or what \
            you spent?",
        explanation: "Being kept from friends and family, or having your choices made for \
            you, wears a person down over time.",
        sign: "control",
    },
    ScreeningQuestion {
        code: "monitoring",
        key: "precheck.screening.monitoring",
        text: "Did they check your phone, messages or whereabouts, or ask you to share \
            them?",
        explanation: "Being watched like this is a form of control, not a sign of caring.",
        sign: "monitoring",
    },
];

static PRE_CHECK_QUESTIONS: [PreCheckQuestion; 5] = [
    PreCheckQuestion {
        code: "loneliness",
        key: "precheck.question.loneliness",
        text: "Is the pull to get in touch mostly coming from loneliness, or from a hard \
            evening on your own?",
        explanation: "Loneliness is real and deserves care. But it comes and goes, and it's \
            a reason to reach out to friends and family rather than to a former partner.",
        favourable_answer: false,
    },
    PreCheckQuestion {
        code: "fixable",
        key: "precheck.question.fixable",
        text: "Did it end over something the two of you could actually work on?",
        explanation: "Misunderstandings, silly fights, trouble talking to each other and \
            jealousy can change with effort. Some things can't be fixed by you alone.",
        favourable_answer: true,
    },
    PreCheckQuestion {
        code: "hasty",
        key: "precheck.question.hasty",
        text: "Looking back, did the breakup happen in a rush, in the heat of the moment \
            or before you had really talked it through?",
        explanation: "A hasty ending can leave a real question open. An ending you both \
            thought over for a long time usually means the answer was already given.",
        favourable_answer: true,
    },
    PreCheckQuestion {
        code: "both_changed",
        key: "precheck.question.both_changed",
        text: "Have you both changed for the better since then, in ways you could point to?",
        explanation: "Time on its own changes little. What matters is what each of you has \
            done with it.",
        favourable_answer: true,
    },
    PreCheckQuestion {
        code: "fresh_start",
        key: "precheck.question.fresh_start",
        text: "Would this be a fresh start, rather than a return to something that hurt \
            you or wore you down?",
        explanation: "Going back to a relationship that was harmful isn't a new beginning. \
            A fresh start means something genuinely different from before.",
        favourable_answer: true,
    },
];

// ---------------------------------------------------------------------------------------
// Phases
// ---------------------------------------------------------------------------------------

pub static PHASES: [Phase; 4] = [
    Phase {
        number: 1,
        key: "phase.assess",
        title: "See the situation clearly",
        explanation: "Before anything else, take an honest look at what happened and where \
            you stand now. This phase is about you, not them: why it ended, which part was \
            yours, and whether you're in a steady enough place to reach out at all. There \
            is no contact in this phase. Whatever you find is worth knowing: it may point \
            towards a careful new start, or towards letting go, and both are good outcomes.",
    },
    Phase {
        number: 2,
        key: "phase.communicate",
        title: "Open the door gently",
        explanation: "If you decide to try, this phase is about getting back in touch \
            slowly and lightly. You start from a distance, move one small step at a time, \
            and let their responses set the pace. The aim isn't to win them back in one \
            conversation; it's to find out whether a friendly connection is possible at \
            all. If they don't want that, their answer is respected, and there is help \
            here to move on.",
    },
    Phase {
        number: 3,
        key: "phase.rebuild",
        title: "Rebuild trust and connection",
        explanation: "Trust comes back through time and shared experience, not through \
            promises. Here you spend time together as friends, listen more than you speak, \
            and learn how they really feel instead of guessing. At the end of this phase \
            you ask them plainly where they stand, and you accept the answer, whether it's \
            ready, not yet or never.",
    },
    Phase {
        number: 4,
        key: "phase.together",
        title: "Try again, carefully",
        explanation: "If you both want to give it another go, this phase keeps things \
            grounded. Couples therapy can help if you're both open to it, and a trial \
            period with regular, honest reviews takes the place of one big question. It \
            won't be the same as before, and that's fine: the hope is that it's better, \
            built on what you've both learned.",
    },
];

// ---------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------

pub static STEPS: [Step; 11] = [
    // Phase 1: see the situation clearly.
    Step {
        number: 1,
        phase: 1,
        key: "step.1",
        title: "Why did it end?",
        explanation: "Write down the reasons the relationship ended, as honestly as you \
            can, and sort each one. Some are things two people can work on: small \
            misunderstandings, silly fights, trouble talking, jealousy. Others aren't yours \
            to fix, such as a partner who wasn't serious about anyone, a lack of basic \
            empathy, or something that can't be forgiven. If you were the one who ended \
            it, look at what set it off for you too. This isn't about blame; it's about \
            seeing clearly what a second chance would have to overcome.",
        prompts: &[
            Line {
                key: "step.1.prompt.reasons",
                text: "What were the main reasons it ended? Write each one down on its own.",
            },
            Line {
                key: "step.1.prompt.kind",
                text: "For each reason: is it something the two of you could work on, or \
                    something that isn't yours to fix?",
            },
            Line {
                key: "step.1.prompt.who_ended",
                text: "Who ended it, and how did it happen?",
            },
            Line {
                key: "step.1.prompt.triggers",
                text: "If you ended it: were you feeling jealous, wanting more attention, \
                    or reacting strongly to one particular thing? What tends to set you off?",
            },
            Line {
                key: "step.1.prompt.friend_view",
                text: "How might a good friend who knew you both describe why it ended?",
            },
        ],
    },
    Step {
        number: 2,
        phase: 1,
        key: "step.2",
        title: "Own your part",
        explanation: "Most endings have two sides. This step asks you to name the mistakes \
            that were yours, not to punish yourself, but because they are the part you can \
            actually change. For each one, write a simple, realistic plan. If you kept \
            arguing about politics, for example, the plan might be to agree to disagree and \
            talk about something else. One honest mistake with a real plan is enough to \
            move on.",
        prompts: &[
            Line {
                key: "step.2.prompt.mistakes",
                text: "What did you do, or not do, that made things harder between you?",
            },
            Line {
                key: "step.2.prompt.patterns",
                text: "Do any of these show up elsewhere too, with friends, family or at work?",
            },
            Line {
                key: "step.2.prompt.plan",
                text: "For each mistake, what will you do differently? Start with something \
                    small and concrete.",
            },
            Line {
                key: "step.2.prompt.progress",
                text: "How will you notice that your plan is working?",
            },
        ],
    },
    Step {
        number: 3,
        phase: 1,
        key: "step.3",
        title: "Take time apart until you're ready",
        explanation: "Time without contact gives you both room to breathe and lets you \
            think clearly. The break starts from the breakup or your last contact, and you \
            choose how long it lasts, up to three months. Use it to look after yourself and \
            to check honestly whether you're ready: steady rather than insecure, not \
            controlling or needy, wanting them back for healthy reasons, with hopes that \
            are realistic. When the time is up and you can say yes to all of that, the next \
            phase opens.",
        prompts: &[
            Line {
                key: "step.3.prompt.length",
                text: "How long a break feels right, up to three months? What makes you \
                    choose that?",
            },
            Line {
                key: "step.3.prompt.self_care",
                text: "What will you do for yourself in this time: friends, rest, movement, \
                    things you enjoy?",
            },
            Line {
                key: "step.3.prompt.urges",
                text: "When the urge to get in touch is strong, what will you do instead?",
            },
            Line {
                key: "step.3.prompt.why_back",
                text: "Why do you want them back? Read your answer as if a friend had \
                    written it. Does it sound healthy?",
            },
        ],
    },
    // Phase 2: open the door gently.
    Step {
        number: 4,
        phase: 2,
        key: "step.4",
        title: "Reach out gently, one step at a time",
        explanation: "Start by simply noticing how they're doing: what they share openly, \
            what mutual friends mention in passing, without digging or checking up on them. \
            Then, if it still feels right, make contact in small steps: a light touch on \
            social media first, then a text, a phone call, a video call, and only then \
            meeting in person. Move up only after a warm response on the step below. If \
            they don't reply or seem cool, that is an answer too, and stepping back is \
            always the respectful choice.",
        prompts: &[
            Line {
                key: "step.4.prompt.how_they_are",
                text: "From what they share openly or what friends mention, how do they \
                    seem to be doing?",
            },
            Line {
                key: "step.4.prompt.timing",
                text: "Is this a good moment for them? Is anything big going on in their \
                    life right now?",
            },
            Line {
                key: "step.4.prompt.response",
                text: "How did your last contact go: no reply, cool, neutral or warm? What \
                    makes you read it that way?",
            },
            Line {
                key: "step.4.prompt.afterwards",
                text: "How did you feel afterwards, and what do you need before taking \
                    another step?",
            },
        ],
    },
    Step {
        number: 5,
        phase: 2,
        key: "step.5",
        title: "Break the ice",
        explanation: "Your first real message sets the tone, so keep it light: casual, \
            friendly and about something in the present. Leave old problems out of it, \
            don't tell them you miss them, and don't ask for anything. A short message that \
            is easy to answer, and just as easy to leave unanswered, is kind to both of \
            you. Draft it here and let it rest for a while before you decide whether to \
            send it.",
        prompts: &[
            Line {
                key: "step.5.prompt.topic",
                text: "What light, present-day topic could you mention: something you both \
                    enjoy, or news they've shared?",
            },
            Line {
                key: "step.5.prompt.draft",
                text: "Write your message in your own words. Keep it short and easy to answer.",
            },
            Line {
                key: "step.5.prompt.reread",
                text: "Read it again after it has rested. Does it bring up the past, ask for \
                    something, or hint at how much you miss them? If so, trim it.",
            },
            Line {
                key: "step.5.prompt.no_reply",
                text: "How will you feel if there's no answer, and how will you look after \
                    yourself then?",
            },
        ],
    },
    Step {
        number: 6,
        phase: 2,
        key: "step.6",
        title: "Apologise sincerely",
        explanation: "Once you've had a few friendly conversations, there may be room to \
            apologise for your part. A real apology names what you did, takes \
            responsibility without excuses, says what has changed, and offers to make \
            things right where you can. It doesn't ask for forgiveness or expect anything \
            in return. It's something you give, and they're free to receive it however \
            they wish.",
        prompts: &[
            Line {
                key: "step.6.prompt.ready",
                text: "Have you had a few easy, friendly conversations? An apology lands \
                    better once there's some warmth again.",
            },
            Line {
                key: "step.6.prompt.excuses",
                text: "Read your draft for words like “but” or “if you hadn't”. What is left \
                    when you take them out?",
            },
            Line {
                key: "step.6.prompt.setting",
                text: "Where and how would they feel most comfortable hearing it?",
            },
            Line {
                key: "step.6.prompt.their_response",
                text: "Whatever they say, how will you respect their response?",
            },
        ],
    },
    // Phase 3: rebuild trust and connection.
    Step {
        number: 7,
        phase: 3,
        key: "step.7",
        title: "Make good new memories",
        explanation: "New good times help loosen the hold of old hurt. Spend time together \
            as friends, not on dates: something fun, something with a bit of adrenaline \
            like a sport or a fairground ride, or something a little scary like a horror \
            film, if you both enjoy that kind of thing. Let them choose as often as you do, \
            and keep it easy to say no. Note how each time goes; a few good ones, where you \
            were both glad to be there, are what you're looking for.",
        prompts: &[
            Line {
                key: "step.7.prompt.idea",
                text: "What could you do together that's fun and low-pressure, as friends?",
            },
            Line {
                key: "step.7.prompt.how_it_went",
                text: "How did it go? What felt easy, and what felt awkward?",
            },
            Line {
                key: "step.7.prompt.their_enjoyment",
                text: "Did they seem to enjoy it too? What makes you think so?",
            },
        ],
    },
    Step {
        number: 8,
        phase: 3,
        key: "step.8",
        title: "Let them speak first",
        explanation: "Give them room to say how they feel, about the past, about you and \
            about what they would need, and listen without defending yourself. Write down \
            their feelings, concerns and boundaries, and how you responded. Often a fair \
            compromise is possible: if they're afraid of empty promises, for example, you \
            might ask for time to show the change rather than insisting that it's real.",
        prompts: &[
            Line {
                key: "step.8.prompt.feelings",
                text: "What did they share about how they feel?",
            },
            Line {
                key: "step.8.prompt.concerns",
                text: "What worries them, and what boundaries have they asked for?",
            },
            Line {
                key: "step.8.prompt.response",
                text: "How did you respond? Did you listen all the way before answering?",
            },
            Line {
                key: "step.8.prompt.compromise",
                text: "What could you offer that meets their concern without promising more \
                    than you can keep?",
            },
        ],
    },
    Step {
        number: 9,
        phase: 3,
        key: "step.9",
        title: "Decide on facts, not guesses",
        explanation: "In the end, the only way to know where they stand is to ask them, \
            gently, plainly and without pressure. They might say they're ready, that it's \
            too soon, or that they don't want to get back together. Each answer is real \
            information. Ready leads on to the last phase. Not yet means waiting until a \
            date you choose and getting on with your life meanwhile. Never means it's time \
            to let go, and to take good care of yourself while you do.",
        prompts: &[
            Line {
                key: "step.9.prompt.question",
                text: "How will you ask? Write it simply, in a way that leaves them free to \
                    say no.",
            },
            Line {
                key: "step.9.prompt.answer",
                text: "What did they say, in their own words?",
            },
            Line {
                key: "step.9.prompt.reading",
                text: "Are you adding anything to their answer that they didn't actually say?",
            },
            Line {
                key: "step.9.prompt.next",
                text: "Whatever the answer, what will you do next to look after yourself?",
            },
        ],
    },
    // Phase 4: try again, carefully.
    Step {
        number: 10,
        phase: 4,
        key: "step.10",
        title: "Consider couples therapy",
        explanation: "This step is optional. A good therapist can help you both talk about \
            hard things safely and notice old patterns before they return. If it feels \
            right, suggest it as an invitation rather than a condition, and accept their \
            answer either way. If you go, keep a note of how the sessions are going.",
        prompts: &[
            Line {
                key: "step.10.prompt.suggest",
                text: "How could you suggest it so that it feels like an invitation, not a \
                    demand?",
            },
            Line {
                key: "step.10.prompt.hopes",
                text: "What would you both like to get out of it?",
            },
            Line {
                key: "step.10.prompt.session",
                text: "After a session: what came up, and what will you try before the \
                    next one?",
            },
        ],
    },
    Step {
        number: 11,
        phase: 4,
        key: "step.11",
        title: "A trial period, not a big question",
        explanation: "Instead of asking for a big commitment, agree on a trial period with \
            an end date and regular reviews. At each review, look honestly at four signs: \
            you both take the agreed changes seriously; problems get solved without fights; \
            you both enjoy being close, emotionally and physically; and the past is no \
            longer being dragged up. At the end, decide together whether to carry on as a \
            couple, extend the trial, or let go.",
        prompts: &[
            Line {
                key: "step.11.prompt.length",
                text: "How long should the trial be, and how often will you review it \
                    together?",
            },
            Line {
                key: "step.11.prompt.changes",
                text: "Which changes did you each agree to, in simple words?",
            },
            Line {
                key: "step.11.prompt.review",
                text: "Since the last review, what went well, and what was hard?",
            },
            Line {
                key: "step.11.prompt.signs",
                text: "Looking at the four signs, what do they honestly tell you?",
            },
        ],
    },
];
