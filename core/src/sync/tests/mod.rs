//! Pairing and sync sessions between real stores in temporary directories, with frames
//! passed in memory by a deterministic driver that can drop, alter or replay them.

mod harness;
mod hostile;
mod identity;
mod known;
mod pairing;
mod session;

/// Shells keep sessions in `Arc<Mutex<…>>` objects and drive them from any thread.
#[test]
fn sessions_can_move_between_threads() {
    fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<crate::sync::SyncSession>();
    send_and_sync::<crate::sync::PairingSession>();
    send_and_sync::<crate::sync::FrameDecoder>();
}
