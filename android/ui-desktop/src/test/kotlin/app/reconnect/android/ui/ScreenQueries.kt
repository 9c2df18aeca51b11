package app.reconnect.android.ui

import app.reconnect.ffi.Action
import app.reconnect.ffi.ActionKind
import app.reconnect.ffi.Block
import app.reconnect.ffi.Screen

/** Every action on the screen, wherever it stands. */
fun Screen.actions(): List<Action> = blocks.flatMap {
    when (it) {
        is Block.Actions -> it.actions
        is Block.Card -> it.actions
        is Block.Row -> it.actions
        else -> emptyList()
    }
}

fun Screen.commandAction(command: String): Action =
    actions().first { (it.kind as? ActionKind.Command)?.command == command }

/** The words each block must put on screen, whatever the renderer does with them. */
fun Screen.expectedTexts(): List<String> = blocks.flatMap { block ->
    when (block) {
        is Block.Heading -> listOf(block.text)
        is Block.Text -> listOf(block.text)
        is Block.Card -> listOf(block.title) + block.actions.map { it.label }
        is Block.Fact -> listOf(block.label, block.value)
        is Block.Row -> listOf(block.title) + block.actions.map { it.label }
        is Block.Chart -> listOf(block.title)
        is Block.Actions -> block.actions.map { it.label }
    }
}.filter { it.isNotBlank() }
