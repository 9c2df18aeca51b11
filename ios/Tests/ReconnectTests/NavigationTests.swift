// Proves, on a Mac, the rules of the way back and the navigator over a real store: it
// starts at the first run until the person was welcomed, opens and goes back, follows a
// command's result, runs shell tasks, and turns failures into sentences.
import XCTest
import Reconnect

final class BackStackTests: XCTestCase {
    func testOpeningTheSameScreenTwiceAddsItOnce() {
        XCTAssertEqual(BackStack.opened([.today, .checkIn], .checkIn), [.today, .checkIn])
        XCTAssertEqual(BackStack.opened([.today], .checkIn), [.today, .checkIn])
    }

    func testACommandLeadsBackDownOrInPlaceOrOnTop() {
        XCTAssertEqual(BackStack.led([.today, .checkIn], .today), [.today])
        XCTAssertEqual(
            BackStack.led([.settings, .journal(tag: nil, query: nil)], .journal(tag: nil, query: "calm")),
            [.settings, .journal(tag: nil, query: "calm")]
        )
        XCTAssertEqual(BackStack.led([.today], .program), [.today, .program])
    }
}

@available(macOS 14.0, iOS 17.0, *)
final class NavigatorTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconnect-navigator-tests-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    @MainActor
    func testStartsAtTheFirstRunAndFinishingItGoesToToday() async throws {
        let client = try openStore()
        defer { client.close() }
        let tasks = RecordingTasks()
        let navigator = ScreenNavigator(client: client, tasks: tasks, welcomed: false)
        navigator.start()
        defer { navigator.stop() }
        try await until { navigator.state.screen?.route == .firstRun }

        let begin = try XCTUnwrap(actionsShown(navigator).first { $0.kind == .shell(task: .finishFirstRun) })
        navigator.perform(begin)
        try await until { navigator.state.screen?.route == .today && !navigator.state.busy }
        XCTAssertEqual(tasks.ran, [.finishFirstRun])
        XCTAssertEqual(navigator.state.stack, [.today])
    }

    @MainActor
    func testSavingACheckInFromTodayComesBackToTodayWithTheCoreMessage() async throws {
        let client = try openStore()
        defer { client.close() }
        let navigator = ScreenNavigator(client: client, tasks: RecordingTasks(), welcomed: true)
        navigator.start()
        defer { navigator.stop() }
        navigator.open(.checkIn)
        XCTAssertTrue(navigator.state.canGoBack)
        try await until { navigator.state.screen?.route == .checkIn }

        let save = try XCTUnwrap(actionsShown(navigator).first { action in
            if case .command = action.kind { return true }
            return false
        })
        navigator.perform(save, values: ["mood": "3", "urge": "1"])
        try await until { navigator.state.route == .today && navigator.state.screen?.route == .today && !navigator.state.busy }
        XCTAssertEqual(navigator.state.stack, [.today])
        XCTAssertNotNil(navigator.state.message)
        XCTAssertNil(navigator.state.problem)
    }

    @MainActor
    func testARefusedValueBecomesAProblemAndTheScreenStays() async throws {
        let client = try openStore()
        defer { client.close() }
        let navigator = ScreenNavigator(client: client, tasks: RecordingTasks(), welcomed: true)
        navigator.start()
        defer { navigator.stop() }
        navigator.open(.checkIn)
        try await until { navigator.state.screen?.route == .checkIn }
        let save = try XCTUnwrap(actionsShown(navigator).first { action in
            if case .command = action.kind { return true }
            return false
        })
        navigator.perform(save, values: ["mood": "9", "urge": "1"])
        try await until { navigator.state.problem != nil && !navigator.state.busy }
        XCTAssertEqual(navigator.state.route, .checkIn)
    }

    @MainActor
    func testAGoneScreenGoesBackWithAProblem() async throws {
        let client = try openStore()
        defer { client.close() }
        let navigator = ScreenNavigator(client: client, tasks: RecordingTasks(), welcomed: true)
        navigator.start()
        defer { navigator.stop() }
        navigator.open(.entry(id: "deleted-elsewhere"))
        try await until { navigator.state.route == .today && navigator.state.problem != nil }
        XCTAssertFalse(navigator.state.canGoBack)
        XCTAssertFalse(navigator.back())
    }

    @MainActor
    func testAChangeFromElsewhereRendersTheScreenAgain() async throws {
        let client = try openStore()
        defer { client.close() }
        let navigator = ScreenNavigator(client: client, tasks: RecordingTasks(), welcomed: true)
        navigator.start()
        defer { navigator.stop() }
        try await until { navigator.state.screen?.route == .today }
        let before = navigator.state.screen

        // As a check-in synced from another device would arrive: not through the navigator.
        try client.checkIn(mood: 5, urge: 0)
        try await until { navigator.state.screen != before }
    }

    @MainActor
    private func actionsShown(_ navigator: ScreenNavigator) -> [Action] {
        (navigator.state.screen?.blocks ?? []).flatMap { block -> [Action] in
            switch block {
            case .actions(let actions), .card(_, _, _, let actions), .row(_, _, _, _, _, let actions):
                return actions
            default:
                return []
            }
        }
    }

    /// Waits, a little at a time, until `condition` holds; fails after five seconds.
    @MainActor
    private func until(_ condition: () -> Bool, file: StaticString = #filePath, line: UInt = #line) async throws {
        for _ in 0..<500 {
            if condition() { return }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        XCTFail("timed out waiting", file: file, line: line)
    }

    private func openStore() throws -> ReconnectClient {
        try ReconnectClient(
            directory: directory,
            key: Data(repeating: 7, count: 32),
            deviceName: "test device",
            timeZone: TimeZone(identifier: "Europe/Berlin")!,
            fixedNow: Date(timeIntervalSince1970: 1_741_944_600)
        )
    }
}

/// Shell tasks that only remember what they were asked to do.
@MainActor
private final class RecordingTasks: ShellTasks {
    private(set) var ran: [ShellTask] = []

    func run(_ task: ShellTask, values: [String: String]) async throws -> String? {
        ran.append(task)
        return nil
    }
}
