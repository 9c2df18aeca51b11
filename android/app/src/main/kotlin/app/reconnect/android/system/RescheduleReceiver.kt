package app.reconnect.android.system

import android.app.AlarmManager
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.util.Log
import java.util.concurrent.Executor
import java.util.concurrent.Executors

/**
 * Registers the reminders again when alarms were lost or went stale: after a restart or an
 * app update (AlarmManager forgets alarms), when the clock or time zone changes (the core
 * re-reads the wall times in the new zone), and when exact alarms are allowed or withdrawn.
 * The store is opened off the main thread while goAsync() keeps the broadcast alive.
 */
class RescheduleReceiver(private val executor: Executor = background) : BroadcastReceiver() {

    override fun onReceive(context: Context, intent: Intent) {
        if (intent.action !in ACTIONS) return
        val source = context.applicationContext as? ReminderSource ?: return
        val pending = goAsync()
        val app = context.applicationContext
        executor.execute {
            try {
                ReminderScheduler(app).apply(source.currentReminders())
            } catch (e: Exception) {
                // A store that cannot open now (key unavailable) keeps the old alarms.
                Log.w(TAG, "reminders not rescheduled after ${intent.action}", e)
            } finally {
                pending.finish()
            }
        }
    }

    companion object {
        private const val TAG = "RescheduleReceiver"

        val ACTIONS: Set<String> = setOf(
            Intent.ACTION_BOOT_COMPLETED,
            Intent.ACTION_MY_PACKAGE_REPLACED,
            Intent.ACTION_TIME_CHANGED,
            Intent.ACTION_TIMEZONE_CHANGED,
            AlarmManager.ACTION_SCHEDULE_EXACT_ALARM_PERMISSION_STATE_CHANGED,
        )

        private val background: Executor = Executors.newSingleThreadExecutor { runnable ->
            Thread(runnable, "reconnect-reschedule").apply { isDaemon = true }
        }
    }
}
