// Proves, on a Mac, that the Swift package reaches the Rust core end to end: a check-in
// survives closing and reopening, bad input and wrong keys are refused with the right
// error, and changes are heard by listeners.
import XCTest
import Reconnect

final class ReconnectClientTests: XCTestCase {
    private var directory: URL!
    private let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// 2025-03-14T09:30:00Z: mid-morning in Berlin, so the local day is unambiguous.
    private let morning = Date(timeIntervalSince1970: 1_741_944_600)
    private let morningDay = "2025-03-14"

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconnect-tests-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testCheckInSurvivesCloseAndReopen() throws {
        let first = try openStore(key: key(7))
        let saved = try first.checkIn(mood: 4, urge: 2, contact: .text, note: "A long walk helped.")
        XCTAssertEqual(saved.date, morningDay)
        first.close()

        let second = try openStore(key: key(7))
        defer { second.close() }
        let today = try second.today()
        XCTAssertEqual(today.date, morningDay)
        XCTAssertEqual(today.daysCheckedIn, 1)
        let readBack = try XCTUnwrap(today.checkIn)
        XCTAssertEqual(readBack.mood, 4)
        XCTAssertEqual(readBack.urge, 2)
        XCTAssertEqual(readBack.contact, .text)
        XCTAssertEqual(readBack.note, "A long walk helped.")
        XCTAssertEqual(try second.history(limit: 10).map(\.date), [morningDay])
    }

    func testMoodOutsideOneToFiveIsInvalidInput() throws {
        let client = try openStore(key: key(7))
        defer { client.close() }
        XCTAssertThrowsError(try client.checkIn(mood: 9, urge: 0)) { error in
            guard let error = error as? ReconnectError, case .InvalidInput = error else {
                return XCTFail("expected ReconnectError.InvalidInput, got \(error)")
            }
        }
        XCTAssertNil(try client.today().checkIn, "a refused check-in must change nothing")
    }

    func testWrongKeyIsRefused() throws {
        let owner = try openStore(key: key(7))
        try owner.checkIn(mood: 3, urge: 5)
        owner.close()

        XCTAssertThrowsError(try openStore(key: key(8))) { error in
            guard let error = error as? ReconnectError, case .WrongKey = error else {
                return XCTFail("expected ReconnectError.WrongKey, got \(error)")
            }
        }
    }

    func testListenerHearsCheckInRecorded() throws {
        let client = try openStore(key: key(7))
        defer { client.close() }
        let listener = RecordingListener(test: self)
        let handle = try client.store.subscribe(listener: listener)
        defer { handle.cancel() }

        try client.checkIn(mood: 3, urge: 4)

        wait(for: [listener.heard], timeout: 5)
        XCTAssertEqual(listener.events, [.checkInRecorded(date: morningDay)])
    }

    func testChangesStreamYieldsCheckInRecorded() async throws {
        let client = try openStore(key: key(7))
        defer { client.close() }
        let changes = try client.changes()
        let heard = expectation(description: "the stream yields the check-in")
        let expected = ChangeEvent.checkInRecorded(date: morningDay)
        let reader = Task {
            for await event in changes where event == expected {
                heard.fulfill()
                return
            }
        }

        try client.checkIn(mood: 5, urge: 1)

        await fulfillment(of: [heard], timeout: 5)
        reader.cancel()
    }

    private func key(_ fill: UInt8) -> Data {
        Data(repeating: fill, count: 32)
    }

    private func openStore(key: Data) throws -> ReconnectClient {
        try ReconnectClient(
            directory: directory,
            key: key,
            deviceName: "test device",
            timeZone: berlin,
            fixedNow: morning
        )
    }
}

/// Remembers every event it is given; the core may call it from any thread.
private final class RecordingListener: ChangeListener, @unchecked Sendable {
    let heard: XCTestExpectation
    private let lock = NSLock()
    private var received: [ChangeEvent] = []

    init(test: XCTestCase) {
        heard = test.expectation(description: "the listener hears a change")
        heard.assertForOverFulfill = false
    }

    var events: [ChangeEvent] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    func onChange(event: ChangeEvent) {
        lock.lock()
        received.append(event)
        lock.unlock()
        heard.fulfill()
    }
}
