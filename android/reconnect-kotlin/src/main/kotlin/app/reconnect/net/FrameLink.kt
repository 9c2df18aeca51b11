package app.reconnect.net

import app.reconnect.FrameReader
import java.io.EOFException
import java.io.IOException
import java.nio.ByteBuffer
import java.nio.channels.AsynchronousSocketChannel
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TimeSource
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.withTimeoutOrNull

/**
 * One TCP connection carrying whole frames, every wait bounded: each read and write by
 * the I/O timeout and by what is left of the session. Memory is bounded too: one read
 * buffer, and the [FrameReader] checks a frame's announced size before buffering it (a
 * header announcing too much is `ReconnectException.Sync` with `FrameTooLarge`).
 */
internal class FrameLink(
    private val channel: AsynchronousSocketChannel,
    private val timeouts: NetTimeouts,
) : AutoCloseable {
    private val deadline = TimeSource.Monotonic.markNow() + timeouts.session
    private val buffer = ByteBuffer.allocate(READ_BUFFER)
    private val reader = FrameReader { readChunk() }

    /** Sends one whole frame. */
    suspend fun send(frame: ByteArray) {
        val out = ByteBuffer.wrap(frame)
        while (out.hasRemaining()) {
            val wait = nextWait()
            val wrote = bounded(wait) { channel.writeSome(out) }
            if (wrote < 0) throw TransportException.Closed()
        }
    }

    /** The next whole frame, header included. */
    suspend fun receive(): ByteArray = try {
        reader.next()
    } catch (e: EOFException) {
        throw TransportException.Closed(e)
    }

    /**
     * The first frame of a connection someone else opened: all of it must arrive within
     * [within], so a peer that connects and then sends nothing, or trickles, is dropped.
     */
    suspend fun receiveFirst(within: Duration): ByteArray =
        withTimeoutOrNull(within) { receive() } ?: throw TransportException.Silent(within)

    /** After a session ended well: no more from us, then close. */
    fun finish() {
        try {
            channel.shutdownOutput()
        } catch (_: IOException) {
            // The other side may have closed already; the session is complete either way.
        }
        close()
    }

    /**
     * After a failure (the closing frame, if any, already sent): stop sending, and read
     * what the peer still sends for a moment, so that closing with unread bytes does not
     * reset the connection and lose our closing frame on its way. Bounded in time and bytes.
     */
    suspend fun abort() {
        try {
            if (channel.isOpen) {
                channel.shutdownOutput()
                val until = TimeSource.Monotonic.markNow() + LINGER
                var drained = 0
                while (drained < LINGER_BYTES && until.hasNotPassedNow()) {
                    buffer.clear()
                    val read = withTimeoutOrNull(-until.elapsedNow()) { channel.readSome(buffer) } ?: break
                    if (read < 0) break
                    drained += read
                }
            }
        } catch (e: CancellationException) {
            throw e
        } catch (_: Exception) {
            // Lingering is a courtesy; the connection closes below regardless.
        } finally {
            close()
        }
    }

    override fun close() {
        channel.closeQuietly()
        reader.close()
    }

    /** Bytes from the connection, or null once it is closed; for the [FrameReader]. */
    private suspend fun readChunk(): ByteArray? {
        buffer.clear()
        val read = bounded(nextWait()) { channel.readSome(buffer) }
        if (read < 0) return null
        return buffer.array().copyOf(read)
    }

    /** How long the next read or write may wait: the I/O timeout, cut to the session's end. */
    private fun nextWait(): Duration {
        val left = -deadline.elapsedNow()
        if (!left.isPositive()) throw TransportException.TooLong(timeouts.session)
        return minOf(timeouts.io, left)
    }

    /** Runs one read or write within [wait], turning every failure into a [TransportException]. */
    private suspend fun bounded(wait: Duration, call: suspend () -> Int): Int {
        val done = try {
            withTimeoutOrNull(wait) { call() }
        } catch (e: CancellationException) {
            throw e
        } catch (e: IOException) {
            // A reset, a broken pipe or a network gone away: the connection is over.
            throw TransportException.Closed(e)
        }
        return done ?: throw if (wait < timeouts.io) {
            TransportException.TooLong(timeouts.session)
        } else {
            TransportException.Silent(wait)
        }
    }

    private companion object {
        /** Bytes read from the socket at a time. */
        const val READ_BUFFER = 16 * 1024
        val LINGER = 1.seconds
        const val LINGER_BYTES = 1 shl 20
    }
}
