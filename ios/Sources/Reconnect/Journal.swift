// The journal and progress: async calls that run off the caller's actor, like the
// program's. Bad input (an empty entry, a two-line title, an unknown prompt, a letter
// still cooling off) throws `ReconnectError.InvalidInput` and writes nothing.
import Foundation

extension ReconnectClient {
    /// Adds an entry or an unsent letter and returns it as stored.
    @discardableResult
    public func journalAdd(_ input: EntryInput) async throws -> JournalEntry {
        try await offActor { try $0.journalAdd(input: input) }
    }

    /// A new entry that starts from one of the program's prompts (a step prompt or one of
    /// `growthPrompts()`): the prompt is its title and its link. Fill in the body, then
    /// `journalAdd(_:)`.
    public func journalEntry(fromPrompt key: String) throws -> EntryInput {
        try store.journalEntryFromPrompt(key: key)
    }

    /// The journal prompts on personal growth, communication and realistic expectations.
    public func growthPrompts() -> [ContentLine] {
        store.growthPrompts()
    }

    /// Edits an entry; fields left `nil` stay as they are. A title or body given while the
    /// entry has conflicting versions replaces every version.
    @discardableResult
    public func journalEdit(id: String, _ edit: EntryEdit) async throws -> JournalEntry {
        try await offActor { try $0.journalEdit(id: id, edit: edit) }
    }

    /// Resolves versions left by concurrent edits with the title and text the user chose.
    @discardableResult
    public func journalResolve(id: String, title: String, body: String) async throws -> JournalEntry {
        try await offActor { try $0.journalResolve(id: id, title: title, body: body) }
    }

    public func journalDelete(id: String) async throws {
        try await offActor { try $0.journalDelete(id: id) }
    }

    /// Marks a letter ready once its cool-off is over. Letters are never sent anywhere.
    @discardableResult
    public func letterMarkReady(id: String) async throws -> JournalEntry {
        try await offActor { try $0.letterMarkReady(id: id) }
    }

    public func journalEntry(id: String) async throws -> JournalEntry? {
        try await offActor { try $0.journalGet(id: id) }
    }

    /// Entries, newest first, filtered by kind, tag or unresolved conflicts.
    public func journal(
        _ filter: JournalFilter = JournalFilter()
    ) async throws -> [JournalEntry] {
        try await offActor { try $0.journalList(filter: filter) }
    }

    /// Entries whose titles, texts or tags hold every word of `query`, ignoring case,
    /// newest first; at most `limit` when given.
    public func journalSearch(_ query: String, limit: Int? = nil) async throws -> [JournalEntry] {
        let bound = limit.map { UInt32(clamping: $0) }
        return try await offActor { try $0.journalSearch(query: query, limit: bound) }
    }

    /// The forgiving strength score (0–100), days checked in, the mood trend and the
    /// average mood of recent weeks.
    public func progress() async throws -> ProgressView {
        try await offActor { try $0.progress() }
    }

    /// Runs one store call on a detached task, off the caller's actor.
    func offActor<T: Sendable>(
        _ call: @escaping @Sendable (ReconnectStore) throws -> T
    ) async throws -> T {
        let store = self.store
        return try await Task.detached(priority: .userInitiated) {
            try call(store)
        }.value
    }
}
