package app.reconnect.screens

import app.reconnect.ffi.InternalException
import app.reconnect.ffi.ReconnectException
import app.reconnect.userMessage

private const val DID_NOT_WORK = "That didn't work just now. Please try again in a moment."

/**
 * Why an action or a screen did not work, as one sentence for the person; never a stack
 * trace. A refusal is shown in the core's own words, the same words its screens use for a
 * locked action, so the app adds no rules of its own.
 */
fun problemFor(error: Throwable): String = when (error) {
    is ReconnectException.Refused -> asSentence(error.detail) ?: userMessage(error)
    is ReconnectException -> userMessage(error)
    is InternalException -> userMessage(error)
    is ShellTaskFailed -> error.sentence
    else -> DID_NOT_WORK
}

/** The core writes lower-case clauses; this only capitalises and ends them. */
private fun asSentence(text: String): String? {
    val trimmed = text.trim()
    if (trimmed.isEmpty()) return null
    val capitalised = trimmed.replaceFirstChar { it.uppercaseChar() }
    return if (capitalised.last() in ".!?") capitalised else "$capitalised."
}
