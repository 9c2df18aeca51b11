package app.reconnect.android.system

import android.content.Context
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes

/**
 * The app-lock timeout chosen on this device. It stays on the device, out of the synced
 * store: whether a phone asks for its own unlock is that phone's business.
 */
class AppLockSettings(context: Context) {
    private val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)

    /** Minutes in the background before the lock returns; null when the lock is off. */
    var timeout: Duration?
        get() = prefs.getInt(KEY_MINUTES, OFF).takeIf { it != OFF }?.minutes
        set(value) {
            prefs.edit().putInt(KEY_MINUTES, value?.inWholeMinutes?.toInt() ?: OFF).apply()
        }

    private companion object {
        const val PREFS = "app_lock"
        const val KEY_MINUTES = "timeout_minutes"
        const val OFF = -1
    }
}
