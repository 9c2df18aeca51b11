package app.reconnect.android.shell

import android.net.Uri
import app.reconnect.android.ReconnectApplication
import app.reconnect.android.StoreKeys
import java.io.File
import java.security.SecureRandom

/**
 * The app with what Robolectric's sandbox lacks replaced: the key in a plain file (no
 * Android Keystore here), FileProvider's URI built by hand (FileProvider reads its paths
 * from the compiled resource table, which these tests do not have), and a settable
 * screen lock (no biometric hardware).
 */
class TestApplication : ReconnectApplication() {
    var screenLock = true

    val keyFile: File get() = File(noBackupFilesDir, "store-key.bin")
    val storeDir: File get() = File(noBackupFilesDir, "store")

    override fun storeKeys(): StoreKeys = PlainKeyFile(keyFile)

    override fun exportUri(file: File): Uri =
        Uri.Builder().scheme("content").authority("$packageName.exports")
            .appendPath(ExportFiles.FOLDER).appendPath(file.name).build()

    override fun phoneHasScreenLock(): Boolean = screenLock
}

class PlainKeyFile(private val file: File) : StoreKeys {
    override fun loadOrCreate(): ByteArray {
        if (file.exists()) return file.readBytes()
        val key = ByteArray(32).also { SecureRandom().nextBytes(it) }
        file.parentFile?.mkdirs()
        file.writeBytes(key)
        return key
    }

    override fun delete() {
        file.delete()
    }
}
