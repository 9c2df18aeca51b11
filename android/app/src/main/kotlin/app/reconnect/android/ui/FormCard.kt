package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.mutableStateMapOf
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.reconnect.ffi.Action
import app.reconnect.ffi.FieldKind

/**
 * An action's fields, opened in place below its button: pre-filled from the fields' values,
 * required ones marked, and the action's own label on the button that sends it.
 */
@Composable
fun FormCard(action: Action, busy: Boolean, onSubmit: (Map<String, String>) -> Unit, onCancel: () -> Unit, modifier: Modifier = Modifier) {
    val values = remember(action) {
        mutableStateMapOf<String, String>().apply { action.fields.forEach { put(it.key, it.value.orEmpty()) } }
    }
    val shown = action.fields.filter { it.kind != FieldKind.Fixed }
    val missing = shown.filter { it.required && values[it.key].isNullOrBlank() }
    Surface(
        modifier = modifier.fillMaxWidth(),
        shape = RoundedCornerShape(16.dp),
        color = MaterialTheme.colorScheme.surfaceContainerHigh,
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(16.dp)) {
            shown.forEach { field ->
                FieldInput(field, values[field.key].orEmpty(), onChange = { values[field.key] = it })
            }
            if (missing.isNotEmpty()) {
                Text(
                    "Still to answer: " + missing.joinToString(", ") { it.label },
                    style = MaterialTheme.typography.bodyMedium,
                    color = MaterialTheme.colorScheme.onSurfaceVariant,
                )
            }
            Button(
                onClick = { onSubmit(values.toMap()) },
                enabled = missing.isEmpty() && !busy,
                modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
            ) { Text(action.label) }
            TextButton(onClick = onCancel, modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp)) { Text("Cancel") }
        }
    }
}
