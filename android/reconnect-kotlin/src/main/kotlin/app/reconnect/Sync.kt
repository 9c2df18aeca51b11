package app.reconnect

import app.reconnect.ffi.FrameDecoder
import app.reconnect.ffi.PairingOffer
import app.reconnect.ffi.PairingSession
import app.reconnect.ffi.Peer
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.SessionStats
import app.reconnect.ffi.SyncFailure
import app.reconnect.ffi.SyncRole
import app.reconnect.ffi.SyncSession
import app.reconnect.ffi.SyncStep
import java.io.EOFException
import java.time.Duration

// Pairing and sync with the person's other devices. The core only turns frames into
// frames; the app carries them over its own transport (NSD + TCP, Nearby, …). Every call
// here is `suspend` and runs on the wrapper's IO dispatcher: a sync step writes to disk.
//
// A frame is a whole wire frame starting with its 4-byte big-endian length. Send frames
// as they are; a transport that reads a byte stream gets whole frames back with a
// [FrameReader]. The device that opened the connection plays [SyncRole.INITIATOR]; in
// pairing that is the joining device.

/**
 * A one-time pairing offer to show on this device, as its code or as a QR code: valid
 * for [ttl] (10 minutes when null, at most an hour) and for one attempt. Any earlier
 * unused offer is spent.
 */
suspend fun Reconnect.pairingOffer(ttl: Duration? = null): PairingOffer {
    val seconds = ttl?.seconds?.coerceIn(0, UInt.MAX_VALUE.toLong())?.toUInt()
    return onIo { it.pairingOffer(seconds) }
}

/**
 * The offering device's side of a pairing, for a connection that arrived while it shows
 * an offer: [codeOrQr] is that offer's [PairingOffer.code] (or its QR string). Run it
 * with [runPairing]. Fails with [ReconnectException.Sync] when the offer is unknown,
 * expired or already used.
 */
suspend fun Reconnect.pairAsOfferer(codeOrQr: String): PairingSession =
    onIo { it.pairAsOfferer(codeOrQr) }

/**
 * The joining device's side of a pairing: [codeOrQr] is what the person typed (case,
 * spaces and dashes do not matter) or the QR string scanned. This device opens the
 * connection and sends first. Run it with [runPairing].
 */
suspend fun Reconnect.pairAsJoiner(codeOrQr: String): PairingSession =
    onIo { it.pairAsJoiner(codeOrQr) }

/**
 * A sync session with whichever paired device is on the other end. Use it to answer a
 * connection ([SyncRole.RESPONDER]; it answers both kinds of initiator), or to open one
 * when this device does not know which device will answer; prefer [syncSessionTo] when it
 * does. Run it with [runSync].
 */
suspend fun Reconnect.syncSession(role: SyncRole): SyncSession = onIo { it.syncSession(role) }

/**
 * The initiating side of a sync session with one paired device, chosen by its [deviceId]
 * (a [Peer.deviceId]): use it when this device opens the connection to a device it knows.
 * Its first frame already carries this device's news, so the sync settles a round trip
 * sooner than with [syncSession]; the other device answers with a [SyncRole.RESPONDER]
 * session. Run it with [runSync]. Fails with [ReconnectException.Sync] for an unknown
 * ([SyncFailure.UnknownPeer]) or revoked ([SyncFailure.RevokedPeer]) device.
 */
suspend fun Reconnect.syncSessionTo(deviceId: String): SyncSession = onIo { it.syncSessionTo(deviceId) }

/** Paired devices, revoked ones included ([Peer.revokedAt] set). */
suspend fun Reconnect.peers(): List<Peer> = onIo { it.peers() }

/**
 * Removes a paired device: later sessions with it are refused, and one running now ends
 * at its next message. Pairing again lifts it.
 */
suspend fun Reconnect.revokePeer(deviceId: String): Unit = onIo { it.revokePeer(deviceId) }

/** This device's public key (32 bytes); its device id derives from it. */
suspend fun Reconnect.devicePublicKey(): ByteArray = onIo { it.devicePublicKey() }

