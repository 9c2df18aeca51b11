package app.reconnect.net

import java.io.IOException
import java.net.InetSocketAddress
import java.net.StandardSocketOptions
import java.nio.ByteBuffer
import java.nio.channels.AsynchronousCloseException
import java.nio.channels.AsynchronousServerSocketChannel
import java.nio.channels.AsynchronousSocketChannel
import java.nio.channels.ClosedChannelException
import java.nio.channels.CompletionHandler
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException
import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import kotlin.time.Duration

// Suspending forms of the NIO.2 socket calls. Cancelling a call closes its channel: a
// read or write cut short leaves a channel that cannot be used again, and every caller
// here ends the connection then anyway. That is also how timeouts end a wait at once.

/** Completes a continuation from an NIO.2 callback; ignored once it was cancelled. */
private class Resume<T> : CompletionHandler<T, CancellableContinuation<T>> {
    override fun completed(result: T, cont: CancellableContinuation<T>) {
        // A connection accepted just as the wait was cancelled would otherwise stay open.
        if (cont.isActive) cont.resume(result) else (result as? AutoCloseable)?.closeQuietly()
    }
    override fun failed(error: Throwable, cont: CancellableContinuation<T>) {
        if (cont.isActive) cont.resumeWithException(error)
    }
}

private suspend fun <T> AutoCloseable.await(start: (CancellableContinuation<T>) -> Unit): T =
    suspendCancellableCoroutine { cont ->
        cont.invokeOnCancellation { closeQuietly() }
        start(cont)
    }

internal fun AutoCloseable.closeQuietly() {
    try {
        close()
    } catch (_: Exception) {
        // Closing is best-effort: the connection is over either way.
    }
}

/** Bytes read into [buffer], or -1 once the other side has closed. */
internal suspend fun AsynchronousSocketChannel.readSome(buffer: ByteBuffer): Int =
    await { read(buffer, it, Resume<Int>()) }

/** Bytes written from [buffer]; possibly fewer than it holds. */
internal suspend fun AsynchronousSocketChannel.writeSome(buffer: ByteBuffer): Int =
    await { write(buffer, it, Resume<Int>()) }

/** The next connection; [ClosedChannelException] (or a subclass) once the listener is closed. */
internal suspend fun AsynchronousServerSocketChannel.acceptOne(): AsynchronousSocketChannel =
    await { accept(it, Resume<AsynchronousSocketChannel>()) }

/** A listening socket on [address] (port 0 picks a free one). */
internal fun listenOn(address: InetSocketAddress, backlog: Int): AsynchronousServerSocketChannel {
    val server = AsynchronousServerSocketChannel.open()
    try {
        server.bind(address, backlog)
    } catch (e: IOException) {
        server.closeQuietly()
        throw TransportException.Failed(e)
    }
    return server
}

/** The port a listener is bound to. */
internal val AsynchronousServerSocketChannel.port: Int
    get() = (localAddress as InetSocketAddress).port

/**
 * A connection to [host]:[port] within [within], name lookup included (an IP address
 * needs none). Every failure is [TransportException.Unreachable].
 */
internal suspend fun connectTo(host: String, port: Int, within: Duration): AsynchronousSocketChannel {
    val shown = "$host:$port"
    if (port !in 1..65535) throw TransportException.Unreachable(shown)
    val channel = AsynchronousSocketChannel.open()
    try {
        val connected = withTimeoutOrNull(within) {
            val address = withContext(Dispatchers.IO) { InetSocketAddress(host, port) }
            if (address.isUnresolved) throw TransportException.Unreachable(shown)
            channel.await<Void?> { channel.connect(address, it, Resume<Void?>()) }
            true
        }
        if (connected == null) throw TransportException.Unreachable(shown, IOException("no answer within $within"))
        // Frames are whole messages: send each at once rather than waiting to fill a packet.
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true)
        return channel
    } catch (e: TransportException) {
        channel.closeQuietly()
        throw e
    } catch (e: IOException) {
        channel.closeQuietly()
        throw TransportException.Unreachable(shown, e)
    } catch (e: SecurityException) {
        channel.closeQuietly()
        throw TransportException.Unreachable(shown, e)
    } catch (e: Throwable) {
        channel.closeQuietly()
        throw e
    }
}

/** Whether [error] means the channel was closed under the call (by us or by a timeout). */
internal fun isClosedUnder(error: Throwable): Boolean =
    error is AsynchronousCloseException || error is ClosedChannelException
