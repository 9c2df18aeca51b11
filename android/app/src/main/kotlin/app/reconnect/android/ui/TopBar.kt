package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp

/** The screen's title, a Back button when there is somewhere to go back to, and the quick exit. */
@Composable
fun TopBar(title: String, quickExit: (() -> Unit)?, onBack: (() -> Unit)?) {
    Surface(color = MaterialTheme.colorScheme.surfaceContainer) {
        Row(
            Modifier.fillMaxWidth().heightIn(min = 64.dp).padding(horizontal = 8.dp, vertical = 8.dp),
            verticalAlignment = Alignment.CenterVertically,
            horizontalArrangement = Arrangement.spacedBy(4.dp),
        ) {
            if (onBack != null) {
                TextButton(
                    onClick = onBack,
                    modifier = Modifier.heightIn(min = 48.dp).semantics { contentDescription = "Back" },
                ) { Text("‹ Back") }
            }
            Text(
                title,
                style = MaterialTheme.typography.titleLarge,
                modifier = Modifier
                    .weight(1f)
                    .padding(horizontal = if (onBack == null) 8.dp else 0.dp)
                    .semantics { heading() },
            )
            if (quickExit != null) {
                // Always visible and plainly worded: one tap hides the app.
                OutlinedButton(
                    onClick = quickExit,
                    modifier = Modifier.heightIn(min = 48.dp).semantics { contentDescription = "Quick exit: hide the app now" },
                ) { Text("Exit") }
            }
        }
    }
}
