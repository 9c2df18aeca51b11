package app.reconnect.net

import app.reconnect.SyncResult
import app.reconnect.devices.DeviceSyncResult
import app.reconnect.devices.SyncCoordinator
import app.reconnect.devices.SyncDialer
import app.reconnect.ffi.SessionStats
import java.io.File
import java.time.Instant
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.async
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** The coordinator's bookkeeping, with a stand-in dialer and two really paired stores. */
class SyncCoordinatorTest {
    @TempDir
    lateinit var dir: File

    private val at = Instant.parse("2026-03-14T09:31:00Z")

    @Test
    fun `two syncNow calls never sync with one device at once`() = runTest(timeout = 60.seconds) {
        NetFixtures.phone(dir).use { phone ->
            NetFixtures.tablet(dir).use { tablet ->
                NetFixtures.pairOverTcp(phone, tablet)
                val dialled = AtomicInteger(0)
                val talking = CompletableDeferred<Unit>()
                val release = CompletableDeferred<Unit>()
                val dialer = SyncDialer { _, peer, _ ->
                    dialled.incrementAndGet()
                    talking.complete(Unit)
                    release.await()
                    SyncResult(peer = peer, changed = true, stats = SessionStats(1u, 10u, 1u, 10u, 1u))
                }
                val finder = FixedPeerFinder(mapOf(tablet.deviceId() to PeerAddress("127.0.0.1", 1)))
                val coordinator = SyncCoordinator(phone, finder, dialer = dialer, clock = { at })

                val first = async { coordinator.syncNow() }
                talking.await()
                assertEquals(setOf(tablet.deviceId()), coordinator.state.value.syncing)

                // A second request while the first is still talking to the tablet: skipped.
                assertEquals(emptyList<DeviceSyncResult>(), coordinator.syncNow())
                assertEquals(1, dialled.get())

                release.complete(Unit)
                val result = first.await().single()
                assertEquals(DeviceSyncResult.Synced::class, result::class)
                assertEquals(at, result.at)
                assertTrue(coordinator.state.value.isIdle)
                assertEquals(result, coordinator.state.value.last[tablet.deviceId()])

                // Once it is done, the next request syncs again.
                coordinator.syncNow()
                assertEquals(2, dialled.get())
            }
        }
    }

    @Test
    fun `the finder is asked only for paired unrevoked devices, and its failure is a result`() = runTest(timeout = 60.seconds) {
        NetFixtures.phone(dir).use { phone ->
            NetFixtures.tablet(dir).use { tablet ->
                NetFixtures.pairOverTcp(phone, tablet)
                val asked = mutableListOf<Set<String>>()
                val broken = object : PeerFinder {
                    override suspend fun find(deviceIds: Set<String>, within: Duration): Map<String, PeerAddress> {
                        asked += deviceIds
                        throw TransportException.Failed(java.io.IOException("discovery is off"))
                    }
                }
                val result = SyncCoordinator(phone, broken, clock = { at }).syncNow().single()
                assertEquals(listOf(setOf(tablet.deviceId())), asked)
                assertTrue(result is DeviceSyncResult.Failed, "got $result")
                assertEquals(
                    "The connection to your other device failed. Nothing was lost; please try again in a moment.",
                    result.message,
                )
            }
        }
    }
}
