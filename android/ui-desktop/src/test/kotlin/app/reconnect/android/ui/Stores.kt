package app.reconnect.android.ui

import app.reconnect.Reconnect
import java.io.File
import java.nio.file.Files
import java.time.Instant
import java.time.ZoneId

/** Real stores in temporary folders, on a fixed clock so every run sees the same day. */
object Stores {
    private val ZONE: ZoneId = ZoneId.of("Europe/Berlin")

    /** 10:30 in Berlin on 14 March 2026. */
    private val MORNING: Instant = Instant.parse("2026-03-14T09:30:00Z")

    private fun key(seed: Int): ByteArray = ByteArray(32) { (it * 31 + seed).toByte() }

    fun open(name: String = "test phone", seed: Int = 1, now: Instant = MORNING): Reconnect {
        val dir: File = Files.createTempDirectory("reconnect-ui").toFile()
        Runtime.getRuntime().addShutdownHook(Thread { dir.deleteRecursively() })
        return Reconnect.open(dir, key(seed), deviceName = name, zone = ZONE, fixedNow = now)
    }

    /** Merges [from]'s whole document into [into], as a sync would. */
    suspend fun merge(from: Reconnect, into: Reconnect) {
        val document = from.onIo { it.saveDocument() }
        into.onIo { it.mergeDocument(document) }
    }
}
