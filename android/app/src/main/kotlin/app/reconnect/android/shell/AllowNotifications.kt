package app.reconnect.android.shell

import android.content.Context
import android.content.Intent
import android.net.Uri
import android.os.Build
import android.provider.Settings
import app.reconnect.android.system.NotificationPermission

/**
 * "Allow notifications" for reminders: asks for the permission on Android 13+, says how to
 * allow it later if the person declines, and when reminders could come late (no exact
 * alarms on Android 12+), opens the page where exact alarms are allowed.
 */
class AllowNotifications(
    private val context: Context,
    private val requests: ActivityRequests,
    private val exactAlarmsAllowed: () -> Boolean,
) {
    suspend fun run(): String {
        val notifications = when (NotificationPermission.status(context)) {
            NotificationPermission.Status.ALLOWED -> "Reminders can show on this phone."
            NotificationPermission.Status.NEEDS_PERMISSION ->
                if (requests.askPermission(NotificationPermission.PERMISSION)) {
                    "Reminders can show now."
                } else {
                    return "Reminders stay off for now. You can allow them any time in your phone's " +
                        "Settings, under Apps, Reconnect, Notifications."
                }
            NotificationPermission.Status.SWITCHED_OFF ->
                return "Notifications for Reconnect are switched off in your phone's settings. To get " +
                    "reminders, switch them on under Settings, Apps, Reconnect, Notifications."
        }
        if (exactAlarmsAllowed() || Build.VERSION.SDK_INT < Build.VERSION_CODES.S) return notifications
        val page = Intent(Settings.ACTION_REQUEST_SCHEDULE_EXACT_ALARM, Uri.parse("package:${context.packageName}"))
        return if (requests.start(page)) {
            "$notifications To have them come on time rather than a few minutes late, allow " +
                "alarms and reminders on the page that just opened."
        } else {
            "$notifications They may come a few minutes late; allowing alarms and reminders for " +
                "Reconnect in your phone's settings makes them come on time."
        }
    }
}
