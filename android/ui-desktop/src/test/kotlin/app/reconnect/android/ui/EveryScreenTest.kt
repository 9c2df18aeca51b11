package app.reconnect.android.ui

import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.isHeading
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.unit.dp
import app.reconnect.android.ui.Phone.show
import app.reconnect.android.ui.Phone.snap
import app.reconnect.ffi.Block
import app.reconnect.ffi.EntryInput
import app.reconnect.ffi.EntryKind
import app.reconnect.ffi.Route
import app.reconnect.journalAdd
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * Every route the core has, rendered from a store with a little in it: every block's words
 * are on screen, headings are headings, the quick exit is there exactly where the screen is
 * sensitive, and every control has a label and a 48 dp touch target.
 */
class EveryScreenTest {
    private fun routes(entryId: String): List<Pair<String, Route>> = listOf(
        "first-run" to Route.FirstRun,
        "today" to Route.Today,
        "check-in" to Route.CheckIn,
        "program" to Route.Program,
    ) + (0..11).map { "step-$it" to Route.Step(it.toUByte()) } + listOf(
        "safety" to Route.Safety,
        "let-go" to Route.LetGo,
        "journal" to Route.Journal(tag = null, query = null),
        "journal-tag" to Route.Journal(tag = "walks", query = null),
        "entry" to Route.Entry(entryId),
        "letters" to Route.Letters,
        "progress" to Route.Progress,
        "reminders" to Route.Reminders,
        "devices" to Route.Devices,
        "data" to Route.Data,
        "settings" to Route.Settings,
    )

    @Test
    fun `every screen renders all its blocks accessibly`() = Phone.test {
        Stores.open().use { store ->
            store.checkIn(mood = 3, urge = 5, contact = null, note = "Tired but fine.")
            val entry = runBlocking {
                store.journalAdd(EntryInput(kind = EntryKind.ENTRY, title = "Sunday", body = "We walked by the river.", tags = listOf("walks")))
            }
            val shell = StoreShell(store, Route.Today)
            show(shell)
            for ((name, route) in routes(entry.id)) {
                shell.open(route)
                waitForIdle()
                val screen = shell.screen
                assertEquals(route, screen.route)
                assertOnScreen(name, screen.title)
                screen.expectedTexts().forEach { assertOnScreen(name, it) }
                screen.blocks.filterIsInstance<Block.Heading>().forEach {
                    assertTrue("$name: \"${it.text}\" is a heading", onAllNodes(hasText(it.text) and isHeading()).fetchSemanticsNodes().isNotEmpty())
                }
                screen.blocks.filterIsInstance<Block.Chart>().forEach { onNodeWithContentDescription(it.summary).assertExists() }
                val exits = onAllNodes(hasText("Exit")).fetchSemanticsNodes().size
                assertEquals("$name: quick exit shown exactly when sensitive", if (screen.sensitive) 1 else 0, exits)
                checkControls(name, onRoot().fetchSemanticsNode())
                snap("all/$name")
            }
        }
    }

    private fun androidx.compose.ui.test.SkikoComposeUiTest.assertOnScreen(name: String, text: String) {
        val found = onAllNodesWithText(text, useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty()
        assertTrue("$name: \"$text\" is on screen", found)
    }

    /** Every tappable thing says what it is and is big enough to hit. */
    private fun androidx.compose.ui.test.SkikoComposeUiTest.checkControls(name: String, root: SemanticsNode) {
        val minimum = with(density) { 48.dp.toPx() } - 0.5f
        fun visit(node: SemanticsNode) {
            val config = node.config
            if (config.getOrNull(SemanticsActions.OnClick) != null) {
                val text = config.getOrNull(SemanticsProperties.Text).orEmpty().joinToString(" ")
                val description = config.getOrNull(SemanticsProperties.ContentDescription).orEmpty().joinToString(" ")
                val label = "$text $description".trim()
                assertTrue("$name: a control without a label", label.isNotEmpty())
                // Its laid-out size, not the part scrolled into view.
                val size = node.size
                assertTrue("$name: \"$label\" is ${size.width}×${size.height} px", size.width >= minimum && size.height >= minimum)
            }
            node.children.forEach(::visit)
        }
        visit(root)
    }
}
