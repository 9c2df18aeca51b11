package app.reconnect.android.system

import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.net.Uri

/**
 * The broadcast an alarm sends, and reading it back. Each reminder id gets its own data
 * URI, so its PendingIntent can be found again to update or cancel it; the notification's
 * words travel in the extras, as the core worded them when the plan was made.
 */
internal object ReminderIntents {
    const val ACTION_FIRE = "app.reconnect.android.action.REMINDER"
    private const val SCHEME = "reconnect-reminder"
    private const val EXTRA_TITLE = "title"
    private const val EXTRA_BODY = "body"

    fun fire(context: Context, alarm: PlannedAlarm): Intent =
        base(context, alarm.id)
            .putExtra(EXTRA_TITLE, alarm.title)
            .putExtra(EXTRA_BODY, alarm.body)

    /** The alarm's PendingIntent, created or updated with the current words. */
    fun pending(context: Context, alarm: PlannedAlarm): PendingIntent =
        PendingIntent.getBroadcast(
            context, 0, fire(context, alarm),
            PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )

    /** The registered PendingIntent for [id], or null when there is none. */
    fun existing(context: Context, id: String): PendingIntent? =
        PendingIntent.getBroadcast(
            context, 0, base(context, id),
            PendingIntent.FLAG_NO_CREATE or PendingIntent.FLAG_IMMUTABLE,
        )

    /** The reminder a fired alarm is for, or null for an intent that is not one of ours. */
    fun read(intent: Intent): ReminderNotice? {
        if (intent.action != ACTION_FIRE) return null
        val data = intent.data ?: return null
        if (data.scheme != SCHEME) return null
        val id = data.schemeSpecificPart ?: return null
        val title = intent.getStringExtra(EXTRA_TITLE) ?: return null
        val body = intent.getStringExtra(EXTRA_BODY) ?: return null
        return ReminderNotice(id, title, body)
    }

    private fun base(context: Context, id: String): Intent =
        Intent(context, ReminderAlarmReceiver::class.java)
            .setAction(ACTION_FIRE)
            .setData(Uri.fromParts(SCHEME, id, null))
}

/** A notification to show now, in the words the core chose. */
data class ReminderNotice(val id: String, val title: String, val body: String)
