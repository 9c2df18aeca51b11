//! The 11-step program over the FFI: the view, every command, why a command was refused,
//! and the words a shell needs to render a step. Records and enums mirror the core's;
//! conversions only, the rules stay in the core.

mod codes;
mod command;
mod content;
pub(crate) mod convert;
mod records;
mod refusal;
mod view;

pub use codes::{
    ActivityKind, ActivityResult, DecisionAnswer, EndedBy, NoKind, Reply, SafetySource,
    ScreeningAnswer, TheirSideKind, TrialOutcome,
};
pub use command::ProgramCommand;
pub use content::{
    Choice, ChoiceList, ContentLine, PreCheckContent, PreCheckQuestion, StepContent,
};
pub use convert::{Answer, ScreeningReply};
pub use records::{
    Apology, Attempt, Decision, ExerciseAnswer, IceBreaker, LetGoRecord, Mistake, NoContact,
    ObservationNote, PreCheckAnswers, ProgramRecords, Readiness, Reason, Restart, SafetyFlag,
    SaidNo, SharedActivity, TextRecord, TheirSide, Therapy, Trial, TrialReview,
};
pub use refusal::RefusalReason;
pub use view::{
    Advice, CommandResult, KeyDates, LadderView, LockReason, NextAction, Outcome, PhaseView,
    ProgramView, SafetyView, StepState, StepView, SupportView,
};
