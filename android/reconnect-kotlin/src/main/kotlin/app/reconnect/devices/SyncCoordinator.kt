package app.reconnect.devices

import app.reconnect.Reconnect
import app.reconnect.SyncResult
import app.reconnect.ffi.Peer
import app.reconnect.net.NetTimeouts
import app.reconnect.net.PeerAddress
import app.reconnect.net.PeerFinder
import app.reconnect.net.syncErrorMessage
import app.reconnect.net.syncWith
import app.reconnect.peers
import java.time.Instant
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** Opens one sync with a found device; [SyncCoordinator] uses TCP unless told otherwise. */
fun interface SyncDialer {
    suspend fun sync(store: Reconnect, peer: Peer, address: PeerAddress): SyncResult
}

/** Syncs over TCP with [Reconnect.syncWith]. */
class TcpDialer(private val timeouts: NetTimeouts = NetTimeouts()) : SyncDialer {
    override suspend fun sync(store: Reconnect, peer: Peer, address: PeerAddress): SyncResult =
        store.syncWith(address.host, address.port, peer.deviceId, timeouts)
}

/**
 * Syncs this device with every paired, unrevoked device it can reach, when asked: the app
 * calls [syncNow] on coming to the foreground and on "sync now". Progress and the last
 * result per device are in [state]. A device already being synced with is left to that
 * sync, so two syncs with one device never run at once.
 */
class SyncCoordinator(
    private val store: Reconnect,
    private val finder: PeerFinder,
    /** How long to look for devices on the network each time. */
    private val findWithin: Duration = 5.seconds,
    private val dialer: SyncDialer = TcpDialer(),
    private val clock: () -> Instant = Instant::now,
) {
    private val _state = MutableStateFlow(SyncState())
    val state: StateFlow<SyncState> = _state.asStateFlow()

    /**
     * Syncs with each reachable paired device, all at once, and returns how each went
     * (also in [state]). Devices that another call is syncing with now are skipped and not
     * in the list. A failure with one device is its result; this throws only when the store
     * cannot list its devices (e.g. `ReconnectException.Closed`), or when cancelled.
     */
    suspend fun syncNow(): List<DeviceSyncResult> {
        val paired = store.peers().filter { it.revokedAt == null }
        val pairedIds = paired.map { it.deviceId }.toSet()
        var claimed = emptyList<Peer>()
        _state.update { state ->
            claimed = paired.filter { it.deviceId !in state.syncing }
            // Results for devices removed since are dropped.
            state.copy(syncing = state.syncing + claimed.map { it.deviceId }, last = state.last.filterKeys { it in pairedIds })
        }
        if (claimed.isEmpty()) return emptyList()
        val ids = claimed.map { it.deviceId }.toSet()
        try {
            val found = try {
                finder.find(ids, findWithin)
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                return claimed.map { finish(failed(it, e)) }
            }
            return coroutineScope {
                claimed.map { peer ->
                    async { finish(syncOne(peer, found[peer.deviceId])) }
                }.awaitAll()
            }
        } finally {
            _state.update { it.copy(syncing = it.syncing - ids) }
        }
    }

    private suspend fun syncOne(peer: Peer, address: PeerAddress?): DeviceSyncResult {
        if (address == null) return DeviceSyncResult.NotFound(peer.deviceId, peer.name, clock())
        return try {
            val result = dialer.sync(store, peer, address)
            DeviceSyncResult.Synced(peer.deviceId, result.peer.name, clock(), result.changed, result.stats)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            failed(peer, e)
        }
    }

    private fun failed(peer: Peer, error: Exception) =
        DeviceSyncResult.Failed(peer.deviceId, peer.name, clock(), error, syncErrorMessage(error))

    /** Records [result] as the device's last one, and stops showing it as syncing. */
    private fun finish(result: DeviceSyncResult): DeviceSyncResult {
        _state.update {
            it.copy(syncing = it.syncing - result.deviceId, last = it.last + (result.deviceId to result))
        }
        return result
    }
}
