// The work only the app can do for a screen's action (sockets, files, the system): the
// navigator hands it over and shows what comes back.
import Foundation

/// Runs a screen's shell tasks for the navigator.
public protocol ShellTasks: AnyObject {
    /// Runs `task` with the values of its action's fields (e.g. `code` for
    /// `.pairEnterCode`) and returns a sentence to show briefly, or `nil`. Throw
    /// `ShellTaskFailed` to say what went wrong in words for the person.
    @MainActor
    func run(_ task: ShellTask, values: [String: String]) async throws -> String?
}

/// A shell task that did not work; `sentence` is what the person reads.
public struct ShellTaskFailed: Error, Equatable {
    public let sentence: String

    public init(_ sentence: String) {
        self.sentence = sentence
    }
}
