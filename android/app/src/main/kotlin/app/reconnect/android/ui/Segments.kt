package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.defaultMinSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.role
import androidx.compose.ui.semantics.selected
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp

/**
 * A row of big, wrapping buttons for one answer out of a few (yes/no, a 1–5 scale). Each
 * reads as "[group]: [option]" to a screen reader, and says whether it is selected.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun Segments(group: String, options: List<Pair<String, String>>, value: String, onChange: (String) -> Unit) {
    FlowRow(
        Modifier.fillMaxWidth().selectableGroup(),
        horizontalArrangement = Arrangement.spacedBy(8.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        options.forEach { (code, label) ->
            val chosen = value == code
            val semantics = Modifier
                .defaultMinSize(minWidth = 56.dp, minHeight = 48.dp)
                .semantics {
                    contentDescription = "$group: $label"
                    selected = chosen
                    role = Role.RadioButton
                }
            val padding = PaddingValues(horizontal = 12.dp)
            if (chosen) {
                Button(onClick = { onChange(code) }, modifier = semantics, contentPadding = padding) { Text(label) }
            } else {
                OutlinedButton(onClick = { onChange(code) }, modifier = semantics, contentPadding = padding) { Text(label) }
            }
        }
    }
}
