package app.reconnect.android.ui

import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import app.reconnect.android.ui.Phone.show
import app.reconnect.android.ui.Phone.snap
import app.reconnect.ffi.Route
import org.junit.Assert.assertEquals
import org.junit.Test

/** The daily check-in, from Today's button through the form to Today's summary. */
class CheckInFlowTest {
    @Test
    fun `checking in from Today saves through the store and Today shows the summary`() = Phone.test {
        Stores.open().use { store ->
            val shell = StoreShell(store, Route.Today)
            show(shell)
            onNodeWithText("Your first check-in").assertExists()
            snap("today")

            onNodeWithText("Check in").performScrollTo().performClick()
            assertEquals(Route.CheckIn, shell.screen.route)
            // Mood and urge are required: the form says so and waits for them.
            onNodeWithText("Mood (required)").assertExists()
            onNodeWithText("Still to answer: Mood, Urge to reach out").assertExists()
            onNodeWithText("Save check-in").performScrollTo().assertIsNotEnabled()

            onNodeWithContentDescription("Mood: 4").performScrollTo().performClick()
            onNodeWithContentDescription("Urge to reach out: 2").performScrollTo().performClick()
            onNodeWithText("A note for yourself").performScrollTo().performTextInput("A long walk helped.")
            snap("check-in")
            onNodeWithText("Save check-in").performScrollTo().assertIsEnabled().performClick()

            assertEquals(
                listOf("checkin.save" to mapOf("mood" to "4", "urge" to "2", "contact" to "none", "note" to "A long walk helped.")),
                shell.sent,
            )
            assertEquals(Route.Today, shell.screen.route)
            onNodeWithText("Saved. Thank you for checking in.").assertExists()
            onNodeWithText("You checked in today").assertExists()
            onNodeWithText("4 of 5").assertExists()
            onNodeWithText("2 of 10").assertExists()
            onNodeWithText("A long walk helped.").assertExists()
            onNodeWithText("Check in").assertDoesNotExist()
            snap("today-checked-in")
        }
    }

    @Test
    fun `the check-in form opens with today's answers when changing them`() = Phone.test {
        Stores.open().use { store ->
            store.checkIn(mood = 2, urge = 7, contact = null, note = "Hard evening.")
            val shell = StoreShell(store, Route.CheckIn)
            show(shell)
            onNodeWithText("Hard evening.").assertExists()
            onNodeWithText("Save changes").performScrollTo().assertIsEnabled().performClick()
            assertEquals("2", shell.sent.single().second["mood"])
            assertEquals("7", shell.sent.single().second["urge"])
        }
    }
}
