//! The shape every screen takes: blocks to show and actions to offer, as plain data.
//! Shells render these without knowing the program's rules.

use serde::Serialize;

/// Where a screen is; what an action opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "screen", rename_all = "snake_case")]
pub enum Route {
    /// What Reconnect is, the privacy promise, the optional safety check.
    FirstRun,
    Today,
    CheckIn,
    Program,
    /// One step; step 0 is the self-check before step 1.
    Step {
        number: u8,
    },
    /// Support, the safety check and "they said no".
    Safety,
    LetGo,
    Journal {
        tag: Option<String>,
        query: Option<String>,
    },
    Entry {
        id: String,
    },
    Letters,
    Progress,
    Reminders,
    Devices,
    Data,
    Settings,
}

/// One screen as the person sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Screen {
    pub route: Route,
    pub title: String,
    /// Shows private things: the shell offers its quick exit here.
    pub sensitive: bool,
    pub blocks: Vec<Block>,
}

/// How a piece of text should feel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Normal,
    Muted,
    /// Gentle advice from the program.
    Advice,
    /// Safety first: support and locks that protect the person.
    Safety,
    Positive,
    /// Something is held or locked for now.
    Waiting,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum Block {
    Heading {
        text: String,
    },
    Text {
        text: String,
        tone: Tone,
    },
    /// A titled card: advice, support, a lock, a summary.
    Card {
        title: String,
        text: String,
        tone: Tone,
        actions: Vec<Action>,
    },
    /// A label and its value ("Mood", "4 of 5").
    Fact {
        label: String,
        value: String,
    },
    /// One row of a list; tapping it opens `open`.
    Row {
        title: String,
        detail: String,
        /// A short state ("Done", "Locked").
        badge: Option<String>,
        tone: Tone,
        open: Option<Route>,
        actions: Vec<Action>,
    },
    /// Values over time, oldest first; `None` where nothing was recorded.
    Chart {
        title: String,
        /// The chart in one sentence, for screen readers.
        summary: String,
        min: f64,
        max: f64,
        points: Vec<ChartPoint>,
    },
    /// Buttons or forms standing on their own.
    Actions {
        actions: Vec<Action>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartPoint {
    pub label: String,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStyle {
    Primary,
    Secondary,
    /// Deletes or closes something for good.
    Destructive,
    Quiet,
}

/// Something the person can do here.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// Unique on its screen; stable across renders.
    pub id: String,
    pub label: String,
    pub style: ActionStyle,
    pub kind: ActionKind,
    /// What to fill in before it runs; empty for a plain button.
    pub fields: Vec<Field>,
    /// Asked before it runs.
    pub confirm: Option<Confirm>,
    /// Why it cannot be used now; the shell shows it, disabled, with this reason.
    pub unavailable: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActionKind {
    Open {
        route: Route,
    },
    /// Sent to [`crate::Reconnect::perform`] with the fields' values.
    Command {
        command: String,
    },
    /// Work only the shell can do (sockets, files, the system).
    Shell {
        task: ShellTask,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShellTask {
    /// Make an offer, listen, and show its code and QR code.
    PairShowCode,
    /// Join another device's offer; field `code`.
    PairEnterCode,
    SyncNow,
    ShareExportJson,
    ShareReportHtml,
    ShareReportMarkdown,
    /// Pick a JSON export to import into this empty store.
    ImportFile,
    /// Delete every file and the key, after a typed confirmation.
    DeleteEverything,
    /// Field `minutes`: lock after this long in the background (`off` for never).
    SetAppLock,
    /// Ask the system for permission to post notifications.
    AllowNotifications,
    /// First run seen: go on to Today.
    FinishFirstRun,
}

/// A question before an action runs; with `typed`, the person types that word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Confirm {
    pub text: String,
    pub typed: Option<String>,
}

/// One input of an action. Values travel as text, locale-neutral.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    pub key: String,
    pub label: String,
    pub help: Option<String>,
    pub kind: FieldKind,
    pub required: bool,
    /// The starting value, in the kind's text form.
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    Text {
        max_chars: u32,
        multiline: bool,
    },
    /// One code of `options`.
    Choice {
        options: Vec<ChoiceOption>,
    },
    /// `yes` or `no`.
    YesNo,
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:MM`, 24-hour.
    Time,
    /// `YYYY-MM-DDTHH:MM`, local wall time.
    DateTime,
    /// Whole numbers; `labels` name the ends of a scale (mood, urge) when set.
    Number {
        min: i64,
        max: i64,
        low_label: Option<String>,
        high_label: Option<String>,
    },
    /// Comma-separated words.
    Tags,
    /// Sent as `value`, never shown.
    Fixed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChoiceOption {
    pub code: String,
    pub label: String,
    pub explanation: Option<String>,
}

/// What a performed command did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Performed {
    /// One sentence to show briefly.
    pub message: String,
    /// The screen to show next, when the command leads somewhere.
    pub open: Option<Route>,
    /// The id of a record the command created.
    pub created_id: Option<String>,
}
