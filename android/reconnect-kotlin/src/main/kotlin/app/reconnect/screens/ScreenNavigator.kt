package app.reconnect.screens

import app.reconnect.Reconnect
import app.reconnect.ffi.Action
import app.reconnect.ffi.ActionKind
import app.reconnect.ffi.FieldKind
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.Route
import app.reconnect.ffi.Screen
import app.reconnect.ffi.ShellState
import app.reconnect.ffi.ShellTask
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.conflate
import kotlinx.coroutines.flow.flowOn
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

/**
 * The view-model under every screen: the way back, the screen the core decided for the
 * current route, and what the person's actions did, as one [state] for Compose to render.
 *
 * It keeps the screen current: after every change the store announces (a check-in synced
 * from another device shows up by itself), after each action, and on [refresh]. Its work
 * runs in [scope] (a ViewModel's scope on Android); cancelling the scope stops it.
 *
 * @param welcomed whether the person has seen the first run; the app stores that flag
 *   when [ShellTask.FINISH_FIRST_RUN] runs. The way starts at [Route.FirstRun] without it,
 *   else at [Route.Today].
 * @param shell what only the app knows (its app lock setting), read at every render.
 */
class ScreenNavigator(
    private val store: Reconnect,
    private val shellTasks: ShellTasks,
    private val scope: CoroutineScope,
    welcomed: Boolean,
    private val shell: () -> ShellState = { ShellState(null) },
) {
    private val _state = MutableStateFlow(ScreenState(if (welcomed) Route.Today else Route.FirstRun))
    val state: StateFlow<ScreenState> = _state.asStateFlow()

    /** Guards [generation] together with the state it belongs to. */
    private val lock = Any()

    /** Counts moves, so a render that finishes after the person moved on is dropped. */
    private var generation = 0L

    /** One render at a time, each of the route current when it starts. */
    private val renders = Mutex()

    init {
        // Subscribes before the first render starts (the store's flow runs unconfined, so
        // here and now), so no change can slip in between. Renders are conflated: each one
        // reads everything afresh.
        scope.launch(start = CoroutineStart.UNDISPATCHED) {
            store.changes.flowOn(Dispatchers.Unconfined).conflate().collect { render() }
        }
        scope.launch { render() }
    }

    /** Shows [route] on top of the current screen. */
    fun open(route: Route) = moveAndRender { BackStack.opened(it, route) }

    /** Goes back one screen; false when already at the first one, where the app may close. */
    fun back(): Boolean {
        if (!state.value.canGoBack) return false
        moveAndRender { if (it.size > 1) it.dropLast(1) else it }
        return true
    }

    /** Starts afresh at [route], as the bottom navigation does. */
    fun switchTo(route: Route) = moveAndRender { listOf(route) }

    /** Renders the current screen again; call it when the app comes back (the day may have turned). */
    fun refresh() {
        scope.launch { render() }
    }

    /** Clears [ScreenState.message] and [ScreenState.problem] once the app has shown them. */
    fun dismiss() = synchronized(lock) {
        _state.update { it.copy(message = null, problem = null) }
    }

    /**
     * Does what [action] offers, with [values] for its fields keyed as they name them;
     * `Fixed` fields always go with the value the screen gave them. A command or shell task
     * runs while [ScreenState.busy] is set, and a second one asked for meanwhile is dropped.
     * The core judges every command, even one shown as unavailable: the screen may be older
     * than the rules. A failure becomes [ScreenState.problem]; the person stays where they are.
     * A command whose result names a screen moves there as [BackStack.led] says.
     */
    fun perform(action: Action, values: Map<String, String> = emptyMap()) {
        val filled = values + fixedValues(action)
        when (val kind = action.kind) {
            is ActionKind.Open -> open(kind.route)
            is ActionKind.Command -> whileBusy { send(kind.command, filled) }
            is ActionKind.Shell -> whileBusy { runShell(kind.task, filled) }
        }
    }

    private suspend fun send(command: String, values: Map<String, String>) {
        val done = store.perform(command, values)
        val next = done.open
        if (next != null) {
            move(message = done.message) { BackStack.led(it, next) }
        } else {
            synchronized(lock) { _state.update { it.copy(message = done.message) } }
        }
        render()
    }

    private suspend fun runShell(task: ShellTask, values: Map<String, String>) {
        val said = shellTasks.run(task, values)
        if (task == ShellTask.FINISH_FIRST_RUN) {
            move(message = said) { listOf(Route.Today) }
        } else if (said != null) {
            synchronized(lock) { _state.update { it.copy(message = said) } }
        }
        // The task may have changed what a screen shows, e.g. the app lock setting.
        render()
    }

    private fun whileBusy(work: suspend () -> Unit) {
        synchronized(lock) {
            if (_state.value.busy) return
            _state.update { it.copy(busy = true, message = null, problem = null) }
        }
        scope.launch {
            try {
                work()
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                synchronized(lock) { _state.update { it.copy(problem = problemFor(e)) } }
            } finally {
                synchronized(lock) { _state.update { it.copy(busy = false) } }
            }
        }
    }

    private fun moveAndRender(to: (List<Route>) -> List<Route>) {
        move(to = to)
        scope.launch { render() }
    }

    /** Changes the way back; the screen stays only when the route does. */
    private fun move(message: String? = null, problem: String? = null, to: (List<Route>) -> List<Route>) =
        synchronized(lock) {
            generation++
            _state.update { now ->
                val stack = to(now.stack)
                val route = stack.last()
                now.copy(
                    route = route,
                    stack = stack,
                    screen = now.screen.takeIf { route == now.route },
                    message = message,
                    problem = problem,
                )
            }
        }

    private suspend fun render() = renders.withLock {
        while (true) {
            val (route, seen) = synchronized(lock) { state.value.route to generation }
            val result: Result<Screen> = try {
                Result.success(store.screen(route, shell()))
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                Result.failure(e)
            }
            val wentBack = synchronized(lock) {
                if (generation != seen) return@withLock // the move renders its own screen
                val error = result.exceptionOrNull()
                when {
                    error == null -> {
                        _state.update { it.copy(screen = result.getOrThrow()) }
                        false
                    }
                    // The screen is gone, e.g. its entry was deleted on another device.
                    error is ReconnectException.InvalidInput && state.value.canGoBack -> {
                        move(problem = problemFor(error)) { it.dropLast(1) }
                        true
                    }
                    else -> {
                        _state.update { it.copy(problem = problemFor(error)) }
                        false
                    }
                }
            }
            if (!wentBack) return@withLock
        }
    }

    private fun fixedValues(action: Action): Map<String, String> =
        action.fields.filter { it.kind is FieldKind.Fixed }.mapNotNull { f -> f.value?.let { f.key to it } }.toMap()
}
