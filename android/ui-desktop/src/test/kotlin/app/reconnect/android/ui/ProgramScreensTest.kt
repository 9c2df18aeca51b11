package app.reconnect.android.ui

import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onFirst
import androidx.compose.ui.test.onLast
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import app.reconnect.android.ui.Phone.show
import app.reconnect.android.ui.Phone.snap
import app.reconnect.ffi.FieldKind
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.Route
import app.reconnect.screens.perform
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Test

/** The program as a fresh store shows it: locks with their reasons, refusals, letting go. */
class ProgramScreensTest {
    @Test
    fun `a locked step shows why, and its actions are disabled with the reason beside them`() = Phone.test {
        Stores.open().use { store ->
            val shell = StoreShell(store, Route.Step(4u))
            show(shell)
            val locked = shell.screen.actions().filter { it.unavailable != null }
            assertTrue("step 4 of a fresh store offers locked actions", locked.size >= 2)

            onAllNodesWithText("Not open yet").onFirst().assertExists()
            for (action in locked) {
                onNodeWithText(action.label).performScrollTo().assertIsNotEnabled().performClick()
                val reason = action.unavailable!!
                assertTrue(onAllNodesWithText(reason).fetchSemanticsNodes().isNotEmpty())
            }
            // Tapping a disabled action opened nothing and sent nothing.
            onNodeWithText("Cancel").assertDoesNotExist()
            assertTrue(shell.sent.isEmpty())
            onAllNodesWithText(locked.last().unavailable!!).onLast().performScrollTo()
            snap("step-4-locked")
        }
    }

    @Test
    fun `a refusal is shown in the core's own words`() = Phone.test {
        Stores.open().use { store ->
            val shell = StoreShell(store, Route.Step(4u))
            show(shell)
            val attempt = shell.screen.commandAction("program.log_attempt")
            val values = attempt.fields.associate { field ->
                field.key to when (val kind = field.kind) {
                    is FieldKind.Choice -> kind.options.first().code
                    else -> field.value.orEmpty()
                }
            }
            val refused = assertThrows(ReconnectException.Refused::class.java) {
                runBlocking { store.perform("program.log_attempt", values) }
            }
            assertTrue(refused.detail.isNotBlank())
            shell.problem = refused.detail
            onNodeWithText(refused.detail).assertIsDisplayed()
            snap("step-4-refused")
        }
    }

    @Test
    fun `letting go is one tap from the program`() = Phone.test {
        Stores.open().use { store ->
            val shell = StoreShell(store, Route.Program)
            show(shell)
            snap("program")
            onNodeWithText("Let go").performScrollTo().performClick()
            assertEquals(Route.LetGo, shell.screen.route)
            onAllNodesWithText(shell.screen.title).onFirst().assertIsDisplayed()
            snap("let-go")
        }
    }

    @Test
    fun `a step's row on the program opens that step`() = Phone.test {
        Stores.open().use { store ->
            val shell = StoreShell(store, Route.Program)
            show(shell)
            onNodeWithText("Start the self-check").performScrollTo().performClick()
            assertEquals(Route.Step(0u), shell.screen.route)
            snap("step-0")
        }
    }
}
