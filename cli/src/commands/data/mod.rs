//! Export, import and wipe: everything the user recorded leaves, comes back, or goes
//! for good, and each says plainly what it did.

pub mod export;
pub mod import;
pub mod wipe;
