package app.reconnect.android.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxHeight
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.StrokeCap
import androidx.compose.ui.graphics.drawscope.DrawScope
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import app.reconnect.ffi.Block
import app.reconnect.ffi.Tone

/**
 * Values over time as a soft line with dots, gaps where nothing was recorded. Screen readers
 * hear the chart's one-sentence summary instead of the drawing.
 */
@Composable
fun MoodChart(chart: Block.Chart, modifier: Modifier = Modifier) {
    val line = MaterialTheme.colorScheme.primary
    val grid = MaterialTheme.colorScheme.outlineVariant
    Column(modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(
            chart.title,
            style = MaterialTheme.typography.titleMedium,
            fontWeight = FontWeight.SemiBold,
            modifier = Modifier.padding(top = 8.dp).semantics { heading() },
        )
        Row(Modifier.fillMaxWidth().height(CHART_HEIGHT), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            // The scale's ends, so a lone dot still says where it stands.
            Column(Modifier.fillMaxHeight().clearAndSetSemantics {}, verticalArrangement = Arrangement.SpaceBetween) {
                Text(number(chart.max), style = MaterialTheme.typography.bodySmall)
                Text(number(chart.min), style = MaterialTheme.typography.bodySmall)
            }
            Canvas(
                Modifier
                    .weight(1f)
                    .fillMaxHeight()
                    .padding(DOT * 2)
                    .semantics { contentDescription = chart.summary },
            ) { drawChart(chart, line, grid) }
        }
        if (chart.points.isNotEmpty()) {
            Row(Modifier.fillMaxWidth().padding(start = 24.dp), horizontalArrangement = Arrangement.SpaceBetween) {
                Text(chart.points.first().label, style = MaterialTheme.typography.bodySmall)
                if (chart.points.size > 1) Text(chart.points.last().label, style = MaterialTheme.typography.bodySmall)
            }
        }
        // Already the drawing's description; read once.
        Box(Modifier.clearAndSetSemantics {}) { TextBlock(chart.summary, Tone.MUTED) }
    }
}

private val CHART_HEIGHT = 160.dp
private val DOT = 5.dp

private fun number(v: Double): String = if (v % 1.0 == 0.0) v.toLong().toString() else v.toString()

private fun DrawScope.drawChart(chart: Block.Chart, line: Color, grid: Color) {
    val steps = 4
    for (i in 0..steps) {
        val y = size.height * i / steps
        drawLine(grid, Offset(0f, y), Offset(size.width, y), strokeWidth = 1.dp.toPx())
    }
    val points = chart.points
    if (points.isEmpty()) return
    val span = (chart.max - chart.min).takeIf { it > 0 } ?: 1.0
    val dx = if (points.size > 1) size.width / (points.size - 1) else 0f
    fun at(i: Int, v: Double) = Offset(
        if (points.size > 1) dx * i else size.width / 2,
        (size.height * (1 - (v.coerceIn(chart.min, chart.max) - chart.min) / span)).toFloat(),
    )
    var previous: Offset? = null
    points.forEachIndexed { i, p ->
        val v = p.value
        if (v == null) {
            previous = null
        } else {
            val here = at(i, v)
            previous?.let { drawLine(line, it, here, strokeWidth = 3.dp.toPx(), cap = StrokeCap.Round) }
            drawCircle(line, radius = DOT.toPx(), center = here)
            previous = here
        }
    }
}
