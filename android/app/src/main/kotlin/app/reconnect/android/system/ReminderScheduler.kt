package app.reconnect.android.system

import android.app.AlarmManager
import android.content.Context
import android.os.Build
import app.reconnect.ffi.Reminder

/**
 * Registers the core's reminders with AlarmManager, replacing what was registered before.
 * Exact alarms when the app may set them, otherwise a short window (Android may then be a
 * few minutes late). Which ids are registered is this device's state, kept in its
 * SharedPreferences, never in the synced store; stale ones are cancelled from that list.
 */
class ReminderScheduler(private val context: Context) {
    private val alarms = context.getSystemService(AlarmManager::class.java)
    private val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)

    /** Ids of the alarms currently registered by this scheduler. */
    val scheduledIds: Set<String>
        get() = prefs.getStringSet(KEY_IDS, emptySet()).orEmpty().toSet()

    /** Whether alarms fire on time; false means the inexact window is used. */
    val exactAlarmsAllowed: Boolean
        get() = Build.VERSION.SDK_INT < Build.VERSION_CODES.S || alarms.canScheduleExactAlarms()

    /**
     * Makes AlarmManager hold exactly [reminders] (at most 64) and returns the plan it applied.
     * Writes to disk: call it off the main thread. One at a time per process, so a receiver
     * and the app's change listener cannot interleave their lists.
     */
    fun apply(reminders: List<Reminder>): AlarmPlan = synchronized(LOCK) {
        val plan = AlarmPlan.of(reminders, scheduledIds)
        for (id in plan.stale) {
            ReminderIntents.existing(context, id)?.let {
                alarms.cancel(it)
                it.cancel()
            }
        }
        val exact = exactAlarmsAllowed
        for (alarm in plan.alarms) {
            val operation = ReminderIntents.pending(context, alarm)
            if (exact) {
                try {
                    alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, alarm.triggerAtMillis, operation)
                    continue
                } catch (e: SecurityException) {
                    // The permission was withdrawn a moment ago; the window below still reminds.
                }
            }
            alarms.setWindow(AlarmManager.RTC_WAKEUP, alarm.triggerAtMillis, INEXACT_WINDOW_MILLIS, operation)
        }
        prefs.edit().putStringSet(KEY_IDS, plan.ids).commit()
        plan
    }

    companion object {
        /** How late an inexact reminder may come. */
        const val INEXACT_WINDOW_MILLIS = 10 * 60 * 1000L
        private const val PREFS = "reminder_alarms"
        private const val KEY_IDS = "scheduled_ids"
        private val LOCK = Any()
    }
}
