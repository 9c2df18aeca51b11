package app.reconnect.android.system

import app.reconnect.ffi.Reminder
import app.reconnect.ffi.ReminderKind
import java.time.Instant

/** Reminder records as the core returns them, built directly for tests that need no store. */
internal object TestReminders {
    val START: Instant = Instant.parse("2030-03-14T19:00:00Z")

    fun daily(day: Int, title: String = "Check-in", body: String = "Time for your check-in"): Reminder =
        Reminder(
            id = "check_in:day-$day",
            kind = ReminderKind.DAILY_CHECK_IN,
            fireAt = START.plusSeconds(day * 86_400L),
            local = "2030-03-14T20:00",
            zone = "Europe/Berlin",
            title = title,
            body = body,
        )

    fun days(count: Int): List<Reminder> = (0 until count).map { daily(it) }
}
