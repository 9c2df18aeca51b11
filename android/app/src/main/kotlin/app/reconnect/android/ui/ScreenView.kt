package app.reconnect.android.ui

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.reconnect.ffi.Action
import app.reconnect.ffi.Route
import app.reconnect.ffi.Screen
import app.reconnect.ffi.Tone

/**
 * Renders any [Screen] the core describes: a top bar (with the quick exit on sensitive
 * screens), then its blocks in a scrolling column. Open actions and rows call [onOpen];
 * commands and shell tasks call [onAction] with their fields' values, after any form and
 * confirmation. [problem] (the core's words for a refusal or a bad value) and [message]
 * stay in view above the scrolling blocks. [onBack], when given, adds a Back button.
 */
@Composable
fun ScreenView(
    screen: Screen,
    onOpen: (Route) -> Unit,
    onAction: (Action, Map<String, String>) -> Unit,
    onQuickExit: () -> Unit,
    busy: Boolean,
    message: String?,
    problem: String?,
    modifier: Modifier = Modifier,
    onBack: (() -> Unit)? = null,
) {
    // A new screen or a new success message closes open forms; a problem keeps what was typed.
    val state = remember(screen, message) { ActionsState() }
    val handlers = ActionHandlers(onOpen, onAction)
    Column(modifier.fillMaxSize().background(MaterialTheme.colorScheme.background)) {
        TopBar(screen.title, quickExit = if (screen.sensitive) onQuickExit else null, onBack = onBack)
        if (busy) LinearProgressIndicator(Modifier.fillMaxWidth())
        // Outside the scrolling part, so a refusal shows wherever the form that caused it was.
        if (problem != null || message != null) {
            Column(Modifier.padding(start = 16.dp, end = 16.dp, top = 12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                problem?.let { Notice(it, Tone.ADVICE) }
                message?.let { Notice(it, Tone.POSITIVE) }
            }
        }
        Column(
            Modifier.weight(1f).verticalScroll(rememberScrollState()).padding(horizontal = 16.dp, vertical = 12.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            screen.blocks.forEach { BlockView(it, state, handlers, busy) }
        }
    }
    state.confirming?.let { (action, values) ->
        val confirm = action.confirm ?: return@let
        ConfirmDialog(
            action = action,
            confirm = confirm,
            onConfirm = {
                state.confirming = null
                handlers.run(action, values)
            },
            onDismiss = { state.confirming = null },
        )
    }
}

/** A problem or a short confirmation, announced to screen readers when it appears. */
@Composable
private fun Notice(text: String, tone: Tone) {
    ToneSurface(tone, Modifier.semantics { liveRegion = LiveRegionMode.Polite }) {
        Text(
            text,
            style = MaterialTheme.typography.bodyLarge,
            color = toneColors(tone).content,
            modifier = Modifier.padding(16.dp),
        )
    }
}
