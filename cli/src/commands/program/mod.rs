//! The 11-step program on the command line: the overview, one step in detail, and a
//! subcommand for each kind of thing a person can record.

pub mod confirm;
pub mod input;
pub mod overview;
pub mod record;
pub mod recorded;
pub mod safety;
pub mod step;
pub mod text;
pub mod tools;
pub mod words;
