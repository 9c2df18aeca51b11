package app.reconnect.screens

import app.reconnect.Reconnect
import app.reconnect.ffi.Performed
import app.reconnect.ffi.Route
import app.reconnect.ffi.Screen
import app.reconnect.ffi.ShellState

// The store's two screen calls, as `suspend` calls on the wrapper's IO dispatcher like
// the journal and program calls: both read (and `perform` writes) the store on disk.

/**
 * The screen at [route] as the person should see it now. A route that no longer exists
 * (an entry deleted on another device, a step number out of range) arrives as
 * `ReconnectException.InvalidInput`.
 */
suspend fun Reconnect.screen(route: Route, shell: ShellState = ShellState(null)): Screen =
    onIo { it.screen(route, shell) }

/**
 * Runs an action's command with the values of its fields, keyed as the fields name them.
 * A refusal arrives as `ReconnectException.Refused` in the program's own words, a bad
 * value as `ReconnectException.InvalidInput` naming the field; nothing changes then.
 */
suspend fun Reconnect.perform(command: String, values: Map<String, String>): Performed =
    onIo { it.perform(command, values) }
