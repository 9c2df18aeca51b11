package app.reconnect.android.ui

import androidx.compose.ui.test.assertCountEquals
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onFirst
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import app.reconnect.android.ui.Phone.show
import app.reconnect.android.ui.Phone.snap
import app.reconnect.ffi.EntryEdit
import app.reconnect.ffi.EntryInput
import app.reconnect.ffi.EntryKind
import app.reconnect.ffi.Route
import app.reconnect.journalAdd
import app.reconnect.journalEdit
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Test

/** One entry edited on two devices at once: both versions show, and one tap keeps one. */
class JournalConflictTest {
    @Test
    fun `an entry changed on two devices shows both versions and keeps the chosen one`() = Phone.test {
        Stores.open("phone", seed = 1).use { phone ->
            Stores.open("tablet", seed = 2).use { tablet ->
                val id = runBlocking {
                    val entry = phone.journalAdd(EntryInput(kind = EntryKind.ENTRY, title = "Sunday", body = "We walked by the river."))
                    Stores.merge(phone, tablet)
                    phone.journalEdit(entry.id, EntryEdit(body = "We walked by the river, and it was calm."))
                    tablet.journalEdit(entry.id, EntryEdit(body = "We walked by the river in the rain."))
                    Stores.merge(tablet, phone)
                    entry.id
                }
                val shell = StoreShell(phone, Route.Entry(id))
                show(shell)
                onNodeWithText("Two devices changed this at the same time").assertExists()
                onNodeWithText("We walked by the river, and it was calm.").assertExists()
                onNodeWithText("We walked by the river in the rain.").assertExists()
                onAllNodesWithText("Keep this version").assertCountEquals(2)
                onNodeWithText("Edit").performScrollTo().assertIsNotEnabled()
                onNodeWithText("Choose a version first.").assertExists()
                snap("entry-conflict")

                onAllNodesWithText("Keep this version").onFirst().performScrollTo().performClick()
                assertEquals("journal.resolve", shell.sent.single().first)
                assertEquals(Route.Entry(id), shell.screen.route)
                onAllNodesWithText("Keep this version").assertCountEquals(0)
                onNodeWithText("Two devices changed this at the same time").assertDoesNotExist()
                val kept = shell.sent.single().second.getValue("body")
                onNodeWithText(kept).assertExists()
                snap("entry-resolved")
            }
        }
    }
}
