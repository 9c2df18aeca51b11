package app.reconnect

import app.reconnect.ffi.ChangeEvent
import app.reconnect.ffi.ChangeListener
import app.reconnect.ffi.ListenerHandle
import app.reconnect.ffi.NoHandle
import app.reconnect.ffi.ReconnectStore
import java.io.File
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** The changes Flow subscribes on collect, delivers events, and unsubscribes on cancel. */
class ChangesFlowTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `emits CheckInRecorded after a check-in and nothing after cancel`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            val received = Channel<ChangeEvent>(Channel.UNLIMITED)
            // Unconfined starts collecting, and so subscribes, before launch returns.
            val collector = launch(Dispatchers.Unconfined) {
                store.changes.collect { received.send(it) }
            }

            store.checkIn(mood = 3, urge = 4)
            val event = withTimeout(5_000) { received.receive() }
            assertEquals(ChangeEvent.CheckInRecorded(TestStores.MORNING_DATE), event)

            collector.cancelAndJoin()
            assertTrue(collector.isCancelled)

            // A second collection proves the store still announces the next check-in.
            val stillListening = Channel<ChangeEvent>(Channel.UNLIMITED)
            val probe = launch(Dispatchers.Unconfined) {
                store.changes.collect { stillListening.send(it) }
            }
            store.checkIn(mood = 4, urge = 2)
            assertEquals(
                ChangeEvent.CheckInRecorded(TestStores.MORNING_DATE),
                withTimeout(5_000) { stillListening.receive() },
            )
            probe.cancelAndJoin()

            assertTrue(received.tryReceive().isFailure, "the cancelled flow received an event")
        }
    }

    @Test
    fun `collection ends when the store is closed`() = runBlocking<Unit> {
        val store = TestStores.open(dir)
        val collector = launch(Dispatchers.Unconfined) { store.changes.collect { } }
        assertTrue(collector.isActive)

        store.close()
        withTimeout(5_000) { collector.join() }
        assertTrue(collector.isCompleted && !collector.isCancelled)
    }

    @Test
    fun `cancelling the collector cancels and releases the listener handle`() = runBlocking<Unit> {
        val handle = RecordingHandle()
        val store = Reconnect(FakeStore(handle))

        val collector = launch(Dispatchers.Unconfined) { store.changes.collect { } }
        assertEquals(0, handle.cancels.get())

        collector.cancelAndJoin()
        assertEquals(1, handle.cancels.get())
        assertEquals(1, handle.closes.get())
    }

    /** A handle with no Rust object behind it that counts how it is released. */
    private class RecordingHandle : ListenerHandle(NoHandle) {
        val cancels = AtomicInteger()
        val closes = AtomicInteger()

        override fun cancel() {
            cancels.incrementAndGet()
        }

        override fun close() {
            closes.incrementAndGet()
            super.close()
        }
    }

    /** A store with no Rust object behind it whose only job is to hand out [subscription]. */
    private class FakeStore(private val subscription: ListenerHandle) : ReconnectStore(NoHandle) {
        override fun subscribe(listener: ChangeListener): ListenerHandle = subscription
    }
}
