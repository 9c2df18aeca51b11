package app.reconnect.android.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Edit
import androidx.compose.material.icons.filled.Home
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.Icon
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.Density
import app.reconnect.ffi.Action
import app.reconnect.ffi.Route
import app.reconnect.ffi.Screen

private const val MAX_TAB_FONT_SCALE = 1.3f

/** A place in the bottom navigation and the route it opens. */
enum class Tab(val label: String, val route: Route, val icon: ImageVector) {
    TODAY("Today", Route.Today, Icons.Filled.Home),
    PROGRAM("Program", Route.Program, Icons.AutoMirrored.Filled.List),
    JOURNAL("Journal", Route.Journal(tag = null, query = null), Icons.Filled.Edit),
    PROGRESS("Progress", Route.Progress, Icons.Filled.DateRange),
    SETTINGS("Settings", Route.Settings, Icons.Filled.Settings);

    companion object {
        /** The tab a route lives under; null for the first run, which has no navigation. */
        fun of(route: Route): Tab? = when (route) {
            Route.FirstRun -> null
            Route.Today, Route.CheckIn -> TODAY
            Route.Program, is Route.Step, Route.Safety, Route.LetGo -> PROGRAM
            is Route.Journal, is Route.Entry, Route.Letters -> JOURNAL
            Route.Progress -> PROGRESS
            Route.Settings, Route.Reminders, Route.Devices, Route.Data -> SETTINGS
        }
    }
}

/**
 * The app's frame: the current screen above a bottom navigation between Today, Program,
 * Journal, Progress and Settings. Holds no state of its own; [screen] null shows a quiet
 * loading indicator. Navigation and commands go to the callbacks; a tab goes to [onTab]
 * (by default [onOpen]), so a navigator can start afresh there instead of stacking.
 */
@Composable
fun ReconnectApp(
    screen: Screen?,
    onOpen: (Route) -> Unit,
    onAction: (Action, Map<String, String>) -> Unit,
    onQuickExit: () -> Unit,
    busy: Boolean,
    message: String?,
    problem: String?,
    modifier: Modifier = Modifier,
    onBack: (() -> Unit)? = null,
    onTab: (Route) -> Unit = onOpen,
) {
    val current = screen?.let { Tab.of(it.route) }
    Scaffold(
        modifier = modifier,
        bottomBar = { if (current != null) TabBar(current, onTab) },
    ) { padding ->
        val content = Modifier.padding(padding).fillMaxSize()
        if (screen == null) {
            Box(content, contentAlignment = Alignment.Center) {
                CircularProgressIndicator(Modifier.semantics { contentDescription = "Opening" })
            }
        } else {
            ScreenView(screen, onOpen, onAction, onQuickExit, busy, message, problem, content, onBack)
        }
    }
}

/** The bottom navigation. Five labels side by side cannot grow without limit: they stop at 130 %. */
@Composable
private fun TabBar(current: Tab, onTab: (Route) -> Unit) {
    val density = LocalDensity.current
    val capped = Density(density.density, density.fontScale.coerceAtMost(MAX_TAB_FONT_SCALE))
    CompositionLocalProvider(LocalDensity provides capped) {
        NavigationBar {
            Tab.entries.forEach { tab ->
                NavigationBarItem(
                    selected = tab == current,
                    onClick = { onTab(tab.route) },
                    icon = { Icon(tab.icon, contentDescription = null) },
                    label = { Text(tab.label, maxLines = 1) },
                )
            }
        }
    }
}
