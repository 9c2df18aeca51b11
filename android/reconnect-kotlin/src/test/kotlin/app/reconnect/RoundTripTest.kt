package app.reconnect

import app.reconnect.ffi.ContactMedium
import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** A check-in survives closing and reopening the store with the same key. */
class RoundTripTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `check-in is read back today and after reopening`() {
        val key = TestStores.key(7)

        val written = TestStores.open(dir, key).use { store ->
            val fresh = store.today()
            assertEquals(TestStores.MORNING_DATE, fresh.date)
            assertEquals("Europe/Berlin", fresh.timeZone)
            assertNull(fresh.checkIn)
            assertEquals(0u, fresh.daysCheckedIn)

            val saved = store.checkIn(mood = 4, urge = 6, contact = ContactMedium.TEXT, note = "Quiet evening")
            assertEquals(TestStores.MORNING_DATE, saved.date)
            assertEquals(4u.toUByte(), saved.mood)
            assertEquals(6u.toUByte(), saved.urge)
            assertEquals(ContactMedium.TEXT, saved.contact)
            assertEquals("Quiet evening", saved.note)
            assertEquals(TestStores.MORNING, saved.updatedAt)

            val today = store.today()
            assertEquals(saved, today.checkIn)
            assertEquals(1u, today.daysCheckedIn)
            saved
        }

        TestStores.open(dir, key, now = TestStores.NEXT_MORNING).use { store ->
            val today = store.today()
            assertEquals(TestStores.NEXT_MORNING_DATE, today.date)
            assertNull(today.checkIn, "a new day starts without a check-in")
            assertEquals(1u, today.daysCheckedIn)

            assertEquals(listOf(written), store.history())
            assertEquals(written, store.history(limit = 1).single())
        }
    }

    @Test
    fun `a second check-in the same day updates it and keeps the earlier note`() {
        TestStores.open(dir).use { store ->
            store.checkIn(mood = 2, urge = 8, contact = ContactMedium.NONE, note = "Hard day")
            val updated = store.checkIn(mood = 3, urge = 5)

            assertEquals(3u.toUByte(), updated.mood)
            assertEquals(5u.toUByte(), updated.urge)
            assertEquals(ContactMedium.NONE, updated.contact)
            assertEquals("Hard day", updated.note)
            assertEquals(1, store.history().size)
            assertNotNull(store.today().checkIn)
        }
    }
}
