package app.reconnect.android

import android.content.ActivityNotFoundException
import android.os.Build
import android.os.Bundle
import androidx.activity.compose.BackHandler
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.contract.ActivityResultContracts
import androidx.activity.viewModels
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.fragment.app.FragmentActivity
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.lifecycleScope
import androidx.lifecycle.repeatOnLifecycle
import app.reconnect.android.shell.ActivityRequests
import app.reconnect.android.system.DeviceUnlock
import app.reconnect.android.system.LockedContent
import app.reconnect.android.system.quickExit
import app.reconnect.android.system.secureWindow
import app.reconnect.android.ui.OpeningProblem
import app.reconnect.android.ui.PairingSheet
import app.reconnect.android.ui.ReconnectApp
import app.reconnect.android.ui.ReconnectTheme
import app.reconnect.screens.ScreenState
import kotlinx.coroutines.launch

/**
 * The single activity: hosts the Compose screens, keeps them out of screenshots, asks for
 * the phone's unlock when the app lock says so, tells the view model when the app comes
 * and goes, and serves the shell tasks' picker, permission and share requests.
 * A FragmentActivity because BiometricPrompt needs one.
 */
class MainActivity : FragmentActivity() {
    private val viewModel: ReconnectViewModel by viewModels { ReconnectViewModel.Factory }
    private val lock get() = (application as ReconnectApplication).appLock
    private var locked by mutableStateOf(false)

    // Registered before the activity starts, so an answer reaches a re-created activity too.
    private val pickDocument = registerForActivityResult(ActivityResultContracts.OpenDocument()) {
        viewModel.requests.answered(it)
    }
    private val askPermission = registerForActivityResult(ActivityResultContracts.RequestPermission()) {
        viewModel.requests.answered(it)
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        secureWindow()
        enableEdgeToEdge()
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            // Private entries should not show in the recent-apps preview.
            setRecentsScreenshotEnabled(false)
        }
        locked = lock.isLocked
        setContent {
            ReconnectTheme {
                if (locked) LockedContent(onUnlock = ::askToUnlock) else AppContent()
            }
        }
        lifecycleScope.launch {
            repeatOnLifecycle(Lifecycle.State.STARTED) {
                for (request in viewModel.requests.incoming) serve(request)
            }
        }
    }

    override fun onStart() {
        super.onStart()
        lock.onForeground()
        locked = lock.isLocked
        if (locked) askToUnlock()
    }

    override fun onResume() {
        super.onResume()
        if (!locked) viewModel.onForeground()
    }

    override fun onStop() {
        super.onStop()
        if (!isChangingConfigurations) {
            lock.onBackground()
            viewModel.onBackground()
        }
    }

    @Composable
    private fun AppContent() {
        val state by viewModel.state.collectAsStateWithLifecycle()
        val pairing by viewModel.pairing.collectAsStateWithLifecycle()
        when (val now = state) {
            AppState.Opening -> ReconnectApp(
                screen = null,
                onOpen = {},
                onAction = { _, _ -> },
                onQuickExit = { quickExit() },
                busy = false,
                message = null,
                problem = null,
            )
            is AppState.CouldNotOpen -> OpeningProblem(
                now.sentence,
                onRetry = viewModel::retryOpening,
                onQuickExit = { quickExit() },
                modifier = Modifier.safeDrawingPadding(),
            )
            is AppState.Ready -> Screens(now.screen)
        }
        pairing?.let { PairingSheet(it, onCancel = viewModel::cancelPairing) }
    }

    @Composable
    private fun Screens(state: ScreenState) {
        // At the first screen back is left to the system, which leaves the app.
        BackHandler(enabled = state.canGoBack) { viewModel.back() }
        ReconnectApp(
            screen = state.screen,
            onOpen = viewModel::open,
            onAction = viewModel::perform,
            onQuickExit = { quickExit() },
            busy = state.busy,
            message = state.message,
            problem = state.problem,
            onBack = if (state.canGoBack) ({ viewModel.back() }) else null,
            onTab = viewModel::switchTo,
        )
    }

    private fun serve(request: ActivityRequests.Request) {
        val requests = viewModel.requests
        when (request) {
            is ActivityRequests.PickDocument -> try {
                requests.showing(request)
                pickDocument.launch(request.mimeTypes)
            } catch (e: ActivityNotFoundException) {
                requests.answered(null)
            }
            is ActivityRequests.AskPermission -> try {
                requests.showing(request)
                askPermission.launch(request.permission)
            } catch (e: ActivityNotFoundException) {
                requests.answered(false)
            }
            is ActivityRequests.Start -> requests.started(
                request,
                try {
                    startActivity(request.intent)
                    true
                } catch (e: ActivityNotFoundException) {
                    false
                },
            )
        }
    }

    private fun askToUnlock() {
        if (!DeviceUnlock.isAvailable(this)) {
            // The phone's screen lock was removed (which took its credential): nothing to ask.
            lock.unlocked()
            locked = false
            return
        }
        DeviceUnlock.prompt(
            this,
            title = getString(R.string.unlock_title),
            onUnlocked = {
                lock.unlocked()
                locked = false
                viewModel.onForeground()
            },
            onNotUnlocked = { /* Stays locked; the Unlock button asks again. */ },
        )
    }
}
