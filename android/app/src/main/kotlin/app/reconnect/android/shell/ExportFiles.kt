package app.reconnect.android.shell

import android.content.Context
import java.io.File
import java.io.IOException

/**
 * The private cache folder exports wait in while the share sheet hands them on. Only the
 * app and the app the person shares with (through a one-time content URI) can read them;
 * they are deleted at the next start of the app and by "delete everything".
 */
class ExportFiles(context: Context) {
    /** Shared by FileProvider as `exports/` (res/xml/export_paths.xml). */
    val folder = File(context.cacheDir, FOLDER)

    /** Writes [text] as [name] in the folder, replacing a file of that name. */
    fun write(name: String, text: String): File {
        if (!folder.isDirectory && !folder.mkdirs()) throw IOException("could not make $folder")
        val file = File(folder, name)
        val partial = File(folder, "$name.partial")
        partial.writeText(text, Charsets.UTF_8)
        if (!partial.renameTo(file)) {
            partial.delete()
            throw IOException("could not write $file")
        }
        return file
    }

    /** Deletes the exports written before [millis] (wall clock), e.g. the start of this run. */
    fun deleteOlderThan(millis: Long) {
        folder.listFiles()?.filter { it.lastModified() < millis }?.forEach { it.deleteRecursively() }
    }

    /** Deletes every export; true when none is left. */
    fun deleteAll(): Boolean {
        folder.deleteRecursively()
        return !folder.exists()
    }

    companion object {
        const val FOLDER = "exports"
    }
}
