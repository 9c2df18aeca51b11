package app.reconnect

import app.reconnect.ffi.ChangeEvent
import app.reconnect.ffi.ChangeListener
import app.reconnect.ffi.CheckIn
import app.reconnect.ffi.CheckInInput
import app.reconnect.ffi.Choice
import app.reconnect.ffi.ChoiceList
import app.reconnect.ffi.CommandResult
import app.reconnect.ffi.ContactMedium
import app.reconnect.ffi.OpenOptions
import app.reconnect.ffi.PreCheckContent
import app.reconnect.ffi.ProgramCommand
import app.reconnect.ffi.ProgramView
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.ReconnectStore
import app.reconnect.ffi.StepContent
import app.reconnect.ffi.TodayView
import java.io.File
import java.time.Instant
import java.time.ZoneId
import java.util.concurrent.atomic.AtomicBoolean
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.withContext

/**
 * The app's handle on its private store: Kotlin types in, the core's records out, and
 * changes as a [Flow]. The check-in calls may block on disk, so call them off the main
 * thread; the program, journal, progress and reminder calls are `suspend` and move to
 * [io] themselves (see `Journal.kt`, `Reminders.kt`, and `Sync.kt` for pairing and
 * sync).
 * Made with [open]; the constructor is internal so tests can pass in a store double.
 */
class Reconnect internal constructor(
    private val store: ReconnectStore,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) : CheckInRecorder, AutoCloseable {
    private val closed = AtomicBoolean(false)

    /** Completes when the store closes, which ends every [changes] collection. */
    private val lifetime = Job()

    /**
     * Every change after it is safely on disk. Subscribes when collected and unsubscribes
     * when the collector is cancelled; completes when the store is closed.
     */
    val changes: Flow<ChangeEvent> = callbackFlow {
        val listener = object : ChangeListener {
            override fun onChange(event: ChangeEvent) {
                trySend(event)
            }
        }
        val handle = withStore { it.subscribe(listener) }
        val watcher = lifetime.invokeOnCompletion { channel.close() }
        awaitClose {
            watcher.dispose()
            handle.cancel()
            handle.close()
        }
    }.buffer(Channel.UNLIMITED)

    /**
     * Records today's check-in, or updates it. [contact] and [note] left null keep the
     * day's earlier values. Out-of-range values arrive as [ReconnectException.InvalidInput].
     */
    override fun checkIn(mood: Int, urge: Int, contact: ContactMedium?, note: String?): CheckIn {
        val input = CheckInInput(
            mood = mood.toByteField("mood"),
            urge = urge.toByteField("urge to contact"),
            contact = contact,
            note = note,
        )
        return withStore { it.checkIn(input) }
    }

    /** Whether today has a check-in yet, and the running count of days checked in. */
    fun today(): TodayView = withStore { it.today() }

    /** Check-ins, newest first; at most [limit] when given. */
    fun history(limit: Int? = null): List<CheckIn> {
        val bound = limit?.let {
            if (it < 0) throw ReconnectException.InvalidInput(detail = "a history limit cannot be negative")
            it.toUInt()
        }
        return withStore { it.history(bound) }
    }

    /**
     * The program as it stands now: phases, steps and why they are locked, what to do
     * next, advice, the contact ladder, safety and support, and everything recorded.
     */
    suspend fun program(): ProgramView = withContext(io) { withStore { it.program() } }

    /**
     * Records one program command if the program's rules allow it now, and returns the
     * new view with the id of any record it created. Nothing changes when it throws:
     * [ReconnectException.Refused] names the rule (show it with [userMessage]),
     * [ReconnectException.InvalidInput] the value, e.g. a date that is not YYYY-MM-DD.
     */
    suspend fun programCommand(command: ProgramCommand): CommandResult =
        withContext(io) { withStore { it.programCommand(command) } }

    /** Title, explanation and prompts of step [number] (1–11); null for other numbers. */
    fun stepContent(number: Int): StepContent? =
        if (number in 1..255) withStore { it.programStep(number.toUByte()) } else null

    /** The questions of the self-check before step 1, answered by their codes. */
    fun preCheckContent(): PreCheckContent = withStore { it.preCheckContent() }

    /** The codes a command takes (reason kinds, readiness items, …) with their labels. */
    fun choices(list: ChoiceList): List<Choice> = withStore { it.contentChoices(list) }

    /** Any program text by its key, e.g. `step.4.explanation`; null for unknown keys. */
    fun text(key: String): String? = withStore { it.contentText(key) }

    /** Tells the core which zone the device is in now, e.g. after travel. */
    fun setTimeZone(zone: ZoneId) = withStore { it.setTimeZone(zone.id) }

    /** The hour (0–23) at which a new day starts for check-ins. */
    fun dayStartHour(): Int = withStore { it.dayStartHour().toInt() }

    /** This device's stable id, as the user's other devices know it. */
    fun deviceId(): String = withStore { it.deviceId() }

    /**
     * Closes the store, then deletes every file of it; returns the paths removed. Every
     * [changes] collection ends and later calls fail with [ReconnectException.Closed].
     * Delete the key from the keystore afterwards. If another call is still running, this
     * fails with [ReconnectException.InUse] and nothing is deleted.
     */
    suspend fun wipe(): List<String> {
        val removed = onIo { it.wipe() }
        close()
        return removed
    }

    /** Closes the store and ends every [changes] collection. Safe to call twice. */
    override fun close() {
        if (!closed.compareAndSet(false, true)) return
        lifetime.complete()
        try {
            store.closeStore()
        } finally {
            store.close()
        }
    }

    /** Runs one store call on [io]; the journal, progress and reminder calls go through it. */
    internal suspend fun <T> onIo(call: (ReconnectStore) -> T): T = withContext(io) { withStore(call) }

    /** Runs a call that may block on disk, e.g. one step of a sync session, on [io]. */
    internal suspend fun <T> onIoThread(call: () -> T): T = withContext(io) { call() }

    /** Runs one quick store call on the caller's thread (static content, no disk). */
    internal fun <T> now(call: (ReconnectStore) -> T): T = withStore(call)

    private inline fun <T> withStore(call: (ReconnectStore) -> T): T {
        if (closed.get()) throw closedError()
        return try {
            call(store)
        } catch (e: IllegalStateException) {
            // The handle was released by a close() racing with this call.
            if (closed.get()) throw closedError() else throw e
        }
    }

    private fun closedError() = ReconnectException.Closed()

    private fun Int.toByteField(name: String): UByte {
        if (this !in 0..255) throw ReconnectException.InvalidInput(detail = "$name $this is out of range")
        return toUByte()
    }

    companion object {
        /**
         * Opens the store in [dataDir], creating it on first use.
         *
         * @param key 32 bytes kept by the platform keystore; another key fails with
         *   [ReconnectException.WrongKey].
         * @param deviceName shown to the user's other devices.
         * @param zone the zone the device is in now; days are counted in it.
         * @param fixedNow a fixed clock for tests and demos; null uses the real one.
         */
        fun open(
            dataDir: File,
            key: ByteArray,
            deviceName: String,
            zone: ZoneId = ZoneId.systemDefault(),
            fixedNow: Instant? = null,
        ): Reconnect {
            val options = OpenOptions(
                dataDir = dataDir.absolutePath,
                key = key,
                deviceName = deviceName,
                timeZone = zone.id,
                fixedNow = fixedNow?.toString(),
            )
            return Reconnect(ReconnectStore.open(options))
        }
    }
}
