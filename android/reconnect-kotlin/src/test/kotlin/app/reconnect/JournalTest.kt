package app.reconnect

import app.reconnect.ffi.ChangeEvent
import app.reconnect.ffi.EntryEdit
import app.reconnect.ffi.EntryInput
import app.reconnect.ffi.EntryKind
import app.reconnect.ffi.EntryLink
import app.reconnect.ffi.JournalFilter
import app.reconnect.ffi.OpenOptions
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.ReconnectStore
import java.io.File
import java.time.Duration
import java.time.Instant
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import kotlin.coroutines.CoroutineContext
import kotlin.math.pow
import kotlin.math.roundToInt
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** The journal and progress through the Kotlin wrapper, against the host build of the core. */
class JournalTest {
    @TempDir
    lateinit var dir: File

    private fun entry(
        title: String,
        body: String,
        tags: List<String> = emptyList(),
        kind: EntryKind = EntryKind.ENTRY,
        coolOffHours: UInt? = null,
    ) = EntryInput(kind = kind, title = title, body = body, tags = tags, link = null, coolOffHours = coolOffHours)

    @Test
    fun `entries are added, searched, filtered by tag and deleted`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            val walk = store.journalAdd(entry("A long walk", "Walked to the lake, felt calmer.", listOf(" Growth", "#calm")))
            assertEquals(listOf("calm", "growth"), walk.tags)
            assertEquals(TestStores.MORNING, walk.createdAt)
            assertFalse(walk.hasConflict)
            val talk = store.journalAdd(entry("Saturday", "Thought about how we used to talk.", listOf("growth")))

            assertEquals(listOf(walk.id), store.journalSearch("LAKE calmer").map { it.id })
            assertEquals(listOf(talk.id), store.journalSearch("talk").map { it.id })
            assertEquals(emptyList<String>(), store.journalSearch("lake saturday").map { it.id })
            assertEquals(1, store.journalSearch("ed", limit = 1).size)
            assertEquals(setOf(walk.id, talk.id), store.journalList(JournalFilter(tag = "#Growth")).map { it.id }.toSet())
            assertEquals(listOf(walk.id), store.journalList(JournalFilter(tag = "calm")).map { it.id })
            assertEquals(walk, store.journalGet(walk.id))

            val edited = store.journalEdit(walk.id, EntryEdit(body = "Walked to the lake again."))
            assertEquals("A long walk", edited.title)
            assertTrue(store.journalSearch("calmer").isEmpty())

