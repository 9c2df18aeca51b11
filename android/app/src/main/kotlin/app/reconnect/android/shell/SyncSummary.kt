package app.reconnect.android.shell

import app.reconnect.devices.DeviceSyncResult
import app.reconnect.screens.ShellTaskFailed

/**
 * "Sync now" in one sentence: which devices were synced with, and the first reason another
 * was not. When none could be synced, that reason is the problem shown.
 */
object SyncSummary {
    /** [alreadySyncing]: no result because every device is being synced with already. */
    fun of(results: List<DeviceSyncResult>, alreadySyncing: Boolean): String {
        if (results.isEmpty()) {
            return if (alreadySyncing) "Already syncing with your devices." else "Pair a device first, then they can sync."
        }
        val synced = results.filterIsInstance<DeviceSyncResult.Synced>()
        val trouble = results.firstNotNullOfOrNull { it.message }
        if (synced.isEmpty()) throw ShellTaskFailed(trouble ?: "Syncing didn't work just now. Nothing was lost; please try again.")
        val done = when (synced.size) {
            1 -> "Synced with ${synced.single().deviceName}."
            else -> "Synced with ${synced.size} devices."
        }
        return if (trouble == null) done else "$done $trouble"
    }
}
