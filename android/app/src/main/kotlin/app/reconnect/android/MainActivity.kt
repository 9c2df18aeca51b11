package app.reconnect.android

import android.os.Build
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.viewModels
import app.reconnect.android.ui.ReconnectApp
import app.reconnect.android.ui.ReconnectTheme

/** The single activity: hosts the Compose screens and tells the view model when the app returns. */
class MainActivity : ComponentActivity() {
    private val viewModel: ReconnectViewModel by viewModels()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            // Private entries should not show in the recent-apps preview.
            setRecentsScreenshotEnabled(false)
        }
        setContent {
            ReconnectTheme {
                ReconnectApp(viewModel)
            }
        }
    }

    override fun onResume() {
        super.onResume()
        viewModel.onResume()
    }
}
