package app.reconnect

import app.reconnect.ffi.CheckIn
import app.reconnect.ffi.ContactMedium
import app.reconnect.ffi.InternalException
import app.reconnect.ffi.ReconnectException

/**
 * The check-in form while the person fills it in: it checks values before the core sees
 * them and turns every outcome into a short, kind sentence. Immutable; each change returns
 * a new state, which suits Compose and plain tests alike.
 */
data class CheckInFormState(
    val mood: Int? = null,
    val urge: Int? = null,
    val contact: ContactMedium? = null,
    val note: String = "",
    /** What to show under the form: a problem to fix, a failure, or a thank-you. */
    val message: String? = null,
    /** The check-in as stored, once saving worked. */
    val saved: CheckIn? = null,
) {
    fun withMood(value: Int) = copy(mood = value, message = null, saved = null)

    fun withUrge(value: Int) = copy(urge = value, message = null, saved = null)

    fun withContact(value: ContactMedium?) = copy(contact = value, message = null, saved = null)

    fun withNote(value: String) = copy(note = value, message = null, saved = null)

    /** Null when the form can be saved; otherwise the first thing that needs attention. */
    val problem: String?
        get() = when {
            mood == null -> "Choose how you're feeling today, from 1 to 5."
            mood !in MOOD_RANGE -> "Mood goes from 1 (very low) to 5 (very good)."
            urge == null -> "Choose how strong the urge to reach out is, from 0 to 10."
            urge !in URGE_RANGE -> "The urge to reach out goes from 0 (none) to 10 (overwhelming)."
            noteLength() > NOTE_MAX_CHARS ->
                "Check-in notes hold up to $NOTE_MAX_CHARS characters; the journal has room for more."
            else -> null
        }

    val canSave: Boolean
        get() = problem == null

    /**
     * Saves through [recorder] when the values are valid. Invalid values never reach the
     * core; a refusal from the core becomes [message] instead of an exception.
     */
    fun submit(recorder: CheckInRecorder): CheckInFormState {
        problem?.let { return copy(message = it, saved = null) }
        return try {
            val stored = recorder.checkIn(
                mood = checkNotNull(mood),
                urge = checkNotNull(urge),
                contact = contact,
                note = note.trim().ifEmpty { null },
            )
            copy(saved = stored, message = "Saved. Thank you for checking in with yourself today.")
        } catch (e: ReconnectException) {
            copy(message = userMessage(e), saved = null)
        } catch (e: InternalException) {
            copy(message = userMessage(e), saved = null)
        }
    }

    private fun noteLength() = note.codePointCount(0, note.length)

    companion object {
        val MOOD_RANGE = 1..5
        val URGE_RANGE = 0..10
        const val NOTE_MAX_CHARS = 2000

        /** A form filled with today's earlier check-in, so updating it starts from there. */
        fun editing(existing: CheckIn?): CheckInFormState =
            if (existing == null) {
                CheckInFormState()
            } else {
                CheckInFormState(
                    mood = existing.mood.toInt(),
                    urge = existing.urge.toInt(),
                    contact = existing.contact,
                    note = existing.note.orEmpty(),
                )
            }
    }
}
