package app.reconnect.android.shell

import android.os.Looper
import androidx.lifecycle.ViewModelProvider
import app.reconnect.android.AppState
import app.reconnect.android.MainActivity
import app.reconnect.android.ReconnectViewModel
import app.reconnect.ffi.Action
import app.reconnect.ffi.ActionKind
import app.reconnect.ffi.ActionStyle
import app.reconnect.ffi.ShellTask
import app.reconnect.screens.ScreenState
import org.junit.Assert.fail
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.android.controller.ActivityController

/**
 * The running app in a test: the activity started and resumed, its view model, and
 * patient waits. The activity is not made visible, so Compose never draws: its endless
 * loading animation would keep Robolectric's paused main looper busy for ever. The
 * screens themselves are tested on the desktop (android/ui-desktop).
 */
class AppDriver : AutoCloseable {
    val controller: ActivityController<MainActivity> =
        Robolectric.buildActivity(MainActivity::class.java).create().start().resume()
    val activity: MainActivity get() = controller.get()
    /** The application the activity runs in. */
    val app: TestApplication get() = activity.application as TestApplication
    val viewModel: ReconnectViewModel = ViewModelProvider(activity)[ReconnectViewModel::class.java]

    /** The screens' state once [done] holds, running the main looper meanwhile. */
    fun awaitScreen(what: String, done: (ScreenState) -> Boolean): ScreenState {
        var last: AppState? = null
        await(what) {
            last = viewModel.state.value
            (last as? AppState.Ready)?.screen?.let(done) == true
        }
        return (last as AppState.Ready).screen
    }

    /** A screen that has loaded and has no action running. */
    fun awaitIdle(): ScreenState = awaitScreen("an idle screen") { it.screen != null && !it.busy }

    /**
     * Runs [task] as its action on a screen would, and waits until it has finished: by
     * default until it said something, as every task here does.
     */
    fun runTask(
        task: ShellTask,
        values: Map<String, String> = emptyMap(),
        until: (ScreenState) -> Boolean = { it.message != null || it.problem != null },
    ): ScreenState {
        awaitIdle()
        viewModel.perform(shellAction(task), values)
        // Lets the view model's copy of the state catch up with the start of the task.
        shadowOf(Looper.getMainLooper()).idle()
        return awaitScreen("$task to finish") { !it.busy && until(it) }
    }

    override fun close() {
        controller.pause().stop().destroy()
        shadowOf(Looper.getMainLooper()).idle()
    }
}

fun shellAction(task: ShellTask) = Action(
    id = task.name.lowercase(),
    label = task.name,
    style = ActionStyle.SECONDARY,
    kind = ActionKind.Shell(task),
    fields = emptyList(),
    confirm = null,
    unavailable = null,
)

/** Waits up to 20 s for [done], running the main looper so posted work happens. */
fun await(what: String, done: () -> Boolean) {
    val deadline = System.nanoTime() + 20_000_000_000L
    while (System.nanoTime() < deadline) {
        shadowOf(Looper.getMainLooper()).idle()
        if (done()) return
        Thread.sleep(10)
    }
    fail("timed out waiting for $what")
}
