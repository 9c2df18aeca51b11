package app.reconnect.net

import java.time.Instant
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The names a device shows on the local network: neutral, daily, recognisable only with its id. */
class ServiceNamesTest {
    private val id = "0123456789abcdef0123456789abcdef"
    private val day = LocalDate.of(2026, 3, 14)

    @Test
    fun `a name is short neutral hex, stable for a day and new the next`() {
        val name = ServiceNames.forDevice(id, day)
        assertTrue(Regex("[0-9a-f]{16}").matches(name), name)
        assertFalse(id.contains(name) || name.contains(id.take(8)))
        assertEquals(name, ServiceNames.forDevice(id, day))
        assertNotEquals(name, ServiceNames.forDevice(id, day.plusDays(1)))
        assertNotEquals(name, ServiceNames.forDevice("fedcba9876543210fedcba9876543210", day))
        assertEquals(name, ServiceNames.current(id, Instant.parse("2026-03-14T23:59:00Z")))
    }

    @Test
    fun `a device registered just before midnight is still recognised after it`() {
        val registered = ServiceNames.current(id, Instant.parse("2026-03-14T23:59:00Z"))
        val lookedUp = ServiceNames.candidates(id, Instant.parse("2026-03-15T00:01:00Z"))
        assertEquals(3, lookedUp.size)
        assertTrue(registered in lookedUp)
    }
}
