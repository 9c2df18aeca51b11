package app.reconnect.net

import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.SyncFailure
import app.reconnect.pairingOffer
import app.reconnect.peers
import java.io.File
import java.net.ConnectException
import java.net.InetSocketAddress
import java.net.Socket
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TimeSource
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** Pairing by code over a loopback TCP connection, through the real core. */
class TcpPairingTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `two devices pair by code over tcp and list each other`() = runBlocking<Unit> {
        NetFixtures.phone(dir).use { phone ->
            NetFixtures.tablet(dir).use { tablet ->
                val offer = phone.pairingOffer()
                val listener = phone.pairOffer(offer.code, NetFixtures.loopback(), NetFixtures.QUICK)
                assertTrue(listener.port > 0)
                val (onPhone, onTablet) = NetFixtures.both(
                    { listener.awaitPeer(10.seconds) },
                    // The joining device types the code as people do: lower case, no dash.
                    { tablet.pairJoin(NetFixtures.HOST, listener.port, offer.code.lowercase().replace("-", " "), NetFixtures.QUICK) },
                )
                assertEquals("tablet" to tablet.deviceId(), onPhone.getOrThrow().let { it.name to it.deviceId })
                assertEquals("phone" to phone.deviceId(), onTablet.getOrThrow().let { it.name to it.deviceId })
                assertEquals(listOf(tablet.deviceId()), phone.peers().map { it.deviceId })
                assertEquals(listOf(phone.deviceId()), tablet.peers().map { it.deviceId })

                // One connection only: the listener stopped listening once the tablet came.
                assertThrows<ConnectException> {
                    Socket().use { it.connect(InetSocketAddress(NetFixtures.LOOPBACK, listener.port), 2_000) }
                }
            }
        }
    }

    @Test
    fun `a wrong code fails on both sides with WrongCode and pairs nobody`() = runBlocking<Unit> {
        NetFixtures.phone(dir).use { phone ->
            NetFixtures.tablet(dir).use { tablet ->
                val offer = phone.pairingOffer()
                val wrong = if (offer.code.startsWith("A")) "BBBBB-BBBBB" else "AAAAA-AAAAA"
                val listener = phone.pairOffer(offer.code, NetFixtures.loopback(), NetFixtures.QUICK)
                val (onPhone, onTablet) = NetFixtures.both(
                    { listener.awaitPeer(10.seconds) },
                    { tablet.pairJoin(NetFixtures.HOST, listener.port, wrong, NetFixtures.QUICK) },
                )
                for (side in listOf(onPhone, onTablet)) {
                    val error = side.exceptionOrNull()
                    assertTrue(error is ReconnectException.Sync, "expected a sync error, got $error")
                    assertEquals(SyncFailure.WrongCode, (error as ReconnectException.Sync).reason)
                }
                assertTrue(phone.peers().isEmpty() && tablet.peers().isEmpty())
                // The offer is spent: listening with it again is refused before any socket opens.
                val spent = assertThrows<ReconnectException.Sync> {
                    runBlocking { phone.pairOffer(offer.code, NetFixtures.loopback(), NetFixtures.QUICK) }
                }
                assertEquals(SyncFailure.OfferUsed, spent.reason)
            }
        }
    }

    @Test
    fun `nobody coming ends the wait and closes the port`() = runBlocking<Unit> {
        NetFixtures.phone(dir).use { phone ->
            val listener = phone.pairOffer(phone.pairingOffer().code, NetFixtures.loopback(), NetFixtures.QUICK)
            val started = TimeSource.Monotonic.markNow()
            val error = assertThrows<TransportException.NobodyCame> { runBlocking { listener.awaitPeer(300.milliseconds) } }
            assertEquals(300.milliseconds, error.waited)
            assertTrue(started.elapsedNow() < 5.seconds)
            assertEquals(
                "No device joined while the code was showing. Make a new code and try again.",
                transportMessage(error),
            )
            assertThrows<ConnectException> {
                Socket().use { it.connect(InetSocketAddress(NetFixtures.LOOPBACK, listener.port), 2_000) }
            }
        }
    }

    @Test
    fun `joining where nobody listens is Unreachable`() = runBlocking<Unit> {
        NetFixtures.tablet(dir).use { tablet ->
            // A port that was free a moment ago and is closed now.
            val port = java.net.ServerSocket(0, 1, NetFixtures.LOOPBACK).use { it.localPort }
            val error = assertThrows<TransportException.Unreachable> {
                runBlocking { tablet.pairJoin(NetFixtures.HOST, port, "AAAAA-AAAAA", NetFixtures.QUICK) }
            }
            assertEquals("${NetFixtures.HOST}:$port", error.address)
        }
    }
}
