package app.reconnect

import app.reconnect.ffi.InternalException
import app.reconnect.ffi.ReconnectException

private const val SOMETHING_WENT_WRONG =
    "Something went wrong on our side. Closing and reopening Reconnect usually sorts it out."

/** Words every store failure for the person using the app: plain, calm, and never blaming. */
fun userMessage(error: ReconnectException): String = when (error) {
    is ReconnectException.InvalidInput -> sentence(error.message)
        ?: "Something in the form needs another look."
    is ReconnectException.WrongKey ->
        "This device's key doesn't open your saved entries. Nothing was changed or lost."
    is ReconnectException.NotAReconnectStore ->
        "The saved data here isn't something Reconnect can read, so it was left as it was."
    is ReconnectException.Damaged ->
        "Your saved entries look damaged, so Reconnect left them exactly as they were."
    is ReconnectException.NewerVersion ->
        "Your entries were saved by a newer version of Reconnect. Updating the app will open them."
    is ReconnectException.InUse ->
        "Reconnect is already open with your entries elsewhere on this device. Close it there and try again."
    is ReconnectException.Storage ->
        "Reconnect couldn't use this device's storage just now. Please try again in a moment."
    is ReconnectException.Closed ->
        "Reconnect was closing. Please open it again and try once more."
    is ReconnectException.Internal -> SOMETHING_WENT_WRONG
}

/** A failure inside the core that it did not expect; the app keeps running. */
@Suppress("UNUSED_PARAMETER")
fun userMessage(error: InternalException): String = SOMETHING_WENT_WRONG

/** The core's validation messages are lower-case clauses; show them as sentences. */
private fun sentence(text: String?): String? {
    val trimmed = text?.trim().orEmpty()
    if (trimmed.isEmpty()) return null
    val capitalised = trimmed.replaceFirstChar { it.uppercaseChar() }
    return if (capitalised.last() in ".!?") capitalised else "$capitalised."
}
