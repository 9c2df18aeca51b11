package app.reconnect.net

import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/**
 * The bounds one pairing or sync connection lives by, so that a silent, slow or hostile
 * peer can never hold this device for long. The defaults suit a home network.
 */
data class NetTimeouts(
    /** Reaching the other device. */
    val connect: Duration = 10.seconds,
    /**
     * How long a device that connected to us has to send its whole first frame. A peer
     * that sends nothing useful by then is dropped, freeing its place at once.
     */
    val firstFrame: Duration = 5.seconds,
    /** Each later read or write: how long the other device may stay silent. */
    val io: Duration = 30.seconds,
    /** The whole session, however slowly the other device trickles its bytes. */
    val session: Duration = 10.minutes,
) {
    init {
        require(connect.isPositive() && firstFrame.isPositive() && io.isPositive() && session.isPositive()) {
            "every timeout must be positive"
        }
    }
}