            store.journalDelete(talk.id)
            assertNull(store.journalGet(talk.id))
            assertEquals(listOf(walk.id), store.journalList().map { it.id })
            assertThrows<ReconnectException.InvalidInput> { runBlocking { store.journalDelete(talk.id) } }
        }
    }

    @Test
    fun `an entry can start from a growth prompt`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            val prompt = store.growthPrompts().first()
            val started = store.journalEntryFromPrompt(prompt.key)
            assertEquals(prompt.text, started.title)
            assertEquals(EntryLink.Prompt(key = prompt.key), started.link)
            val saved = store.journalAdd(started.copy(body = "Patience, mostly."))
            assertEquals(EntryLink.Prompt(key = prompt.key), saved.link)
        }
    }

    @Test
    fun `a letter is refused while cooling off and accepted later`() = runBlocking<Unit> {
        val key = TestStores.key(2)
        val letter = TestStores.open(dir, key).use { store ->
            val letter = store.journalAdd(entry("To you", "I hope you are well.", kind = EntryKind.LETTER, coolOffHours = 24u))
            assertEquals(TestStores.MORNING.plus(Duration.ofHours(24)), letter.readyAfter)
            val refused = assertThrows<ReconnectException.InvalidInput> { runBlocking { store.letterMarkReady(letter.id) } }
            assertTrue(refused.detail.contains("cooling off"), refused.detail)
            assertNull(store.journalGet(letter.id)?.markedReadyAt)
            letter
        }
        val later = TestStores.NEXT_MORNING.plus(Duration.ofMinutes(1))
        TestStores.open(dir, key, now = later).use { store ->
            assertEquals(later, store.letterMarkReady(letter.id).markedReadyAt)
            assertEquals(listOf(letter.id), store.journalList(JournalFilter(kind = EntryKind.LETTER)).map { it.id })
        }
    }

    @Test
    fun `bad input is InvalidInput and writes nothing`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            val bad = listOf(
                entry("", "  "),
                entry("two\nlines", "text"),
                entry("Tags", "text", tags = listOf(" ")),
                entry("Cool-off", "only letters", coolOffHours = 24u),
                entry("Link", "text").copy(link = EntryLink.Step(number = 12u)),
            )
            for (input in bad) {
                val error = assertThrows<ReconnectException.InvalidInput> { runBlocking { store.journalAdd(input) } }
                assertTrue(error.detail.isNotBlank())
                assertTrue(userMessage(error).isNotBlank())
            }
            assertThrows<ReconnectException.InvalidInput> { runBlocking { store.journalSearch("x".repeat(501)) } }
            assertThrows<ReconnectException.InvalidInput> { runBlocking { store.journalSearch("x", limit = -1) } }
            assertThrows<ReconnectException.InvalidInput> {
                runBlocking { store.journalEdit("no-such-id", EntryEdit(removeLink = true, link = EntryLink.Step(number = 4u))) }
            }
            assertTrue(store.journalList().isEmpty())
        }
    }

    @Test
    fun `a journal change reaches the changes flow`() = runBlocking<Unit> {
        TestStores.open(dir).use { store ->
            val received = Channel<ChangeEvent>(Channel.UNLIMITED)
            // Unconfined starts collecting, and so subscribes, before launch returns.
            val collector = launch(Dispatchers.Unconfined) { store.changes.collect { received.send(it) } }
            val added = store.journalAdd(entry("Ping", "pong"))
            assertEquals(ChangeEvent.JournalChanged(id = added.id), withTimeout(5_000) { received.receive() })
            store.journalDelete(added.id)
            assertEquals(ChangeEvent.JournalChanged(id = added.id), withTimeout(5_000) { received.receive() })
            collector.cancelAndJoin()
        }
    }

    @Test
    fun `progress follows the forgiving strength formula`() = runBlocking<Unit> {
        val key = TestStores.key(4)
        // Check-ins at 10:30 Berlin on 14, 15 and 16 March.
        for ((day, mood) in listOf(14 to 2, 15 to 3, 16 to 4)) {
            val now = Instant.parse("2026-03-${day}T09:30:00Z")
            TestStores.open(dir, key, now = now).use { it.checkIn(mood = mood, urge = 3, contact = null, note = null) }
        }
        TestStores.open(dir, key, now = Instant.parse("2026-03-16T20:00:00Z")).use { store ->
            val view = store.progress()
            val expected = 100 * (1 - 0.85.pow(3))
            assertEquals(expected, view.strengthExact, 1e-9)
            assertEquals(39, view.strength.toInt())
            assertEquals(3u, view.daysCheckedIn)
            assertEquals("2026-03-14", view.since)
            assertNull(view.moodTrend.slopePerWeek, "fewer than five check-ins give no slope")
            // 14 and 15 March fall in the week of Monday 9 March; the 16th starts a new week.
            val (previous, current) = view.weeklyMoods.takeLast(2)
            assertEquals("2026-03-09", previous.weekStart)
            assertEquals(2.5, previous.average)
            assertEquals("2026-03-16", current.weekStart)
            assertEquals(4.0, current.average)
            assertEquals(8, view.weeklyMoods.size)
        }
        // Two days later, 18 March: the 17th was missed, the 18th is not over yet.
        TestStores.open(dir, key, now = Instant.parse("2026-03-18T09:30:00Z")).use { store ->
            val view = store.progress()
            val expected = 100 * (1 - 0.85.pow(3)) * 0.93
            assertEquals(expected, view.strengthExact, 1e-9)
            assertEquals(expected.roundToInt(), view.strength.toInt())
            assertEquals(36, view.strength.toInt())
        }
    }

    @Test
    fun `journal calls run on the IO dispatcher and fail with Closed after close`() {
        val executor = Executors.newSingleThreadExecutor { Thread(it, "reconnect-io-test") }
        val pool = executor.asCoroutineDispatcher()
        val dispatched = AtomicInteger()
        val io = object : CoroutineDispatcher() {
            override fun dispatch(context: CoroutineContext, block: Runnable) {
                dispatched.incrementAndGet()
                pool.dispatch(context, block)
            }
        }
        val options = OpenOptions(
            dataDir = dir.absolutePath,
            key = TestStores.key(1),
            deviceName = "test phone",
            timeZone = TestStores.ZONE.id,
            fixedNow = TestStores.MORNING.toString(),
        )
        try {
            val store = Reconnect(ReconnectStore.open(options), io)
            store.use {
                runBlocking {
                    it.journalAdd(entry("On IO", "yes"))
                    it.journalSearch("io")
                    it.progress()
                }
            }
            assertTrue(dispatched.get() >= 3, "dispatched ${dispatched.get()} times")
            assertThrows<ReconnectException.Closed> { runBlocking { store.journalList() } }
            assertThrows<ReconnectException.Closed> { runBlocking { store.progress() } }
        } finally {
            pool.close()
        }
    }
}
