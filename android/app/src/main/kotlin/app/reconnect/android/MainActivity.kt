package app.reconnect.android

import android.os.Build
import android.os.Bundle
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.viewModels
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.fragment.app.FragmentActivity
import app.reconnect.android.system.DeviceUnlock
import app.reconnect.android.system.LockedContent
import app.reconnect.android.system.secureWindow
import app.reconnect.android.ui.ReconnectApp
import app.reconnect.android.ui.ReconnectTheme

/**
 * The single activity: hosts the Compose screens, keeps them out of screenshots, asks for
 * the phone's unlock when the app lock says so, and tells the view model when the app returns.
 * A FragmentActivity because BiometricPrompt needs one.
 */
class MainActivity : FragmentActivity() {
    private val viewModel: ReconnectViewModel by viewModels()
    private val lock get() = (application as ReconnectApplication).appLock
    private var locked by mutableStateOf(false)

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
                if (locked) LockedContent(onUnlock = ::askToUnlock) else ReconnectApp(viewModel)
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
        if (!locked) viewModel.onResume()
    }

    override fun onStop() {
        super.onStop()
        if (!isChangingConfigurations) lock.onBackground()
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
                viewModel.onResume()
            },
            onNotUnlocked = { /* Stays locked; the Unlock button asks again. */ },
        )
    }
}
