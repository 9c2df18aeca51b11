package app.reconnect.android.shell

import android.content.ClipData
import android.content.Intent
import android.net.Uri
import app.reconnect.Reconnect
import app.reconnect.exportJson
import app.reconnect.ffi.ReportFormat
import app.reconnect.report
import app.reconnect.screens.ShellTaskFailed
import java.io.File
import java.io.IOException
import java.time.LocalDate
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/** What can be exported, with a neutral file name: the name travels wherever the file goes. */
enum class ExportKind(val stem: String, val extension: String, val mimeType: String) {
    JSON("export", "json", "application/json"),
    HTML("report", "html", "text/html"),
    MARKDOWN("report", "md", "text/markdown"),
}

/**
 * The export and report actions: writes the file to the private cache folder and offers it
 * through the system share sheet with a content URI the receiving app may read once.
 * [uriFor] is FileProvider's URI for a file in that folder.
 */
class ShareExport(
    private val store: Reconnect,
    private val files: ExportFiles,
    private val requests: ActivityRequests,
    private val uriFor: (File) -> Uri,
    private val today: () -> LocalDate = LocalDate::now,
) {
    suspend fun run(kind: ExportKind): String {
        val text = when (kind) {
            ExportKind.JSON -> store.exportJson()
            ExportKind.HTML -> store.report(ReportFormat.HTML)
            ExportKind.MARKDOWN -> store.report(ReportFormat.MARKDOWN)
        }
        val file = try {
            withContext(Dispatchers.IO) { files.write("${kind.stem}-${today()}.${kind.extension}", text) }
        } catch (e: IOException) {
            throw ShellTaskFailed("The export couldn't be written on this phone just now. Please try again.", e)
        }
        val uri = uriFor(file)
        val send = Intent(Intent.ACTION_SEND)
            .setType(kind.mimeType)
            .putExtra(Intent.EXTRA_STREAM, uri)
            .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        // The grant travels with the clip through the chooser to the app the person picks.
        send.clipData = ClipData.newRawUri(file.name, uri)
        val chooser = Intent.createChooser(send, null).addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        if (!requests.start(chooser)) {
            throw ShellTaskFailed("No app on this phone can take the file just now, so nothing was shared.")
        }
        return "Your export is ready to share. It is not encrypted, so keep it only where you alone can reach it."
    }
}
