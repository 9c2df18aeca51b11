package app.reconnect.android.ui

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.graphics.Color

/**
 * The app's calm colours, light and dark: warm neutrals with a soft sage accent. Our own
 * palette rather than the wallpaper's, so safety and advice always look the way we chose.
 */
@Composable
fun ReconnectTheme(dark: Boolean = isSystemInDarkTheme(), content: @Composable () -> Unit) {
    CompositionLocalProvider(LocalToneColors provides if (dark) DarkTones else LightTones) {
        MaterialTheme(colorScheme = if (dark) DarkColors else LightColors, content = content)
    }
}

private val LightColors = lightColorScheme(
    primary = Color(0xFF3E6A5C),
    onPrimary = Color(0xFFFFFFFF),
    primaryContainer = Color(0xFFC7E9DA),
    onPrimaryContainer = Color(0xFF00201A),
    secondary = Color(0xFF6B5B4A),
    onSecondary = Color(0xFFFFFFFF),
    secondaryContainer = Color(0xFFF3E0CB),
    onSecondaryContainer = Color(0xFF251A0D),
    background = Color(0xFFFBF8F4),
    onBackground = Color(0xFF1F1C19),
    surface = Color(0xFFFBF8F4),
    onSurface = Color(0xFF1F1C19),
    surfaceVariant = Color(0xFFECE6DF),
    onSurfaceVariant = Color(0xFF4D4740),
    surfaceContainer = Color(0xFFF3EEE8),
    surfaceContainerLow = Color(0xFFF7F3EE),
    surfaceContainerHigh = Color(0xFFEDE8E2),
    outline = Color(0xFF7E766D),
    outlineVariant = Color(0xFFD0C8BF),
    error = Color(0xFF9C4A3C),
    onError = Color(0xFFFFFFFF),
)

private val DarkColors = darkColorScheme(
    primary = Color(0xFFA6D1C1),
    onPrimary = Color(0xFF0F372D),
    primaryContainer = Color(0xFF275044),
    onPrimaryContainer = Color(0xFFC7E9DA),
    secondary = Color(0xFFD9C3AC),
    onSecondary = Color(0xFF3B2E20),
    secondaryContainer = Color(0xFF524435),
    onSecondaryContainer = Color(0xFFF3E0CB),
    background = Color(0xFF181614),
    onBackground = Color(0xFFEAE3DC),
    surface = Color(0xFF181614),
    onSurface = Color(0xFFEAE3DC),
    surfaceVariant = Color(0xFF3A3530),
    onSurfaceVariant = Color(0xFFCFC6BC),
    surfaceContainer = Color(0xFF24211E),
    surfaceContainerLow = Color(0xFF1F1C1A),
    surfaceContainerHigh = Color(0xFF2E2A27),
    outline = Color(0xFF998F85),
    outlineVariant = Color(0xFF4D4740),
    error = Color(0xFFF2B8A8),
    onError = Color(0xFF561F14),
)
