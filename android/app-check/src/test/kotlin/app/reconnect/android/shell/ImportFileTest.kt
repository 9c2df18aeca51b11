package app.reconnect.android.shell

import android.app.Activity
import android.content.Intent
import android.net.Uri
import app.reconnect.Reconnect
import app.reconnect.exportJson
import app.reconnect.ffi.ShellTask
import java.io.File
import java.time.ZoneId
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config

/** An export picked with the system picker is restored into the new, empty store. */
@RunWith(RobolectricTestRunner::class)
@Config(application = TestApplication::class)
class ImportFileTest {
    /** Read when used: the one the activity runs in, once there is an activity. */
    private val app: TestApplication get() = RuntimeEnvironment.getApplication() as TestApplication

    /** An export from another phone with one check-in. */
    private fun exportFromElsewhere(): File {
        val dir = File(app.cacheDir, "elsewhere")
        val json = Reconnect.open(File(dir, "store"), ByteArray(32) { 3 }, "old phone", ZoneId.of("UTC")).use { other ->
            other.checkIn(mood = 3, urge = 4, contact = null, note = "kept")
            runBlocking { other.exportJson() }
        }
        return File(dir, "picked.json").also { it.writeText(json) }
    }

    private fun pick(driver: AppDriver, file: File?) {
        await("the document picker") { shadowOf(driver.activity).peekNextStartedActivityForResult() != null }
        val picker = shadowOf(driver.activity).nextStartedActivityForResult
        assertEquals(Intent.ACTION_OPEN_DOCUMENT, picker.intent.action)
        assertTrue(picker.intent.getStringArrayExtra(Intent.EXTRA_MIME_TYPES)!!.contains("application/json"))
        val result = file?.let { Intent().setData(Uri.fromFile(it)) }
        shadowOf(driver.activity).receiveResult(
            picker.intent,
            if (file == null) Activity.RESULT_CANCELED else Activity.RESULT_OK,
            result,
        )
    }

    @Test
    fun `a picked export is imported and summarised`() {
        AppDriver().use { driver ->
            val file = exportFromElsewhere()
            driver.awaitIdle()
            driver.viewModel.perform(shellAction(ShellTask.IMPORT_FILE), emptyMap())
            pick(driver, file)

            val done = driver.awaitScreen("the import") { !it.busy && (it.message != null || it.problem != null) }
            assertNull(done.problem)
            assertTrue(done.message!!, done.message!!.startsWith("Imported 1 check-in,"))
            assertEquals("kept", driver.app.openStore().history().single().note)
        }
    }

    @Test
    fun `a file that is not an export is refused in words`() {
        AppDriver().use { driver ->
            val file = File(driver.app.cacheDir, "notes.json").also { it.writeText("not json at all") }
            driver.awaitIdle()
            driver.viewModel.perform(shellAction(ShellTask.IMPORT_FILE), emptyMap())
            pick(driver, file)

            val done = driver.awaitScreen("the refusal") { !it.busy && it.problem != null }
            assertTrue(done.problem!!, done.problem!!.endsWith("."))
            assertEquals(emptyList<Any>(), driver.app.openStore().history())
        }
    }

    @Test
    fun `closing the picker imports nothing and says nothing`() {
        AppDriver().use { driver ->
            driver.awaitIdle()
            driver.viewModel.perform(shellAction(ShellTask.IMPORT_FILE), emptyMap())
            pick(driver, null)

            val done = driver.awaitScreen("the picker to close") { !it.busy }
            assertNull(done.problem)
            assertNull(done.message)
        }
    }
}
