package app.reconnect.android.shell

import android.content.Intent
import android.net.Uri
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.ReceiveChannel

/**
 * Work a shell task needs the activity for (the document picker, a permission dialog, the
 * share sheet), asked for from the view model and served by `MainActivity`, so the tasks
 * stay plain suspend functions. A request waits in line until an activity is on screen to
 * serve it; the answer comes back through [answered], even to a request made before the
 * activity was re-created.
 */
class ActivityRequests {
    sealed class Request {
        internal abstract fun cancel()
    }

    /** Opens the system document picker for [mimeTypes]; null when nothing was picked. */
    class PickDocument(val mimeTypes: Array<String>) : Request() {
        internal val result = CompletableDeferred<Uri?>()
        override fun cancel() {
            result.complete(null)
        }
    }

    /** Asks for a runtime [permission]; true when granted. */
    class AskPermission(val permission: String) : Request() {
        internal val result = CompletableDeferred<Boolean>()
        override fun cancel() {
            result.complete(false)
        }
    }

    /** Starts [intent] (the share sheet, a settings page); false when nothing could take it. */
    class Start(val intent: Intent) : Request() {
        internal val result = CompletableDeferred<Boolean>()
        override fun cancel() {
            result.complete(false)
        }
    }

    private val queue = Channel<Request>(Channel.UNLIMITED)

    /** The requests for the activity to serve, oldest first. */
    val incoming: ReceiveChannel<Request> get() = queue

    /** The picker or permission dialog on screen now, whose answer the activity reports. */
    @Volatile
    private var waiting: Request? = null

    suspend fun pickDocument(vararg mimeTypes: String): Uri? =
        PickDocument(arrayOf(*mimeTypes)).also { queue.send(it) }.result.await()

    suspend fun askPermission(permission: String): Boolean =
        AskPermission(permission).also { queue.send(it) }.result.await()

    suspend fun start(intent: Intent): Boolean = Start(intent).also { queue.send(it) }.result.await()

    /** The activity is showing [request]'s picker or dialog now. */
    fun showing(request: Request) {
        waiting = request
    }

    /** The activity started [request]'s intent, or could not ([started] false). */
    fun started(request: Start, started: Boolean) {
        request.result.complete(started)
    }

    /** The picker or permission dialog on screen came back with [answer]. */
    fun answered(answer: Any?) {
        when (val request = waiting.also { waiting = null }) {
            is PickDocument -> request.result.complete(answer as? Uri)
            is AskPermission -> request.result.complete(answer == true)
            is Start, null -> Unit
        }
    }

    /** Ends every request still waiting, e.g. when the view model goes away. */
    fun cancelAll() {
        waiting?.cancel()
        waiting = null
        while (true) {
            val request = queue.tryReceive().getOrNull() ?: break
            request.cancel()
        }
    }
}
