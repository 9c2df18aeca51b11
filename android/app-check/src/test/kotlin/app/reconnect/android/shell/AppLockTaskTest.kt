package app.reconnect.android.shell

import app.reconnect.android.system.AppLock
import app.reconnect.android.system.AppLockSettings
import app.reconnect.ffi.Block
import app.reconnect.ffi.Route
import app.reconnect.ffi.ShellTask
import app.reconnect.screens.ShellTaskFailed
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes
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

/** The app lock choice is kept on the device, applied at once, and refused without a screen lock. */
@RunWith(RobolectricTestRunner::class)
@Config(application = TestApplication::class)
class AppLockTaskTest {
    /** Read when used: the one the activity runs in, once there is an activity. */
    private val app: TestApplication get() = RuntimeEnvironment.getApplication() as TestApplication
    private val lock = AppLock(null, now = { Duration.ZERO })

    private fun task(screenLock: Boolean) = SetAppLock(AppLockSettings(app), lock) { screenLock }

    @Test
    fun `a choice is stored and applied`() {
        val said = task(screenLock = true).run(mapOf("minutes" to "5"))

        assertEquals(5.minutes, AppLockSettings(app).timeout)
        assertEquals(5.minutes, lock.timeout)
        assertTrue(said, said.contains("after 5 minutes"))
        assertEquals("5", SetAppLock.codeOf(AppLockSettings(app).timeout))

        task(screenLock = true).run(mapOf("minutes" to "off"))
        assertNull(AppLockSettings(app).timeout)
        assertEquals("off", SetAppLock.codeOf(null))
    }

    @Test
    fun `without a screen lock it stays off and says why`() {
        val refused = assertThrows(ShellTaskFailed::class.java) { task(screenLock = false).run(mapOf("minutes" to "1")) }

        assertTrue(refused.sentence, refused.sentence.contains("no screen lock"))
        assertNull(AppLockSettings(app).timeout)
        assertFalse(lock.isLocked)
    }

    @Test
    fun `a value outside the choices changes nothing`() {
        assertThrows(ShellTaskFailed::class.java) { task(screenLock = true).run(mapOf("minutes" to "7")) }
        assertNull(AppLockSettings(app).timeout)
    }

    @Test
    fun `the settings screen shows the choice the app keeps`() {
        AppDriver().use { driver ->
            driver.runTask(ShellTask.SET_APP_LOCK, mapOf("minutes" to "15"))
            driver.viewModel.switchTo(Route.Settings)

            val settings = driver.awaitScreen("the settings screen") { it.route == Route.Settings && it.screen != null }
            val facts = settings.screen!!.blocks.filterIsInstance<Block.Fact>().associate { it.label to it.value }
            assertEquals("After 15 minutes", facts["App lock"])
            assertEquals(15.minutes, driver.app.appLock.timeout)
        }
    }
}
