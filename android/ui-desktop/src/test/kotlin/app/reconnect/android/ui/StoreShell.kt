package app.reconnect.android.ui

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import app.reconnect.Reconnect
import app.reconnect.ffi.Action
import app.reconnect.ffi.ActionKind
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.Route
import app.reconnect.ffi.Screen
import app.reconnect.ffi.ShellTask
import app.reconnect.screens.perform
import app.reconnect.screens.screen
import kotlinx.coroutines.runBlocking

/**
 * The least a shell does around [ScreenView], for the tests: asks the real store for each
 * screen, sends commands to it, and shows the core's words when it refuses. Shell tasks
 * and quick exits are only recorded.
 */
class StoreShell(private val store: Reconnect, start: Route) {
    var screen: Screen by mutableStateOf(fetch(start))
        private set
    var message: String? by mutableStateOf(null)
    var problem: String? by mutableStateOf(null)
    val shellTasks = mutableListOf<Pair<ShellTask, Map<String, String>>>()
    val sent = mutableListOf<Pair<String, Map<String, String>>>()
    var quickExits = 0
        private set

    /** The routes below the current one, for Back. */
    private val below = mutableListOf<Route>()
    var canGoBack: Boolean by mutableStateOf(false)
        private set

    private fun fetch(route: Route): Screen = runBlocking { store.screen(route) }

    fun open(route: Route) {
        if (route != screen.route) below += screen.route
        show(route)
    }

    fun back() {
        below.removeLastOrNull()?.let(::show)
    }

    private fun show(route: Route) {
        screen = fetch(route)
        canGoBack = below.isNotEmpty()
        message = null
        problem = null
    }

    fun act(action: Action, values: Map<String, String>) {
        when (val kind = action.kind) {
            is ActionKind.Open -> open(kind.route)
            is ActionKind.Shell -> shellTasks += kind.task to values
            is ActionKind.Command -> {
                sent += kind.command to values
                try {
                    val done = runBlocking { store.perform(kind.command, values) }
                    screen = fetch(done.open ?: screen.route)
                    problem = null
                    message = done.message
                } catch (e: ReconnectException.Refused) {
                    problem = e.detail
                } catch (e: ReconnectException.InvalidInput) {
                    problem = e.detail
                }
            }
        }
    }

    fun quickExit() {
        quickExits++
    }

    /** Shows the screen at [screen]'s route again, as after a change event. */
    fun refresh() {
        screen = fetch(screen.route)
    }
}
