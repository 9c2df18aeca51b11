package app.reconnect.android.system

import org.junit.Assert.assertEquals
import org.junit.Test

/** Which alarms a list of reminders becomes, and which earlier ones go. */
class AlarmPlanTest {

    @Test
    fun `one alarm per reminder at its instant, with its words`() {
        val reminders = TestReminders.days(3)
        val plan = AlarmPlan.of(reminders, previouslyScheduled = emptySet())
        assertEquals(reminders.map { it.id }, plan.alarms.map { it.id })
        assertEquals(reminders.map { it.fireAt.toEpochMilli() }, plan.alarms.map { it.triggerAtMillis })
        assertEquals("Check-in", plan.alarms[0].title)
        assertEquals("Time for your check-in", plan.alarms[0].body)
        assertEquals(emptySet<String>(), plan.stale)
    }

    @Test
    fun `never more than 64, the soonest kept`() {
        val reminders = TestReminders.days(70)
        val plan = AlarmPlan.of(reminders, emptySet())
        assertEquals(64, plan.alarms.size)
        assertEquals(reminders.take(64).map { it.id }, plan.alarms.map { it.id })
    }

    @Test
    fun `an id listed twice is one alarm`() {
        val first = TestReminders.daily(1)
        val plan = AlarmPlan.of(listOf(first, first.copy(title = "again")), emptySet())
        assertEquals(listOf(first.id), plan.alarms.map { it.id })
    }

    @Test
    fun `ids scheduled before and gone now are stale`() {
        val plan = AlarmPlan.of(TestReminders.days(2), previouslyScheduled = setOf("check_in:day-1", "custom:old"))
        assertEquals(setOf("custom:old"), plan.stale)
    }
}
