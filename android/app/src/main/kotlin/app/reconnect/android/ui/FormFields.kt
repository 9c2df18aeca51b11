package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import app.reconnect.ffi.ChoiceOption
import app.reconnect.ffi.Field
import app.reconnect.ffi.FieldKind

/** One input of a form, drawn by its kind; values stay text in the kind's own format. */
@Composable
fun FieldInput(field: Field, value: String, onChange: (String) -> Unit, modifier: Modifier = Modifier) {
    when (val kind = field.kind) {
        is FieldKind.Text -> TextInput(field, value, onChange, modifier, kind.maxChars.toInt(), kind.multiline)
        is FieldKind.Choice -> ChoiceInput(field, value, onChange, kind.options, modifier)
        FieldKind.YesNo -> Labelled(field, modifier) {
            Segments(field.label, listOf("yes" to "Yes", "no" to "No"), value, onChange)
        }
        FieldKind.Date -> FormattedInput(field, value, onChange, modifier, "YYYY-MM-DD", "2027-03-01")
        FieldKind.Time -> FormattedInput(field, value, onChange, modifier, "HH:MM, 24-hour", "20:30")
        FieldKind.DateTime -> FormattedInput(field, value, onChange, modifier, "YYYY-MM-DDTHH:MM", "2027-03-01T09:00")
        is FieldKind.Number -> NumberInput(field, value, onChange, kind, modifier)
        FieldKind.Tags -> TextInput(field, value, onChange, modifier, maxChars = null, multiline = false,
            extraHelp = "Separate words with commas.")
        FieldKind.Fixed -> Unit
    }
}

/** The label as shown and read aloud: "(required)" is part of the text, not only a star. */
internal fun labelOf(field: Field): String = if (field.required) "${field.label} (required)" else field.label

@Composable
private fun TextInput(
    field: Field,
    value: String,
    onChange: (String) -> Unit,
    modifier: Modifier,
    maxChars: Int?,
    multiline: Boolean,
    extraHelp: String? = null,
) {
    val help = listOfNotNull(field.help, extraHelp.takeIf { field.help == null })
    OutlinedTextField(
        value = value,
        onValueChange = { onChange(if (maxChars != null) it.take(maxChars) else it) },
        label = { Text(labelOf(field)) },
        singleLine = !multiline,
        minLines = if (multiline) 3 else 1,
        supportingText = if (help.isNotEmpty() || (multiline && maxChars != null)) {
            {
                Column {
                    help.forEach { Text(it) }
                    if (multiline && maxChars != null) Text("${value.length} of $maxChars characters")
                }
            }
        } else null,
        modifier = modifier.fillMaxWidth(),
    )
}

@Composable
private fun FormattedInput(
    field: Field,
    value: String,
    onChange: (String) -> Unit,
    modifier: Modifier,
    format: String,
    example: String,
) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(labelOf(field)) },
        placeholder = { Text(example) },
        singleLine = true,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
        supportingText = { Text(listOfNotNull(field.help, "Format: $format").joinToString(" ")) },
        modifier = modifier.fillMaxWidth(),
    )
}

/** Small scales (mood 1–5, urge 0–10) as buttons; wider ranges as a number to type. */
@Composable
private fun NumberInput(field: Field, value: String, onChange: (String) -> Unit, kind: FieldKind.Number, modifier: Modifier) {
    if (kind.max - kind.min <= MAX_SEGMENTS - 1) {
        Labelled(field, modifier) {
            Segments(field.label, (kind.min..kind.max).map { "$it" to "$it" }, value, onChange)
            if (kind.lowLabel != null || kind.highLabel != null) {
                Row(Modifier.fillMaxWidth(), horizontalArrangement = Arrangement.SpaceBetween) {
                    Text("${kind.min}: ${kind.lowLabel.orEmpty()}", style = MaterialTheme.typography.bodySmall)
                    Text("${kind.max}: ${kind.highLabel.orEmpty()}", style = MaterialTheme.typography.bodySmall)
                }
            }
        }
    } else {
        OutlinedTextField(
            value = value,
            onValueChange = { typed -> onChange(typed.filter { it.isDigit() || it == '-' }) },
            label = { Text(labelOf(field)) },
            singleLine = true,
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
            supportingText = { Text(listOfNotNull(field.help, "From ${kind.min} to ${kind.max}.").joinToString(" ")) },
            modifier = modifier.fillMaxWidth(),
        )
    }
}

private const val MAX_SEGMENTS = 11

/** A radio list: each option with its explanation, the whole row tappable. */
@Composable
private fun ChoiceInput(field: Field, value: String, onChange: (String) -> Unit, options: List<ChoiceOption>, modifier: Modifier) {
    Labelled(field, modifier) {
        Column(Modifier.selectableGroup()) {
            // An optional question with nothing chosen yet can stay unanswered.
            val shown = if (!field.required && field.value == null) {
                listOf(ChoiceOption(code = "", label = "No answer", explanation = null)) + options
            } else {
                options
            }
            shown.forEach { option ->
                Row(
                    Modifier
                        .fillMaxWidth()
                        .heightIn(min = 48.dp)
                        .selectable(selected = value == option.code, role = Role.RadioButton) { onChange(option.code) }
                        .padding(vertical = 6.dp),
                    verticalAlignment = Alignment.CenterVertically,
                ) {
                    RadioButton(selected = value == option.code, onClick = null)
                    Column(Modifier.padding(start = 8.dp)) {
                        Text(option.label, style = MaterialTheme.typography.bodyLarge)
                        option.explanation?.let {
                            Text(it, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
                        }
                    }
                }
            }
        }
    }
}

/** A field's label and help above a custom input. */
@Composable
private fun Labelled(field: Field, modifier: Modifier, content: @Composable () -> Unit) {
    Column(modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(6.dp)) {
        Text(labelOf(field), style = MaterialTheme.typography.titleSmall)
        field.help?.let {
            Text(it, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
        }
        content()
    }
}
