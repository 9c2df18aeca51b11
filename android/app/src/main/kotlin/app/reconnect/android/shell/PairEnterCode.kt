package app.reconnect.android.shell

import app.reconnect.Reconnect
import app.reconnect.android.net.NsdPairing
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.pairingRendezvous
import app.reconnect.net.TransportException
import app.reconnect.net.pairJoin
import app.reconnect.net.syncErrorMessage
import app.reconnect.screens.ShellTaskFailed
import app.reconnect.userMessage
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * "Enter a code" on the joining device: finds the device showing that code on the local
 * network by the name the code derives, then pairs with it.
 */
class PairEnterCode(
    private val store: Reconnect,
    private val nsd: NsdPairing,
    private val findWithin: Duration = 20.seconds,
) {
    suspend fun run(values: Map<String, String>): String {
        val code = values["code"]?.trim().orEmpty()
        if (code.isEmpty()) throw ShellTaskFailed("Type the code your other device shows.")
        val name = try {
            pairingRendezvous(code)
        } catch (e: ReconnectException) {
            throw ShellTaskFailed(userMessage(e), e)
        }
        val address = nsd.find(name, findWithin) ?: throw ShellTaskFailed(NOT_FOUND)
        val peer = try {
            store.pairJoin(address.host, address.port, code)
        } catch (e: ReconnectException) {
            throw ShellTaskFailed(syncErrorMessage(e), e)
        } catch (e: TransportException) {
            throw ShellTaskFailed(syncErrorMessage(e), e)
        }
        return "Paired with ${peer.name}."
    }

    private companion object {
        const val NOT_FOUND = "No device showing that code was found. Check that both devices are on the " +
            "same Wi-Fi and the code is still showing on the other one, then try again."
    }
}
