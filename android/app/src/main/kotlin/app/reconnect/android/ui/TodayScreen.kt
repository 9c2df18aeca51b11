package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.pluralStringResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.reconnect.android.R
import app.reconnect.android.ReconnectUiState
import app.reconnect.ffi.CheckIn

/** Today: whether the day's check-in happened and what it said, or a warm first-run welcome. */
@Composable
fun TodayScreen(state: ReconnectUiState, onCheckIn: () -> Unit, modifier: Modifier = Modifier) {
    Column(
        modifier
            .verticalScroll(rememberScrollState())
            .padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp),
    ) {
        state.problem?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }

        val today = state.today
        val checkIn = today?.checkIn
        when {
            today == null -> if (state.opening) Text(stringResource(R.string.opening))
            checkIn != null -> CheckedIn(today.date, checkIn, today.daysCheckedIn.toInt(), onCheckIn)
            today.daysCheckedIn == 0u -> FirstRun(onCheckIn)
            else -> NotYetToday(today.date, today.daysCheckedIn.toInt(), onCheckIn)
        }
    }
}

@Composable
private fun FirstRun(onCheckIn: () -> Unit) {
    Text(stringResource(R.string.first_run_title), style = MaterialTheme.typography.headlineMedium)
    Text(stringResource(R.string.first_run_body), style = MaterialTheme.typography.bodyLarge)
    Text(
        stringResource(R.string.first_run_privacy),
        style = MaterialTheme.typography.bodyMedium,
        color = MaterialTheme.colorScheme.onSurfaceVariant,
    )
    Button(onClick = onCheckIn) { Text(stringResource(R.string.first_check_in)) }
}

@Composable
private fun NotYetToday(date: String, days: Int, onCheckIn: () -> Unit) {
    Text(dayLabel(date), style = MaterialTheme.typography.titleMedium)
    Text(stringResource(R.string.not_yet_title), style = MaterialTheme.typography.headlineSmall)
    Text(stringResource(R.string.not_yet_body), style = MaterialTheme.typography.bodyLarge)
    Button(onClick = onCheckIn) { Text(stringResource(R.string.check_in_today)) }
    DaysCheckedIn(days)
}

@Composable
private fun CheckedIn(date: String, checkIn: CheckIn, days: Int, onCheckIn: () -> Unit) {
    Text(dayLabel(date), style = MaterialTheme.typography.titleMedium)
    Text(stringResource(R.string.checked_in_title), style = MaterialTheme.typography.headlineSmall)
    CheckInSummary(checkIn)
    Text(stringResource(R.string.checked_in_body), style = MaterialTheme.typography.bodyMedium)
    OutlinedButton(onClick = onCheckIn) { Text(stringResource(R.string.update_check_in)) }
    DaysCheckedIn(days)
}

@Composable
private fun DaysCheckedIn(days: Int) {
    Text(
        pluralStringResource(R.plurals.days_checked_in, days, days),
        style = MaterialTheme.typography.bodyMedium,
        color = MaterialTheme.colorScheme.onSurfaceVariant,
    )
}
