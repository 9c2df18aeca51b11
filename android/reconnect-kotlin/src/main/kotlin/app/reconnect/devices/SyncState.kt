package app.reconnect.devices

import app.reconnect.ffi.SessionStats
import java.time.Instant

/** What the [SyncCoordinator] is doing, and how the last sync with each device went. */
data class SyncState(
    /** Device ids being synced with now; empty when idle. */
    val syncing: Set<String> = emptySet(),
    /** The latest result per paired device id; a device not tried yet is absent. */
    val last: Map<String, DeviceSyncResult> = emptyMap(),
) {
    val isIdle: Boolean get() = syncing.isEmpty()
}

/** How one sync with one device ended. */
sealed interface DeviceSyncResult {
    val deviceId: String

    /** The name the device gave itself. */
    val deviceName: String
    val at: Instant

    /** What to show the person when it did not work; null when it did. */
    val message: String?

    data class Synced(
        override val deviceId: String,
        override val deviceName: String,
        override val at: Instant,
        /** Whether that device's changes reached this one. */
        val changed: Boolean,
        val stats: SessionStats,
    ) : DeviceSyncResult {
        override val message: String? get() = null
    }

    /** The device was not found on this network in time. */
    data class NotFound(
        override val deviceId: String,
        override val deviceName: String,
        override val at: Instant,
    ) : DeviceSyncResult {
        override val message: String get() = NOT_FOUND
    }

    /** The sync was tried and failed; [error] is a `ReconnectException` or a `TransportException`. */
    data class Failed(
        override val deviceId: String,
        override val deviceName: String,
        override val at: Instant,
        val error: Throwable,
        override val message: String,
    ) : DeviceSyncResult

    private companion object {
        const val NOT_FOUND = "Your other device wasn't found on this network. Open Reconnect on it, " +
            "on the same Wi-Fi, and sync again."
    }
}
