package app.reconnect.android.ui

import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.Stable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import app.reconnect.ffi.Action
import app.reconnect.ffi.ActionKind
import app.reconnect.ffi.ActionStyle
import app.reconnect.ffi.FieldKind
import app.reconnect.ffi.Route

/** Which form is open and which confirmation is being asked, for one rendering of a screen. */
@Stable
class ActionsState {
    var openForm: String? by mutableStateOf(null)
    var confirming: Pair<Action, Map<String, String>>? by mutableStateOf(null)
}

/** Where an action goes once it is ready to run: open actions open, the rest go to the caller. */
class ActionHandlers(val onOpen: (Route) -> Unit, val onAction: (Action, Map<String, String>) -> Unit) {
    fun run(action: Action, values: Map<String, String>) = when (val kind = action.kind) {
        is ActionKind.Open -> onOpen(kind.route)
        else -> onAction(action, values)
    }
}

/**
 * The actions of a block, one under the other. An action with fields opens its form in place
 * (a lone primary one starts open); one with a confirmation asks first; an unavailable one
 * is disabled with its reason written below it (once for a run of actions locked for one reason).
 */
@Composable
fun ActionList(actions: List<Action>, state: ActionsState, handlers: ActionHandlers, busy: Boolean, modifier: Modifier = Modifier) {
    if (actions.size > 1 && actions.all { it.isPlainQuiet() }) {
        QuietRow(actions, state, handlers, busy, modifier)
        return
    }
    Column(modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        val startsOpen = actions.singleOrNull()?.takeIf {
            it.style == ActionStyle.PRIMARY && it.unavailable == null && it.visibleFields().isNotEmpty()
        }
        actions.forEachIndexed { i, action ->
            val formOpen = state.openForm == action.id || (state.openForm == null && action == startsOpen)
            if (formOpen) {
                FormCard(
                    action = action,
                    busy = busy,
                    onSubmit = { values -> ask(action, values, state, handlers) },
                    onCancel = { state.openForm = CLOSED },
                )
            } else {
                ActionButton(action, enabled = action.unavailable == null && !busy) {
                    if (action.visibleFields().isNotEmpty()) {
                        state.openForm = action.id
                    } else {
                        ask(action, action.fixedValues(), state, handlers)
                    }
                }
                // Locked actions side by side share one reason, written once below them.
                val why = action.unavailable
                if (why != null && actions.getOrNull(i + 1)?.unavailable != why) {
                    Text(
                        why,
                        style = MaterialTheme.typography.bodyMedium,
                        color = MaterialTheme.colorScheme.onSurfaceVariant,
                        modifier = Modifier.fillMaxWidth().padding(horizontal = 4.dp),
                    )
                }
            }
        }
    }
}

/** Several quiet, plain actions (tags, filters) wrap side by side like chips. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun QuietRow(actions: List<Action>, state: ActionsState, handlers: ActionHandlers, busy: Boolean, modifier: Modifier) {
    FlowRow(modifier.fillMaxWidth(), horizontalArrangement = Arrangement.spacedBy(4.dp)) {
        actions.forEach { action ->
            TextButton(
                onClick = { ask(action, action.fixedValues(), state, handlers) },
                enabled = !busy,
                modifier = Modifier.heightIn(min = 48.dp),
            ) { Text(action.label) }
        }
    }
}

private fun Action.isPlainQuiet() = style == ActionStyle.QUIET && unavailable == null && visibleFields().isEmpty()

/** Marks "no form open", so a form that started open stays closed after Cancel. */
private const val CLOSED = "\u0000closed"

private fun ask(action: Action, values: Map<String, String>, state: ActionsState, handlers: ActionHandlers) {
    if (action.confirm != null) state.confirming = action to values else handlers.run(action, values)
}

internal fun Action.visibleFields() = fields.filter { it.kind != FieldKind.Fixed }

internal fun Action.fixedValues(): Map<String, String> =
    fields.filter { it.kind == FieldKind.Fixed }.associate { it.key to it.value.orEmpty() }

/** One action as a button in its style: primary filled, secondary outlined, quiet as text. */
@Composable
fun ActionButton(action: Action, enabled: Boolean, onClick: () -> Unit) {
    val why = action.unavailable
    val modifier = Modifier
        .fillMaxWidth()
        .heightIn(min = 48.dp)
        .then(if (why != null) Modifier.semantics { stateDescription = why } else Modifier)
    val label: @Composable () -> Unit = { Text(action.label, textAlign = TextAlign.Center) }
    when (action.style) {
        ActionStyle.PRIMARY -> Button(onClick, modifier, enabled) { label() }
        ActionStyle.SECONDARY -> OutlinedButton(onClick, modifier, enabled) { label() }
        ActionStyle.QUIET -> TextButton(onClick, modifier, enabled) { label() }
        ActionStyle.DESTRUCTIVE -> {
            val error = MaterialTheme.colorScheme.error
            OutlinedButton(
                onClick,
                modifier,
                enabled,
                colors = ButtonDefaults.outlinedButtonColors(contentColor = error),
                border = BorderStroke(1.dp, if (enabled) error else MaterialTheme.colorScheme.outlineVariant),
            ) { label() }
        }
    }
}
