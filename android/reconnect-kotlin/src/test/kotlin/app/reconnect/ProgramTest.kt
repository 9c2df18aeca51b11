package app.reconnect

import app.reconnect.ffi.Answer
import app.reconnect.ffi.ChoiceList
import app.reconnect.ffi.ContactMedium
import app.reconnect.ffi.EndedBy
import app.reconnect.ffi.LockReason
import app.reconnect.ffi.NextAction
import app.reconnect.ffi.OpenOptions
import app.reconnect.ffi.Outcome
import app.reconnect.ffi.ProgramCommand
import app.reconnect.ffi.ProgramView
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.ReconnectStore
import app.reconnect.ffi.RefusalReason
import app.reconnect.ffi.Reply
import app.reconnect.ffi.ScreeningAnswer
import app.reconnect.ffi.ScreeningReply
import app.reconnect.ffi.StepState
import app.reconnect.ffi.StepView
import java.io.File
import java.time.Instant
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** The 11-step program through the Kotlin wrapper, against the host build of the core. */
class ProgramTest {
    @TempDir
    lateinit var dir: File

    private fun ProgramView.step(number: Int): StepView = steps.first { it.number.toInt() == number }

    private fun Reconnect.screening(answer: ScreeningAnswer = ScreeningAnswer.NO) =
        choices(ChoiceList.SCREENING_QUESTIONS).map { ScreeningReply(code = it.code, answer = answer) }

    private fun Reconnect.favourablePreCheck() = ProgramCommand.AnswerPreCheck(
        answers = preCheckContent().questions.map { Answer(code = it.code, value = it.favourableAnswer) },
        pastCycles = 0u,
        screening = screening(),
    )

    private fun Reconnect.readinessPassed() = ProgramCommand.TakeReadinessCheck(
        answers = choices(ChoiceList.READINESS_ITEMS).map { Answer(code = it.code, value = true) },
    )

    private fun attempt(medium: ContactMedium, skipAhead: Boolean = false) = ProgramCommand.LogAttempt(
        medium = medium,
        on = null,
        reply = Reply.WARM,
        note = null,
        skipAhead = skipAhead,
    )

    /** Pre-check, steps 1–3 with a no-contact period that ended before today (2026-03-14). */
    private suspend fun Reconnect.reachStepFour(): ProgramView {
        programCommand(favourablePreCheck())
        programCommand(ProgramCommand.AddReason(text = "We stopped listening", kind = "communication"))
        programCommand(ProgramCommand.SetEndedBy(endedBy = EndedBy.ME))
        programCommand(ProgramCommand.AddMistake(text = "I argued about politics", plan = "Agree to disagree"))
        programCommand(ProgramCommand.SetNoContact(start = "2025-12-01", end = "2026-03-01"))
        return programCommand(readinessPassed()).view
    }

    @Test
    fun `happy path from the pre-check to step 4 and a first warm reply`() = runBlocking {
        val key = TestStores.key(3)
        val final = TestStores.open(dir, key).use { store ->
            val fresh = store.program()
            assertEquals(TestStores.MORNING_DATE, fresh.today)
            assertEquals(0.toUByte(), fresh.currentStep)
            assertEquals(NextAction.AnswerPreCheck, fresh.nextActions.first())
            assertEquals(listOf(LockReason.PreCheckFirst), fresh.step(1).lockedBecause)

            val afterPreCheck = store.programCommand(store.favourablePreCheck()).view
            assertTrue(afterPreCheck.preCheckDone)
            assertEquals(1.toUByte(), afterPreCheck.currentStep)

            val reason = store.programCommand(
                ProgramCommand.AddReason(text = "We stopped listening", kind = "communication"),
            )
            assertEquals(reason.createdId, reason.view.records.reasons.single().id)

            val view = store.reachStepFour()
            assertEquals(StepState.DONE, view.step(1).state)
            assertEquals(StepState.DONE, view.step(2).state)
            assertEquals(StepState.DONE, view.step(3).state)
            assertEquals(StepState.AVAILABLE, view.step(4).state)
            assertEquals(4.toUByte(), view.currentStep)
            assertEquals(2.toUByte(), view.phase)
            assertTrue(NextAction.ReachOut(rung = 1u, medium = ContactMedium.SOCIAL_MEDIA) in view.nextActions)

            val logged = store.programCommand(attempt(ContactMedium.SOCIAL_MEDIA))
            val recorded = logged.view.records.attempts.single()
            assertEquals(logged.createdId, recorded.id)
            assertEquals(TestStores.MORNING_DATE, recorded.on)
            assertEquals(Reply.WARM, recorded.reply)
            assertEquals(StepState.DONE, logged.view.step(4).state)
            assertEquals(ContactMedium.TEXT, logged.view.ladder.highestOpenMedium)
            assertEquals(TestStores.MORNING, logged.view.now)
            logged.view
        }

        TestStores.open(dir, key).use { reopened -> assertEquals(final, reopened.program()) }
    }

