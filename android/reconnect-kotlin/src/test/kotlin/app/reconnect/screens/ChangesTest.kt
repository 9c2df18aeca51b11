package app.reconnect.screens

import app.reconnect.Reconnect
import app.reconnect.TestStores
import app.reconnect.ffi.ChangeListener
import app.reconnect.ffi.ListenerHandle
import app.reconnect.ffi.NoHandle
import app.reconnect.ffi.ReconnectStore
import app.reconnect.ffi.Route
import java.io.File
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.test.StandardTestDispatcher
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** Changes from another device reach the screen by themselves, and a vanished screen is left kindly. */
class ChangesTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `a check-in merged from another device re-renders Today without a call`() = runTest(timeout = 30.seconds) {
        val io = StandardTestDispatcher(testScheduler)
        NavigatorFixtures.open(File(dir, "phone"), io, seed = 1).use { phone ->
            NavigatorFixtures.open(File(dir, "tablet"), io, seed = 2, name = "tablet").use { tablet ->
                val nav = ScreenNavigator(phone, RecordingShell(), backgroundScope, welcomed = true)
                runCurrent()
                assertTrue("Your first check-in" in nav.state.value.screen!!.headings())

                tablet.checkIn(mood = 2, urge = 7, note = "written on the tablet")
                NavigatorFixtures.merge(from = tablet, into = phone)
                runCurrent()

                val today = nav.state.value.screen!!
                assertTrue("You checked in today" in today.headings(), today.headings().toString())
                assertEquals("2 of 5", today.facts()["Mood"])
                assertTrue("written on the tablet" in today.texts())
                assertEquals(Route.Today, nav.state.value.route)
            }
        }
    }

    @Test
    fun `it listens for changes from the moment it is made, before any render`() = runTest(timeout = 30.seconds) {
        val subscribed = AtomicInteger()
        val handle = object : ListenerHandle(NoHandle) {
            override fun cancel() {}
        }
        // No Rust object behind it: only subscribing is expected, and nothing has run yet.
        val store = object : ReconnectStore(NoHandle) {
            override fun subscribe(listener: ChangeListener): ListenerHandle {
                subscribed.incrementAndGet()
                return handle
            }
        }
        val nav = ScreenNavigator(Reconnect(store, StandardTestDispatcher(testScheduler)), RecordingShell(), backgroundScope, welcomed = true)
        assertEquals(1, subscribed.get())
        assertNull(nav.state.value.screen)
    }

    @Test
    fun `the same happens on real threads`() = runBlocking {
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
        try {
            TestStores.open(File(dir, "phone"), TestStores.key(1)).use { phone ->
                TestStores.open(File(dir, "tablet"), TestStores.key(2)).use { tablet ->
                    val nav = ScreenNavigator(phone, RecordingShell(), scope, welcomed = true)
                    withTimeout(10_000) { nav.state.first { it.screen != null } }

                    tablet.checkIn(mood = 5, urge = 0, note = "from the tablet, for real")
                    NavigatorFixtures.merge(from = tablet, into = phone)
                    val shown = withTimeout(10_000) {
                        nav.state.first { "from the tablet, for real" in it.screen?.texts().orEmpty() }
                    }
                    assertEquals("5 of 5", shown.screen!!.facts()["Mood"])
                }
            }
        } finally {
            scope.cancel()
        }
    }

    @Test
    fun `an entry deleted on another device sends the navigator back with a sentence`() = runTest(timeout = 30.seconds) {
        val io = StandardTestDispatcher(testScheduler)
        NavigatorFixtures.open(File(dir, "phone"), io, seed = 1).use { phone ->
            NavigatorFixtures.open(File(dir, "tablet"), io, seed = 2, name = "tablet").use { tablet ->
                val nav = ScreenNavigator(phone, RecordingShell(), backgroundScope, welcomed = true)
                val journal = Route.Journal(tag = null, query = null)
                nav.open(journal)
                runCurrent()
                nav.perform(nav.state.value.screen!!.action("journal.add"), mapOf("title" to "A quiet evening", "body" to "Wrote instead of texting."))
                runCurrent()
                val entry = nav.state.value.route
                assertTrue(entry is Route.Entry, "a new entry should open, not $entry")
                assertEquals(listOf(Route.Today, journal, entry), nav.state.value.stack)
                assertEquals("Saved to your journal.", nav.state.value.message)

                NavigatorFixtures.merge(from = phone, into = tablet)
                tablet.onIo { it.journalDelete((entry as Route.Entry).id) }
                NavigatorFixtures.merge(from = tablet, into = phone)
                runCurrent()

                val state = nav.state.value
                assertEquals(listOf(Route.Today, journal), state.stack)
                assertEquals(journal, state.screen?.route)
                assertEquals("This entry is no longer here; it may have been deleted on another device.", state.problem)
                assertNull(state.message)
            }
        }
    }

    @Test
    fun `deleting an entry here sends its id and returns to the journal`() = runTest(timeout = 30.seconds) {
        NavigatorFixtures.open(dir, StandardTestDispatcher(testScheduler)).use { store ->
            val nav = ScreenNavigator(store, RecordingShell(), backgroundScope, welcomed = true)
            val journal = Route.Journal(tag = null, query = null)
            nav.open(journal)
            runCurrent()
            nav.perform(nav.state.value.screen!!.action("journal.add"), mapOf("body" to "Only a line."))
            runCurrent()
            val id = (nav.state.value.route as Route.Entry).id

            // The id travels in the action's Fixed field; the app sends no values of its own.
            nav.perform(nav.state.value.screen!!.action("journal.delete"))
            runCurrent()
            assertNull(nav.state.value.problem)
            assertEquals("Deleted.", nav.state.value.message)
            assertEquals(listOf(Route.Today, journal), nav.state.value.stack)
            assertNull(store.onIo { it.journalGet(id) })
        }
    }
}
