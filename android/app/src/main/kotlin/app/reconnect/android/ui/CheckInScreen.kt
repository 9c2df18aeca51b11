package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.reconnect.CheckInFormState
import app.reconnect.android.R
import app.reconnect.ffi.ContactMedium
import kotlin.math.roundToInt

/** The daily check-in: mood 1–5, urge 0–10, any contact, and a short note. */
@OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)
@Composable
fun CheckInScreen(
    form: CheckInFormState,
    saving: Boolean,
    onChange: ((CheckInFormState) -> CheckInFormState) -> Unit,
    onSave: () -> Unit,
    onDone: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Column(
        modifier
            .verticalScroll(rememberScrollState())
            .imePadding()
            .padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(20.dp),
    ) {
        Text(stringResource(R.string.check_in_title), style = MaterialTheme.typography.headlineSmall)

        Section(stringResource(R.string.mood_question)) {
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                for (level in CheckInFormState.MOOD_RANGE) {
                    FilterChip(
                        selected = form.mood == level,
                        onClick = { onChange { it.withMood(level) } },
                        label = { Text(level.toString()) },
                    )
                }
            }
            form.mood?.let { Text(stringResource(R.string.mood_chosen, moodLabel(it))) }
        }

        Section(stringResource(R.string.urge_question)) {
            Text(stringResource(R.string.urge_hint), style = MaterialTheme.typography.bodySmall)
            Slider(
                value = (form.urge ?: 0).toFloat(),
                onValueChange = { value -> onChange { it.withUrge(value.roundToInt()) } },
                valueRange = 0f..10f,
                steps = 9,
            )
            Text(
                form.urge?.let { stringResource(R.string.urge_value, it) }
                    ?: stringResource(R.string.urge_not_chosen),
            )
        }

        Section(stringResource(R.string.contact_question)) {
            Text(stringResource(R.string.contact_hint), style = MaterialTheme.typography.bodySmall)
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                for (medium in ContactMedium.entries) {
                    FilterChip(
                        selected = form.contact == medium,
                        onClick = { onChange { it.withContact(medium) } },
                        label = { Text(contactLabel(medium)) },
                    )
                }
            }
        }

        OutlinedTextField(
            value = form.note,
            onValueChange = { text -> onChange { it.withNote(text) } },
            label = { Text(stringResource(R.string.note_label)) },
            supportingText = {
                Text(stringResource(R.string.note_count, form.note.length, CheckInFormState.NOTE_MAX_CHARS))
            },
            minLines = 3,
            modifier = Modifier.fillMaxWidth(),
        )

        form.message?.let {
            Text(
                it,
                style = MaterialTheme.typography.bodyLarge,
                color = if (form.saved != null) MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.onSurface,
            )
        }

        if (form.saved != null) {
            Button(onClick = onDone) { Text(stringResource(R.string.back_to_today)) }
        } else {
            Row(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
                Button(onClick = onSave, enabled = !saving) { Text(stringResource(R.string.save)) }
                TextButton(onClick = onDone) { Text(stringResource(R.string.cancel)) }
            }
        }
    }
}

@Composable
private fun Section(title: String, content: @Composable () -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(title, style = MaterialTheme.typography.titleMedium)
        content()
    }
}
