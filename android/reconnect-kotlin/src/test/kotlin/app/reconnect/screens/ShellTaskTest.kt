package app.reconnect.screens

import app.reconnect.ffi.Route
import app.reconnect.ffi.ShellTask
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

/** Work only the app can do is handed to its [ShellTasks], and its answer or failure shown. */
class ShellTaskTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `a shell task gets the action's values and its answer becomes the message`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val shell = RecordingShell { "Paired with the tablet." }
            val nav = ScreenNavigator(store, shell, backgroundScope, welcomed = true)
            nav.open(Route.Devices)
            runCurrent()
            val enter = nav.state.value.screen!!.action("pair.enter")

            nav.perform(enter, mapOf("code" to "ABCDE-FGHIJ"))
            assertTrue(nav.state.value.busy)
            nav.perform(enter, mapOf("code" to "KLMNO-PQRST")) // a second tap while busy
            runCurrent()

            assertEquals(listOf(ShellTask.PAIR_ENTER_CODE to mapOf("code" to "ABCDE-FGHIJ")), shell.ran)
            assertEquals("Paired with the tablet.", nav.state.value.message)
            assertNull(nav.state.value.problem)
            assertFalse(nav.state.value.busy)
            assertEquals(Route.Devices, nav.state.value.route)
        }
    }

    @Test
    fun `a failing shell task becomes problem in words for the person`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val said = "No app here can share that file. Nothing was shared."
            var failure: Exception = ShellTaskFailed(said)
            val nav = ScreenNavigator(store, { _, _ -> throw failure }, backgroundScope, welcomed = true)
            nav.open(Route.Data)
            runCurrent()
            val export = nav.state.value.screen!!.action("export.json")

            nav.perform(export)
            runCurrent()
            assertEquals(said, nav.state.value.problem)
            assertFalse(nav.state.value.busy)
            assertEquals(Route.Data, nav.state.value.route)

            failure = IllegalStateException("socket closed at FrameLink.kt:42")
            nav.perform(export)
            runCurrent()
            val problem = nav.state.value.problem!!
            assertEquals("That didn't work just now. Please try again in a moment.", problem)
            assertFalse("FrameLink" in problem || "Exception" in problem)
        }
    }

    @Test
    fun `finishing the first run lets the app store the flag and shows Today`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val shell = RecordingShell()
            val nav = ScreenNavigator(store, shell, backgroundScope, welcomed = false)
            runCurrent()
            nav.perform(nav.state.value.screen!!.action("first_run.done"))
            runCurrent()

            assertEquals(listOf(ShellTask.FINISH_FIRST_RUN to emptyMap<String, String>()), shell.ran)
            assertEquals(listOf(Route.Today), nav.state.value.stack)
            assertEquals("Today", nav.state.value.screen?.title)
            assertFalse(nav.back())
        }
    }
}
