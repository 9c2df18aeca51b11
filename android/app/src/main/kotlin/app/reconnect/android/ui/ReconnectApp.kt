package app.reconnect.android.ui

import androidx.activity.compose.BackHandler
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.filled.Home
import androidx.compose.material3.Icon
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.reconnect.android.R
import app.reconnect.android.ReconnectViewModel

private enum class Screen { Today, CheckIn, History }

/** The app's frame: Today and History tabs, with the check-in form opened from Today. */
@Composable
fun ReconnectApp(viewModel: ReconnectViewModel) {
    val state by viewModel.state.collectAsStateWithLifecycle()
    var screen by rememberSaveable { mutableStateOf(Screen.Today) }

    BackHandler(enabled = screen != Screen.Today) { screen = Screen.Today }

    Scaffold(
        bottomBar = {
            if (screen != Screen.CheckIn) {
                NavigationBar {
                    NavigationBarItem(
                        selected = screen == Screen.Today,
                        onClick = { screen = Screen.Today },
                        icon = { Icon(Icons.Filled.Home, contentDescription = null) },
                        label = { Text(stringResource(R.string.nav_today)) },
                    )
                    NavigationBarItem(
                        selected = screen == Screen.History,
                        onClick = { screen = Screen.History },
                        icon = { Icon(Icons.AutoMirrored.Filled.List, contentDescription = null) },
                        label = { Text(stringResource(R.string.nav_history)) },
                    )
                }
            }
        },
    ) { padding ->
        val content = Modifier
            .padding(padding)
            .fillMaxSize()
        when (screen) {
            Screen.Today -> TodayScreen(
                state = state,
                onCheckIn = {
                    viewModel.startCheckIn()
                    screen = Screen.CheckIn
                },
                modifier = content,
            )
            Screen.CheckIn -> CheckInScreen(
                form = state.form,
                saving = state.saving,
                onChange = viewModel::editForm,
                onSave = viewModel::save,
                onDone = { screen = Screen.Today },
                modifier = content,
            )
            Screen.History -> HistoryScreen(state.history, modifier = content)
        }
    }
}
