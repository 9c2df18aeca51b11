package app.reconnect.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.drawBehind
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import app.reconnect.ffi.Block
import app.reconnect.ffi.Tone

/** One block of a screen, drawn by its kind. */
@Composable
fun BlockView(block: Block, state: ActionsState, handlers: ActionHandlers, busy: Boolean) {
    when (block) {
        is Block.Heading -> HeadingBlock(block.text)
        is Block.Text -> TextBlock(block.text, block.tone)
        is Block.Card -> CardBlock(block, state, handlers, busy)
        is Block.Fact -> FactBlock(block.label, block.value)
        is Block.Row -> RowBlock(block, state, handlers, busy)
        is Block.Chart -> MoodChart(block)
        is Block.Actions -> ActionList(block.actions, state, handlers, busy)
    }
}

@Composable
fun HeadingBlock(text: String) {
    Text(
        text,
        style = MaterialTheme.typography.titleLarge,
        color = MaterialTheme.colorScheme.onBackground,
        modifier = Modifier.fillMaxWidth().padding(top = 12.dp).semantics { heading() },
    )
}

@Composable
fun TextBlock(text: String, tone: Tone) {
    val quiet = tone == Tone.MUTED || tone == Tone.WAITING
    Text(
        text,
        style = if (quiet) MaterialTheme.typography.bodyMedium else MaterialTheme.typography.bodyLarge,
        color = when (tone) {
            Tone.NORMAL -> MaterialTheme.colorScheme.onBackground
            Tone.MUTED, Tone.WAITING -> MaterialTheme.colorScheme.onSurfaceVariant
            else -> toneColors(tone).accent
        },
        modifier = Modifier.fillMaxWidth(),
    )
}

/** A label and its value, read as one phrase; the value moves below when both don't fit. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun FactBlock(label: String, value: String) {
    FlowRow(
        Modifier.fillMaxWidth().semantics(mergeDescendants = true) {},
        horizontalArrangement = Arrangement.SpaceBetween,
    ) {
        Text(
            label,
            style = MaterialTheme.typography.bodyLarge,
            color = MaterialTheme.colorScheme.onSurfaceVariant,
            modifier = Modifier.padding(end = 12.dp),
        )
        Text(
            value,
            style = MaterialTheme.typography.bodyLarge,
            fontWeight = FontWeight.SemiBold,
            color = MaterialTheme.colorScheme.onBackground,
        )
    }
}

/** A titled card in its tone; safety and advice carry a calm stripe of their colour. */
@Composable
fun CardBlock(card: Block.Card, state: ActionsState, handlers: ActionHandlers, busy: Boolean) {
    val colors = toneColors(card.tone)
    ToneSurface(card.tone) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(
                card.title,
                style = MaterialTheme.typography.titleMedium,
                fontWeight = FontWeight.SemiBold,
                color = colors.content,
                modifier = Modifier.semantics { heading() },
            )
            if (card.text.isNotEmpty()) {
                Text(card.text, style = MaterialTheme.typography.bodyLarge, color = colors.content)
            }
            if (card.actions.isNotEmpty()) {
                ActionList(card.actions, state, handlers, busy, Modifier.padding(top = 4.dp))
            }
        }
    }
}

/** A surface in [tone]'s colours; safety, advice and positive ones get a stripe on the left. */
@Composable
fun ToneSurface(tone: Tone, modifier: Modifier = Modifier, onClick: (() -> Unit)? = null, content: @Composable () -> Unit) {
    val colors = toneColors(tone)
    val stripe = when (tone) {
        Tone.SAFETY, Tone.ADVICE, Tone.POSITIVE -> colors.accent
        else -> Color.Transparent
    }
    val shape = RoundedCornerShape(16.dp)
    val inner: @Composable () -> Unit = {
        Box(
            Modifier
                .drawBehind { drawRect(stripe, size = Size(STRIPE.toPx(), size.height)) }
                .padding(start = STRIPE),
        ) { content() }
    }
    if (onClick != null) {
        Surface(onClick = onClick, modifier = modifier.fillMaxWidth(), shape = shape, color = colors.container, content = inner)
    } else {
        Surface(modifier = modifier.fillMaxWidth(), shape = shape, color = colors.container, content = inner)
    }
}

private val STRIPE = 6.dp
