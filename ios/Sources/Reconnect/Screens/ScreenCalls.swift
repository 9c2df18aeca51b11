// The shared screen models as async calls off the caller's actor: what a screen shows and
// which actions it offers, and running an action's command. The apps only render these;
// the rules behind them live in the core.
import Foundation

extension ReconnectClient {
    /// The screen at `route` as the person should see it now. Render it; ask again after
    /// every change event.
    ///
    /// - Throws: `ReconnectError.InvalidInput` for a route that no longer exists (an entry
    ///   deleted on another device, a step number out of range).
    public func screen(_ route: Route, shell: ShellState = ShellState(appLock: nil)) async throws -> Screen {
        try await offActor { try $0.screen(route: route, shell: shell) }
    }

    /// Runs an action's command with the values of its fields, keyed as the fields name
    /// them (`Fixed` fields with the value the screen gave them).
    ///
    /// - Throws: `ReconnectError.Refused` in the program's own words, or
    ///   `ReconnectError.InvalidInput` naming the field; nothing changes then.
    @discardableResult
    public func perform(_ command: String, values: [String: String] = [:]) async throws -> Performed {
        try await offActor { try $0.perform(command: command, values: values) }
    }

    /// This device's id, as its paired devices know it.
    public func deviceId() async throws -> String {
        try await offActor { try $0.deviceId() }
    }
}
