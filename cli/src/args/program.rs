//! The program's commands as clap sees them: one subcommand for each kind of thing a
//! person can record, grouped by the step it belongs to.

use chrono::NaiveDate;
use clap::{ArgGroup, Args, Subcommand};
use reconnect_core::ContactMedium;
use reconnect_core::program::records::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, NoKind, Reply, ScreeningAnswer,
    TheirSideKind, TrialOutcome,
};

use super::values::{self, Answer, Checklist};

/// Free text for a program entry; `-` reads it from stdin.
pub const TEXT_HELP: &str =
    "In your own words; `-` reads it from stdin, which keeps it out of `ps` and your shell history";

#[derive(Debug, Args)]
pub struct StepArgs {
    /// The step to show: 0 for the pre-check, then 1 to 11
    #[arg(value_name = "N", value_parser = clap::value_parser!(u8).range(0..=11))]
    pub number: u8,
}

#[derive(Debug, Args)]
pub struct PrecheckArgs {
    /// One answer per question, as CODE=yes or CODE=no (repeat for each question)
    #[arg(
        long = "answer",
        value_name = "CODE=yes|no",
        value_parser = Answer(Checklist::PreCheck),
        long_help = Checklist::PreCheck.long_help(
            "One answer per question, as CODE=yes or CODE=no; repeat --answer for each question. \
             Honest answers help most; none of them locks anything. The questions:"
        ),
    )]
    pub answers: Vec<(String, bool)>,
    /// One answer per safety question, as CODE=yes, CODE=no or CODE=prefer-not-to-say
    #[arg(
        long = "safety",
        value_name = "CODE=yes|no|prefer-not-to-say",
        value_parser = values::screening,
        long_help = values::screening_help(),
    )]
    pub safety: Vec<(String, ScreeningAnswer)>,
    /// How many times the two of you broke up and got back together before
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub past_cycles: u32,
}

#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Confirm starting the program again from the beginning (what you recorded stays as
    /// history; safety records and their "no" stay in force)
    #[arg(long)]
    pub confirm: bool,
}

#[derive(Debug, Args)]
pub struct EndedByArgs {
    /// Who ended it
    #[arg(value_name = "WHO", value_parser = values::ended_by())]
    pub who: EndedBy,
}

