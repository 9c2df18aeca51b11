package app.reconnect.android.system

import app.reconnect.ffi.Reminder

/**
 * Where the reminders to schedule come from. The application implements it by opening the
 * store; tests give a fixed list. Called off the main thread.
 */
fun interface ReminderSource {
    /** The core's current reminders, read in the zone the phone is in now. */
    fun currentReminders(): List<Reminder>
}
