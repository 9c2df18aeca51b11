package app.reconnect

import app.reconnect.ffi.ContentLine
import app.reconnect.ffi.EntryEdit
import app.reconnect.ffi.EntryInput
import app.reconnect.ffi.JournalEntry
import app.reconnect.ffi.JournalFilter
import app.reconnect.ffi.ProgressView
import app.reconnect.ffi.ReconnectException

// The journal and progress: `suspend` calls that run on the wrapper's IO dispatcher, like
// [Reconnect.program]. Bad input (an empty entry, a two-line title, an unknown prompt, a
// letter still cooling off) arrives as [ReconnectException.InvalidInput] and writes nothing.

/** Adds an entry or an unsent letter and returns it as stored. */
suspend fun Reconnect.journalAdd(input: EntryInput): JournalEntry = onIo { it.journalAdd(input) }

/**
 * A new entry that starts from one of the program's prompts (a step prompt or one of
 * [growthPrompts]): the prompt is its title and its link. Fill in the body, then [journalAdd].
 */
suspend fun Reconnect.journalEntryFromPrompt(key: String): EntryInput =
    onIo { it.journalEntryFromPrompt(key) }

/** The journal prompts on personal growth, communication and realistic expectations. */
fun Reconnect.growthPrompts(): List<ContentLine> = now { it.growthPrompts() }

/**
 * Edits an entry; fields left null stay as they are. A title or body given while the entry
 * has conflicting versions replaces every version.
 */
suspend fun Reconnect.journalEdit(id: String, edit: EntryEdit): JournalEntry =
    onIo { it.journalEdit(id, edit) }

/** Resolves versions left by concurrent edits with the title and text the user chose. */
suspend fun Reconnect.journalResolve(id: String, title: String, body: String): JournalEntry =
    onIo { it.journalResolve(id, title, body) }

suspend fun Reconnect.journalDelete(id: String) = onIo { it.journalDelete(id) }

/** Marks a letter ready once its cool-off is over. Letters are never sent anywhere. */
suspend fun Reconnect.letterMarkReady(id: String): JournalEntry = onIo { it.letterMarkReady(id) }

suspend fun Reconnect.journalGet(id: String): JournalEntry? = onIo { it.journalGet(id) }

/** Entries, newest first, filtered by kind, tag or unresolved conflicts. */
suspend fun Reconnect.journalList(filter: JournalFilter = JournalFilter()): List<JournalEntry> =
    onIo { it.journalList(filter) }

/**
 * Entries whose titles, texts or tags hold every word of [query], ignoring case, newest
 * first; at most [limit] when given.
 */
suspend fun Reconnect.journalSearch(query: String, limit: Int? = null): List<JournalEntry> {
    val bound = limit?.let {
        if (it < 0) throw ReconnectException.InvalidInput(detail = "a search limit cannot be negative")
        it.toUInt()
    }
    return onIo { it.journalSearch(query, bound) }
}

/** The forgiving strength score (0–100), days checked in, the mood trend and weekly moods. */
suspend fun Reconnect.progress(): ProgressView = onIo { it.progress() }
