package app.reconnect.screens

import app.reconnect.Reconnect
import app.reconnect.TestStores
import app.reconnect.ffi.Action
import app.reconnect.ffi.ActionKind
import app.reconnect.ffi.Block
import app.reconnect.ffi.OpenOptions
import app.reconnect.ffi.ReconnectStore
import app.reconnect.ffi.Screen
import app.reconnect.ffi.ShellTask
import java.io.File
import kotlinx.coroutines.CoroutineDispatcher

/** Real stores whose calls run on a test dispatcher, and ways to read a rendered screen. */
internal object NavigatorFixtures {
    /** A store like [TestStores.open] whose suspend calls run on [io], e.g. the test's scheduler. */
    fun open(dir: File, io: CoroutineDispatcher, seed: Int = 1, name: String = "test phone"): Reconnect {
        val options = OpenOptions(
            dataDir = dir.absolutePath,
            key = TestStores.key(seed),
            deviceName = name,
            timeZone = TestStores.ZONE.id,
            fixedNow = TestStores.MORNING.toString(),
        )
        return Reconnect(ReconnectStore.open(options), io)
    }

    /** Merges [from]'s whole document into [into], as a sync would. */
    suspend fun merge(from: Reconnect, into: Reconnect) {
        val document = from.onIo { it.saveDocument() }
        into.onIo { it.mergeDocument(document) }
    }
}

/** Every action on the screen, wherever it stands. */
internal fun Screen.actions(): List<Action> = blocks.flatMap {
    when (it) {
        is Block.Actions -> it.actions
        is Block.Card -> it.actions
        is Block.Row -> it.actions
        else -> emptyList()
    }
}

internal fun Screen.action(id: String): Action =
    actions().firstOrNull { it.id == id } ?: error("no action $id on $title: ${actions().map { it.id }}")

internal fun Screen.commandAction(command: String): Action =
    actions().first { (it.kind as? ActionKind.Command)?.command == command }

internal fun Screen.headings(): List<String> = blocks.filterIsInstance<Block.Heading>().map { it.text }

internal fun Screen.facts(): Map<String, String> = blocks.filterIsInstance<Block.Fact>().associate { it.label to it.value }

internal fun Screen.texts(): List<String> = blocks.filterIsInstance<Block.Text>().map { it.text }

/** A shell that records each task it is handed and answers with [answer]. */
internal class RecordingShell(private val answer: suspend (ShellTask) -> String? = { null }) : ShellTasks {
    val ran = mutableListOf<Pair<ShellTask, Map<String, String>>>()

    override suspend fun run(task: ShellTask, values: Map<String, String>): String? {
        ran += task to values
        return answer(task)
    }
}
