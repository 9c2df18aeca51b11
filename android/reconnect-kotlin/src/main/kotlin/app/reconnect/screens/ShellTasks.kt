package app.reconnect.screens

import app.reconnect.ffi.ShellTask

/**
 * The work only the app can do for a screen's action: sockets, files, the system. The
 * navigator hands these over and shows what comes back.
 */
fun interface ShellTasks {
    /**
     * Runs [task] with the values of its action's fields (e.g. `code` for
     * [ShellTask.PAIR_ENTER_CODE]); returns a sentence to show briefly, or null. Throw
     * [ShellTaskFailed] to say what went wrong in words for the person; any other failure
     * is shown as a general sentence.
     */
    suspend fun run(task: ShellTask, values: Map<String, String>): String?
}

/** A shell task that did not work; [sentence] is what the person reads. */
class ShellTaskFailed(val sentence: String, cause: Throwable? = null) : Exception(sentence, cause)
