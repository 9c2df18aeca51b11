// Proves, on a Mac, that the wrapper's screen calls reach the core's shared screen models:
// a screen comes back in the product's words with its actions, a command runs with text
// values and says where it leads, bad values and gone routes are refused, and the shell's
// own state shows on the screens that need it.
import XCTest
import Reconnect

final class ScreenTests: XCTestCase {
    private var directory: URL!
    private let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// 2025-03-14T09:30:00Z: mid-morning in Berlin.
    private let morning = Date(timeIntervalSince1970: 1_741_944_600)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconnect-screen-tests-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testTodayOffersTheCheckInOnAFreshStore() async throws {
        let client = try openStore()
        defer { client.close() }
        let today = try await client.screen(.today)
        XCTAssertEqual(today.route, .today)
        XCTAssertEqual(today.title, "Today")
        XCTAssertTrue(today.sensitive, "Today shows private things, so it offers the quick exit")
        let opens = actions(in: today).compactMap { action -> Route? in
            if case .open(let route) = action.kind { return route }
            return nil
        }
        XCTAssertTrue(opens.contains(.checkIn))
    }

    func testTheCheckInFormSavesThroughPerformAndLeadsToToday() async throws {
        let client = try openStore()
        defer { client.close() }
        let form = try await client.screen(.checkIn)
        let save = try XCTUnwrap(actions(in: form).first { action in
            if case .command = action.kind { return true }
            return false
        })
        guard case .command(let command) = save.kind else { return XCTFail("not a command") }
        XCTAssertEqual(Set(save.visibleFields.map(\.key)), ["mood", "urge", "contact", "note"])

        let done = try await client.perform(command, values: ["mood": "4", "urge": "2", "note": "A walk helped."])
        XCTAssertEqual(done.open, .today)
        XCTAssertFalse(done.message.isEmpty)
        let saved = try XCTUnwrap(try client.today().checkIn)
        XCTAssertEqual(saved.mood, 4)
        XCTAssertEqual(saved.note, "A walk helped.")

        let after = try await client.screen(.today)
        let facts = after.blocks.compactMap { block -> String? in
            if case .fact(let label, _) = block { return label }
            return nil
        }
        XCTAssertTrue(facts.contains("Mood"), "Today shows the check-in once it is saved")
    }

    func testABadValueIsRefusedNamingTheFieldAndChangesNothing() async throws {
        let client = try openStore()
        defer { client.close() }
        do {
            try await client.perform("checkin.save", values: ["mood": "9", "urge": "2"])
            XCTFail("mood 9 must be refused")
        } catch let error as ReconnectError {
            guard case .InvalidInput = error else { return XCTFail("expected InvalidInput, got \(error)") }
        }
        XCTAssertNil(try client.today().checkIn)
    }

    func testARouteThatIsGoneIsInvalidInput() async throws {
        let client = try openStore()
        defer { client.close() }
        do {
            _ = try await client.screen(.entry(id: "no-such-entry"))
            XCTFail("a missing entry has no screen")
        } catch let error as ReconnectError {
            guard case .InvalidInput = error else { return XCTFail("expected InvalidInput, got \(error)") }
        }
    }

    func testFirstRunEndsWithTheShellTaskAndSettingsShowTheAppLock() async throws {
        let client = try openStore()
        defer { client.close() }
        let welcome = try await client.screen(.firstRun)
        XCTAssertTrue(actions(in: welcome).contains { $0.kind == .shell(task: .finishFirstRun) })

        let settings = try await client.screen(.settings, shell: ShellState(appLock: "5"))
        let lock = settings.blocks.compactMap { block -> String? in
            if case .fact("App lock", let value) = block { return value }
            return nil
        }
        XCTAssertEqual(lock, ["After 5 minutes"])
    }

    func testSyncNowIsUnavailableWithAReasonUntilADeviceIsPaired() async throws {
        let client = try openStore()
        defer { client.close() }
        let devices = try await client.screen(.devices)
        let sync = try XCTUnwrap(actions(in: devices).first { $0.kind == .shell(task: .syncNow) })
        XCTAssertNotNil(sync.unavailable, "an unavailable action carries its reason")
    }

    func testFixedFieldsAreSentAsGivenAndNeverShown() {
        let remove = Action(
            id: "remove",
            label: "Remove",
            style: .quiet,
            kind: .command(command: "reminders.remove"),
            fields: [
                Field(key: "id", label: "id", help: nil, kind: .fixed, required: false, value: "r1"),
                Field(key: "note", label: "Note", help: nil, kind: .text(maxChars: 10, multiline: false), required: true, value: nil),
            ],
            confirm: nil,
            unavailable: nil
        )
        XCTAssertEqual(remove.visibleFields.map(\.key), ["note"])
        XCTAssertEqual(remove.fixedValues, ["id": "r1"])
        XCTAssertEqual(remove.startingValues, ["note": ""])
        XCTAssertFalse(remove.isComplete(["note": "  "]))
        XCTAssertTrue(remove.isComplete(["note": "hi"]))
    }

    func testDatePickerValuesBecomeTheCoreText() throws {
        let zone = try XCTUnwrap(TimeZone(identifier: "Europe/Berlin"))
        let moment = Date(timeIntervalSince1970: 1_741_944_600) // 10:30 in Berlin
        XCTAssertEqual(FieldText.text(from: moment, for: .date, in: zone), "2025-03-14")
        XCTAssertEqual(FieldText.text(from: moment, for: .time, in: zone), "10:30")
        XCTAssertEqual(FieldText.text(from: moment, for: .dateTime, in: zone), "2025-03-14T10:30")
        XCTAssertNil(FieldText.text(from: moment, for: .tags, in: zone))
        XCTAssertEqual(FieldText.date(from: "2025-03-14T10:30", for: .dateTime, in: zone), moment)
        XCTAssertNil(FieldText.date(from: "14.03.2025", for: .date, in: zone))
        XCTAssertEqual(" a, b ,,c ".tagWords, ["a", "b", "c"])
    }

    func testProblemsAreSentences() {
        let refused = ReconnectError.Refused(reason: .safetyLocked, detail: "contact steps are closed for your safety")
        XCTAssertEqual(Problems.sentence(for: refused), "Contact steps are closed for your safety.")
        XCTAssertEqual(Problems.sentence(for: ShellTaskFailed("Set a passcode first.")), "Set a passcode first.")
        XCTAssertFalse(Problems.sentence(for: TransportError.notFound).isEmpty)
        XCTAssertFalse(Problems.sentence(for: CocoaError(.fileNoSuchFile)).isEmpty)
    }

    private func actions(in screen: Screen) -> [Action] {
        screen.blocks.flatMap { block -> [Action] in
            switch block {
            case .actions(let actions), .card(_, _, _, let actions), .row(_, _, _, _, _, let actions):
                return actions
            default:
                return []
            }
        }
    }

    private func openStore() throws -> ReconnectClient {
        try ReconnectClient(
            directory: directory,
            key: Data(repeating: 7, count: 32),
            deviceName: "test device",
            timeZone: berlin,
            fixedNow: morning
        )
    }
}
