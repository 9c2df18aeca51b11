package app.reconnect.android.net

import android.content.Context
import android.net.nsd.NsdManager
import android.net.nsd.NsdServiceInfo
import app.reconnect.net.PeerAddress
import app.reconnect.net.PeerFinder
import app.reconnect.net.ServiceNames
import java.time.Instant
import kotlin.coroutines.resume
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withTimeoutOrNull

/**
 * Finds the person's paired devices on the local network with Android's network service
 * discovery, and advertises this device's sync server ([localPort]) to them. Names on the
 * network come from [ServiceNames]: a neutral type and a daily name only paired devices
 * can recognise.
 *
 * Advertising runs between [advertise] and [stopAdvertising] (while the app is in the
 * foreground, so the other devices can reach it). Discovery runs only while asked: during
 * each [find] (a sync, bounded in time) and between [start] and [stop]. Calls to [start]
 * nest; the last [stop] ends discovery.
 */
class NsdPeerFinder(
    context: Context,
    private val ownDeviceId: String,
    private val localPort: Int,
    private val clock: () -> Instant = Instant::now,
) : PeerFinder {
    private val nsd: NsdManager = requireNotNull(context.applicationContext.getSystemService(NsdManager::class.java)) {
        "network service discovery is not available"
    }
    private val lock = Any()
    private var users = 0
    private var registration: NsdManager.RegistrationListener? = null
    private var discovery: NsdManager.DiscoveryListener? = null

    /** Services of our type seen on the network now, by service name. */
    private val seen = MutableStateFlow<Map<String, NsdServiceInfo>>(emptyMap())

    /** Before Android 14 the system resolves one service at a time. */
    private val resolving = Mutex()

    /** Starts looking for the other devices, unless already looking. */
    fun start() = synchronized(lock) {
        if (users++ == 0) begin()
    }

    /** Undoes one [start]; the last one stops discovery. */
    fun stop() = synchronized(lock) {
        if (users > 0 && --users == 0) end()
    }

    /** Advertises this device's sync server under today's name, unless already on. */
    fun advertise() = synchronized(lock) {
        if (registration != null) return@synchronized
        val info = NsdServiceInfo().apply {
            serviceName = ServiceNames.current(ownDeviceId, clock())
            serviceType = ServiceNames.SERVICE_TYPE
            port = localPort
        }
        val registered = Registration()
        registration = registered
        try {
            nsd.registerService(info, NsdManager.PROTOCOL_DNS_SD, registered)
        } catch (e: RuntimeException) {
            // Refused by the system (e.g. too many requests): the others then cannot find us.
            registration = null
        }
    }

    /** Stops advertising this device. */
    fun stopAdvertising() = synchronized(lock) {
        registration?.let { runCatching { nsd.unregisterService(it) } }
        registration = null
    }

    override suspend fun find(deviceIds: Set<String>, within: Duration): Map<String, PeerAddress> {
        if (deviceIds.isEmpty()) return emptyMap()
        start()
        try {
            val names = deviceIds.associateWith { ServiceNames.candidates(it, clock()) }
            val found = mutableMapOf<String, PeerAddress>()
            withTimeoutOrNull(within) {
                seen.first { services ->
                    for ((id, candidates) in names) {
                        if (id in found) continue
                        val service = services.values.firstOrNull { it.serviceName in candidates } ?: continue
                        resolve(service)?.let { found[id] = it }
                    }
                    found.size == deviceIds.size
                }
            }
            return found.toMap()
        } finally {
            stop()
        }
    }

    private fun begin() {
        val discovering = Discovery(ownName = ServiceNames.current(ownDeviceId, clock()))
        discovery = discovering
        try {
            nsd.discoverServices(ServiceNames.SERVICE_TYPE, NsdManager.PROTOCOL_DNS_SD, discovering)
        } catch (e: RuntimeException) {
            // Refused by the system (e.g. too many requests); finding then finds nobody.
            end()
        }
    }

    private fun end() {
        discovery?.let { runCatching { nsd.stopServiceDiscovery(it) } }
        discovery = null
        seen.value = emptyMap()
    }

    /** Where [service] can be reached, or null if it could not be resolved. */
    private suspend fun resolve(service: NsdServiceInfo): PeerAddress? = resolving.withLock {
        repeat(RESOLVE_TRIES) {
            when (val outcome = resolveOnce(service)) {
                is Resolved.Address -> return@withLock outcome.address
                Resolved.Busy -> delay(RESOLVE_PAUSE)
                Resolved.Failed -> return@withLock null
            }
        }
        null
    }

    @Suppress("DEPRECATION") // resolveService and host: the calls that work from API 26 on.
    private suspend fun resolveOnce(service: NsdServiceInfo): Resolved = suspendCancellableCoroutine { cont ->
        val listener = object : NsdManager.ResolveListener {
            override fun onServiceResolved(info: NsdServiceInfo) {
                val host = info.host?.hostAddress
                val outcome = if (host != null && info.port in 1..65535) {
                    Resolved.Address(PeerAddress(host, info.port))
                } else {
                    Resolved.Failed
                }
                if (cont.isActive) cont.resume(outcome)
            }

            override fun onResolveFailed(info: NsdServiceInfo, errorCode: Int) {
                val outcome = if (errorCode == NsdManager.FAILURE_ALREADY_ACTIVE) Resolved.Busy else Resolved.Failed
                if (cont.isActive) cont.resume(outcome)
            }
        }
        try {
            nsd.resolveService(service, listener)
        } catch (e: RuntimeException) {
            if (cont.isActive) cont.resume(Resolved.Failed)
        }
    }

    private sealed interface Resolved {
        class Address(val address: PeerAddress) : Resolved
        data object Busy : Resolved
        data object Failed : Resolved
    }

    private class Registration : NsdManager.RegistrationListener {
        override fun onServiceRegistered(info: NsdServiceInfo) = Unit
        override fun onRegistrationFailed(info: NsdServiceInfo, errorCode: Int) = Unit
        override fun onServiceUnregistered(info: NsdServiceInfo) = Unit
        override fun onUnregistrationFailed(info: NsdServiceInfo, errorCode: Int) = Unit
    }

    /** Keeps [seen] current; our own service is left out. */
    private inner class Discovery(private val ownName: String) : NsdManager.DiscoveryListener {
        override fun onServiceFound(info: NsdServiceInfo) {
            if (info.serviceName != ownName) seen.update { it + (info.serviceName to info) }
        }

        override fun onServiceLost(info: NsdServiceInfo) {
            seen.update { it - info.serviceName }
        }

        override fun onDiscoveryStarted(serviceType: String) = Unit
        override fun onDiscoveryStopped(serviceType: String) = Unit
        override fun onStartDiscoveryFailed(serviceType: String, errorCode: Int) = Unit
        override fun onStopDiscoveryFailed(serviceType: String, errorCode: Int) = Unit
    }

    private companion object {
        const val RESOLVE_TRIES = 3
        val RESOLVE_PAUSE = 200.milliseconds
    }
}
