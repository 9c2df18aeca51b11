package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.reconnect.android.R
import app.reconnect.ffi.CheckIn

/** Past check-ins, newest first, each with all of its answers. */
@Composable
fun HistoryScreen(history: List<CheckIn>, modifier: Modifier = Modifier) {
    LazyColumn(
        modifier,
        contentPadding = PaddingValues(24.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item {
            Text(stringResource(R.string.history_title), style = MaterialTheme.typography.headlineSmall)
        }
        if (history.isEmpty()) {
            item { Text(stringResource(R.string.history_empty), style = MaterialTheme.typography.bodyLarge) }
        }
        items(history, key = { it.date }) { checkIn ->
            Card(Modifier.fillMaxWidth()) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    Text(dayLabel(checkIn.date), style = MaterialTheme.typography.titleMedium)
                    CheckInSummary(checkIn)
                }
            }
        }
    }
}