    @Test
    fun `skipping a rung is refused with a typed reason and changes nothing`() = runBlocking {
        TestStores.open(dir).use { store ->
            store.reachStepFour()
            val before = store.program()

            val refused = assertThrows<ReconnectException.Refused> {
                runBlocking { store.programCommand(attempt(ContactMedium.VIDEO)) }
            }
            assertEquals(
                RefusalReason.LadderSkip(medium = ContactMedium.VIDEO, openMedium = ContactMedium.SOCIAL_MEDIA),
                refused.reason,
            )
            assertTrue(refused.detail.isNotBlank())
            assertEquals(before, store.program())

            val words = userMessage(refused)
            assertTrue(words.contains("social media"), words)
            assertTrue(words.contains("a video call"), words)
            assertFalse(words.contains("reason="), words)

            val skipped = store.programCommand(attempt(ContactMedium.VIDEO, skipAhead = true)).view
            assertTrue(skipped.records.attempts.single().skippedAhead)
        }
    }

    @Test
    fun `a safety flag locks contact, shows support and refuses contact commands`() = runBlocking {
        TestStores.open(dir).use { store ->
            store.reachStepFour()
            val view = store.programCommand(ProgramCommand.FlagSafety(signs = listOf("monitoring"))).view
            val safety = checkNotNull(view.safety) { "the view shows support" }
            assertTrue(safety.resources.isNotEmpty())
            assertEquals(NextAction.SeeSupport, view.nextActions.first())
            assertTrue(LockReason.Safety in view.step(4).lockedBecause)

            val refused = assertThrows<ReconnectException.Refused> {
                runBlocking { store.programCommand(attempt(ContactMedium.SOCIAL_MEDIA)) }
            }
            assertEquals(RefusalReason.SafetyLocked, refused.reason)
            assertTrue(userMessage(refused).contains("safety comes first"))
        }
    }

    @Test
    fun `a yes in the self-check records a flag, and each new stop is refused with its own reason`() = runBlocking {
        TestStores.open(dir).use { store ->
            val answers = store.screening().toMutableList()
            answers[0] = ScreeningReply(code = answers[0].code, answer = ScreeningAnswer.YES)
            val view = store.programCommand(
                ProgramCommand.AnswerPreCheck(
                    answers = store.preCheckContent().questions.map { Answer(code = it.code, value = it.favourableAnswer) },
                    pastCycles = 0u,
                    screening = answers,
                ),
            ).view
            assertTrue(view.support.resources.isNotEmpty())
            val flag = checkNotNull(view.safety).flags.first()
            // Withdrawn only when confirmed, on this device, within the window.
            store.programCommand(ProgramCommand.WithdrawSafetyFlag(sign = flag.sign, confirmed = true))
            assertNull(store.program().safety)
        }
    }

