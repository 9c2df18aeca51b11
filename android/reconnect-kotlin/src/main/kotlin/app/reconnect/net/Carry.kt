package app.reconnect.net

import kotlin.time.Duration
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext

// How every connection here runs its one session: to the end, then closed the right way.

/**
 * Runs [session] over this link. After success the connection is finished cleanly; after
 * a failure it lingers briefly so the closing frame reaches the peer; when cancelled it
 * just closes. The link is closed afterwards in every case.
 */
internal suspend fun <T> FrameLink.carry(session: suspend (FrameLink) -> T): T {
    val result = try {
        session(this)
    } catch (e: CancellationException) {
        close()
        throw e
    } catch (e: Throwable) {
        withContext(NonCancellable) { abort() }
        throw e
    }
    finish()
    return result
}

/**
 * The `receive` of a side that answers a connection: the first frame must arrive whole
 * within [firstFrame], later ones within the usual I/O bounds.
 */
internal fun FrameLink.answering(firstFrame: Duration): suspend () -> ByteArray {
    var first = true
    return {
        if (first) {
            first = false
            receiveFirst(firstFrame)
        } else {
            receive()
        }
    }
}
