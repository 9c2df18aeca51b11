package app.reconnect.net

import app.reconnect.Reconnect
import app.reconnect.TestStores
import app.reconnect.pairingOffer
import java.io.File
import java.io.InputStream
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.Socket
import java.net.SocketTimeoutException
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TimeSource
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.supervisorScope
import kotlinx.coroutines.withTimeout

/** Loopback-only fixtures for the TCP tests: two devices, short bounds, raw sockets. */
internal object NetFixtures {
    val LOOPBACK: InetAddress = InetAddress.getLoopbackAddress()
    val HOST: String = LOOPBACK.hostAddress

    /** Any free port on loopback. */
    fun loopback(): InetSocketAddress = InetSocketAddress(LOOPBACK, 0)

    /** Bounds short enough for tests, long enough for a slow machine. */
    val QUICK = NetTimeouts(connect = 5.seconds, firstFrame = 2.seconds, io = 10.seconds, session = 60.seconds)

    fun phone(dir: File): Reconnect =
        Reconnect.open(File(dir, "phone"), TestStores.key(1), deviceName = "phone", zone = TestStores.ZONE, fixedNow = TestStores.MORNING)

    fun tablet(dir: File): Reconnect =
        Reconnect.open(File(dir, "tablet"), TestStores.key(2), deviceName = "tablet", zone = TestStores.ZONE, fixedNow = TestStores.MORNING)

    /** Runs both sides at once, each on its own, within 30 seconds; each side's result. */
    fun <A, B> both(a: suspend () -> A, b: suspend () -> B): Pair<Result<A>, Result<B>> = runBlocking {
        withTimeout(30.seconds) {
            supervisorScope {
                val first = async(Dispatchers.Default) { runCatching { a() } }
                val second = async(Dispatchers.Default) { runCatching { b() } }
                first.await() to second.await()
            }
        }
    }

    /** [offering] shows a code and listens; [joining] connects over loopback and types it. */
    fun pairOverTcp(offering: Reconnect, joining: Reconnect) {
        val (offered, joined) = runBlocking {
            val offer = offering.pairingOffer()
            val listener = offering.pairOffer(offer.code, loopback(), QUICK)
            both({ listener.awaitPeer(10.seconds) }, { joining.pairJoin(HOST, listener.port, offer.code, QUICK) })
        }
        offered.getOrThrow()
        joined.getOrThrow()
    }

    /** A plain blocking socket to loopback [port], for peers that misbehave. */
    fun rawClient(port: Int): Socket = Socket().apply {
        connect(InetSocketAddress(LOOPBACK, port), 2_000)
        soTimeout = 50
    }

    /**
     * Reads until the server closes the connection (or resets it), for at most [within];
     * returns how long after [since] that was, or null if it stayed open.
     */
    fun timeUntilClosed(
        socket: Socket,
        within: Duration = 10.seconds,
        since: TimeSource.Monotonic.ValueTimeMark = TimeSource.Monotonic.markNow(),
    ): Duration? {
        val started = since
        val input: InputStream = socket.getInputStream()
        val buffer = ByteArray(4096)
        val until = TimeSource.Monotonic.markNow() + within
        while (until.hasNotPassedNow()) {
            try {
                if (input.read(buffer) < 0) return started.elapsedNow()
            } catch (e: SocketTimeoutException) {
                continue
            } catch (e: java.io.IOException) {
                return started.elapsedNow()
            }
        }
        return null
    }

    /** Whether [socket] is still open after [wait]: nothing arrived and no close. */
    fun stillOpenAfter(socket: Socket, wait: Duration = 300.milliseconds): Boolean = timeUntilClosed(socket, wait) == null
}
