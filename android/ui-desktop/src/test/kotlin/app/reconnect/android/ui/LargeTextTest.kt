package app.reconnect.android.ui

import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import app.reconnect.android.ui.Phone.show
import app.reconnect.android.ui.Phone.snap
import app.reconnect.ffi.Route
import org.junit.Assert.assertEquals
import org.junit.Test

/** At twice the font size everything still fits, or scrolls: nothing is cut off for good. */
class LargeTextTest {
    @Test
    fun `the check-in form works at 200 percent text`() = Phone.test(fontScale = 2f) {
        Stores.open().use { store ->
            val shell = StoreShell(store, Route.CheckIn)
            show(shell)
            onNodeWithText("Exit").assertIsDisplayed()
            snap("large-text-check-in")
            onNodeWithContentDescription("Mood: 3").performScrollTo().assertIsDisplayed().performClick()
            onNodeWithContentDescription("Urge to reach out: 10").performScrollTo().assertIsDisplayed().performClick()
            onNodeWithText("Save check-in").performScrollTo().assertIsDisplayed().performClick()
            assertEquals(Route.Today, shell.screen.route)
            onNodeWithText("You checked in today").performScrollTo().assertIsDisplayed()
        }
    }

    @Test
    fun `a locked step's reasons stay readable at 200 percent text`() = Phone.test(fontScale = 2f) {
        Stores.open().use { store ->
            val shell = StoreShell(store, Route.Step(4u))
            show(shell)
            snap("large-text-step-4")
            val locked = shell.screen.actions().first { it.unavailable != null }
            onNodeWithText(locked.label).performScrollTo().assertIsDisplayed()
        }
    }
}
