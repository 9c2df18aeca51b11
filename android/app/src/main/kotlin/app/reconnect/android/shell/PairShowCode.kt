package app.reconnect.android.shell

import app.reconnect.Reconnect
import app.reconnect.android.net.NsdPairing
import app.reconnect.android.ui.PairingCode
import app.reconnect.ffi.Peer
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.pairingQrMatrix
import app.reconnect.ffi.pairingRendezvous
import app.reconnect.net.TransportException
import app.reconnect.net.pairOffer
import app.reconnect.net.syncErrorMessage
import app.reconnect.pairingOffer
import app.reconnect.screens.ShellTaskFailed
import java.time.Instant
import kotlin.time.Duration
import kotlin.time.toKotlinDuration
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.selects.select

/**
 * "Pair a new device" on the device showing the code: makes a one-time offer, listens for
 * the other device on a free port, advertises that port under a name only the code can
 * derive, and shows the code and its QR code until a device has paired, the person
 * cancels, or the offer runs out.
 */
class PairShowCode(
    private val store: Reconnect,
    private val nsd: NsdPairing,
    private val sheet: PairingSheetHolder,
    private val clock: () -> Instant = Instant::now,
) {
    suspend fun run(): String = try {
        val peer = offerAndWait()
        if (peer == null) CANCELLED else "Paired with ${peer.name}."
    } catch (e: ReconnectException) {
        throw ShellTaskFailed(syncErrorMessage(e), e)
    } catch (e: TransportException) {
        throw ShellTaskFailed(syncErrorMessage(e), e)
    } catch (e: IllegalStateException) {
        throw ShellTaskFailed(NOT_ANNOUNCED, e)
    }

    /** The device that paired, or null when the person cancelled. */
    private suspend fun offerAndWait(): Peer? {
        val offer = store.pairingOffer()
        store.pairOffer(offer.code).use { listener ->
            nsd.advertise(pairingRendezvous(offer.code), listener.port).use {
                // Without a QR code the typed code still works.
                val qr = try {
                    pairingQrMatrix(offer.qr)
                } catch (e: ReconnectException) {
                    null
                }
                val cancelled = sheet.show(PairingCode(offer.code, qr, offer.expiresAt))
                try {
                    val wait = java.time.Duration.between(clock(), offer.expiresAt).toKotlinDuration()
                    return coroutineScope {
                        val joined = async { listener.awaitPeer(wait.coerceAtLeast(Duration.ZERO)) }
                        select {
                            joined.onAwait { it }
                            cancelled.onAwait {
                                joined.cancel()
                                null
                            }
                        }
                    }
                } finally {
                    sheet.hide()
                }
            }
        }
    }

    private companion object {
        const val NOT_ANNOUNCED = "This phone couldn't show the code on the local network just now. " +
            "Check that Wi-Fi is on, then try again."
        const val CANCELLED = "No device was paired. You can make a new code whenever you like."
    }
}
