package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.widthIn
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp
import androidx.compose.ui.window.Dialog
import androidx.compose.ui.window.DialogProperties
import app.reconnect.ffi.QrMatrix
import java.time.Instant
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle

/** A pairing code on show: [code] to type, [qr] to scan (null if it could not be drawn). */
data class PairingCode(val code: String, val qr: QrMatrix?, val expiresAt: Instant)

/**
 * The sheet over the screens while this device waits for another one to pair: the code
 * in large, spaced characters, its QR code, until when it works, and Cancel. Closing it
 * any other way (back, a tap outside) also cancels, so a code never keeps waiting unseen.
 */
@Composable
fun PairingSheet(pairing: PairingCode, onCancel: () -> Unit, zone: ZoneId = ZoneId.systemDefault()) {
    Dialog(onDismissRequest = onCancel, properties = DialogProperties(usePlatformDefaultWidth = false)) {
        Surface(
            shape = MaterialTheme.shapes.extraLarge,
            modifier = Modifier.padding(16.dp).widthIn(max = 480.dp),
        ) {
            Column(
                Modifier.verticalScroll(rememberScrollState()).padding(24.dp),
                verticalArrangement = Arrangement.spacedBy(16.dp),
                horizontalAlignment = Alignment.CenterHorizontally,
            ) {
                Text("Pair a new device", style = MaterialTheme.typography.headlineSmall)
                Text(
                    "On your other device, open Settings, then Your devices, then Enter a code, and type " +
                        "this code. Both need to be on the same Wi-Fi.",
                    style = MaterialTheme.typography.bodyLarge,
                )
                Text(
                    spaced(pairing.code),
                    fontFamily = FontFamily.Monospace,
                    fontWeight = FontWeight.SemiBold,
                    fontSize = 30.sp,
                    letterSpacing = 4.sp,
                    textAlign = TextAlign.Center,
                    modifier = Modifier.fillMaxWidth().semantics { contentDescription = spoken(pairing.code) },
                )
                pairing.qr?.let { QrCode(it, "QR code of the pairing code", Modifier.fillMaxWidth(0.8f)) }
                Text(
                    "This code works once, until ${until(pairing.expiresAt, zone)}.",
                    style = MaterialTheme.typography.bodyMedium,
                    color = MaterialTheme.colorScheme.onSurfaceVariant,
                )
                Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(12.dp)) {
                    CircularProgressIndicator(Modifier.size(20.dp), strokeWidth = 2.dp)
                    Text("Waiting for your other device…", style = MaterialTheme.typography.bodyMedium)
                }
                TextButton(onClick = onCancel, modifier = Modifier.align(Alignment.End)) { Text("Cancel") }
            }
        }
    }
}

/** "ABCDE-FGHIJ" as "ABCDE FGHIJ": two groups read more easily than a dash. */
private fun spaced(code: String): String = code.replace('-', ' ')

/** Letter by letter for screen readers, so the code is not read as a word. */
private fun spoken(code: String): String =
    "Pairing code: " + code.filter { it.isLetterOrDigit() }.toList().joinToString(" ")

private fun until(instant: Instant, zone: ZoneId): String =
    DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withZone(zone).format(instant)
