package app.reconnect.net

import kotlin.time.Duration

/** Where a device can be reached now. */
data class PeerAddress(val host: String, val port: Int)

/**
 * Finds the person's paired devices on the local network. The Android app implements it
 * with network service discovery; on a desktop or in tests a [FixedPeerFinder] names them.
 */
interface PeerFinder {
    /**
     * Looks for the devices in [deviceIds] for at most [within] and returns the ones found,
     * by device id. Devices not found are simply absent.
     */
    suspend fun find(deviceIds: Set<String>, within: Duration): Map<String, PeerAddress>
}

/** A finder that knows where each device is, e.g. from configuration. */
class FixedPeerFinder(private val addresses: Map<String, PeerAddress>) : PeerFinder {
    override suspend fun find(deviceIds: Set<String>, within: Duration): Map<String, PeerAddress> =
        addresses.filterKeys { it in deviceIds }
}
