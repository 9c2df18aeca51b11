package app.reconnect

import app.reconnect.ffi.NotificationDetail
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.ReminderKind
import app.reconnect.ffi.ReminderSettings
import java.io.File
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.ZoneId
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/**
 * The reminder schedule through the Kotlin wrapper: 20:00 in Berlin from 10:30 on
 * Saturday 14 March 2026, across the change to summer time on Sunday 29 March.
 */
class RemindersTest {
    @TempDir
    lateinit var dir: File

    private val max = 64

    @Test
    fun `settings start generic with no daily reminder and round trip`() = runBlocking<Unit> {
        val key = TestStores.key(5)
        TestStores.open(dir, key).use { store ->
            assertEquals(ReminderSettings(dailyCheckIn = null, keyDatesAt = "09:00", detail = NotificationDetail.GENERIC), store.reminderSettings())
            assertTrue(store.reminders().isEmpty())
            store.setDailyCheckIn(LocalTime.of(20, 0, 59))
            store.setReminderSettings(store.reminderSettings().copy(detail = NotificationDetail.DETAILED))
        }
        TestStores.open(dir, key).use { store ->
            assertEquals(ReminderSettings(dailyCheckIn = "20:00", keyDatesAt = "09:00", detail = NotificationDetail.DETAILED), store.reminderSettings())
            store.setDailyCheckIn(null)
            assertEquals(null, store.reminderSettings().dailyCheckIn)
        }
    }

    @Test
    fun `daily reminder fires at 20 00 local time across DST, at most 64`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            store.setDailyCheckIn(LocalTime.of(20, 0))
            val pending = store.reminders()
            assertEquals(max, pending.size)
            assertTrue(pending.all { it.kind == ReminderKind.DAILY_CHECK_IN && it.zone == "Europe/Berlin" })
            val first = pending.first()
            assertEquals("check_in:2026-03-14", first.id)
            assertEquals(Instant.parse("2026-03-14T19:00:00Z"), first.fireAt)
            assertEquals("2026-03-14T20:00", first.local)
            assertEquals("Check-in" to "Time for your check-in", first.title to first.body)

            val start = LocalDate.of(2026, 3, 14)
            assertEquals((0 until max).map { "check_in:${start.plusDays(it.toLong())}" }, pending.map { it.id })
            val byId = pending.associateBy { it.id }
            assertEquals(Instant.parse("2026-03-28T19:00:00Z"), byId.getValue("check_in:2026-03-28").fireAt)
            assertEquals(Instant.parse("2026-03-29T18:00:00Z"), byId.getValue("check_in:2026-03-29").fireAt)
            // Every one reads 20:00 on the Berlin clock when it fires.
            val berlin = ZoneId.of("Europe/Berlin")
            assertTrue(pending.all { it.fireAt.atZone(berlin).toLocalTime() == LocalTime.of(20, 0) })
            assertEquals(pending.map { it.fireAt }.sorted(), pending.map { it.fireAt })
            assertEquals(pending, store.reminders(), "ids and instants are stable")
        }
    }

    @Test
    fun `today's reminder goes once checked in`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            store.setDailyCheckIn(LocalTime.of(20, 0))
            assertEquals("check_in:2026-03-14", store.reminders().first().id)
            store.checkIn(mood = 4, urge = 1)
            val pending = store.reminders()
            assertFalse(pending.any { it.id == "check_in:2026-03-14" })
            assertEquals("check_in:2026-03-15", pending.first().id)
            assertEquals(Instant.parse("2026-03-15T19:00:00Z"), pending.first().fireAt)
            assertEquals(max, pending.size)
            assertEquals("check_in:2026-05-17", pending.last().id)
        }
    }

    @Test
    fun `a custom reminder shows its own words only when detailed`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            val custom = store.addCustomReminder(LocalDateTime.of(2026, 3, 15, 8, 30), "Call the dentist")
            assertEquals("2026-03-15T08:30", custom.at)
            assertEquals(listOf(custom), store.customReminders())

            val generic = store.reminders().single()
            assertEquals("custom:${custom.id}", generic.id)
            assertEquals(ReminderKind.CUSTOM, generic.kind)
            assertEquals(Instant.parse("2026-03-15T07:30:00Z"), generic.fireAt)
            assertEquals("Reminder" to "A reminder you set", generic.title to generic.body)

            store.setReminderSettings(store.reminderSettings().copy(detail = NotificationDetail.DETAILED))
            assertEquals("Call the dentist", store.reminders().single().body)

            store.removeCustomReminder(custom.id)
            assertTrue(store.customReminders().isEmpty())
            assertTrue(store.reminders().isEmpty())
        }
    }

    @Test
    fun `bad times are InvalidInput and change nothing`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            val before = store.reminderSettings()
            for (bad in listOf("8pm", "24:00", "20:00:00")) {
                val error = assertThrows<ReconnectException.InvalidInput> {
                    runBlocking { store.setReminderSettings(before.copy(dailyCheckIn = bad)) }
                }
                assertTrue(error.detail.contains("HH:MM"), error.detail)
            }
            assertEquals(before, store.reminderSettings())
            assertThrows<ReconnectException.InvalidInput> { runBlocking { store.removeCustomReminder("no-such-id") } }
            assertThrows<ReconnectException.InvalidInput> {
                runBlocking { store.addCustomReminder(LocalDateTime.of(2026, 3, 15, 8, 30), "two\nlines") }
            }
            assertTrue(store.customReminders().isEmpty())
        }
    }

    @Test
    fun `after travel the same wall time is on the new zone's clock`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            store.setDailyCheckIn(LocalTime.of(20, 0))
            store.setTimeZone(ZoneId.of("America/New_York"))
            val first = store.reminders().first()
            assertEquals("check_in:2026-03-14", first.id)
            assertEquals(Instant.parse("2026-03-15T00:00:00Z"), first.fireAt)
            assertEquals("America/New_York", first.zone)
        }
    }

    @Test
    fun `reminder calls after close fail with Closed`() {
        val store = TestStores.open(dir)
        store.close()
        assertThrows<ReconnectException.Closed> { runBlocking { store.reminders() } }
    }
}
