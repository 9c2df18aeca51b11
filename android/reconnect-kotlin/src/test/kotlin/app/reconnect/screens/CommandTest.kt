package app.reconnect.screens

import app.reconnect.ffi.FieldKind
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.Route
import java.io.File
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.test.StandardTestDispatcher
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** Commands sent through the navigator: what they save, where they lead, and how they fail. */
class CommandTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `a check-in saved from its form shows on Today with the core's message`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val nav = ScreenNavigator(store, RecordingShell(), backgroundScope, welcomed = true)
            runCurrent()
            nav.perform(nav.state.value.screen!!.action("open.checkin"))
            runCurrent()
            assertEquals(listOf(Route.Today, Route.CheckIn), nav.state.value.stack)

            val save = nav.state.value.screen!!.action("checkin.save")
            nav.perform(save, mapOf("mood" to "4", "urge" to "2", "contact" to "none", "note" to "A long walk helped."))
            assertTrue(nav.state.value.busy)
            runCurrent()

            val state = nav.state.value
            assertFalse(state.busy)
            assertNull(state.problem)
            assertEquals("Saved. Thank you for checking in.", state.message)
            // Back down to the Today it was opened from, not a second Today on top.
            assertEquals(listOf(Route.Today), state.stack)
            val today = state.screen!!
            assertEquals(Route.Today, today.route)
            assertTrue("You checked in today" in today.headings(), today.headings().toString())
            assertEquals("4 of 5", today.facts()["Mood"])
            assertEquals("2 of 10", today.facts()["Urge to reach out"])
            assertTrue("A long walk helped." in today.texts())
            assertEquals(4, store.today().checkIn?.mood?.toInt())

            nav.open(Route.Program)
            assertNull(nav.state.value.message, "the message outlived the screen it was for")
        }
    }

    @Test
    fun `a refusal reaches problem in the core's own words`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val nav = ScreenNavigator(store, RecordingShell(), backgroundScope, welcomed = true)
            nav.open(Route.Step(4u))
            runCurrent()
            val log = nav.state.value.screen!!.commandAction("program.log_attempt")
            assertNotNull(log.unavailable, "step 4 should show as locked on a fresh store")
            val values = log.fields.mapNotNull { field ->
                (field.kind as? FieldKind.Choice)?.options?.first()?.code?.let { field.key to it }
            }.toMap()
            assertEquals(setOf("medium", "reply"), values.keys)

            // What the core says when asked directly.
            val refused = runCatching { store.perform("program.log_attempt", values) }.exceptionOrNull()
            assertTrue(refused is ReconnectException.Refused, "expected a refusal, got $refused")
            val words = (refused as ReconnectException.Refused).detail
            assertTrue(words.startsWith("step 4 is not open yet"), words)

            nav.perform(log, values)
            runCurrent()
            val state = nav.state.value
            assertEquals(words.replaceFirstChar { it.uppercaseChar() } + ".", state.problem)
            assertEquals(Route.Step(4u), state.route)
            assertEquals(Route.Step(4u), state.screen?.route)
            assertNull(state.message)
            assertFalse(state.busy)
            assertTrue(store.program().records.attempts.isEmpty())
        }
    }

    @Test
    fun `an invalid value is named by its field and nothing is saved`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val nav = ScreenNavigator(store, RecordingShell(), backgroundScope, welcomed = true)
            nav.open(Route.CheckIn)
            runCurrent()
            nav.perform(nav.state.value.screen!!.action("checkin.save"), mapOf("mood" to "lots", "urge" to "2"))
            runCurrent()

            val state = nav.state.value
            assertEquals("\"Mood\" should be a whole number in range.", state.problem)
            assertEquals(Route.CheckIn, state.route)
            assertNull(state.message)
            assertNull(store.today().checkIn)
        }
    }
}
