package app.reconnect.net

import app.reconnect.ffi.ReconnectException
import app.reconnect.userMessage

/**
 * Words a network failure for the person using the app, in the same calm voice as
 * `userMessage`: what happened, that nothing was lost, and what to try.
 */
fun transportMessage(error: TransportException): String = when (error) {
    is TransportException.Unreachable ->
        "Your other device couldn't be reached. Check that both are on the same Wi-Fi with Reconnect open, then try again."
    is TransportException.NobodyCame ->
        "No device joined while the code was showing. Make a new code and try again."
    is TransportException.Silent ->
        "Your other device stopped answering, so this stopped safely. Nothing was lost; please try again."
    is TransportException.TooLong ->
        "That sync took too long, so it stopped safely. What arrived so far is saved; syncing again will carry on."
    is TransportException.Closed ->
        "The connection to your other device closed part-way. Nothing was lost; please try again."
    is TransportException.Failed ->
        "The connection to your other device failed. Nothing was lost; please try again in a moment."
}

/** Any failure of pairing or syncing over the network, in words for people. */
fun syncErrorMessage(error: Throwable): String = when (error) {
    is ReconnectException -> userMessage(error)
    is TransportException -> transportMessage(error)
    else -> "Syncing with your other device didn't work just now. Nothing was lost; please try again."
}
