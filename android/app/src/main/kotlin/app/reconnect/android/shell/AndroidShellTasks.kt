package app.reconnect.android.shell

import app.reconnect.android.net.ForegroundSync
import app.reconnect.ffi.ShellTask
import app.reconnect.screens.ShellTaskFailed
import app.reconnect.screens.ShellTasks

/**
 * The Android side of every shell task a screen can ask for; each one lives in its own
 * class, and this only hands each task to it.
 */
class AndroidShellTasks(
    private val pairShow: PairShowCode,
    private val pairEnter: PairEnterCode,
    private val sync: ForegroundSync,
    private val share: ShareExport,
    private val import: ImportFile,
    private val delete: DeleteEverything,
    private val appLock: SetAppLock,
    private val notifications: AllowNotifications,
    private val welcome: Welcome,
) : ShellTasks {
    override suspend fun run(task: ShellTask, values: Map<String, String>): String? = when (task) {
        ShellTask.PAIR_SHOW_CODE -> pairShow.run()
        ShellTask.PAIR_ENTER_CODE -> pairEnter.run(values)
        ShellTask.SYNC_NOW -> syncNow()
        ShellTask.SHARE_EXPORT_JSON -> share.run(ExportKind.JSON)
        ShellTask.SHARE_REPORT_HTML -> share.run(ExportKind.HTML)
        ShellTask.SHARE_REPORT_MARKDOWN -> share.run(ExportKind.MARKDOWN)
        ShellTask.IMPORT_FILE -> import.run()
        ShellTask.DELETE_EVERYTHING -> delete.run()
        ShellTask.SET_APP_LOCK -> appLock.run(values)
        ShellTask.ALLOW_NOTIFICATIONS -> notifications.run()
        ShellTask.FINISH_FIRST_RUN -> {
            welcome.welcomed = true
            null
        }
    }

    private suspend fun syncNow(): String {
        val busy = sync.isSyncing
        val results = sync.syncNow() ?: throw ShellTaskFailed(
            "Syncing needs the local network, and this phone couldn't use it just now. Check that Wi-Fi is on, then try again.",
        )
        return SyncSummary.of(results, alreadySyncing = busy)
    }
}
