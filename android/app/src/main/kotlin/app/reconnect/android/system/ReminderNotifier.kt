package app.reconnect.android.system

import android.annotation.SuppressLint
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import app.reconnect.android.MainActivity
import app.reconnect.android.R

/** The app's own words around a reminder: the channel, and the lock-screen stand-in. */
data class NotificationTexts(
    val channelName: String,
    val channelDescription: String,
    /** All a locked screen shows when the person hides sensitive notifications. */
    val publicTitle: String,
) {
    companion object {
        fun from(context: Context) = NotificationTexts(
            channelName = context.getString(R.string.reminders_channel_name),
            channelDescription = context.getString(R.string.reminders_channel_description),
            publicTitle = context.getString(R.string.app_name),
        )
    }
}

/**
 * Shows a reminder as a notification in the words the core chose (generic unless the
 * person asked for detail). Without permission it posts nothing, does not crash, and
 * says so through its result; tapping the notification opens the app.
 */
class ReminderNotifier(private val context: Context, private val texts: NotificationTexts) {

    enum class Result { POSTED, NOT_ALLOWED }

    fun ensureChannel() {
        val channel = NotificationChannel(CHANNEL_ID, texts.channelName, NotificationManager.IMPORTANCE_DEFAULT)
            .apply { description = texts.channelDescription }
        context.getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
    }

    @SuppressLint("MissingPermission") // Checked just before, through NotificationPermission.
    fun post(notice: ReminderNotice): Result {
        if (NotificationPermission.status(context) != NotificationPermission.Status.ALLOWED) {
            return Result.NOT_ALLOWED
        }
        ensureChannel()
        val open = PendingIntent.getActivity(
            context, 0,
            Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP),
            PendingIntent.FLAG_IMMUTABLE,
        )
        val public = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(texts.publicTitle)
            .build()
        val notification = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(notice.title)
            .setContentText(notice.body)
            .setStyle(NotificationCompat.BigTextStyle().bigText(notice.body))
            .setCategory(NotificationCompat.CATEGORY_REMINDER)
            .setVisibility(NotificationCompat.VISIBILITY_PRIVATE)
            .setPublicVersion(public)
            .setContentIntent(open)
            .setAutoCancel(true)
            .build()
        NotificationManagerCompat.from(context).notify(notice.id, NOTIFICATION_ID, notification)
        return Result.POSTED
    }

    companion object {
        const val CHANNEL_ID = "reminders"

        /** Notifications are told apart by their tag, the reminder id; the number is shared. */
        const val NOTIFICATION_ID = 1
    }
}
