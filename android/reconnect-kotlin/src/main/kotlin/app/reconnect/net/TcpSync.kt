package app.reconnect.net

import app.reconnect.Reconnect
import app.reconnect.SyncResult
import app.reconnect.runSync
import app.reconnect.syncSessionTo

/**
 * Syncs with the paired device [deviceId], which answers with a [SyncServer] at
 * [host]:[port]; this device opens the connection and plays the initiator. An unknown or
 * revoked device fails with `ReconnectException.Sync` before any connection is made; a
 * refusal or a broken session on the way is `ReconnectException.Sync` too, the network's
 * failures a [TransportException]. Rounds that arrived before a failure stay saved.
 */
suspend fun Reconnect.syncWith(
    host: String,
    port: Int,
    deviceId: String,
    timeouts: NetTimeouts = NetTimeouts(),
): SyncResult {
    val session = syncSessionTo(deviceId)
    val channel = try {
        connectTo(host, port, timeouts.connect)
    } catch (e: Throwable) {
        session.close()
        throw e
    }
    return FrameLink(channel, timeouts).carry { link ->
        runSync(session, link::send, link::receive)
    }
}
