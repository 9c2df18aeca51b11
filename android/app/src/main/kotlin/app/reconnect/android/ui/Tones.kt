package app.reconnect.android.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.Immutable
import androidx.compose.runtime.ReadOnlyComposable
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.graphics.Color
import app.reconnect.ffi.Tone

/**
 * How each [Tone] looks: safety stands out calmly (a steady blue, never alarm red), advice
 * is a gentle sand, waiting and muted recede, positive is warm.
 */
@Immutable
data class ToneColors(val container: Color, val content: Color, val accent: Color)

@Immutable
data class TonePalette(
    val normal: ToneColors,
    val muted: ToneColors,
    val advice: ToneColors,
    val safety: ToneColors,
    val positive: ToneColors,
    val waiting: ToneColors,
)

internal val LightTones = TonePalette(
    normal = ToneColors(Color(0xFFF3EEE8), Color(0xFF1F1C19), Color(0xFF3E6A5C)),
    muted = ToneColors(Color(0xFFF1EEEA), Color(0xFF57514A), Color(0xFF8A8279)),
    advice = ToneColors(Color(0xFFF7EBD3), Color(0xFF3F2F10), Color(0xFF9A7433)),
    safety = ToneColors(Color(0xFFE3E9F8), Color(0xFF1B2B4F), Color(0xFF4A64A8)),
    positive = ToneColors(Color(0xFFF9E4D8), Color(0xFF4A2617), Color(0xFFB7694A)),
    waiting = ToneColors(Color(0xFFECE9E5), Color(0xFF4D4843), Color(0xFF8F867C)),
)

internal val DarkTones = TonePalette(
    normal = ToneColors(Color(0xFF24211E), Color(0xFFEAE3DC), Color(0xFFA6D1C1)),
    muted = ToneColors(Color(0xFF211F1D), Color(0xFFC4BCB3), Color(0xFF8F867C)),
    advice = ToneColors(Color(0xFF3A3020), Color(0xFFF3E2BF), Color(0xFFD8B673)),
    safety = ToneColors(Color(0xFF26304A), Color(0xFFDCE3FF), Color(0xFF9DB2EE)),
    positive = ToneColors(Color(0xFF402C24), Color(0xFFFFDCCD), Color(0xFFE79B7C)),
    waiting = ToneColors(Color(0xFF2A2826), Color(0xFFC9C2BA), Color(0xFF8F867C)),
)

internal val LocalToneColors = staticCompositionLocalOf { LightTones }

/** The colours of [tone] in the current theme. */
@Composable
@ReadOnlyComposable
fun toneColors(tone: Tone): ToneColors {
    val palette = LocalToneColors.current
    return when (tone) {
        Tone.NORMAL -> palette.normal
        Tone.MUTED -> palette.muted
        Tone.ADVICE -> palette.advice
        Tone.SAFETY -> palette.safety
        Tone.POSITIVE -> palette.positive
        Tone.WAITING -> palette.waiting
    }
}
