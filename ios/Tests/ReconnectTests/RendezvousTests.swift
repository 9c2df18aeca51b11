// Proves, on a Mac, the names devices use on the local network: the pairing name comes
// from the code alone (typed or scanned, the same name), and the daily sync name matches
// the Android app's for the same device and day, so the two platforms find each other.
import XCTest
import Reconnect

final class RendezvousTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconnect-rendezvous-tests-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testTheCodeAndTheQRStringGiveOneNeutralName() async throws {
        let client = try ReconnectClient(directory: directory, key: Data(repeating: 3, count: 32), deviceName: "phone")
        defer { client.close() }
        let offer = try await client.pairingOffer()
        let byCode = try ReconnectClient.pairingRendezvous(offer.code)
        XCTAssertEqual(try ReconnectClient.pairingRendezvous(offer.qr), byCode)
        XCTAssertEqual(try ReconnectClient.pairingRendezvous(offer.code.lowercased()), byCode)
        XCTAssertNotNil(byCode.range(of: "^[0-9a-f]{16}$", options: .regularExpression))
        XCTAssertFalse(byCode.contains(offer.code.replacingOccurrences(of: "-", with: "").lowercased()))
    }

    func testSomethingThatIsNotACodeIsInvalidInput() {
        XCTAssertThrowsError(try ReconnectClient.pairingRendezvous("not a code")) { error in
            guard let error = error as? ReconnectError, case .InvalidInput = error else {
                return XCTFail("expected ReconnectError.InvalidInput, got \(error)")
            }
        }
    }

    func testDailyNamesMatchTheAndroidScheme() throws {
        let id = "0123456789abcdef0123456789abcdef"
        // The same vector as the Android app's ServiceNamesTest, computed independently.
        XCTAssertEqual(ServiceNames.forDevice(id, day: "2026-03-14"), "c0264f53e9e109e2")
        XCTAssertEqual(ServiceNames.forDevice(id, day: "2026-03-15"), "8732d8dac0b633c9")
        let lateEvening = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-03-14T23:59:00Z"))
        XCTAssertEqual(ServiceNames.current(id, now: lateEvening), "c0264f53e9e109e2")
        let afterMidnight = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-03-15T00:01:00Z"))
        let candidates = ServiceNames.candidates(id, now: afterMidnight)
        XCTAssertEqual(candidates.count, 3)
        XCTAssertTrue(candidates.contains("c0264f53e9e109e2"))
        XCTAssertEqual(ServiceNames.serviceType, "_rcsync._tcp")
    }
}
