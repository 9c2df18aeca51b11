package app.reconnect.android

import android.app.Application
import android.net.Uri
import android.os.Build
import android.os.SystemClock
import app.reconnect.Reconnect
import androidx.biometric.BiometricManager
import androidx.core.content.FileProvider
import app.reconnect.android.shell.ExportFiles
import app.reconnect.android.system.AppLock
import app.reconnect.android.system.AppLockSettings
import app.reconnect.android.system.DeviceUnlock
import app.reconnect.android.system.ReminderScheduler
import app.reconnect.android.system.ReminderSource
import app.reconnect.ffi.InternalException
import app.reconnect.ffi.Reminder
import app.reconnect.ffi.ReconnectException
import app.reconnect.reminders
import java.io.File
import java.time.ZoneId
import kotlin.time.Duration.Companion.milliseconds
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.flow.conflate
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.onStart
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

/**
 * Owns the one open store for the whole process, so every screen shares a single writer;
 * keeps the phone's alarms in step with the core's reminders; holds the app lock's state.
 * Open so the Robolectric tests can replace what their sandbox lacks (the Keystore, the
 * compiled resources FileProvider reads, a screen lock).
 */
open class ReconnectApplication : Application(), ReminderSource {
    private var store: Reconnect? = null
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)

    override fun onCreate() {
        super.onCreate()
        // Exports shared earlier have been handed on by now; they should not linger.
        val started = System.currentTimeMillis()
        scope.launch { ExportFiles(this@ReconnectApplication).deleteOlderThan(started) }
    }

    /** The store's key, sealed by this device's Keystore. */
    protected open fun storeKeys(): StoreKeys = StoreKey(File(noBackupFilesDir, "store-key.bin"))

    /** The content URI the share sheet hands on for [file], an export in [ExportFiles]. */
    open fun exportUri(file: File): Uri = FileProvider.getUriForFile(this, "$packageName.exports", file)

    /** Whether the phone has a screen lock (biometric or PIN, pattern, password) for the app lock. */
    open fun phoneHasScreenLock(): Boolean =
        BiometricManager.from(this).canAuthenticate(DeviceUnlock.authenticators) == BiometricManager.BIOMETRIC_SUCCESS

    val appLock: AppLock by lazy {
        AppLock(AppLockSettings(this).timeout, now = { SystemClock.elapsedRealtime().milliseconds })
    }

    /** Opens the store on first use. Touches disk and the Keystore: call it off the main thread. */
    @Synchronized
    fun openStore(): Reconnect {
        store?.let { return it }
        val key = storeKeys().loadOrCreate()
        try {
            return Reconnect.open(
                dataDir = File(noBackupFilesDir, "store"),
                key = key,
                deviceName = Build.MODEL,
                zone = ZoneId.systemDefault(),
            ).also {
                store = it
                keepRemindersScheduled(it)
            }
        } finally {
            key.fill(0)
        }
    }

    /**
     * After the store has deleted itself: forgets it and deletes its key, so the next
     * [openStore] makes a new, empty store with a new key. Off the main thread.
     */
    @Synchronized
    fun forgetStoreAndKey() {
        store = null
        storeKeys().delete()
    }

    /** Reads the reminders in the phone's current zone (the receivers call it after a change). */
    override fun currentReminders(): List<Reminder> {
        val opened = openStore()
        try {
            opened.setTimeZone(ZoneId.systemDefault())
        } catch (e: ReconnectException) {
            // An unknown zone keeps the previous one.
        }
        return runBlocking { opened.reminders() }
    }

    /** Every change (a check-in on any device, new settings) hands the whole list to AlarmManager. */
    private fun keepRemindersScheduled(opened: Reconnect) {
        val scheduler = ReminderScheduler(this)
        scope.launch {
            opened.changes
                .map { }
                .onStart { emit(Unit) }
                .conflate()
                .collect {
                    try {
                        scheduler.apply(opened.reminders())
                    } catch (e: ReconnectException) {
                        // Kept as they were; the next change or restart tries again.
                    } catch (e: InternalException) {
                        // Likewise.
                    }
                }
        }
    }
}