    @Test
    fun `a third unanswered attempt after a pause closes the ladder with a reason of its own`() = runBlocking {
        TestStores.open(dir).use { store ->
            store.reachStepFour()
            store.programCommand(attempt(ContactMedium.SOCIAL_MEDIA).copy(reply = Reply.NO_REPLY, on = "2026-02-01"))
            store.programCommand(attempt(ContactMedium.SOCIAL_MEDIA).copy(reply = Reply.NO_REPLY, on = "2026-02-02"))
            store.programCommand(attempt(ContactMedium.SOCIAL_MEDIA).copy(reply = Reply.NO_REPLY))
            val refused = assertThrows<ReconnectException.Refused> {
                runBlocking { store.programCommand(attempt(ContactMedium.SOCIAL_MEDIA)) }
            }
            assertEquals(RefusalReason.NoAnswer, refused.reason)
            assertTrue(NextAction.AskIfTheySaidNo in store.program().nextActions)
        }
    }

    @Test
    fun `a date that is not YYYY-MM-DD is invalid input, not a crash`() = runBlocking {
        TestStores.open(dir).use { store ->
            store.programCommand(store.favourablePreCheck())
            val error = assertThrows<ReconnectException.InvalidInput> {
                runBlocking { store.programCommand(ProgramCommand.SetNoContact(start = "14/03/2026", end = "2026-04-01")) }
            }
            assertTrue(error.detail.contains("YYYY-MM-DD"), error.detail)
            assertNull(store.program().records.noContact)
        }
    }

    @Test
    fun `step content and texts come from the core`() {
        TestStores.open(dir).use { store ->
            val step = checkNotNull(store.stepContent(4))
            assertEquals("step.4", step.key)
            assertTrue(step.prompts.isNotEmpty())
            assertEquals(step.title, store.text("step.4"))
            assertNull(store.stepContent(0))
            assertNull(store.stepContent(300))
            assertNull(store.text("no.such.key"))
            val kinds = store.choices(ChoiceList.REASON_KINDS)
            assertEquals(false, kinds.first { it.code == "unforgivable" }.fixable)
        }
    }

    @Test
    fun `program calls run on the IO dispatcher, not the caller's thread`() {
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
            Reconnect(ReconnectStore.open(options), io).use { store ->
                runBlocking {
                    store.program()
                    store.programCommand(store.favourablePreCheck())
                }
            }
            assertTrue(dispatched.get() >= 2, "dispatched ${dispatched.get()} times")
        } finally {
            pool.close()
        }
    }

    @Test
    fun `program calls after close fail with Closed`() {
        val store = TestStores.open(dir)
        store.close()
        assertThrows<ReconnectException.Closed> { runBlocking { store.program() } }
    }

    @Test
    fun `every refusal has warm words of its own`() {
        val reasons = listOf(
            RefusalReason.StepLocked(
                step = 6u,
                reasons = listOf(
                    LockReason.StepsFirst(steps = listOf(4u, 5u)),
                    LockReason.WarmRepliesNeeded(have = 1u, need = 3u),
                ),
            ),
            RefusalReason.SafetyLocked,
            RefusalReason.TheySaidNo,
            RefusalReason.ProgramEnded(outcome = Outcome.LetGo(on = "2026-03-14")),
            RefusalReason.LadderSkip(medium = ContactMedium.CALL, openMedium = ContactMedium.TEXT),
            RefusalReason.CoolingOff(until = "2026-03-28"),
            RefusalReason.NoContactTooLong(start = "2026-01-01", latestEnd = "2026-04-01"),
            RefusalReason.ReadinessNotPassed,
            RefusalReason.DraftCoolingOff(readyAfter = Instant.parse("2026-03-15T09:30:00Z")),
            RefusalReason.NotFound(id = "abc"),
            RefusalReason.NotRemovable(id = "abc"),
            RefusalReason.DecidedNever,
            RefusalReason.NotYetUntil(revisitOn = "2026-04-10"),
            RefusalReason.NoAnswer,
            RefusalReason.SafetyFlagStands(minutes = 15),
        )
        val words = reasons.map { userMessage(it) }
        assertEquals(words.size, words.toSet().size, "each reason has its own words")
        for (text in words) {
            assertTrue(text.first().isUpperCase() && text.trimEnd().last() in ".!?", text)
            assertFalse(text.contains("2026-"), "dates are shown in the reader's style: $text")
            assertFalse(text.contains("="), text)
        }
        assertTrue(words[0].startsWith("Step 6 isn't open yet: it opens once steps 4 and 5 are done;"), words[0])
    }
}