#[derive(Debug, Subcommand)]
pub enum ReasonAction {
    /// Write down one reason it ended and what kind of reason it was; each reason gets its own entry
    Add {
        /// What kind of reason this was
        #[arg(long, value_name = "KIND", value_parser = values::reason_kind())]
        kind: String,
        #[arg(value_name = "TEXT", help = TEXT_HELP)]
        text: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TriggerAction {
    /// Note something that tends to set you off, such as jealousy or wanting more attention
    Add {
        #[arg(value_name = "TEXT", help = TEXT_HELP)]
        text: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdviceAction {
    /// Say that you have read this advice and still choose to continue; it stays visible
    #[command(visible_alias = "ok")]
    Acknowledge {
        /// Which advice (as named in `reconnect program`)
        #[arg(value_name = "ADVICE", value_parser = values::advice_key())]
        key: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum MistakeAction {
    /// Name one thing you did, or didn't do, that made things harder, ideally with a plan
    Add {
        #[arg(value_name = "TEXT", help = TEXT_HELP)]
        text: String,
        /// What you will do differently; small and concrete is best
        #[arg(long, value_name = "PLAN")]
        plan: Option<String>,
    },
    /// Add or change the plan for a mistake you already wrote down
    Plan {
        /// The mistake's id, as shown by `reconnect step 2`
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "PLAN", help = TEXT_HELP)]
        plan: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum NoContactAction {
    /// Choose your time apart: it starts at the breakup or your last contact, and lasts up to 3 months
    #[command(group(ArgGroup::new("length").required(true).args(["until", "weeks", "months"])))]
    Set {
        /// The first day without contact (the breakup, or your last contact)
        #[arg(long, value_name = "DATE", value_parser = values::date)]
        from: NaiveDate,
        /// The day the period ends; from then on, contact may be considered again
        #[arg(long, value_name = "DATE", value_parser = values::date)]
        until: Option<NaiveDate>,
        /// Length in weeks (1 to 13)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=13))]
        weeks: Option<u32>,
        /// Length in months (1 to 3)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=3))]
        months: Option<u32>,
    },
    /// End the time apart early; this works once your readiness check has passed
    EndEarly,
}

#[derive(Debug, Args)]
pub struct ReadinessArgs {
    /// One answer per statement, as CODE=yes or CODE=no (repeat for each statement)
    #[arg(
        long = "answer",
        value_name = "CODE=yes|no",
        value_parser = Answer(Checklist::Readiness),
        long_help = Checklist::Readiness.long_help(
            "Is each statement true for you now? Answer CODE=yes or CODE=no, repeating \
             --answer for each one. The check passes when every answer is yes; you can \
             take it again whenever you like. The statements:"
        ),
    )]
    pub answers: Vec<(String, bool)>,
}

#[derive(Debug, Args)]
pub struct ObserveArgs {
    #[arg(value_name = "TEXT", help = TEXT_HELP)]
    pub text: String,
    /// When you noticed it [default: today]
    #[arg(long, value_name = "DATE", value_parser = values::date)]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum AttemptAction {
    /// Log one attempt to get in touch: how, when, and how they answered
    Log {
        /// How you reached out, from the lowest rung of the ladder up
        #[arg(long, value_name = "MEDIUM", value_parser = values::medium())]
        medium: ContactMedium,
        /// How they answered
        #[arg(long, value_name = "REPLY", value_parser = values::reply())]
        reply: Reply,
        /// When it happened [default: today]
        #[arg(long, value_name = "DATE", value_parser = values::date)]
        on: Option<NaiveDate>,
        /// A short note about how it went
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Climb past the open rung anyway, after reading why going step by step is kinder
        #[arg(long)]
        skip_ahead: bool,
    },
    /// Change how they answered an attempt, for example when a reply came later
    Reply {
        /// The attempt's id, as shown by `reconnect step 4`
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "REPLY", value_parser = values::reply())]
        reply: Reply,
    },
}

#[derive(Debug, Subcommand)]
pub enum IcebreakerAction {
    /// Draft a light, friendly first message; it rests for a while before it can count as ready
    Draft {
        #[arg(value_name = "TEXT", help = TEXT_HELP)]
        text: String,
        /// Hours the draft rests before you may mark it ready (0 to 336)
        #[arg(long, value_name = "HOURS", default_value_t = 24)]
        cool_off: u32,
    },
    /// After reading it again with fresh eyes, mark a draft as ready to send
    Ready {
        /// The draft's id, as shown by `reconnect step 5`
        #[arg(value_name = "ID")]
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ApologyAction {
    /// Start an apology, or add to one with --id; you can write it one part at a time
    #[command(group(ArgGroup::new("part").required(true).multiple(true)
        .args(["what_i_did", "responsibility", "what_changed", "repair"])))]
    Write {
        /// Continue this apology instead of starting a new one
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// What you did, named simply and specifically
        #[arg(long, value_name = "TEXT")]
        what_i_did: Option<String>,
        /// Taking responsibility, without excuses
        #[arg(long, value_name = "TEXT")]
        responsibility: Option<String>,
        /// What has changed since
        #[arg(long, value_name = "TEXT")]
        what_changed: Option<String>,
        /// How you could make it right, without asking for forgiveness
        #[arg(long, value_name = "TEXT")]
        repair: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActivityAction {
    /// Log time you spent together as friends, and how it went
    Log {
        /// What kind of activity it was
        #[arg(long, value_name = "KIND", value_parser = values::activity_kind())]
        kind: ActivityKind,
        /// How it went
        #[arg(long, value_name = "RESULT", value_parser = values::activity_result())]
        went: ActivityResult,
        /// When it happened [default: today]
        #[arg(long, value_name = "DATE", value_parser = values::date)]
        on: Option<NaiveDate>,
        /// A short note about it
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TheirSideAction {
    /// Write down something they shared: a feeling, a concern or a boundary
    Add {
        /// What they shared
        #[arg(long, value_name = "KIND", value_parser = values::their_side_kind())]
        kind: TheirSideKind,
        #[arg(value_name = "TEXT", help = TEXT_HELP)]
        text: String,
        /// How you responded, or the compromise you offered
        #[arg(long, value_name = "TEXT")]
        response: Option<String>,
    },
    /// Add how you responded to something they shared
    Respond {
        /// The entry's id, as shown by `reconnect step 8`
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "TEXT", help = TEXT_HELP)]
        response: String,
    },
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// What they told you when you asked
    #[arg(value_name = "ANSWER", value_parser = values::decision())]
    pub answer: DecisionAnswer,
    /// For "not yet": the day to look at it again
    #[arg(long, value_name = "DATE", value_parser = values::date)]
    pub revisit: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum TherapyAction {
    /// Note whether couples therapy was suggested, and whether they were open to it
    #[command(group(ArgGroup::new("answers").required(true).multiple(true)
        .args(["suggested", "accepted"])))]
    Set {
        /// Whether you suggested it: yes or no
        #[arg(long, value_name = "yes|no", value_parser = values::yes_no)]
        suggested: Option<bool>,
        /// Whether they were open to it: yes or no
        #[arg(long, value_name = "yes|no", value_parser = values::yes_no)]
        accepted: Option<bool>,
    },
    /// Log a therapy session you went to together
    Session {
        /// When it was [default: today]
        #[arg(long, value_name = "DATE", value_parser = values::date)]
        on: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TrialAction {
    /// Agree on a trial period with an end date and regular reviews, instead of one big question
    Start {
        /// The first day of the trial
        #[arg(long, value_name = "DATE", value_parser = values::date)]
        from: NaiveDate,
        /// The last day of the trial
        #[arg(long, value_name = "DATE", value_parser = values::date)]
        end: NaiveDate,
        /// Days between reviews (1 to 31)
        #[arg(long, value_name = "DAYS", default_value_t = 7)]
        review_every: u32,
    },
    /// Look honestly at the four signs together; with --outcome, this is the end review
    Review {
        /// Whether each sign held, as CODE=yes or CODE=no (repeat for each sign)
        #[arg(
            long = "sign",
            value_name = "CODE=yes|no",
            value_parser = Answer(Checklist::TrialSigns),
            long_help = Checklist::TrialSigns.long_help(
                "Whether each sign held since the last review, as CODE=yes or CODE=no; \
                 repeat --sign for each one. The signs:"
            ),
        )]
        signs: Vec<(String, bool)>,
        /// The day of the review [default: today]
        #[arg(long, value_name = "DATE", value_parser = values::date)]
        on: Option<NaiveDate>,
        /// A short note on what went well and what was hard
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// For the end review: where it leads
        #[arg(long, value_name = "OUTCOME", value_parser = values::trial_outcome())]
        outcome: Option<TrialOutcome>,
        /// With --outcome extend: the new last day
        #[arg(long, value_name = "DATE", value_parser = values::date)]
        extend_to: Option<NaiveDate>,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct LetGoArgs {
    /// A few words about why, if you want to keep them
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(subcommand)]
    pub action: Option<LetGoAction>,
}

#[derive(Debug, Subcommand)]
pub enum LetGoAction {
    /// Write one step of the closing exercise (`reconnect let-go` lists them once chosen)
    Exercise {
        /// Which step of the exercise
        #[arg(value_name = "N", value_parser = clap::value_parser!(u8).range(1..=20))]
        number: u8,
        #[arg(value_name = "TEXT", help = TEXT_HELP)]
        text: String,
    },
}

#[derive(Debug, Args)]
pub struct SafetyArgs {
    #[command(subcommand)]
    pub action: Option<SafetyAction>,
}

#[derive(Debug, Subcommand)]
pub enum SafetyAction {
    /// Record signs of abuse or control; every contact step closes and support is shown
    Flag {
        /// One or more signs
        #[arg(value_name = "SIGN", required = true, value_parser = values::safety_sign())]
        signs: Vec<String>,
    },
    /// Undo a sign recorded by mistake: only on this device, within 15 minutes, confirmed
    Undo {
        #[arg(value_name = "SIGN", value_parser = values::safety_sign())]
        sign: String,
        /// Confirm that it was recorded by mistake
        #[arg(long)]
        confirm: bool,
    },
}

#[derive(Debug, Args)]
pub struct TheySaidNoArgs {
    /// How they closed the door
    #[arg(long, value_name = "KIND", default_value = "said-no", value_parser = values::no_kind())]
    pub kind: NoKind,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The entry's id, as shown by `reconnect step N`
    #[arg(value_name = "ID")]
    pub id: String,
}
