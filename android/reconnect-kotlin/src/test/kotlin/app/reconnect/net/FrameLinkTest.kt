package app.reconnect.net

import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.SyncFailure
import java.net.Socket
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TimeSource
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** One framed connection's bounds, against a raw socket on loopback. */
class FrameLinkTest {
    private val quick = NetTimeouts(connect = 2.seconds, firstFrame = 1.seconds, io = 300.milliseconds, session = 5.seconds)

    /** A link over an accepted connection, and the raw socket at its other end. */
    private fun <T> linked(timeouts: NetTimeouts = quick, test: suspend CoroutineScope.(FrameLink, Socket) -> T): T = runBlocking {
        withTimeout(20.seconds) {
            listenOn(NetFixtures.loopback(), backlog = 1).use { server ->
                val peer = withContext(Dispatchers.IO) { NetFixtures.rawClient(server.port) }
                peer.use { FrameLink(server.acceptOne(), timeouts).use { link -> test(link, peer) } }
            }
        }
    }

    private fun Socket.write(vararg bytes: Int) = getOutputStream().apply { write(bytes.map { it.toByte() }.toByteArray()); flush() }

    @Test
    fun `frames cut anywhere arrive whole, and sent frames arrive as they are`() = linked { link, peer ->
        // Two frames (kind 2, bodies "ab" and "c"), written in awkward pieces.
        val stream = intArrayOf(0, 0, 0, 3, 2, 'a'.code, 'b'.code, 0, 0, 0, 2, 2, 'c'.code)
        peer.write(*stream.copyOfRange(0, 2))
        peer.write(*stream.copyOfRange(2, 9))
        peer.write(*stream.copyOfRange(9, stream.size))
        assertArrayEquals(stream.copyOfRange(0, 7).map { it.toByte() }.toByteArray(), link.receive())
        assertArrayEquals(stream.copyOfRange(7, stream.size).map { it.toByte() }.toByteArray(), link.receive())

        link.send(byteArrayOf(0, 0, 0, 1, 3))
        val got = withContext(Dispatchers.IO) {
            peer.soTimeout = 2_000
            ByteArray(5).also { peer.getInputStream().readNBytes(it, 0, 5) }
        }
        assertArrayEquals(byteArrayOf(0, 0, 0, 1, 3), got)
    }

    @Test
    fun `a silent peer times out after the io bound`() = linked { link, _ ->
        val started = TimeSource.Monotonic.markNow()
        val error = runCatching { link.receive() }.exceptionOrNull()
        assertTrue(error is TransportException.Silent, "got $error")
        assertEquals(quick.io, (error as TransportException.Silent).waited)
        assertTrue(started.elapsedNow() < 3.seconds)
    }

    @Test
    fun `a trickling peer meets the session limit`() {
        val timeouts = quick.copy(io = 400.milliseconds, session = 700.milliseconds)
        linked(timeouts) { link, peer ->
            // A header announcing 256 bytes, then one byte every 100 ms: never silent for long.
            peer.write(0, 0, 1, 0)
            val trickle = launch(Dispatchers.IO) {
                repeat(30) {
                    if (runCatching { peer.write(2) }.isFailure) return@launch
                    delay(100)
                }
            }
            val error = runCatching { link.receive() }.exceptionOrNull()
            trickle.cancel()
            assertTrue(error is TransportException.TooLong, "got $error")
        }
    }

    @Test
    fun `a header announcing 4 GiB is refused before its body arrives`() = linked { link, peer ->
        peer.write(0xff, 0xff, 0xff, 0xff, 2)
        val started = TimeSource.Monotonic.markNow()
        val error = runCatching { link.receive() }.exceptionOrNull()
        assertTrue(error is ReconnectException.Sync, "got $error")
        val reason = (error as ReconnectException.Sync).reason
        assertTrue(reason is SyncFailure.FrameTooLarge && reason.announced == 0xffff_ffffuL, "got $reason")
        assertTrue(started.elapsedNow() < quick.io, "refused without waiting")
    }

    @Test
    fun `a peer that closes is Closed`() = linked { link, peer ->
        peer.write(0, 0, 0, 9, 2)
        peer.close()
        val error = runCatching { link.receive() }.exceptionOrNull()
        assertTrue(error is TransportException.Closed, "got $error")
    }
}
