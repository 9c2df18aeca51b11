package app.reconnect

import app.reconnect.ffi.CheckIn
import app.reconnect.ffi.ContactMedium

/** The one thing the check-in form needs from the store, so the form can be tested alone. */
interface CheckInRecorder {
    /** Records today's check-in (or updates it) and returns what was stored. */
    fun checkIn(mood: Int, urge: Int, contact: ContactMedium? = null, note: String? = null): CheckIn
}
