package app.reconnect.android.ui

import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.unit.dp
import app.reconnect.ffi.Block
import app.reconnect.ffi.Tone

/** One row of a list: tapping it opens its route; its own actions sit just below it. */
@Composable
fun RowBlock(row: Block.Row, state: ActionsState, handlers: ActionHandlers, busy: Boolean) {
    val colors = toneColors(row.tone)
    val open = row.open
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        ToneSurface(row.tone, onClick = open?.let { route -> { handlers.onOpen(route) } }) {
            Row(
                Modifier.heightIn(min = 56.dp).padding(horizontal = 14.dp, vertical = 12.dp),
                verticalAlignment = Alignment.CenterVertically,
                horizontalArrangement = Arrangement.spacedBy(8.dp),
            ) {
                Column(Modifier.weight(1f), verticalArrangement = Arrangement.spacedBy(2.dp)) {
                    Text(row.title, style = MaterialTheme.typography.titleMedium, color = colors.content)
                    if (row.detail.isNotEmpty()) {
                        Text(
                            row.detail,
                            style = MaterialTheme.typography.bodyMedium,
                            color = if (row.tone == Tone.NORMAL) MaterialTheme.colorScheme.onSurfaceVariant else colors.content,
                        )
                    }
                }
                row.badge?.let { Badge(it, row.tone) }
                if (open != null) {
                    Text(
                        "›",
                        style = MaterialTheme.typography.titleLarge,
                        color = colors.accent,
                        modifier = Modifier.clearAndSetSemantics {},
                    )
                }
            }
        }
        if (row.actions.isNotEmpty()) {
            ActionList(row.actions, state, handlers, busy, Modifier.padding(start = 12.dp))
        }
    }
}

/** A short state ("Done", "Locked") in a quiet pill. */
@Composable
private fun Badge(text: String, tone: Tone) {
    val colors = toneColors(tone)
    Surface(
        shape = RoundedCornerShape(50),
        color = MaterialTheme.colorScheme.surface.copy(alpha = 0.6f),
        border = BorderStroke(1.dp, colors.accent),
    ) {
        Text(
            text,
            style = MaterialTheme.typography.labelMedium,
            color = colors.content,
            modifier = Modifier.padding(horizontal = 10.dp, vertical = 4.dp),
        )
    }
}
