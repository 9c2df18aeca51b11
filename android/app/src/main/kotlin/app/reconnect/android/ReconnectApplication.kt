package app.reconnect.android

import android.app.Application
import android.os.Build
import app.reconnect.Reconnect
import java.io.File
import java.time.ZoneId

/** Owns the one open store for the whole process, so every screen shares a single writer. */
class ReconnectApplication : Application() {
    private var store: Reconnect? = null

    /** Opens the store on first use. Touches disk and the Keystore: call it off the main thread. */
    @Synchronized
    fun openStore(): Reconnect {
        store?.let { return it }
        val key = StoreKey(File(noBackupFilesDir, "store-key.bin")).loadOrCreate()
        try {
            return Reconnect.open(
                dataDir = File(noBackupFilesDir, "store"),
                key = key,
                deviceName = Build.MODEL,
                zone = ZoneId.systemDefault(),
            ).also { store = it }
        } finally {
            key.fill(0)
        }
    }
}
