package app.reconnect

import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.SyncFailure
import app.reconnect.ffi.SyncRole
import app.reconnect.ffi.SyncSession
import java.io.File
import java.time.Duration
import java.time.Instant
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.supervisorScope
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** Two stores pair and sync through the Kotlin wrapper, frames passed in memory. */
class SyncTest {
    @TempDir
    lateinit var dir: File

    /** Each device checks in on its own day, so both check-ins survive as two days. */
    private val phoneNow = Instant.parse("2026-03-13T09:30:00Z")
    private val laptopNow = TestStores.MORNING

    private fun device(name: String, seed: Int, now: Instant): Reconnect =
        Reconnect.open(File(dir, name), TestStores.key(seed), deviceName = name, zone = TestStores.ZONE, fixedNow = now)

    /** A two-way in-memory connection; each side sees whole frames. */
    private class Link {
        val toA = Channel<ByteArray>(Channel.UNLIMITED)
        val toB = Channel<ByteArray>(Channel.UNLIMITED)

        /** Who sent each frame, in the order they were sent: 'a' or 'b'. */
        private val senders = mutableListOf<Char>()

        val aSend: suspend (ByteArray) -> Unit = { sent('a'); toB.send(it) }
        val aReceive: suspend () -> ByteArray = { toA.receive() }
        val bSend: suspend (ByteArray) -> Unit = { sent('b'); toA.send(it) }
        val bReceive: suspend () -> ByteArray = { toB.receive() }

        private fun sent(by: Char) = synchronized(senders) { senders.add(by) }

        /** One-way flights so far: runs of frames going the same way, each a trip across. */
        fun flights(): Int = synchronized(senders) {
            senders.indices.count { it == 0 || senders[it] != senders[it - 1] }
        }
    }

    /** Runs both sides at once; each side's result, success or failure. */
    private fun <A, B> both(a: suspend () -> A, b: suspend () -> B): Pair<Result<A>, Result<B>> = runBlocking {
        withTimeout(30_000) {
            supervisorScope {
                val first = async(Dispatchers.Default) { runCatching { a() } }
                val second = async(Dispatchers.Default) { runCatching { b() } }
                first.await() to second.await()
            }
        }
    }

    private fun pair(offering: Reconnect, joining: Reconnect) {
        val offer = runBlocking { offering.pairingOffer() }
        val link = Link()
        val (offered, joined) = both(
            { offering.runPairing(offering.pairAsOfferer(offer.code), link.aSend, link.aReceive) },
            { joining.runPairing(joining.pairAsJoiner(offer.qr), link.bSend, link.bReceive) },
        )
        offered.getOrThrow()
        joined.getOrThrow()
    }

    private fun failure(result: Result<*>): SyncFailure {
        val error = result.exceptionOrNull()
        assertTrue(error is ReconnectException.Sync, "expected a sync error, got $error")
        return (error as ReconnectException.Sync).reason
    }

    @Test
    fun `two stores pair in memory and list each other by name`() = runBlocking<Unit> {
        device("phone", 1, phoneNow).use { phone ->
            device("laptop", 2, laptopNow).use { laptop ->
                val offer = phone.pairingOffer(Duration.ofMinutes(5))
                assertEquals(phone.deviceId(), offer.deviceId)
                assertEquals("reconnect-pair:1:${offer.deviceId}:${offer.code.replace("-", "")}", offer.qr)
                val link = Link()
                val (onPhone, onLaptop) = both(
                    { phone.runPairing(phone.pairAsOfferer(offer.code), link.aSend, link.aReceive) },
                    { laptop.runPairing(laptop.pairAsJoiner(offer.qr), link.bSend, link.bReceive) },
                )
                assertEquals("laptop", onPhone.getOrThrow().name)
                assertEquals("phone", onLaptop.getOrThrow().name)

                val phonePeers = phone.peers()
                assertEquals(listOf("laptop" to laptop.deviceId()), phonePeers.map { it.name to it.deviceId })
                assertArrayEquals(laptop.devicePublicKey(), phonePeers.single().publicKey)
                assertNull(phonePeers.single().revokedAt)
                assertEquals(listOf("phone" to phone.deviceId()), laptop.peers().map { it.name to it.deviceId })
            }
        }
    }

