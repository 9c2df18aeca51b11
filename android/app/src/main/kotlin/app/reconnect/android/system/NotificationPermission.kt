package app.reconnect.android.system

import android.Manifest
import android.content.Context
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat

/**
 * Whether reminders can show. On Android 13 and later the app must ask for
 * POST_NOTIFICATIONS; everywhere the person can switch the app's notifications off.
 * The screens use this to ask at a sensible moment, or to say reminders are off and why.
 */
object NotificationPermission {
    const val PERMISSION: String = Manifest.permission.POST_NOTIFICATIONS

    enum class Status {
        /** Reminders will show. */
        ALLOWED,

        /** Android 13+: the permission has not been granted (yet); the app may ask. */
        NEEDS_PERMISSION,

        /** Granted or not needed, but notifications are switched off in the system settings. */
        SWITCHED_OFF,
    }

    /** True on Android 13+, where the runtime permission exists and must be requested. */
    fun isRuntimePermission(): Boolean = Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU

    fun status(context: Context): Status = when {
        isRuntimePermission() &&
            ContextCompat.checkSelfPermission(context, PERMISSION) != PackageManager.PERMISSION_GRANTED ->
            Status.NEEDS_PERMISSION
        !NotificationManagerCompat.from(context).areNotificationsEnabled() -> Status.SWITCHED_OFF
        else -> Status.ALLOWED
    }
}
