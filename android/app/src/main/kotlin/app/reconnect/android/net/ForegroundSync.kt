package app.reconnect.android.net

import android.content.Context
import app.reconnect.Reconnect
import app.reconnect.devices.DeviceSyncResult
import app.reconnect.devices.SyncCoordinator
import app.reconnect.net.SyncServer
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext

/**
 * Sync while the app is in the foreground: a [SyncServer] answers the person's other
 * devices, [NsdPeerFinder] advertises its port (and looks for the others only while a
 * sync runs), and a [SyncCoordinator] syncs with each one found. Started on resume,
 * stopped in the background, so nothing listens on the network while the app is not in use.
 */
class ForegroundSync(private val context: Context, private val store: Reconnect) {
    private class Running(val server: SyncServer, val finder: NsdPeerFinder, val coordinator: SyncCoordinator)

    private val lock = Mutex()

    @Volatile
    private var running: Running? = null

    /** Whether a sync with some device is under way now. */
    val isSyncing: Boolean get() = running?.coordinator?.state?.value?.isIdle == false

    /** Starts answering and advertising, unless already on; false when the network can't be used. */
    suspend fun start(): Boolean = lock.withLock {
        if (running != null) return@withLock true
        withContext(Dispatchers.IO) {
            val server = try {
                SyncServer.start(store)
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                return@withContext false
            }
            // NSD missing or broken on this device (a LinkageError) must not end the app either.
            try {
                val finder = NsdPeerFinder(context, store.deviceId(), server.port)
                finder.advertise()
                running = Running(server, finder, SyncCoordinator(store, finder))
                true
            } catch (e: CancellationException) {
                server.close()
                throw e
            } catch (e: Exception) {
                server.close()
                false
            } catch (e: LinkageError) {
                server.close()
                false
            }
        }
    }

    /** Stops advertising and answering, and waits for the sessions running now to end. */
    suspend fun stop() {
        val was = lock.withLock { running.also { running = null } } ?: return
        was.finder.stopAdvertising()
        was.server.closeAndJoin()
    }

    /** [stop] without waiting, for when the view model goes away. */
    fun close() {
        val was = running ?: return
        running = null
        was.finder.stopAdvertising()
        was.server.close()
    }

    /**
     * Syncs with every reachable paired device (see [SyncCoordinator.syncNow]); starts first
     * if needed. Null when the network can't be used.
     */
    suspend fun syncNow(): List<DeviceSyncResult>? {
        if (!start()) return null
        val coordinator = lock.withLock { running?.coordinator } ?: return null
        return coordinator.syncNow()
    }
}
