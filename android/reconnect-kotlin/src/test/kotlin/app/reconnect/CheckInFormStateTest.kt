package app.reconnect

import app.reconnect.ffi.CheckIn
import app.reconnect.ffi.ContactMedium
import app.reconnect.ffi.InternalException
import app.reconnect.ffi.ReconnectException
import java.io.File
import java.time.Instant
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** The form checks values before the core sees them and words every outcome for a person. */
class CheckInFormStateTest {
    @TempDir
    lateinit var dir: File

    private fun recorder(answer: () -> CheckIn) = object : CheckInRecorder {
        override fun checkIn(mood: Int, urge: Int, contact: ContactMedium?, note: String?) = answer()
    }

    private val refusingRecorder = recorder {
        throw AssertionError("an invalid form must not reach the store")
    }

    @Test
    fun `an empty form asks for the mood first, then the urge`() {
        val empty = CheckInFormState()
        assertFalse(empty.canSave)
        assertEquals("Choose how you're feeling today, from 1 to 5.", empty.problem)

        val withMood = empty.withMood(3)
        assertEquals("Choose how strong the urge to reach out is, from 0 to 10.", withMood.problem)
        assertTrue(withMood.withUrge(0).canSave)
    }

    @Test
    fun `values out of range are explained and never sent`() {
        val tooHappy = CheckInFormState().withMood(6).withUrge(2).submit(refusingRecorder)
        assertEquals("Mood goes from 1 (very low) to 5 (very good).", tooHappy.message)
        assertNull(tooHappy.saved)

        val tooStrong = CheckInFormState().withMood(2).withUrge(11).submit(refusingRecorder)
        assertEquals("The urge to reach out goes from 0 (none) to 10 (overwhelming).", tooStrong.message)

        val longNote = CheckInFormState(mood = 2, urge = 1, note = "é".repeat(2001)).submit(refusingRecorder)
        assertTrue(longNote.message!!.contains("2000 characters"), longNote.message)
        assertTrue(CheckInFormState(mood = 2, urge = 1, note = "é".repeat(2000)).canSave)
    }

    @Test
    fun `a valid form is saved in the real store with a trimmed note`() {
        TestStores.open(dir).use { store ->
            val state = CheckInFormState()
                .withMood(4)
                .withUrge(3)
                .withContact(ContactMedium.CALL)
                .withNote("  Talked it through with a friend.  ")
                .submit(store)

            val saved = checkNotNull(state.saved) { "the form was not saved: ${state.message}" }
            assertEquals("Talked it through with a friend.", saved.note)
            assertEquals(ContactMedium.CALL, saved.contact)
            assertEquals("Saved. Thank you for checking in with yourself today.", state.message)
            assertEquals(saved, store.today().checkIn)
        }
    }

    @Test
    fun `a refusal from the core becomes a message instead of an exception`() {
        val coreRefuses = recorder {
            throw ReconnectException.InvalidInput("urge to contact must be between 0 and 10, got 12")
        }
        val refused = CheckInFormState(mood = 3, urge = 4).submit(coreRefuses)
        assertEquals("Urge to contact must be between 0 and 10, got 12.", refused.message)
        assertNull(refused.saved)

        val diskFull = recorder { throw ReconnectException.Storage("disk I/O error") }
        val failed = CheckInFormState(mood = 3, urge = 4).submit(diskFull)
        assertEquals(
            "Reconnect couldn't use this device's storage just now. Please try again in a moment.",
            failed.message,
        )

        val panicked = CheckInFormState(mood = 3, urge = 4).submit(recorder { throw InternalException("boom") })
        assertEquals(
            "Something went wrong on our side. Closing and reopening Reconnect usually sorts it out.",
            panicked.message,
        )
    }

    @Test
    fun `editing today's check-in starts from its values and any change clears the message`() {
        val existing = CheckIn(
            date = "2026-03-14",
            mood = 2u,
            urge = 7u,
            contact = ContactMedium.SOCIAL_MEDIA,
            note = null,
            noteConflicts = emptyList(),
            updatedAt = Instant.parse("2026-03-14T09:30:00Z"),
            updatedBy = "device",
        )
        val form = CheckInFormState.editing(existing)
        assertEquals(CheckInFormState(mood = 2, urge = 7, contact = ContactMedium.SOCIAL_MEDIA), form)
        assertEquals(CheckInFormState(), CheckInFormState.editing(null))

        val withMessage = form.copy(message = "Saved.")
        assertNull(withMessage.withUrge(5).message)
    }
}