    @Test
    fun `check-ins on each device reach both after a sync in memory`() = runBlocking<Unit> {
        device("phone", 1, phoneNow).use { phone ->
            device("laptop", 2, laptopNow).use { laptop ->
                pair(phone, laptop)
                phone.checkIn(mood = 3, urge = 4, note = "written on the phone")
                laptop.checkIn(mood = 4, urge = 2, note = "written on the laptop")

                val link = Link()
                val (onLaptop, onPhone) = both(
                    { laptop.runSync(laptop.syncSession(SyncRole.INITIATOR), link.aSend, link.aReceive) },
                    { phone.runSync(phone.syncSession(SyncRole.RESPONDER), link.bSend, link.bReceive) },
                )
                val laptopSide = onLaptop.getOrThrow()
                val phoneSide = onPhone.getOrThrow()
                assertEquals("phone", laptopSide.peer.name)
                assertEquals("laptop", phoneSide.peer.name)
                assertTrue(laptopSide.changed && phoneSide.changed)
                assertTrue(laptopSide.stats.framesSent > 0uL && laptopSide.stats.framesReceived > 0uL)

                val expected = listOf(
                    TestStores.MORNING_DATE to "written on the laptop",
                    "2026-03-13" to "written on the phone",
                )
                assertEquals(expected, phone.history().map { it.date to it.note })
                assertEquals(expected, laptop.history().map { it.date to it.note })
            }
        }
    }

    @Test
    fun `a session to a known device settles in three flights after a first sync`() = runBlocking<Unit> {
        // The clock stands still, so a new day means reopening the store; each check-in is
        // on its own day, so every one survives the merges.
        fun onDay(name: String, seed: Int, day: Long) =
            device(name, seed, Instant.parse("2026-03-01T09:30:00Z").plus(Duration.ofDays(day)))
        fun syncBoth(initiator: Reconnect, session: SyncSession, responder: Reconnect, link: Link) {
            val (sent, answered) = both(
                { initiator.runSync(session, link.aSend, link.aReceive) },
                { responder.runSync(responder.syncSession(SyncRole.RESPONDER), link.bSend, link.bReceive) },
            )
            assertEquals("phone", sent.getOrThrow().peer.name)
            assertEquals("laptop", answered.getOrThrow().peer.name)
        }

        val written = mutableListOf("phone, day 1", "laptop, day 2")
        onDay("phone", 1, 1).use { phone ->
            onDay("laptop", 2, 2).use { laptop ->
                pair(phone, laptop)
                phone.checkIn(mood = 3, urge = 4, note = written[0])
                laptop.checkIn(mood = 4, urge = 2, note = written[1])
                syncBoth(laptop, laptop.syncSession(SyncRole.INITIATOR), phone, Link())
            }
        }

        // Later, with the first sync's state saved, each device checks in once more and the
        // laptop syncs to the phone by its id: its news in the first flight, the phone's in
        // the answer, the laptop's final word.
        onDay("phone", 1, 3).use { phone ->
            onDay("laptop", 2, 4).use { laptop ->
                written += listOf("phone, day 3", "laptop, day 4")
                phone.checkIn(mood = 3, urge = 1, note = written[written.size - 2])
                laptop.checkIn(mood = 5, urge = 0, note = written.last())
                val toPhone = laptop.syncSessionTo(phone.deviceId())
                assertEquals(SyncRole.INITIATOR, toPhone.role())
                val link = Link()
                syncBoth(laptop, toPhone, phone, link)
                assertEquals(3, link.flights())

                val newestFirst = written.reversed()
                assertEquals(newestFirst, phone.history().map { it.note })
                assertEquals(newestFirst, laptop.history().map { it.note })
            }
        }
    }

