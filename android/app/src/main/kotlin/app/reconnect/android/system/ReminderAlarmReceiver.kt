package app.reconnect.android.system

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent

/**
 * An alarm from the plan went off: show its notification. The words came with the alarm,
 * so the store need not be opened here. Not exported; only our PendingIntents reach it.
 */
class ReminderAlarmReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val notice = ReminderIntents.read(intent) ?: return
        // When not allowed nothing shows; the app says why next time it is opened.
        ReminderNotifier(context, NotificationTexts.from(context)).post(notice)
    }
}
