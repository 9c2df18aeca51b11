// The 11-step program: the view and its commands as async calls that run off the
// caller's actor, and the words a screen needs to render a step.
import Foundation

extension ReconnectClient {
    /// The program as it stands now: phases, steps and why they are locked, what to do
    /// next, advice, the contact ladder, safety and support, and everything recorded.
    public func program() async throws -> ProgramView {
        let store = self.store
        return try await Task.detached(priority: .userInitiated) {
            try store.program()
        }.value
    }

    /// Records one program command if the program's rules allow it now, and returns the
    /// new view with the id of any record it created.
    ///
    /// - Throws: `ReconnectError.Refused` when the program's rules do not allow it now
    ///   (`reason` says which rule; `Problems.sentence(for:)` says it in one sentence), and
    ///   `ReconnectError.InvalidInput` for a bad value, such as a date that is not
    ///   `YYYY-MM-DD`. Nothing is written then.
    @discardableResult
    public func programCommand(_ command: ProgramCommand) async throws -> CommandResult {
        let store = self.store
        return try await Task.detached(priority: .userInitiated) {
            try store.programCommand(command: command)
        }.value
    }

    /// Title, explanation and prompts of step `number` (1–11); `nil` for other numbers.
    public func stepContent(_ number: Int) -> StepContent? {
        guard let number = UInt8(exactly: number) else { return nil }
        return store.programStep(number: number)
    }

    /// The questions of the self-check before step 1, answered by their codes.
    public func preCheckContent() -> PreCheckContent {
        store.preCheckContent()
    }

    /// The codes a command takes (reason kinds, readiness items, …) with their labels.
    public func choices(_ list: ChoiceList) -> [Choice] {
        store.contentChoices(list: list)
    }

    /// Any program text by its key, e.g. `step.4.explanation`; `nil` for unknown keys.
    public func text(_ key: String) -> String? {
        store.contentText(key: key)
    }
}
