//! The program's small closed sets of answers (who ended it, how they replied, …), as
//! uniffi enums that convert both ways with the core's.

use reconnect_core::program::records;

/// Declares a uniffi enum with the same variants as the core enum of the same name, and
/// conversions both ways.
macro_rules! mirror {
    ($(#[$meta:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        pub enum $name {
            $($variant),+
        }

        impl From<records::$name> for $name {
            fn from(value: records::$name) -> Self {
                match value {
                    $(records::$name::$variant => $name::$variant),+
                }
            }
        }

        impl From<$name> for records::$name {
            fn from(value: $name) -> Self {
                match value {
                    $($name::$variant => records::$name::$variant),+
                }
            }
        }
    };
}

mirror! {
    /// Who ended the relationship (step 1).
    EndedBy { Me, Them, Mutual }
}

mirror! {
    /// How they answered a contact attempt (step 4).
    Reply { NoReply, Cold, Neutral, Warm }
}

mirror! {
    /// A kind of shared activity (step 7).
    ActivityKind { Fun, Adrenaline, Scary, Other }
}

mirror! {
    /// How a shared activity went (step 7).
    ActivityResult { Good, Okay, Bad }
}

mirror! {
    /// What they shared (step 8).
    TheirSideKind { Feeling, Concern, Boundary }
}

mirror! {
    /// The answer to "are we ready to try again?" (step 9).
    DecisionAnswer { Ready, NotYet, Never }
}

mirror! {
    /// How they closed the door; the contact steps then close for good.
    NoKind { SaidNo, AskedNoContact, Blocked }
}

mirror! {
    /// Where the trial period's end review leads (step 11).
    TrialOutcome { Together, Extend, LetGo }
}

mirror! {
    /// An answer to a safety question of the self-check.
    ScreeningAnswer { Yes, No, PreferNotToSay }
}

mirror! {
    /// Where a safety flag came from.
    SafetySource { PreCheck, Reason, Flagged }
}
