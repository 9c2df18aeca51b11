package app.reconnect.android.shell

import android.content.Intent
import android.net.Uri
import app.reconnect.ffi.ShellTask
import java.io.File
import java.time.LocalDate
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config

/** Exports go to the private cache and out through the share sheet, readable once by the app picked. */
@RunWith(RobolectricTestRunner::class)
@Config(application = TestApplication::class)
class ShareExportTest {
    /** Read when used: the one the activity runs in, once there is an activity. */
    private val app: TestApplication get() = RuntimeEnvironment.getApplication() as TestApplication

    @Test
    fun `the JSON export is written privately and offered with a readable content URI`() {
        AppDriver().use { driver ->
            driver.awaitIdle()
            driver.app.openStore().checkIn(mood = 4, urge = 1, contact = null, note = "a long walk helped")
            val done = driver.runTask(ShellTask.SHARE_EXPORT_JSON)

            assertEquals(null, done.problem)
            assertTrue(done.message!!, done.message!!.contains("not encrypted"))

            val chooser = shadowOf(driver.activity).nextStartedActivity
            assertEquals(Intent.ACTION_CHOOSER, chooser.action)
            val send = chooser.getParcelableExtra(Intent.EXTRA_INTENT, Intent::class.java)!!
            assertEquals(Intent.ACTION_SEND, send.action)
            assertEquals("application/json", send.type)
            assertTrue(send.flags and Intent.FLAG_GRANT_READ_URI_PERMISSION != 0)
            val uri = send.getParcelableExtra(Intent.EXTRA_STREAM, Uri::class.java)!!
            assertEquals("content", uri.scheme)
            assertEquals("${driver.app.packageName}.exports", uri.authority)
            assertEquals(uri, send.clipData!!.getItemAt(0).uri)

            val file = File(File(driver.app.cacheDir, "exports"), "export-${LocalDate.now()}.json")
            assertEquals(file.name, uri.lastPathSegment)
            assertTrue("the export is in the app's private cache", file.isFile)
            val json = file.readText()
            assertTrue(json.trimStart().startsWith("{"))
            assertTrue("the export holds the check-in", json.contains("a long walk helped"))
        }
    }

    @Test
    fun `the readable reports go out as HTML and Markdown`() {
        AppDriver().use { driver ->
            driver.runTask(ShellTask.SHARE_REPORT_HTML)
            val html = shadowOf(driver.activity).nextStartedActivity.getParcelableExtra(Intent.EXTRA_INTENT, Intent::class.java)!!
            assertEquals("text/html", html.type)

            driver.runTask(ShellTask.SHARE_REPORT_MARKDOWN)
            val markdown = shadowOf(driver.activity).nextStartedActivity.getParcelableExtra(Intent.EXTRA_INTENT, Intent::class.java)!!
            assertEquals("text/markdown", markdown.type)

            val folder = File(driver.app.cacheDir, "exports")
            assertTrue(File(folder, "report-${LocalDate.now()}.html").readText().contains("<html", ignoreCase = true))
            assertNotNull(File(folder, "report-${LocalDate.now()}.md").takeIf { it.isFile })
        }
    }

    @Test
    fun `exports left from an earlier run are deleted when the app starts`() {
        val old = ExportFiles(app).write("export-2020-01-01.json", "{}")
        assertTrue(old.setLastModified(System.currentTimeMillis() - 60_000))

        app.onCreate()

        await("the old export to go") { !old.exists() }
    }
}
