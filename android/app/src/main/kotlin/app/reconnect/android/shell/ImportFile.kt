package app.reconnect.android.shell

import android.content.ContentResolver
import android.net.Uri
import app.reconnect.Reconnect
import app.reconnect.ffi.ImportSummary
import app.reconnect.importJson
import app.reconnect.screens.ShellTaskFailed
import java.io.ByteArrayOutputStream
import java.io.IOException
import java.io.InputStream
import java.nio.ByteBuffer
import java.nio.charset.CharacterCodingException
import java.nio.charset.CodingErrorAction
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * "Import an export": the person picks a JSON export with the system picker; it is read
 * with a size bound and restored into this (empty) store. The core judges the content and
 * words what it refuses.
 */
class ImportFile(
    private val store: Reconnect,
    private val resolver: ContentResolver,
    private val requests: ActivityRequests,
    private val maxBytes: Int = MAX_BYTES,
) {
    suspend fun run(): String? {
        val uri = requests.pickDocument("application/json") ?: return null
        val json = withContext(Dispatchers.IO) { read(uri) }
        return said(store.importJson(json))
    }

    private fun read(uri: Uri): String {
        val bytes = try {
            val input = resolver.openInputStream(uri) ?: throw IOException("no stream for the picked file")
            input.use { readAtMost(it, maxBytes + 1) }
        } catch (e: IOException) {
            throw ShellTaskFailed(UNREADABLE, e)
        } catch (e: SecurityException) {
            throw ShellTaskFailed(UNREADABLE, e)
        }
        if (bytes.size > maxBytes) {
            throw ShellTaskFailed("That file is larger than any export from Reconnect, so nothing was imported.")
        }
        return try {
            Charsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString()
        } catch (e: CharacterCodingException) {
            throw ShellTaskFailed("That file isn't an export from Reconnect, so nothing was imported.", e)
        }
    }

    /** InputStream.readNBytes needs API 33; the app runs from API 26. */
    private fun readAtMost(input: InputStream, limit: Int): ByteArray {
        val out = ByteArrayOutputStream()
        val buffer = ByteArray(64 * 1024)
        while (out.size() < limit) {
            val n = input.read(buffer, 0, minOf(buffer.size, limit - out.size()))
            if (n < 0) break
            out.write(buffer, 0, n)
        }
        return out.toByteArray()
    }

    private fun said(summary: ImportSummary): String {
        val parts = listOf(
            count(summary.checkIns, "check-in", "check-ins"),
            count(summary.journalEntries, "journal entry", "journal entries"),
            count(summary.programRecords, "program record", "program records"),
            count(summary.customReminders, "reminder", "reminders"),
        )
        return "Imported ${parts.dropLast(1).joinToString(", ")} and ${parts.last()}."
    }

    private fun count(n: UInt, one: String, many: String) = if (n == 1u) "1 $one" else "$n $many"

    private companion object {
        const val MAX_BYTES = 64 * 1024 * 1024
        const val UNREADABLE = "That file couldn't be read. Nothing was changed; please try again."
    }
}
