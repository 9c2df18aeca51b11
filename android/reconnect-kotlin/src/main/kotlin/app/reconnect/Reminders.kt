package app.reconnect

import app.reconnect.ffi.CustomReminder
import app.reconnect.ffi.Reminder
import app.reconnect.ffi.ReminderSettings
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.format.DateTimeFormatter

// Reminders: `suspend` calls on the wrapper's IO dispatcher. Times of day cross as `HH:MM`
// and local wall times as `YYYY-MM-DDTHH:MM`; these helpers take java.time values instead.

private val TIME_OF_DAY: DateTimeFormatter = DateTimeFormatter.ofPattern("HH:mm")
private val WALL_TIME: DateTimeFormatter = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")

/** A time of day as the core takes it (`HH:MM`; seconds are dropped). */
fun LocalTime.reminderText(): String = format(TIME_OF_DAY)

/** A local wall time as the core takes it (`YYYY-MM-DDTHH:MM`; seconds are dropped). */
fun LocalDateTime.reminderText(): String = format(WALL_TIME)

suspend fun Reconnect.reminderSettings(): ReminderSettings = onIo { it.reminderSettings() }

/** Replaces the reminder settings; a time that is not `HH:MM` is `InvalidInput`. */
suspend fun Reconnect.setReminderSettings(settings: ReminderSettings) =
    onIo { it.setReminderSettings(settings) }

/** Turns the daily check-in reminder on at [time] local time, or off with null. */
suspend fun Reconnect.setDailyCheckIn(time: LocalTime?) {
    val current = reminderSettings()
    setReminderSettings(current.copy(dailyCheckIn = time?.reminderText()))
}

/**
 * Adds a one-off reminder at a local wall time, read in the zone the device is in when it
 * fires. [text] shows only with detailed notifications.
 */
suspend fun Reconnect.addCustomReminder(at: LocalDateTime, text: String? = null): CustomReminder =
    onIo { it.addCustomReminder(at.reminderText(), text) }

suspend fun Reconnect.removeCustomReminder(id: String) = onIo { it.removeCustomReminder(id) }

/** The custom reminders, soonest first. */
suspend fun Reconnect.customReminders(): List<CustomReminder> = onIo { it.customReminders() }

/**
 * The notifications to have pending now (at most 64, soonest first, stable ids), for the
 * zone set last. Hand the whole list to the OS after every change, replacing what it had.
 */
suspend fun Reconnect.reminders(): List<Reminder> = onIo { it.reminders() }
