package app.reconnect.android.net

import android.content.Context
import android.net.nsd.NsdManager
import android.net.nsd.NsdServiceInfo
import app.reconnect.net.PeerAddress
import kotlin.coroutines.resume
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.delay
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.withTimeoutOrNull

/**
 * Meeting for a pairing on the local network: the device showing a code advertises its
 * pairing port under the code's rendezvous name (`pairingRendezvous`), and the device the
 * code was typed into looks for that name. The name says nothing without the code, and
 * the service type is neutral, like the sync service's.
 */
class NsdPairing(context: Context) {
    private val app = context.applicationContext

    /** Null where the system offers no NSD; looked up when first needed. */
    private val nsd: NsdManager? by lazy {
        try {
            app.getSystemService(NsdManager::class.java)
        } catch (e: RuntimeException) {
            null
        } catch (e: LinkageError) {
            null
        }
    }

    /**
     * Advertises [port] as [name] until the result is closed. Fails with
     * [IllegalStateException] when the system refuses at once; a later failure means only
     * that the other device will not find this one.
     */
    fun advertise(name: String, port: Int): AutoCloseable {
        val manager = nsd ?: throw IllegalStateException("network service discovery is not available")
        val info = NsdServiceInfo().apply {
            serviceName = name
            serviceType = SERVICE_TYPE
            setPort(port)
        }
        val listener = object : NsdManager.RegistrationListener {
            override fun onServiceRegistered(info: NsdServiceInfo) = Unit
            override fun onRegistrationFailed(info: NsdServiceInfo, errorCode: Int) = Unit
            override fun onServiceUnregistered(info: NsdServiceInfo) = Unit
            override fun onUnregistrationFailed(info: NsdServiceInfo, errorCode: Int) = Unit
        }
        try {
            manager.registerService(info, NsdManager.PROTOCOL_DNS_SD, listener)
        } catch (e: RuntimeException) {
            throw IllegalStateException("the pairing service could not be registered", e)
        }
        return AutoCloseable { runCatching { manager.unregisterService(listener) } }
    }

    /** Where the service called [name] listens, looked for at most [within]; null when not found. */
    suspend fun find(name: String, within: Duration): PeerAddress? {
        val manager = nsd ?: return null
        return withTimeoutOrNull(within) {
            var address: PeerAddress? = null
            while (address == null) {
                val service = discover(manager, name) ?: break
                address = resolve(manager, service)
                if (address == null) delay(RETRY_PAUSE)
            }
            address
        }
    }

    /** The first service called [name] seen; null when discovery could not start. */
    private suspend fun discover(manager: NsdManager, name: String): NsdServiceInfo? {
        val found = CompletableDeferred<NsdServiceInfo?>()
        val listener = object : NsdManager.DiscoveryListener {
            override fun onServiceFound(info: NsdServiceInfo) {
                if (info.serviceName == name) found.complete(info)
            }

            override fun onStartDiscoveryFailed(serviceType: String, errorCode: Int) {
                found.complete(null)
            }

            override fun onServiceLost(info: NsdServiceInfo) = Unit
            override fun onDiscoveryStarted(serviceType: String) = Unit
            override fun onDiscoveryStopped(serviceType: String) = Unit
            override fun onStopDiscoveryFailed(serviceType: String, errorCode: Int) = Unit
        }
        try {
            manager.discoverServices(SERVICE_TYPE, NsdManager.PROTOCOL_DNS_SD, listener)
        } catch (e: RuntimeException) {
            return null
        }
        try {
            return found.await()
        } finally {
            runCatching { manager.stopServiceDiscovery(listener) }
        }
    }

    @Suppress("DEPRECATION") // resolveService and host: the calls that work from API 26 on.
    private suspend fun resolve(manager: NsdManager, service: NsdServiceInfo): PeerAddress? =
        suspendCancellableCoroutine { cont ->
            val listener = object : NsdManager.ResolveListener {
                override fun onServiceResolved(info: NsdServiceInfo) {
                    val host = info.host?.hostAddress
                    val address = if (host != null && info.port in 1..65535) PeerAddress(host, info.port) else null
                    if (cont.isActive) cont.resume(address)
                }

                override fun onResolveFailed(info: NsdServiceInfo, errorCode: Int) {
                    if (cont.isActive) cont.resume(null)
                }
            }
            try {
                manager.resolveService(service, listener)
            } catch (e: RuntimeException) {
                if (cont.isActive) cont.resume(null)
            }
        }

    companion object {
        /** The DNS-SD type a device offering pairing registers. */
        const val SERVICE_TYPE = "_rcpair._tcp"
        private val RETRY_PAUSE = 300.milliseconds
    }
}
