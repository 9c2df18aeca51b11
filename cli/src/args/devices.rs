//! Pairing, sync and paired devices as clap sees them.

use clap::{ArgGroup, Args, Subcommand};

use crate::transport::DEFAULT_LISTEN;

/// Where the two devices meet: one waits (`--listen`), the other reaches it
/// (`--connect`). Either side may do either; whoever connects speaks first.
#[derive(Debug, Args)]
#[group(skip)]
pub struct MeetArgs {
    /// Wait for the other device on this address and port [default: 127.0.0.1:47800,
    /// this computer only; 0.0.0.0:47800 lets other computers in; port 0 picks a free
    /// one]. The first line printed says where it listens
    #[arg(
        long,
        value_name = "ADDR:PORT",
        num_args = 0..=1,
        default_missing_value = DEFAULT_LISTEN,
        conflicts_with = "connect",
        help_heading = "Network"
    )]
    pub listen: Option<String>,
    /// Reach the other device, which waits with --listen, at this address [port
    /// 47800 unless given]
    #[arg(long, value_name = "HOST:PORT", help_heading = "Network")]
    pub connect: Option<String>,
    /// Give up when the other device is silent this many seconds
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 30,
        value_parser = clap::value_parser!(u64).range(1..=3600),
        help_heading = "Network"
    )]
    pub timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum PairAction {
    /// Show a one-time code here, then wait for your other device to join with it
    ///
    /// Prints where it waits, then the code (and the same code as a QR-ready string),
    /// on this terminal only: it is never written to a file. The code works once, for
    /// one attempt, until it expires; a wrong code spends it. On the other device run
    /// `reconnect pair join CODE --connect THIS-COMPUTER:PORT`. Both devices then pin
    /// each other's key and can sync.
    Offer(OfferArgs),
    /// Join a device that shows a pairing code: give the code (or its QR string) here
    ///
    /// Reaches the offering device at --connect [default: 127.0.0.1:47800], or waits
    /// for it with --listen when it was started with `pair offer --connect`.
    Join(JoinArgs),
}

#[derive(Debug, Args)]
pub struct OfferArgs {
    /// How many minutes the code lives (1–60)
    #[arg(
        long,
        value_name = "MINUTES",
        default_value_t = 10,
        allow_negative_numbers = true
    )]
    pub ttl: i64,
    #[command(flatten)]
    pub meet: MeetArgs,
}

#[derive(Debug, Args)]
pub struct JoinArgs {
    /// The code the other device shows, like ABCDE-12345 (case and dashes do not
    /// matter), or its QR string; `-` reads it from stdin, keeping it out of `ps`
    #[arg(value_name = "CODE")]
    pub code: String,
    #[command(flatten)]
    pub meet: MeetArgs,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("side").required(true).args(["listen", "connect"])))]
pub struct SyncArgs {
    /// With --listen: end after one session instead of serving until interrupted
    #[arg(long, conflicts_with = "connect")]
    pub once: bool,
    #[command(flatten)]
    pub meet: MeetArgs,
    /// With --connect: sync with this paired device only, given by its id or its name
    /// as `reconnect devices` shows it (case does not matter). Without it: the paired
    /// device, if only one is not revoked, else whichever paired device answers
    // `requires` alone lets --listen through: clap waives a requirement that conflicts
    // with an argument given.
    #[arg(
        long,
        value_name = "DEVICE",
        requires = "connect",
        conflicts_with = "listen",
        help_heading = "Network"
    )]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct DevicesArgs {
    #[command(subcommand)]
    pub action: Option<DevicesAction>,
}

#[derive(Debug, Subcommand)]
pub enum DevicesAction {
    /// Stop syncing with a paired device: it is refused from now on
    ///
    /// Its copy of your data stays on it until you wipe it there. Pairing again, with a
    /// new code, brings it back.
    Revoke {
        /// The device's id as `reconnect devices` shows it (a unique beginning will do)
        #[arg(value_name = "ID")]
        id: String,
    },
}
