package app.reconnect.android.system

import kotlin.time.Duration

/**
 * When the app asks for the device unlock again: at a cold start, and after it has been in
 * the background for at least [timeout]. A null timeout means the lock is off. Time comes
 * from [now], a monotonic clock (elapsedRealtime), so changing the phone's clock cannot
 * skip the lock. Plain Kotlin, so the rule is tested without a device.
 */
class AppLock(
    timeout: Duration?,
    private val now: () -> Duration,
) {
    var timeout: Duration? = timeout
        private set

    /** True while the app's content must stay hidden until the person unlocks. */
    var isLocked: Boolean = timeout != null
        private set

    private var backgroundSince: Duration? = null

    /** The app's last screen left the foreground. */
    fun onBackground() {
        backgroundSince = now()
    }

    /** The app came back; locks it if it was away for the timeout or longer. */
    fun onForeground() {
        val since = backgroundSince ?: return
        backgroundSince = null
        val limit = timeout ?: return
        if (now() - since >= limit) isLocked = true
    }

    /** The person proved it is them (biometric or device credential). */
    fun unlocked() {
        isLocked = false
    }

    /** Changes the timeout; turning the lock off also unlocks, turning it on does not lock. */
    fun setTimeout(value: Duration?) {
        timeout = value
        if (value == null) isLocked = false
    }
}
