package app.reconnect.android.shell

import app.reconnect.ffi.Route
import app.reconnect.ffi.ShellTask
import app.reconnect.ffi.ReconnectException
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.annotation.Config

/** "Delete everything" leaves no entry, no key and no export, and starts again at the welcome. */
@RunWith(RobolectricTestRunner::class)
@Config(application = TestApplication::class)
class DeleteEverythingTest {
    /** Read when used: the one the activity runs in, once there is an activity. */
    private val app: TestApplication get() = RuntimeEnvironment.getApplication() as TestApplication

    @Test
    fun `everything goes, and a fresh store starts at the first run`() {
        AppDriver().use { driver ->
            assertEquals(Route.FirstRun, driver.awaitIdle().route)
            driver.runTask(ShellTask.FINISH_FIRST_RUN, until = { it.route == Route.Today && it.screen != null })
            assertTrue(Welcome(driver.app).welcomed)

            val store = driver.app.openStore()
            store.checkIn(mood = 2, urge = 7, contact = null, note = "a hard evening")
            val oldKey = driver.app.keyFile.readBytes()
            val oldDevice = store.deviceId()
            val export = ExportFiles(driver.app).write("export-2026-01-01.json", "{}")

            val after = driver.runTask(ShellTask.DELETE_EVERYTHING, until = { it.route == Route.FirstRun && it.screen != null })

            assertEquals(Route.FirstRun, after.route)
            assertNull(after.problem)
            assertFalse("the welcome is forgotten", Welcome(driver.app).welcomed)
            assertFalse("the export is deleted", export.exists())
            val fresh = driver.app.openStore()
            assertTrue("the old store was closed and replaced", fresh !== store)
            assertEquals(emptyList<Any>(), fresh.history())
            assertFalse("a new key was made", driver.app.keyFile.readBytes().contentEquals(oldKey))
            assertTrue("the deleted store's identity is gone", fresh.deviceId() != oldDevice)
            assertThrows(ReconnectException.Closed::class.java) { store.today() }
        }
    }
}
