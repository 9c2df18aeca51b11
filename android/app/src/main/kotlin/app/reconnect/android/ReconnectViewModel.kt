package app.reconnect.android

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.ViewModelProvider
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.initializer
import androidx.lifecycle.viewmodel.viewModelFactory
import app.reconnect.Reconnect
import app.reconnect.android.net.ForegroundSync
import app.reconnect.android.net.NsdPairing
import app.reconnect.android.shell.ActivityRequests
import app.reconnect.android.shell.AllowNotifications
import app.reconnect.android.shell.AndroidShellTasks
import app.reconnect.android.shell.DeleteEverything
import app.reconnect.android.shell.ExportFiles
import app.reconnect.android.shell.ImportFile
import app.reconnect.android.shell.PairEnterCode
import app.reconnect.android.shell.PairShowCode
import app.reconnect.android.shell.PairingSheetHolder
import app.reconnect.android.shell.SetAppLock
import app.reconnect.android.shell.ShareExport
import app.reconnect.android.shell.Welcome
import app.reconnect.android.system.AppLockSettings
import app.reconnect.android.system.ReminderScheduler
import app.reconnect.android.ui.PairingCode
import app.reconnect.ffi.Action
import app.reconnect.ffi.InternalException
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.Route
import app.reconnect.ffi.ShellState
import app.reconnect.screens.ScreenNavigator
import app.reconnect.userMessage
import java.time.ZoneId
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * The app's one view model: opens the store off the main thread (a store that will not
 * open becomes a sentence, never a crash), puts a [ScreenNavigator] over it with the
 * Android shell tasks, and keeps syncing with the person's devices while the app is in
 * the foreground. Activity-bound work waits in [requests] for `MainActivity` to serve.
 */
class ReconnectViewModel(application: Application) : AndroidViewModel(application) {
    private val app: ReconnectApplication get() = getApplication()

    /** The picker, permission and share requests of the shell tasks, for the activity. */
    val requests = ActivityRequests()

    private val pairingSheet = PairingSheetHolder()

    /** The pairing code on show, drawn over the screens; null when none. */
    val pairing: StateFlow<PairingCode?> = pairingSheet.shown

    private val welcome = Welcome(application)
    private val lockSettings = AppLockSettings(application)

    private val _state = MutableStateFlow<AppState>(AppState.Opening)
    val state: StateFlow<AppState> = _state.asStateFlow()

    /** One open store with what runs over it; replaced when everything is deleted. Main thread only. */
    private class Session(val store: Reconnect, val navigator: ScreenNavigator, val sync: ForegroundSync, val scope: CoroutineScope)

    private var session: Session? = null
    private var foreground = false

    init {
        openSession()
    }

    /** The way forward after [AppState.CouldNotOpen]: tries to open the store again. */
    fun retryOpening() {
        if (state.value is AppState.CouldNotOpen) openSession()
    }

    fun open(route: Route) {
        session?.navigator?.open(route)
    }

    /** False at the first screen, where the system may leave the app. */
    fun back(): Boolean = session?.navigator?.back() ?: false

    fun switchTo(route: Route) {
        session?.navigator?.switchTo(route)
    }

    fun perform(action: Action, values: Map<String, String>) {
        session?.navigator?.perform(action, values)
    }

    fun refresh() {
        session?.navigator?.refresh()
    }

    /** The person closed the pairing sheet. */
    fun cancelPairing() = pairingSheet.cancel()

    /**
     * The app is on screen again: the phone may have travelled and the day turned, and the
     * other devices may have news. Starts answering them too.
     */
    fun onForeground() {
        foreground = true
        val current = session ?: return
        viewModelScope.launch {
            try {
                withContext(Dispatchers.IO) { current.store.setTimeZone(ZoneId.systemDefault()) }
            } catch (e: ReconnectException) {
                // An unknown zone keeps the previous one; days are still counted sensibly.
            }
            current.navigator.refresh()
            try {
                current.sync.syncNow()
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                // A background sync says nothing; "Sync now" shows how it went.
            }
        }
    }

    /** The app left the screen: nothing listens on the network while it is not in use. */
    fun onBackground() {
        foreground = false
        val current = session ?: return
        viewModelScope.launch { current.sync.stop() }
    }

    override fun onCleared() {
        requests.cancelAll()
        session?.sync?.close()
    }

    private fun openSession() {
        _state.value = AppState.Opening
        viewModelScope.launch {
            val store = try {
                withContext(Dispatchers.IO) { app.openStore() }
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                _state.value = AppState.CouldNotOpen(openingProblem(e))
                return@launch
            } catch (e: LinkageError) {
                // The native library did not load.
                _state.value = AppState.CouldNotOpen(openingProblem(e))
                return@launch
            }
            start(store)
        }
    }

    private fun start(store: Reconnect) {
        val scope = CoroutineScope(SupervisorJob(viewModelScope.coroutineContext[Job]) + Dispatchers.Main.immediate)
        val sync = ForegroundSync(app, store)
        val navigator = ScreenNavigator(store, shellTasks(store, sync), scope, welcome.welcomed) {
            ShellState(appLock = SetAppLock.codeOf(lockSettings.timeout))
        }
        session = Session(store, navigator, sync, scope)
        scope.launch { navigator.state.collect { _state.value = AppState.Ready(it) } }
        if (foreground) onForeground()
    }

    /** After everything was deleted: the old session ends and a fresh store opens at the first run. */
    private fun startAfresh() {
        val old = session
        session = null
        viewModelScope.launch {
            old?.sync?.close()
            old?.scope?.cancel()
            openSession()
        }
    }

    private fun shellTasks(store: Reconnect, sync: ForegroundSync): AndroidShellTasks {
        val nsd = NsdPairing(app)
        val exports = ExportFiles(app)
        val wipe = object : DeleteEverything.Steps {
            override suspend fun quiet() = sync.stop()
            override fun forgetStoreAndKey() = app.forgetStoreAndKey()
            override fun forgetTheRest() {
                exports.deleteAll()
                ReminderScheduler(app).apply(emptyList())
                welcome.welcomed = false
            }
            override fun startAfresh() = this@ReconnectViewModel.startAfresh()
        }
        return AndroidShellTasks(
            pairShow = PairShowCode(store, nsd, pairingSheet),
            pairEnter = PairEnterCode(store, nsd),
            sync = sync,
            share = ShareExport(store, exports, requests, app::exportUri),
            import = ImportFile(store, app.contentResolver, requests),
            delete = DeleteEverything(store, wipe),
            appLock = SetAppLock(lockSettings, app.appLock, app::phoneHasScreenLock),
            notifications = AllowNotifications(app, requests) { ReminderScheduler(app).exactAlarmsAllowed },
            welcome = welcome,
        )
    }

    companion object {
        /**
         * Builds it with the application of the activity asking. The default factory keeps
         * the first application it saw in a static, which a test's fresh application would
         * not replace.
         */
        val Factory: ViewModelProvider.Factory = viewModelFactory {
            initializer { ReconnectViewModel(checkNotNull(this[ViewModelProvider.AndroidViewModelFactory.APPLICATION_KEY])) }
        }
    }

    private fun openingProblem(error: Throwable): String = when (error) {
        is ReconnectException -> userMessage(error)
        is InternalException -> userMessage(error)
        is StoreKeyUnavailableException -> app.getString(R.string.key_unavailable)
        else -> "Reconnect couldn't open your entries just now. Nothing was changed or lost; please try again."
    }
}
