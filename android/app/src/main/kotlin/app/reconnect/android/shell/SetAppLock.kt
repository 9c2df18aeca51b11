package app.reconnect.android.shell

import app.reconnect.android.system.AppLock
import app.reconnect.android.system.AppLockSettings
import app.reconnect.screens.ShellTaskFailed
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes

/**
 * The app lock choice from Settings (`off`, or minutes in the background: 0, 1, 5, 15).
 * It needs the phone's own screen lock to ask for; without one it stays off and says so.
 */
class SetAppLock(
    private val settings: AppLockSettings,
    private val lock: AppLock,
    private val phoneHasScreenLock: () -> Boolean,
) {
    fun run(values: Map<String, String>): String {
        val choice = values["minutes"]?.trim()
        if (choice == OFF) {
            settings.timeout = null
            lock.setTimeout(null)
            return "The app lock is off."
        }
        val minutes = choice?.toIntOrNull()?.takeIf { it in CHOICES }
            ?: throw ShellTaskFailed("Choose when the app should lock.")
        if (!phoneHasScreenLock()) {
            settings.timeout = null
            lock.setTimeout(null)
            throw ShellTaskFailed(
                "This phone has no screen lock, so the app lock stays off. Set a PIN, pattern or " +
                    "password in your phone's settings, then turn it on here.",
            )
        }
        val timeout = minutes.minutes
        settings.timeout = timeout
        lock.setTimeout(timeout)
        val moment = when (minutes) {
            0 -> "every time you come back to it"
            1 -> "after 1 minute away"
            else -> "after $minutes minutes away"
        }
        return "The app lock is on: Reconnect asks for your fingerprint, face or PIN $moment."
    }

    companion object {
        private const val OFF = "off"
        private val CHOICES = setOf(0, 1, 5, 15)

        /** The setting as the core's choice code, for `ShellState.appLock`. */
        fun codeOf(timeout: Duration?): String = timeout?.inWholeMinutes?.toString() ?: OFF
    }
}
