package app.reconnect.android.system

import android.app.AlarmManager
import android.content.Context
import org.robolectric.RuntimeEnvironment
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadows.ShadowAlarmManager

/** What AlarmManager holds after the scheduler has been handed the core's reminders. */
@RunWith(RobolectricTestRunner::class)
class ReminderSchedulerTest {
    private val context: Context = RuntimeEnvironment.getApplication()
    private val alarmManager = context.getSystemService(AlarmManager::class.java)
    private val alarms get() = shadowOf(alarmManager).scheduledAlarms.sortedBy { it.triggerAtMs }

    @Before
    fun exactAllowed() {
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
    }

    @Test
    fun `registers one exact alarm per reminder at its instant`() {
        val reminders = TestReminders.days(3)
        ReminderScheduler(context).apply(reminders)

        assertEquals(3, alarms.size)
        assertEquals(reminders.map { it.fireAt.toEpochMilli() }, alarms.map { it.triggerAtMs })
        assertTrue(alarms.all { it.type == AlarmManager.RTC_WAKEUP })
        assertTrue(alarms.all { it.isAllowWhileIdle && it.windowLengthMs == ShadowAlarmManager.WINDOW_EXACT })
    }

    @Test
    fun `each alarm carries its reminder's words to the receiver`() {
        ReminderScheduler(context).apply(listOf(TestReminders.daily(0, title = "A title", body = "A body")))

        val intent = shadowOf(alarms.single().operation).savedIntent
        assertEquals(ReminderAlarmReceiver::class.java.name, intent.component?.className)
        assertEquals(ReminderNotice("check_in:day-0", "A title", "A body"), ReminderIntents.read(intent))
    }

    @Test
    fun `without exact alarms it uses a window instead`() {
        ShadowAlarmManager.setCanScheduleExactAlarms(false)
        val scheduler = ReminderScheduler(context)
        assertFalse(scheduler.exactAlarmsAllowed)

        scheduler.apply(TestReminders.days(2))

        assertEquals(2, alarms.size)
        assertTrue(alarms.all { it.windowLengthMs == ReminderScheduler.INEXACT_WINDOW_MILLIS })
        assertTrue(alarms.none { it.isAllowWhileIdle })
    }

    @Test
    fun `reminders no longer in the plan are cancelled`() {
        val scheduler = ReminderScheduler(context)
        scheduler.apply(TestReminders.days(3))
        val gone = TestReminders.daily(0)

        scheduler.apply(TestReminders.days(3).drop(1))

        assertEquals(TestReminders.days(3).drop(1).map { it.fireAt.toEpochMilli() }, alarms.map { it.triggerAtMs })
        assertNull("its PendingIntent is cancelled too", ReminderIntents.existing(context, gone.id))
        assertNotNull(ReminderIntents.existing(context, TestReminders.daily(1).id))
        assertEquals(setOf("check_in:day-1", "check_in:day-2"), scheduler.scheduledIds)
    }

    @Test
    fun `the scheduled ids survive a new scheduler, so stale ones are found after a restart`() {
        ReminderScheduler(context).apply(TestReminders.days(2))
        ReminderScheduler(context).apply(emptyList())
        assertEquals(0, alarms.size)
        assertEquals(emptySet<String>(), ReminderScheduler(context).scheduledIds)
    }

    @Test
    fun `handing the same list again replaces rather than adds`() {
        val scheduler = ReminderScheduler(context)
        scheduler.apply(TestReminders.days(5))
        scheduler.apply(TestReminders.days(5))
        assertEquals(5, alarms.size)
    }

    @Test
    fun `never more than 64 alarms`() {
        ReminderScheduler(context).apply(TestReminders.days(80))
        assertEquals(AlarmPlan.MAX_ALARMS, alarms.size)
        assertEquals(TestReminders.days(64).last().fireAt.toEpochMilli(), alarms.last().triggerAtMs)
    }
}
