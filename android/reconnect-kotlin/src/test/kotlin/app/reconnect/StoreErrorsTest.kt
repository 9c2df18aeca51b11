package app.reconnect

import app.reconnect.ffi.InternalException
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.faultInjectionPanic
import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** Failures reach Kotlin as typed exceptions, and leave the store as it was. */
class StoreErrorsTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `out of range mood is refused and nothing is stored`() {
        TestStores.open(dir).use { store ->
            val error = assertThrows<ReconnectException.InvalidInput> {
                store.checkIn(mood = 9, urge = 3)
            }
            assertTrue(error.message!!.contains("mood"), error.message)

            assertNull(store.today().checkIn)
            assertEquals(emptyList<Any>(), store.history())
        }
        TestStores.open(dir).use { reopened -> assertEquals(emptyList<Any>(), reopened.history()) }
    }

    @Test
    fun `values that do not fit a byte are refused before the core`() {
        TestStores.open(dir).use { store ->
            assertThrows<ReconnectException.InvalidInput> { store.checkIn(mood = 260, urge = 3) }
            assertThrows<ReconnectException.InvalidInput> { store.checkIn(mood = 3, urge = -1) }
            assertEquals(emptyList<Any>(), store.history())
        }
    }

    @Test
    fun `the wrong key does not open the store and the right one still does`() {
        TestStores.open(dir, TestStores.key(1)).use { it.checkIn(mood = 3, urge = 2) }

        assertThrows<ReconnectException.WrongKey> { TestStores.open(dir, TestStores.key(2)) }

        TestStores.open(dir, TestStores.key(1)).use { store ->
            assertEquals(3u.toUByte(), store.history().single().mood)
        }
    }

    @Test
    fun `a key of the wrong length is invalid input`() {
        assertThrows<ReconnectException.InvalidInput> {
            Reconnect.open(dir, ByteArray(16), "test phone", TestStores.ZONE, TestStores.MORNING)
        }
    }

    @Test
    fun `calls after close fail with Closed`() {
        val store = TestStores.open(dir)
        store.close()
        store.close()
        assertThrows<ReconnectException.Closed> { store.today() }
        assertThrows<ReconnectException.Closed> { store.checkIn(mood = 3, urge = 1) }
    }

    @Test
    fun `a panic in Rust arrives as an exception and the JVM carries on`() {
        val error = assertThrows<InternalException> { faultInjectionPanic() }
        assertTrue(error.message!!.contains("fault injection"), error.message)

        TestStores.open(dir).use { store ->
            assertEquals(5u.toUByte(), store.checkIn(mood = 5, urge = 0).mood)
        }
    }
}
