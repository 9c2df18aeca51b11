package app.reconnect.android.shell

import app.reconnect.Reconnect
import app.reconnect.ffi.ReconnectException
import app.reconnect.screens.ShellTaskFailed
import java.io.File
import kotlin.time.Duration.Companion.milliseconds
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.withContext

/**
 * "Delete everything": stops syncing, deletes every file of the store and then its key,
 * the exports waiting in the cache, the registered reminders and the welcome, and starts
 * afresh with a new, empty store at the first run. The other devices keep their copies.
 */
class DeleteEverything(
    private val store: Reconnect,
    private val steps: Steps,
) {
    /** What is around the store: the app provides these. */
    interface Steps {
        /** Ends everything else that uses the store, e.g. the sync server. */
        suspend fun quiet()

        /** Off the main thread: deletes the key and forgets the closed store, so the next open makes both anew. */
        fun forgetStoreAndKey()

        /** Off the main thread: deletes exports, reminders and the welcome. */
        fun forgetTheRest()

        /** Opens a fresh store and shows the first run. */
        fun startAfresh()
    }

    suspend fun run(): String? {
        steps.quiet()
        val removed = wipeWhenFree()
        withContext(Dispatchers.IO) {
            steps.forgetStoreAndKey()
            steps.forgetTheRest()
        }
        if (removed.any { File(it).exists() }) {
            throw ShellTaskFailed("Some of your saved files could not be deleted. Please try again.")
        }
        steps.startAfresh()
        return null
    }

    /** Another call finishing (a reminder refresh, say) holds the store for a moment. */
    private suspend fun wipeWhenFree(): List<String> {
        repeat(TRIES - 1) {
            try {
                return store.wipe()
            } catch (e: ReconnectException.InUse) {
                delay(PAUSE)
            }
        }
        return try {
            store.wipe()
        } catch (e: ReconnectException.InUse) {
            throw ShellTaskFailed("Reconnect was busy with your entries, so nothing was deleted. Please try again.", e)
        }
    }

    private companion object {
        const val TRIES = 5
        val PAUSE = 200.milliseconds
    }
}
