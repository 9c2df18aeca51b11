package app.reconnect.net

import app.reconnect.SyncResult
import app.reconnect.devices.DeviceSyncResult
import app.reconnect.devices.SyncCoordinator
import app.reconnect.devices.TcpDialer
import app.reconnect.ffi.Block
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.Route
import app.reconnect.ffi.SyncFailure
import app.reconnect.reminders
import app.reconnect.screens.ScreenNavigator
import app.reconnect.screens.ScreenState
import app.reconnect.revokePeer
import app.reconnect.setDailyCheckIn
import app.reconnect.userMessage
import java.io.File
import java.time.LocalTime
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/**
 * Two devices paired over loopback TCP sync through a [SyncServer] and the
 * [SyncCoordinator], against the real core.
 */
class TcpSyncTest {
    @TempDir
    lateinit var dir: File

    private val todaysReminder = "check_in:2026-03-14"
    private val CHECKED_IN = "You checked in today"

    @Test
    fun `a check-in on the phone reaches the tablet, re-renders its Today and clears its reminder for today`() = runBlocking<Unit> {
        NetFixtures.phone(dir).use { phone ->
            NetFixtures.tablet(dir).use { tablet ->
                NetFixtures.pairOverTcp(phone, tablet)
                tablet.setDailyCheckIn(LocalTime.of(20, 0))
                assertTrue(tablet.reminders().any { it.id == todaysReminder }, "the reminder is pending before")
                assertNull(tablet.today().checkIn)
                // The tablet's Today, as its app shows it, before and after the sync.
                val screens = CoroutineScope(SupervisorJob() + Dispatchers.Default)
                val navigator = ScreenNavigator(tablet, { _, _ -> null }, screens, welcomed = true)
                withTimeout(10.seconds) { navigator.state.first { it.screen != null } }
                assertFalse(navigator.state.value.headings().contains(CHECKED_IN))

                phone.checkIn(mood = 4, urge = 2, note = "a walk by the river")
                val served = CopyOnWriteArrayList<Result<SyncResult>>()
                SyncServer.start(tablet, NetFixtures.loopback(), timeouts = NetFixtures.QUICK) { served += it }.use { server ->
                    val finder = FixedPeerFinder(mapOf(tablet.deviceId() to PeerAddress(NetFixtures.HOST, server.port)))
                    val coordinator = SyncCoordinator(phone, finder, dialer = TcpDialer(NetFixtures.QUICK))
                    assertTrue(coordinator.state.value.isIdle)

                    val results = withTimeout(30.seconds) { coordinator.syncNow() }

                    val synced = results.single()
                    assertTrue(synced is DeviceSyncResult.Synced, "got $synced")
                    assertEquals(tablet.deviceId() to "tablet", synced.deviceId to synced.deviceName)
                    assertNull(synced.message)
                    assertEquals(mapOf(tablet.deviceId() to synced), coordinator.state.value.last)
                    assertTrue(coordinator.state.value.isIdle)
                    assertTrue(served.single().getOrThrow().changed, "the tablet took the phone's news")
                }

                val shown = withTimeout(10.seconds) {
                    navigator.state.first { CHECKED_IN in it.headings() }
                }
                assertEquals(Route.Today, shown.route)
                screens.cancel()

                val today = tablet.today()
                assertEquals("a walk by the river", today.checkIn?.note)
                assertEquals(1u, today.daysCheckedIn)
                assertFalse(tablet.reminders().any { it.id == todaysReminder }, "the reminder is gone after")
                assertTrue(tablet.reminders().any { it.id == "check_in:2026-03-15" }, "tomorrow's stays")
            }
        }
    }

    @Test
    fun `a device revoked on the other side is refused, and one revoked here is not dialled`() = runBlocking<Unit> {
        NetFixtures.phone(dir).use { phone ->
            NetFixtures.tablet(dir).use { tablet ->
                NetFixtures.pairOverTcp(phone, tablet)
                tablet.revokePeer(phone.deviceId())
                phone.checkIn(mood = 2, urge = 5, note = "not for the tablet")
                val served = CopyOnWriteArrayList<Result<SyncResult>>()
                SyncServer.start(tablet, NetFixtures.loopback(), timeouts = NetFixtures.QUICK) { served += it }.use { server ->
                    val address = PeerAddress(NetFixtures.HOST, server.port)
                    val coordinator = SyncCoordinator(phone, FixedPeerFinder(mapOf(tablet.deviceId() to address)), dialer = TcpDialer(NetFixtures.QUICK))

                    val failed = withTimeout(30.seconds) { coordinator.syncNow() }.single()
                    assertTrue(failed is DeviceSyncResult.Failed, "got $failed")
                    val error = (failed as DeviceSyncResult.Failed).error
                    assertTrue(error is ReconnectException.Sync && error.reason == SyncFailure.RefusedByPeer, "got $error")
                    assertEquals(userMessage(SyncFailure.RefusedByPeer), failed.message)
                    val onTablet = withTimeout(5.seconds) { waitFor { served.firstOrNull() } }.exceptionOrNull()
                    assertTrue(onTablet is ReconnectException.Sync && onTablet.reason == SyncFailure.RevokedPeer, "got $onTablet")
                    assertNull(tablet.today().checkIn)

                    // Revoked on the phone too: the coordinator no longer tries it, and a
                    // direct sync is refused before any connection.
                    phone.revokePeer(tablet.deviceId())
                    assertEquals(emptyList<DeviceSyncResult>(), coordinator.syncNow())
                    assertTrue(coordinator.state.value.last.isEmpty())
                    val direct = assertThrows<ReconnectException.Sync> {
                        runBlocking { phone.syncWith(NetFixtures.HOST, server.port, tablet.deviceId(), NetFixtures.QUICK) }
                    }
                    assertEquals(SyncFailure.RevokedPeer, direct.reason)
                    assertEquals(1, served.size, "nothing more reached the tablet")
                }
            }
        }
    }

    @Test
    fun `a device that is not found gets a kind sentence`() = runBlocking<Unit> {
        NetFixtures.phone(dir).use { phone ->
            NetFixtures.tablet(dir).use { tablet ->
                NetFixtures.pairOverTcp(phone, tablet)
                val coordinator = SyncCoordinator(phone, FixedPeerFinder(emptyMap()))
                val result = coordinator.syncNow().single()
                assertTrue(result is DeviceSyncResult.NotFound, "got $result")
                assertTrue(result.message!!.startsWith("Your other device wasn't found on this network."))
            }
        }
    }

    /** Polls [value] every 10 ms until it is not null; bounded by the caller's timeout. */
    private fun ScreenState.headings(): List<String> =
        screen?.blocks.orEmpty().filterIsInstance<Block.Heading>().map { it.text }

    private suspend fun <T : Any> waitFor(value: () -> T?): T {
        while (true) {
            value()?.let { return it }
            kotlinx.coroutines.delay(10)
        }
    }
}