    @Test
    fun `a session to an unknown or revoked device is refused`() = runBlocking<Unit> {
        device("phone", 1, phoneNow).use { phone ->
            device("laptop", 2, laptopNow).use { laptop ->
                val unknown = assertThrows<ReconnectException.Sync> {
                    runBlocking { laptop.syncSessionTo("no-such-device") }
                }
                assertEquals(SyncFailure.UnknownPeer, unknown.reason)

                pair(phone, laptop)
                laptop.revokePeer(phone.deviceId())
                val revoked = assertThrows<ReconnectException.Sync> {
                    runBlocking { laptop.syncSessionTo(phone.deviceId()) }
                }
                assertEquals(SyncFailure.RevokedPeer, revoked.reason)
            }
        }
    }

    @Test
    fun `a sync runs over a byte stream cut into small pieces`() = runBlocking<Unit> {
        device("phone", 1, phoneNow).use { phone ->
            device("laptop", 2, laptopNow).use { laptop ->
                pair(phone, laptop)
                laptop.checkIn(mood = 5, urge = 0, note = "over a stream")
                // Each direction carries raw bytes in 3-byte pieces, as a socket might.
                val toPhone = Channel<ByteArray>(Channel.UNLIMITED)
                val toLaptop = Channel<ByteArray>(Channel.UNLIMITED)
                suspend fun stream(channel: Channel<ByteArray>, bytes: ByteArray) =
                    bytes.toList().chunked(3).forEach { channel.send(it.toByteArray()) }
                val (sent, received) = both(
                    {
                        FrameReader { toLaptop.receive() }.use { reader ->
                            laptop.runSync(laptop.syncSession(SyncRole.INITIATOR), { stream(toPhone, it) }) { reader.next() }
                        }
                    },
                    {
                        FrameReader { toPhone.receive() }.use { reader ->
                            phone.runSync(phone.syncSession(SyncRole.RESPONDER), { stream(toLaptop, it) }) { reader.next() }
                        }
                    },
                )
                assertTrue(received.getOrThrow().changed)
                sent.getOrThrow()
                assertEquals(listOf("over a stream"), phone.history().map { it.note })
            }
        }
    }

    @Test
    fun `a wrong code fails on both sides with kind words and spends the offer`() = runBlocking<Unit> {
        device("phone", 1, phoneNow).use { phone ->
            device("laptop", 2, laptopNow).use { laptop ->
                val offer = phone.pairingOffer()
                val wrong = if (offer.code.startsWith("A")) "BBBBB-BBBBB" else "AAAAA-AAAAA"
                val link = Link()
                val (onPhone, onLaptop) = both(
                    { phone.runPairing(phone.pairAsOfferer(offer.code), link.aSend, link.aReceive) },
                    { laptop.runPairing(laptop.pairAsJoiner(wrong), link.bSend, link.bReceive) },
                )
                assertEquals(SyncFailure.WrongCode, failure(onPhone))
                assertEquals(SyncFailure.WrongCode, failure(onLaptop))
                assertEquals(
                    "That code did not work. Make a new one on your other device and try again.",
                    userMessage(onLaptop.exceptionOrNull() as ReconnectException),
                )
                assertTrue(phone.peers().isEmpty() && laptop.peers().isEmpty())

                val spent = assertThrows<ReconnectException.Sync> { runBlocking { phone.pairAsOfferer(offer.code) } }
                assertEquals(SyncFailure.OfferUsed, spent.reason)
            }
        }
    }

    @Test
    fun `a revoked device is refused and told so`() = runBlocking<Unit> {
        device("phone", 1, phoneNow).use { phone ->
            device("laptop", 2, laptopNow).use { laptop ->
                pair(phone, laptop)
                phone.revokePeer(laptop.deviceId())
                val link = Link()
                val (onLaptop, onPhone) = both(
                    { laptop.runSync(laptop.syncSession(SyncRole.INITIATOR), link.aSend, link.aReceive) },
                    { phone.runSync(phone.syncSession(SyncRole.RESPONDER), link.bSend, link.bReceive) },
                )
                assertEquals(SyncFailure.RevokedPeer, failure(onPhone))
                assertEquals(SyncFailure.RefusedByPeer, failure(onLaptop))
                assertTrue(phone.peers().single().revokedAt != null)
            }
        }
    }
}
