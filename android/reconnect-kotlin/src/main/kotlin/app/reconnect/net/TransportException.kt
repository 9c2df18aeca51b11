package app.reconnect.net

import java.io.IOException
import kotlin.time.Duration

/**
 * Why a connection to another device failed, apart from the session's own errors (those
 * arrive as `ReconnectException`). Word them for people with [transportMessage].
 */
sealed class TransportException(message: String, cause: Throwable? = null) : IOException(message, cause) {
    /** The address did not resolve, or nothing answered there. */
    class Unreachable(val address: String, cause: Throwable? = null) :
        TransportException("could not reach $address", cause)

    /** No device connected while a pairing code was shown. */
    class NobodyCame(val waited: Duration) : TransportException("no device connected within $waited")

    /** The other device sent (or took) nothing for [waited]. */
    class Silent(val waited: Duration) : TransportException("the other device was silent for $waited")

    /** The session went past its overall limit. */
    class TooLong(val limit: Duration) : TransportException("the session took longer than $limit")

    /** The other device closed or reset the connection before the session was over. */
    class Closed(cause: Throwable? = null) :
        TransportException("the other device closed the connection before the session was over", cause)

    /** Anything else the network reported. */
    class Failed(cause: Throwable) : TransportException("the connection failed: ${cause.message ?: cause}", cause)
}
