package app.reconnect.net

import app.reconnect.Reconnect
import app.reconnect.SyncResult
import app.reconnect.ffi.SyncRole
import app.reconnect.runSync
import app.reconnect.syncSession
import java.net.InetSocketAddress
import java.nio.channels.AsynchronousServerSocketChannel
import java.nio.channels.AsynchronousSocketChannel
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.milliseconds
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineExceptionHandler
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.delay
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Semaphore

/**
 * Answers sync sessions from the person's other paired devices while it runs: each
 * connection gets a responder session (the core lets in only paired, unrevoked devices).
 * At most [maxSessions] run at once; a connection beyond that is closed at once. Each
 * connection must send its whole first frame within [NetTimeouts.firstFrame] and then
 * lives by the other [timeouts]. A failing or hostile peer ends only its own connection.
 */
class SyncServer private constructor(
    private val store: Reconnect,
    private val server: AsynchronousServerSocketChannel,
    private val maxSessions: Int,
    private val timeouts: NetTimeouts,
    private val onSession: (Result<SyncResult>) -> Unit,
) : AutoCloseable {
    // Every failure is caught where it happens; the handler only keeps a missed one from
    // reaching the thread's default handler.
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO + CoroutineExceptionHandler { _, _ -> })
    private val slots = Semaphore(maxSessions)
    private val running = AtomicInteger(0)

    /** The port this server listens on, e.g. to advertise it on the local network. */
    val port: Int = server.port

    /** Sessions being answered now. */
    val activeSessions: Int get() = running.get()

    private fun start() {
        scope.launch { acceptLoop() }
    }

    private suspend fun CoroutineScope.acceptLoop() {
        while (isActive) {
            val channel = try {
                server.acceptOne()
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                if (!server.isOpen || isClosedUnder(e)) return
                // E.g. out of file descriptors for a moment: wait, then listen on.
                delay(ACCEPT_PAUSE)
                continue
            }
            if (!slots.tryAcquire()) {
                channel.closeQuietly()
                continue
            }
            running.incrementAndGet()
            launch {
                try {
                    answer(channel)
                } finally {
                    running.decrementAndGet()
                    slots.release()
                }
            }
        }
    }

    private suspend fun answer(channel: AsynchronousSocketChannel) {
        val result = try {
            Result.success(
                FrameLink(channel, timeouts).carry { link ->
                    val session = store.syncSession(SyncRole.RESPONDER)
                    store.runSync(session, link::send, link.answering(timeouts.firstFrame))
                },
            )
        } catch (e: CancellationException) {
            channel.closeQuietly()
            throw e
        } catch (e: Exception) {
            channel.closeQuietly()
            Result.failure(e)
        }
        try {
            onSession(result)
        } catch (e: Exception) {
            // The caller's observer failing must not stop the server.
        }
    }

    /**
     * Stops listening and ends every session now running; returns at once. A session in
     * the middle of a store write finishes that write first.
     */
    override fun close() {
        server.closeQuietly()
        scope.cancel()
    }

    /** [close], then waits until every session has ended. */
    suspend fun closeAndJoin() {
        close()
        scope.coroutineContext[Job]?.join()
    }

    companion object {
        private val ACCEPT_PAUSE = 100.milliseconds

        /**
         * Starts answering on [bindTo] (port 0 picks a free port; read [port]). [onSession]
         * hears how each session ended, on a background thread; a connection dropped for
         * being over [maxSessions] is not reported.
         */
        fun start(
            store: Reconnect,
            bindTo: InetSocketAddress = InetSocketAddress(0),
            maxSessions: Int = 4,
            timeouts: NetTimeouts = NetTimeouts(),
            onSession: (Result<SyncResult>) -> Unit = {},
        ): SyncServer {
            require(maxSessions > 0) { "a server answers at least one session at a time" }
            val server = listenOn(bindTo, backlog = maxSessions * 2)
            return SyncServer(store, server, maxSessions, timeouts, onSession).also { it.start() }
        }
    }
}
