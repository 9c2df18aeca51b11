package app.reconnect.net

import app.reconnect.SyncResult
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.SyncFailure
import java.io.File
import java.net.ConnectException
import java.net.InetSocketAddress
import java.net.Socket
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TimeSource
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** The sync server against peers that misbehave, over loopback, with the real core. */
class SyncServerTest {
    @TempDir
    lateinit var dir: File

    /** A first frame must arrive within this; short, so the tests are quick. */
    private val handshakeBound = 600.milliseconds
    private val bounds = NetFixtures.QUICK.copy(firstFrame = handshakeBound)

    @Test
    fun `a silent peer is dropped within the handshake bound while a real sync succeeds`() = runBlocking<Unit> {
        NetFixtures.phone(dir).use { phone ->
            NetFixtures.tablet(dir).use { tablet ->
                NetFixtures.pairOverTcp(phone, tablet)
                phone.checkIn(mood = 5, urge = 0, note = "through the crowd")
                val served = CopyOnWriteArrayList<Result<SyncResult>>()
                SyncServer.start(tablet, NetFixtures.loopback(), timeouts = bounds) { served += it }.use { server ->
                    val connected = TimeSource.Monotonic.markNow()
                    NetFixtures.rawClient(server.port).use { silent ->
                        // A trickler too: a header announcing 100 bytes, then nothing more.
                        NetFixtures.rawClient(server.port).use { trickler ->
                            trickler.getOutputStream().apply { write(byteArrayOf(0, 0, 0, 100, 2)); flush() }
                            val sync = async(Dispatchers.Default) {
                                phone.syncWith(NetFixtures.HOST, server.port, tablet.deviceId(), NetFixtures.QUICK)
                            }
                            val silentFor = NetFixtures.timeUntilClosed(silent, since = connected)
                            val trickledFor = NetFixtures.timeUntilClosed(trickler, since = connected)
                            assertEquals("tablet", withTimeout(30.seconds) { sync.await() }.peer.name)
                            for (held in listOf(silentFor, trickledFor)) {
                                assertNotNull(held, "the server dropped the peer")
                                assertTrue(held!! >= handshakeBound - 100.milliseconds && held < handshakeBound + 3.seconds, "held for $held")
                            }
                        }
                    }
                    assertEquals("through the crowd", tablet.today().checkIn?.note)
                    val failures = withTimeout(5.seconds) {
                        while (served.count { it.isFailure } < 2) delay(10)
                        served.mapNotNull { it.exceptionOrNull() }
                    }
                    assertTrue(failures.all { it is TransportException.Silent }, "got $failures")
                    assertEquals(1, served.count { it.isSuccess })
                }
            }
        }
    }

    @Test
    fun `a garbage length prefix is refused at once without waiting for its bytes`() = runBlocking<Unit> {
        NetFixtures.tablet(dir).use { tablet ->
            val served = CopyOnWriteArrayList<Result<SyncResult>>()
            SyncServer.start(tablet, NetFixtures.loopback(), timeouts = NetFixtures.QUICK) { served += it }.use { server ->
                NetFixtures.rawClient(server.port).use { peer ->
                    // 4 GiB announced, and one byte of it.
                    peer.getOutputStream().apply { write(byteArrayOf(-1, -1, -1, -1, 2)); flush() }
                    val closedAfter = NetFixtures.timeUntilClosed(peer)
                    assertNotNull(closedAfter)
                    assertTrue(closedAfter!! < NetFixtures.QUICK.firstFrame, "closed after $closedAfter")
                }
                val error = withTimeout(5.seconds) {
                    while (served.isEmpty()) delay(10)
                    served.single().exceptionOrNull()
                }
                assertTrue(error is ReconnectException.Sync, "got $error")
                val reason = (error as ReconnectException.Sync).reason
                assertTrue(reason is SyncFailure.FrameTooLarge && reason.announced == 0xffff_ffffuL, "got $reason")
                assertEquals(0, server.activeSessions)
            }
        }
    }

    @Test
    fun `connections over the cap are closed at once while the others are held`() = runBlocking<Unit> {
        NetFixtures.tablet(dir).use { tablet ->
            val patient = NetFixtures.QUICK.copy(firstFrame = 20.seconds)
            SyncServer.start(tablet, NetFixtures.loopback(), maxSessions = 2, timeouts = patient).use { server ->
                val held = List(2) { NetFixtures.rawClient(server.port) }
                try {
                    withTimeout(5.seconds) { while (server.activeSessions < 2) delay(10) }
                    NetFixtures.rawClient(server.port).use { extra ->
                        val closedAfter = NetFixtures.timeUntilClosed(extra, 5.seconds)
                        assertNotNull(closedAfter, "the third connection was turned away")
                    }
                    assertTrue(held.all { NetFixtures.stillOpenAfter(it) })
                    assertEquals(2, server.activeSessions)
                } finally {
                    held.forEach { it.close() }
                }
            }
        }
    }

    @Test
    fun `close ends the server and its sessions promptly`() = runBlocking<Unit> {
        NetFixtures.tablet(dir).use { tablet ->
            val patient = NetFixtures.QUICK.copy(firstFrame = 30.seconds, io = 30.seconds)
            val server = SyncServer.start(tablet, NetFixtures.loopback(), timeouts = patient)
            NetFixtures.rawClient(server.port).use { silent ->
                withTimeout(5.seconds) { while (server.activeSessions < 1) delay(10) }
                val started = TimeSource.Monotonic.markNow()
                withTimeout(5.seconds) { server.closeAndJoin() }
                assertTrue(started.elapsedNow() < 2.seconds, "closed in ${started.elapsedNow()}")
                val closedAfter = NetFixtures.timeUntilClosed(silent, 5.seconds)
                assertNotNull(closedAfter, "the held connection was closed")
                assertEquals(0, server.activeSessions)
            }
            assertThrows<ConnectException> {
                Socket().use { it.connect(InetSocketAddress(NetFixtures.LOOPBACK, server.port), 2_000) }
            }
            server.close()
        }
    }
}
