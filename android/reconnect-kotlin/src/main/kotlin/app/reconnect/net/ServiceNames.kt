package app.reconnect.net

import java.security.MessageDigest
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset

/**
 * What a device calls itself on the local network. Anyone on the same network sees these
 * names, so they say nothing about the app or the person: a neutral service type, and a
 * name derived from the device id and the day. Only the person's paired devices know the
 * id, so only they can tell which name is whose, and the name changes daily, so it cannot
 * follow a device from network to network over time.
 */
object ServiceNames {
    /** The DNS-SD service type every device registers and looks for. */
    const val SERVICE_TYPE = "_rcsync._tcp"

    /** The name [deviceId] uses on [day] (a UTC day, so both devices agree on it). */
    fun forDevice(deviceId: String, day: LocalDate): String {
        val digest = MessageDigest.getInstance("SHA-256")
            .digest("rcsync-service-name\u0000$deviceId\u0000$day".toByteArray(Charsets.UTF_8))
        return digest.take(NAME_BYTES).joinToString("") { "%02x".format(it) }
    }

    /** The name [deviceId] registers at [now]. */
    fun current(deviceId: String, now: Instant): String = forDevice(deviceId, utcDay(now))

    /**
     * The names [deviceId] may be using around [now]: yesterday's, today's and tomorrow's,
     * for clocks a little apart and devices that registered before midnight.
     */
    fun candidates(deviceId: String, now: Instant): Set<String> {
        val today = utcDay(now)
        return setOf(today.minusDays(1), today, today.plusDays(1)).map { forDevice(deviceId, it) }.toSet()
    }

    private fun utcDay(now: Instant): LocalDate = now.atOffset(ZoneOffset.UTC).toLocalDate()

    private const val NAME_BYTES = 8
}
