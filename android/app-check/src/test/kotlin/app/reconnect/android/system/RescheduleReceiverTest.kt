package app.reconnect.android.system

import android.app.AlarmManager
import android.app.Application
import android.content.Intent
import android.content.IntentFilter
import android.os.Looper
import app.reconnect.ffi.Reminder
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config

/** An application whose store holds a list the test sets, and that notes where it was read. */
class FixedRemindersApp : Application(), ReminderSource {
    @Volatile var reminders: List<Reminder> = emptyList()
    @Volatile var readOnMainThread: Boolean? = null

    override fun currentReminders(): List<Reminder> {
        readOnMainThread = Looper.myLooper() == Looper.getMainLooper()
        return reminders
    }
}

/** After a restart, an update or a clock or zone change, the alarms are the core's again. */
@RunWith(RobolectricTestRunner::class)
@Config(application = FixedRemindersApp::class)
class RescheduleReceiverTest {
    private val app = RuntimeEnvironment.getApplication() as FixedRemindersApp
    private val alarms get() = shadowOf(app.getSystemService(AlarmManager::class.java)).scheduledAlarms
    private val worker = Executors.newSingleThreadExecutor()

    @After
    fun stopWorker() {
        worker.shutdownNow()
    }

    @Test
    fun `boot registers the reminders again`() = assertReschedulesOn(Intent.ACTION_BOOT_COMPLETED)

    @Test
    fun `an app update registers them again`() = assertReschedulesOn(Intent.ACTION_MY_PACKAGE_REPLACED)

    @Test
    fun `a clock change registers them again`() = assertReschedulesOn(Intent.ACTION_TIME_CHANGED)

    @Test
    fun `a time zone change registers them again`() = assertReschedulesOn(Intent.ACTION_TIMEZONE_CHANGED)

    @Test
    fun `exact alarms being allowed registers them again`() =
        assertReschedulesOn(AlarmManager.ACTION_SCHEDULE_EXACT_ALARM_PERMISSION_STATE_CHANGED)

    @Test
    fun `another broadcast changes nothing`() {
        ReminderScheduler(app).apply(TestReminders.days(2))
        app.reminders = TestReminders.days(5)
        deliver(Intent.ACTION_SCREEN_ON)
        assertEquals(2, alarms.size)
        assertEquals(null, app.readOnMainThread)
    }

    private fun assertReschedulesOn(action: String) {
        // Before: alarms for an old list, as if the zone or the reminders had changed since.
        ReminderScheduler(app).apply(listOf(TestReminders.daily(40), TestReminders.daily(41)))
        app.reminders = TestReminders.days(3)

        deliver(action)

        assertEquals(TestReminders.days(3).map { it.fireAt.toEpochMilli() }, alarms.map { it.triggerAtMs }.sorted())
        assertEquals(TestReminders.days(3).map { it.id }.toSet(), ReminderScheduler(app).scheduledIds)
        assertFalse("the store is read off the main thread", app.readOnMainThread!!)
    }

    /** Sends [action] as the system would and waits for the receiver's background work. */
    private fun deliver(action: String) {
        app.registerReceiver(RescheduleReceiver(worker), IntentFilter(action))
        app.sendBroadcast(Intent(action))
        shadowOf(Looper.getMainLooper()).idle()
        worker.shutdown()
        assertTrue(worker.awaitTermination(10, TimeUnit.SECONDS))
        shadowOf(Looper.getMainLooper()).idle()
    }
}
