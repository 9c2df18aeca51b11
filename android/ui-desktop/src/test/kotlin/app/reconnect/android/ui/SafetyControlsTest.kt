package app.reconnect.android.ui

import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.SemanticsNodeInteraction
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.hasAnyAncestor
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.isDialog
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.performTextReplacement
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import app.reconnect.android.ui.Phone.show
import app.reconnect.android.ui.Phone.snap
import app.reconnect.ffi.EntryInput
import app.reconnect.ffi.EntryKind
import app.reconnect.ffi.Route
import app.reconnect.ffi.ShellTask
import app.reconnect.journalAdd
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

/** The quick exit, and confirmations that stand between a tap and something final. */
@OptIn(ExperimentalTestApi::class)
class SafetyControlsTest {
    private fun SkikoComposeUiTest.inDialog(matcher: SemanticsMatcher): SemanticsNodeInteraction =
        onNode(matcher and hasAnyAncestor(isDialog()))

    @Test
    fun `sensitive screens offer the quick exit and it calls back`() = Phone.test {
        Stores.open().use { store ->
            val shell = StoreShell(store, Route.Today)
            show(shell)
            assertTrue(shell.screen.sensitive)
            onNodeWithContentDescription("Quick exit: hide the app now").assertExists()
            onNodeWithText("Exit").performClick()
            assertEquals(1, shell.quickExits)

            shell.open(Route.Settings)
            waitForIdle()
            assertTrue(!shell.screen.sensitive)
            onNodeWithText("Exit").assertDoesNotExist()
        }
    }

    @Test
    fun `deleting everything waits until the word is typed`() = Phone.test {
        Stores.open().use { store ->
            val shell = StoreShell(store, Route.Data)
            show(shell)
            onNode(hasText("Delete everything") and hasClickAction()).performScrollTo().performClick()
            val confirm = inDialog(hasText("Delete everything") and hasClickAction())
            confirm.assertIsNotEnabled()
            inDialog(hasSetTextAction()).performTextInput("delet")
            confirm.assertIsNotEnabled()
            inDialog(hasSetTextAction()).performTextReplacement("Delete ")
            confirm.assertIsEnabled()
            snap("data-delete-confirm")
            assertTrue(shell.shellTasks.isEmpty())
            confirm.performClick()
            assertEquals(listOf(ShellTask.DELETE_EVERYTHING to emptyMap<String, String>()), shell.shellTasks.toList())
        }
    }

    @Test
    fun `deleting an entry asks first and Cancel sends nothing`() = Phone.test {
        Stores.open().use { store ->
            val entry = runBlocking { store.journalAdd(EntryInput(kind = EntryKind.ENTRY, title = "Monday", body = "Quiet day.")) }
            val shell = StoreShell(store, Route.Entry(entry.id))
            show(shell)
            onNodeWithText("Delete").performScrollTo().performClick()
            inDialog(hasText("Delete this for good? It goes from every device once they sync.")).assertExists()
            inDialog(hasText("Cancel")).performClick()
            waitForIdle()
            assertTrue(shell.sent.isEmpty())

            onNodeWithText("Delete").performScrollTo().performClick()
            inDialog(hasText("Delete") and hasClickAction()).performClick()
            assertEquals(listOf("journal.delete" to mapOf("id" to entry.id)), shell.sent.toList())
        }
    }
}
