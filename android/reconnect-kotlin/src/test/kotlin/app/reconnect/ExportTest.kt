package app.reconnect

import app.reconnect.ffi.EntryInput
import app.reconnect.ffi.EntryKind
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.ReportFormat
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** Export, import into a fresh store, the report, and wipe through the Kotlin wrapper. */
class ExportTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `an export imported into a fresh store gives the same journal and progress`() = runBlocking<Unit> {
        TestStores.open(File(dir, "source")).use { source ->
            source.checkIn(mood = 4, urge = 2)
            source.journalAdd(EntryInput(kind = EntryKind.ENTRY, title = "Kept", body = "Across an export.", tags = listOf("growth")))
            val json = source.exportJson()
            TestStores.open(File(dir, "target"), TestStores.key(9)).use { target ->
                val summary = target.importJson(json)
                assertEquals(1u, summary.journalEntries)
                assertEquals(1u, summary.checkIns)
                assertEquals(source.journalList(), target.journalList())
                assertEquals(source.progress(), target.progress())
                assertTrue(target.report(ReportFormat.MARKDOWN).contains("Kept"))
                // A store with data refuses a second import.
                assertThrows<ReconnectException.InvalidInput> { runBlocking { target.importJson(json) } }
            }
        }
    }

    @Test
    fun `wipe deletes the files, ends changes and closes the wrapper`() = runBlocking<Unit> {
        val data = File(dir, "store")
        val store = TestStores.open(data)
        store.checkIn(mood = 3, urge = 3)
        val collector = launch(Dispatchers.Unconfined) { store.changes.collect { } }
        val removed = store.wipe()
        assertTrue(removed.any { it.endsWith("reconnect.db") }, removed.toString())
        assertFalse(File(data, "reconnect.db").exists())
        withTimeout(5_000) { collector.join() }
        assertThrows<ReconnectException.Closed> { store.today() }
        assertThrows<ReconnectException.Closed> { runBlocking { store.wipe() } }
        store.close()
    }
}
