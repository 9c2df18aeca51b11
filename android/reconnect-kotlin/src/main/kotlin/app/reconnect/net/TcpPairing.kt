package app.reconnect.net

import app.reconnect.Reconnect
import app.reconnect.ffi.PairingSession
import app.reconnect.ffi.Peer
import app.reconnect.pairAsJoiner
import app.reconnect.pairAsOfferer
import app.reconnect.runPairing
import java.io.IOException
import java.net.InetSocketAddress
import java.nio.channels.AsynchronousServerSocketChannel
import java.util.concurrent.atomic.AtomicBoolean
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes
import kotlinx.coroutines.withTimeoutOrNull

// Pairing over TCP: the device showing the code listens, the one that typed or scanned it
// connects. A pairing is one attempt, so the listener takes exactly one connection.

/**
 * Starts listening for the device that will type or scan [code] (this device's current
 * offer, its code or QR string), on [bindTo] (port 0 picks a free port; show or advertise
 * [PairingListener.port]). The offer is checked at once: an unknown, expired or used one
 * fails here with `ReconnectException.Sync`. Then call [PairingListener.awaitPeer].
 */
suspend fun Reconnect.pairOffer(
    code: String,
    bindTo: InetSocketAddress = InetSocketAddress(0),
    timeouts: NetTimeouts = NetTimeouts(),
): PairingListener {
    val session = pairAsOfferer(code)
    val server = try {
        listenOn(bindTo, backlog = 1)
    } catch (e: Throwable) {
        session.close()
        throw e
    }
    return PairingListener(this, session, server, timeouts)
}

/**
 * The offering side of one pairing, listening on [port] until a device connects or
 * [close] is called.
 */
class PairingListener internal constructor(
    private val store: Reconnect,
    private val session: PairingSession,
    private val server: AsynchronousServerSocketChannel,
    private val timeouts: NetTimeouts,
) : AutoCloseable {
    private val used = AtomicBoolean(false)

    /** The port this device listens on. */
    val port: Int = server.port

    /**
     * Waits up to [wait] for one device to connect, then runs the pairing with it and
     * returns that device, now paired. Stops listening as soon as it connects. Fails with
     * [TransportException.NobodyCame] when nobody came, `ReconnectException.Sync` when the
     * pairing was refused (e.g. `WrongCode` on both sides), or another
     * [TransportException]. Call it once.
     */
    suspend fun awaitPeer(wait: Duration = 10.minutes): Peer {
        check(used.compareAndSet(false, true)) { "a pairing listener takes one connection" }
        try {
            val channel = withTimeoutOrNull(wait) {
                try {
                    server.acceptOne()
                } catch (e: IOException) {
                    throw if (isClosedUnder(e)) TransportException.Closed(e) else TransportException.Failed(e)
                }
            } ?: throw TransportException.NobodyCame(wait)
            server.closeQuietly()
            return FrameLink(channel, timeouts).carry { link ->
                store.runPairing(session, link::send, link.answering(timeouts.firstFrame))
            }
        } finally {
            server.closeQuietly()
            session.close()
        }
    }

    /** Stops listening; a pairing running now is not affected. Safe to call twice. */
    override fun close() {
        server.closeQuietly()
        if (!used.get()) session.close()
    }
}

/**
 * The joining side of a pairing: connects to the offering device at [host]:[port] and
 * pairs using [code], what the person typed or scanned. Returns the offering device, now
 * paired. Fails with `ReconnectException.Sync` (e.g. `WrongCode`) or a
 * [TransportException].
 */
suspend fun Reconnect.pairJoin(
    host: String,
    port: Int,
    code: String,
    timeouts: NetTimeouts = NetTimeouts(),
): Peer {
    val session = pairAsJoiner(code)
    val channel = try {
        connectTo(host, port, timeouts.connect)
    } catch (e: Throwable) {
        session.close()
        throw e
    }
    return FrameLink(channel, timeouts).carry { link ->
        runPairing(session, link::send, link::receive)
    }
}
