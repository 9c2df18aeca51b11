// The model under every screen: the way back, the screen the core decided for the current
// route, and what the person's actions did, as one observable state for SwiftUI. The same
// behaviour as the Android app's navigator.
import Foundation
import Observation

/// Keeps the screen current: after every change the store announces (a check-in synced
/// from another device shows up by itself), after each action, and on `refresh()`. Store
/// work runs off the main actor through the client's async calls; only the state changes
/// here, on the main actor.
@available(iOS 17.0, macOS 14.0, *)
@MainActor
@Observable
public final class ScreenNavigator {
    public private(set) var state: ScreenState

    private let client: ReconnectClient
    private let tasks: any ShellTasks
    private let shell: @MainActor () -> ShellState
    /// Counts moves and renders: a render that finishes after a newer one started, or after
    /// the person moved on, is dropped.
    @ObservationIgnored private var ticket = 0
    @ObservationIgnored private var listening: Task<Void, Never>?

    /// - Parameters:
    ///   - welcomed: whether the person has seen the first run; the way starts at
    ///     `.firstRun` without it, else at `.today`.
    ///   - shell: what only the app knows (its app lock setting), read at every render.
    public init(
        client: ReconnectClient,
        tasks: any ShellTasks,
        welcomed: Bool,
        shell: @escaping @MainActor () -> ShellState = { ShellState(appLock: nil) }
    ) {
        self.client = client
        self.tasks = tasks
        self.shell = shell
        self.state = ScreenState(route: welcomed ? .today : .firstRun)
    }

    /// Follows the store's changes and renders the first screen. Subscribes before the
    /// first render starts, so no change can slip in between.
    public func start() {
        guard listening == nil else { return }
        do {
            // Only the latest event matters: each render reads everything afresh.
            let changes = try client.changes(bufferingPolicy: .bufferingNewest(1))
            listening = Task { [weak self] in
                for await _ in changes {
                    await self?.render()
                }
            }
        } catch {
            state.problem = Problems.sentence(for: error)
        }
        Task { await render() }
    }

    /// Stops following changes, e.g. before the store is deleted.
    public func stop() {
        listening?.cancel()
        listening = nil
    }

    /// Shows `route` on top of the current screen.
    public func open(_ route: Route) {
        moveAndRender { BackStack.opened($0, route) }
    }

    /// Goes back one screen; false when already at the first one.
    @discardableResult
    public func back() -> Bool {
        guard state.canGoBack else { return false }
        moveAndRender { $0.count > 1 ? Array($0.dropLast()) : $0 }
        return true
    }

    /// Starts afresh at `route`, as the sidebar or the tab bar does.
    public func switchTo(_ route: Route) {
        moveAndRender { _ in [route] }
    }

    /// Sets the whole way back at once, e.g. when SwiftUI's navigation path changed.
    public func follow(_ stack: [Route]) {
        guard !stack.isEmpty, stack != state.stack else { return }
        moveAndRender { _ in stack }
    }

    /// Renders the current screen again; call it when the app comes back (the day may
    /// have turned) or a shell setting changed.
    public func refresh() {
        Task { await render() }
    }

    /// Clears the message and the problem once the app has shown them.
    public func dismiss() {
        state.message = nil
        state.problem = nil
    }

    /// Shows a sentence that arrived later, e.g. when a pairing shown earlier finished.
    public func show(message: String?, problem: String? = nil) {
        state.message = message
        state.problem = problem
        refresh()
    }

    /// Does what `action` offers, with `values` for its fields keyed as they name them;
    /// `Fixed` fields always go with the value the screen gave them. A command or shell
    /// task runs while `busy` is set, and one asked for meanwhile is dropped. The core
    /// judges every command, even one shown as unavailable: the screen may be older than
    /// the rules. A failure becomes `problem`; the person stays where they are.
    public func perform(_ action: Action, values: [String: String] = [:]) {
        let filled = values.merging(action.fixedValues) { _, fixed in fixed }
        switch action.kind {
        case .open(let route):
            open(route)
        case .command(let command):
            whileBusy { try await self.send(command, filled) }
        case .shell(let task):
            whileBusy { try await self.runShell(task, filled) }
        }
    }

    private func send(_ command: String, _ values: [String: String]) async throws {
        let done = try await client.perform(command, values: values)
        if let next = done.open {
            move(message: done.message) { BackStack.led($0, next) }
        } else {
            state.message = done.message
        }
        await render()
    }

    private func runShell(_ task: ShellTask, _ values: [String: String]) async throws {
        let said = try await tasks.run(task, values: values)
        if task == .finishFirstRun {
            move(message: said) { _ in [.today] }
        } else if let said {
            state.message = said
        }
        // The task may have changed what a screen shows, e.g. the app lock setting.
        await render()
    }

    private func whileBusy(_ work: @escaping @MainActor () async throws -> Void) {
        guard !state.busy else { return }
        state.busy = true
        state.message = nil
        state.problem = nil
        Task {
            do {
                try await work()
            } catch {
                self.state.problem = Problems.sentence(for: error)
            }
            self.state.busy = false
        }
    }

    private func moveAndRender(_ to: ([Route]) -> [Route]) {
        move(to: to)
        Task { await render() }
    }

    /// Changes the way back; the screen stays only when the route does.
    private func move(message: String? = nil, problem: String? = nil, to: ([Route]) -> [Route]) {
        ticket += 1
        let stack = to(state.stack)
        guard let route = stack.last else { return }
        if route != state.route {
            state.screen = nil
        }
        state.route = route
        state.stack = stack
        state.message = message
        state.problem = problem
    }

    private func render() async {
        ticket += 1
        let seen = ticket
        let route = state.route
        do {
            let screen = try await client.screen(route, shell: shell())
            guard seen == ticket else { return }
            state.screen = screen
        } catch {
            guard seen == ticket else { return }
            // The screen is gone, e.g. its entry was deleted on another device.
            if let failure = error as? ReconnectError, case .InvalidInput = failure, state.canGoBack {
                move(problem: Problems.sentence(for: error)) { Array($0.dropLast()) }
                await render()
            } else {
                state.problem = Problems.sentence(for: error)
            }
        }
    }
}
