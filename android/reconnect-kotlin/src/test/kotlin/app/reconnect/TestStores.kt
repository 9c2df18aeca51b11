package app.reconnect

import java.io.File
import java.time.Instant
import java.time.ZoneId

/** Shared fixtures: a fixed zone and clock so every test sees the same calendar day. */
internal object TestStores {
    val ZONE: ZoneId = ZoneId.of("Europe/Berlin")

    /** 10:30 in Berlin on 14 March 2026. */
    val MORNING: Instant = Instant.parse("2026-03-14T09:30:00Z")
    const val MORNING_DATE = "2026-03-14"

    /** The next morning, one local day later. */
    val NEXT_MORNING: Instant = Instant.parse("2026-03-15T09:30:00Z")
    const val NEXT_MORNING_DATE = "2026-03-15"

    fun key(seed: Int): ByteArray = ByteArray(32) { (it * 31 + seed).toByte() }

    fun open(dir: File, key: ByteArray = key(1), now: Instant = MORNING): Reconnect =
        Reconnect.open(dir, key, deviceName = "test phone", zone = ZONE, fixedNow = now)
}
