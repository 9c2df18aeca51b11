package app.reconnect

import app.reconnect.ffi.ImportSummary
import app.reconnect.ffi.ReportFormat

// Export, import and the readable report: `suspend` calls on the wrapper's IO dispatcher.
// [Reconnect.wipe] deletes everything.

/**
 * Everything in the store as JSON, complete enough to restore from. It is the user's
 * data in the clear: write it only where they chose.
 */
suspend fun Reconnect.exportJson(): String = onIo { it.exportJson() }

/**
 * Restores an export into this store, which must be empty; otherwise
 * [app.reconnect.ffi.ReconnectException.InvalidInput] and nothing changes.
 */
suspend fun Reconnect.importJson(json: String): ImportSummary = onIo { it.importJson(json) }

/** A readable report of everything recorded, with a mood chart. */
suspend fun Reconnect.report(format: ReportFormat): String = onIo { it.report(format) }
