package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.reconnect.android.R
import app.reconnect.ffi.CheckIn

/** One check-in's answers, shared by Today and History. */
@Composable
fun CheckInSummary(checkIn: CheckIn, modifier: Modifier = Modifier) {
    val mood = checkIn.mood.toInt()
    Column(modifier, verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(stringResource(R.string.mood_value, moodLabel(mood), mood))
        Text(stringResource(R.string.urge_value, checkIn.urge.toInt()))
        Text(stringResource(R.string.contact_value, contactLabel(checkIn.contact)))
        checkIn.note?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        for (other in checkIn.noteConflicts) {
            Text(
                stringResource(R.string.note_conflict, other),
                style = MaterialTheme.typography.bodySmall,
                color = MaterialTheme.colorScheme.onSurfaceVariant,
            )
        }
    }
}
