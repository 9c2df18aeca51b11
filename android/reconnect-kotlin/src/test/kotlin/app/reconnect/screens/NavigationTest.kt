package app.reconnect.screens

import app.reconnect.ffi.Route
import java.io.File
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.test.StandardTestDispatcher
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * Where the navigator starts, and how open, back and switchTo move along the way back.
 *
 * In these tests the store's calls run on the test scheduler; `runCurrent` runs the
 * navigator's work in `backgroundScope`, which `advanceUntilIdle` would leave waiting.
 */
class NavigationTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `a person not yet welcomed starts at the first run`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val nav = ScreenNavigator(store, RecordingShell(), backgroundScope, welcomed = false)
            assertEquals(Route.FirstRun, nav.state.value.route)
            assertNull(nav.state.value.screen, "rendered before the store was asked")

            runCurrent()
            val shown = nav.state.value
            assertEquals(Route.FirstRun, shown.screen?.route)
            assertEquals("Welcome", shown.screen?.title)
            assertEquals(listOf(Route.FirstRun), shown.stack)
            assertFalse(shown.busy)
        }
    }

    @Test
    fun `a welcomed person starts at Today`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val nav = ScreenNavigator(store, RecordingShell(), backgroundScope, welcomed = true)
            runCurrent()
            assertEquals(Route.Today, nav.state.value.route)
            assertEquals("Today", nav.state.value.screen?.title)
            assertTrue("Your first check-in" in nav.state.value.screen!!.headings())
        }
    }

    @Test
    fun `open pushes, back pops to the root and then says no`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val nav = ScreenNavigator(store, RecordingShell(), backgroundScope, welcomed = true)
            runCurrent()

            nav.open(Route.Program)
            assertNull(nav.state.value.screen, "the Today screen stayed up under the Program route")
            runCurrent()
            assertEquals(Route.Program, nav.state.value.screen?.route)

            nav.open(Route.Step(0u))
            nav.open(Route.Step(0u)) // a double tap
            runCurrent()
            assertEquals(listOf(Route.Today, Route.Program, Route.Step(0u)), nav.state.value.stack)
            assertEquals(Route.Step(0u), nav.state.value.screen?.route)

            assertTrue(nav.back())
            runCurrent()
            assertEquals(Route.Program, nav.state.value.screen?.route)
            assertTrue(nav.back())
            runCurrent()
            assertEquals(Route.Today, nav.state.value.screen?.route)
            assertFalse(nav.state.value.canGoBack)
            assertFalse(nav.back())
            assertEquals(listOf(Route.Today), nav.state.value.stack)
        }
    }

    @Test
    fun `switchTo starts a fresh way back at a bottom-navigation root`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val nav = ScreenNavigator(store, RecordingShell(), backgroundScope, welcomed = true)
            nav.open(Route.Settings)
            nav.open(Route.Devices)
            runCurrent()
            assertEquals(3, nav.state.value.stack.size)

            val journal = Route.Journal(tag = null, query = null)
            nav.switchTo(journal)
            runCurrent()
            assertEquals(listOf<Route>(journal), nav.state.value.stack)
            assertEquals(journal, nav.state.value.screen?.route)
            assertFalse(nav.back())
        }
    }

    @Test
    fun `a route that does not exist becomes a sentence, not a crash`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val nav = ScreenNavigator(store, RecordingShell(), backgroundScope, welcomed = true)
            runCurrent()
            nav.switchTo(Route.Step(99u))
            runCurrent()
            val state = nav.state.value
            assertEquals(Route.Step(99u), state.route)
            assertNull(state.screen)
            assertEquals("There is no step 99; the steps are 0 (the self-check) to 11.", state.problem)
        }
    }
}
