//! The 11-step program: its words and structure as data ([`content`]).

pub mod content;
