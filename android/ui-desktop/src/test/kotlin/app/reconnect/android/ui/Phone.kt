package app.reconnect.android.ui

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.toAwtImage
import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.isRoot
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import java.io.File
import javax.imageio.ImageIO

/** A phone-sized window (412 × 915 dp) and the app in it, with light and dark screenshots. */
@OptIn(ExperimentalTestApi::class)
object Phone {
    private const val WIDTH_DP = 412f
    private const val HEIGHT_DP = 915f
    private const val DENSITY = 1f

    private val screens = File(System.getProperty("reconnect.screens.dir", "target/screens"))

    /** Light or dark, switched by [snap]. */
    private var dark by mutableStateOf(false)

    fun test(fontScale: Float = 1f, block: SkikoComposeUiTest.() -> Unit) = runSkikoComposeUiTest(
        size = Size(WIDTH_DP * DENSITY, HEIGHT_DP * DENSITY),
        density = Density(DENSITY, fontScale),
    ) {
        dark = false
        block()
    }

    /** Shows [shell]'s screen in the app frame, as the person sees it. */
    fun ComposeUiTest.show(shell: StoreShell) = setContent {
        ReconnectTheme(dark = dark) {
            ReconnectApp(
                screen = shell.screen,
                onOpen = shell::open,
                onAction = shell::act,
                onQuickExit = shell::quickExit,
                busy = false,
                message = shell.message,
                problem = shell.problem,
                onBack = if (shell.canGoBack) shell::back else null,
            )
        }
    }

    /** Writes what is on screen now as `name-light.png` and `name-dark.png`. */
    fun ComposeUiTest.snap(name: String) {
        for (mode in listOf(false, true)) {
            dark = mode
            waitForIdle()
            // The last root is on top: a dialog when one is open, else the window.
            val roots = onAllNodes(isRoot()).fetchSemanticsNodes()
            val image = onAllNodes(isRoot())[roots.size - 1].captureToImage().toAwtImage()
            val file = File(screens, "$name-${if (mode) "dark" else "light"}.png")
            file.parentFile.mkdirs()
            ImageIO.write(image, "png", file)
        }
        dark = false
        waitForIdle()
    }
}