/** How a sync went. */
data class SyncResult(
    /** The device synced with. */
    val peer: Peer,
    /** Whether its changes reached this store (listeners were told). */
    val changed: Boolean,
    val stats: SessionStats,
)

/**
 * Runs a pairing session to its end over any transport: [send] delivers one whole frame
 * to the other device, [receive] returns the next whole frame from it. Returns the device
 * now paired. On failure the other device is told why (best-effort) and the exception,
 * usually [ReconnectException.Sync], is rethrown; close the connection then. The session
 * is closed afterwards either way.
 */
suspend fun Reconnect.runPairing(
    session: PairingSession,
    send: suspend (ByteArray) -> Unit,
    receive: suspend () -> ByteArray,
): Peer = session.use {
    drive(PairingFrames(it), send, receive)
    it.peer() ?: throw ReconnectException.Internal(detail = "a finished pairing named no device")
}

/**
 * Runs a sync session to its end over any transport, like [runPairing]. Each round the
 * other device sends is on disk before the reply goes out; after a failure, what was
 * saved stays.
 */
suspend fun Reconnect.runSync(
    session: SyncSession,
    send: suspend (ByteArray) -> Unit,
    receive: suspend () -> ByteArray,
): SyncResult = session.use {
    val changed = drive(SyncFrames(it), send, receive)
    val peer = it.peer() ?: throw ReconnectException.Internal(detail = "a finished sync named no device")
    SyncResult(peer = peer, changed = changed, stats = it.stats())
}

/**
 * Cuts a byte stream into whole frames for [runPairing] and [runSync]: [read] returns
 * the next bytes from the connection, or null once it is closed. A frame header that
 * announces too much fails with [ReconnectException.Sync] before anything is buffered.
 */
class FrameReader(private val read: suspend () -> ByteArray?) : AutoCloseable {
    private val decoder = FrameDecoder()
    private val ready = ArrayDeque<ByteArray>()

    /** The next whole frame; [EOFException] if the connection ends first. */
    suspend fun next(): ByteArray {
        while (ready.isEmpty()) {
            val bytes = read() ?: throw EOFException("the connection closed before the session ended")
            ready.addAll(decoder.push(bytes))
        }
        return ready.removeFirst()
    }

    override fun close() = decoder.close()
}

/** Either session, as the driver sees it. */
private interface Frames {
    fun start(): List<ByteArray>
    fun receive(frame: ByteArray): SyncStep
    fun closingFrame(): ByteArray?
    fun isDone(): Boolean
}

private class PairingFrames(private val s: PairingSession) : Frames {
    override fun start() = s.start()
    override fun receive(frame: ByteArray) = s.receive(frame)
    override fun closingFrame() = s.closingFrame()
    override fun isDone() = s.isDone()
}

private class SyncFrames(private val s: SyncSession) : Frames {
    override fun start() = s.start()
    override fun receive(frame: ByteArray) = s.receive(frame)
    override fun closingFrame() = s.closingFrame()
    override fun isDone() = s.isDone()
}

/** Sends what [start] gives, then answers every frame until the session is done. */
private suspend fun Reconnect.drive(
    session: Frames,
    send: suspend (ByteArray) -> Unit,
    receive: suspend () -> ByteArray,
): Boolean {
    var changed = false
    val first = step(session, send) { session.start() }
    first.forEach { send(it) }
    while (!session.isDone()) {
        val frame = receive()
        val reply = step(session, send) { session.receive(frame) }
        changed = changed || reply.changed
        reply.outgoing.forEach { send(it) }
        if (reply.done) break
    }
    return changed
}

/** One session call on [io]; if it throws, the closing frame goes out first (best-effort). */
private suspend fun <T> Reconnect.step(
    session: Frames,
    send: suspend (ByteArray) -> Unit,
    call: () -> T,
): T = try {
    onIoThread(call)
} catch (e: ReconnectException) {
    session.closingFrame()?.let { runCatching { send(it) } }
    throw e
}
