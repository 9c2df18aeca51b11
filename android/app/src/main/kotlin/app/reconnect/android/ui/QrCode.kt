package app.reconnect.android.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import app.reconnect.ffi.QrMatrix
import kotlin.math.floor

/** Modules of light margin around the code, as the QR standard asks for scanners. */
private const val QUIET_ZONE = 4

/**
 * Draws a QR code the core encoded: dark modules black on white, in the dark theme too,
 * because scanners expect that contrast. Each module is a whole number of pixels, so no
 * hairline seams appear between them.
 */
@Composable
fun QrCode(matrix: QrMatrix, description: String, modifier: Modifier = Modifier) {
    val modules = matrix.size.toInt()
    val dark = matrix.dark
    Canvas(modifier.aspectRatio(1f).semantics { contentDescription = description }) {
        drawRect(Color.White)
        if (modules <= 0 || dark.size < modules * modules) return@Canvas
        val span = modules + 2 * QUIET_ZONE
        val cell = floor(size.minDimension / span).coerceAtLeast(1f)
        val origin = (size.minDimension - cell * modules) / 2
        for (y in 0 until modules) {
            for (x in 0 until modules) {
                if (!dark[y * modules + x]) continue
                drawRect(
                    color = Color.Black,
                    topLeft = Offset(origin + x * cell, origin + y * cell),
                    size = Size(cell, cell),
                )
            }
        }
    }
}
