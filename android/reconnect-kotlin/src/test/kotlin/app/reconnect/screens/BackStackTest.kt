package app.reconnect.screens

import app.reconnect.ffi.Route
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** Where a command's `open` leads on the way back. */
class BackStackTest {
    private val journal = Route.Journal(tag = null, query = null)

    @Test
    fun `a route already on the way back is returned to`() {
        assertEquals(listOf(Route.Today), BackStack.led(listOf(Route.Today, Route.CheckIn), Route.Today))
        assertEquals(
            listOf(Route.Today, journal),
            BackStack.led(listOf(Route.Today, journal, Route.Entry("e1")), journal),
        )
    }

    @Test
    fun `a route of the current kind replaces it, any other goes on top`() {
        assertEquals(
            listOf(Route.Today, Route.Entry("e2")),
            BackStack.led(listOf(Route.Today, Route.Entry("e1")), Route.Entry("e2")),
        )
        val searched = Route.Journal(tag = null, query = "walk")
        assertEquals(listOf(Route.Today, searched), BackStack.led(listOf(Route.Today, journal), searched))
        assertEquals(
            listOf(Route.Today, journal, Route.Entry("e1")),
            BackStack.led(listOf(Route.Today, journal), Route.Entry("e1")),
        )
    }
}
