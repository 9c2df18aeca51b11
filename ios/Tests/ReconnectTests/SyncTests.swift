// Proves, on a Mac, that two stores pair and sync through the Swift package with frames
// passed in memory, and that a wrong code fails on both sides with a typed reason.
import XCTest
import Reconnect

final class SyncTests: XCTestCase {
    private var directory: URL!
    private let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// Each device checks in on its own day, so both check-ins survive as two days.
    private let phoneNow = Date(timeIntervalSince1970: 1_741_858_200) // 2025-03-13T09:30:00Z
    private let laptopNow = Date(timeIntervalSince1970: 1_741_944_600) // 2025-03-14T09:30:00Z

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconnect-sync-tests-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testTwoStoresPairAndSyncInMemory() async throws {
        let phone = try device("phone", now: phoneNow)
        let laptop = try device("laptop", now: laptopNow)
        defer {
            phone.close()
            laptop.close()
        }

        let offer = try await phone.pairingOffer(lifetime: 300)
        XCTAssertEqual(offer.deviceId, try phone.store.deviceId())
        let offering = try await phone.pairAsOfferer(offer.code)
        let joining = try await laptop.pairAsJoiner(offer.qr)
        let toPhone = Pipe()
        let toLaptop = Pipe()
        async let laptopAsSeen = phone.runPairing(
            offering, send: { await toLaptop.send($0) }, receive: { await toPhone.receive() })
        async let phoneAsSeen = laptop.runPairing(
            joining, send: { await toPhone.send($0) }, receive: { await toLaptop.receive() })
        let (seenByPhone, seenByLaptop) = try await (laptopAsSeen, phoneAsSeen)
        XCTAssertEqual(seenByPhone.name, "laptop")
        XCTAssertEqual(seenByLaptop.name, "phone")
        let phonePeers = try await phone.peers()
        let laptopKey = try await laptop.devicePublicKey()
        XCTAssertEqual(phonePeers.map(\.name), ["laptop"])
        XCTAssertEqual(phonePeers.first?.publicKey, laptopKey)
        XCTAssertNil(phonePeers.first?.revokedAt)

        try phone.checkIn(mood: 3, urge: 4, note: "written on the phone")
        try laptop.checkIn(mood: 4, urge: 2, note: "written on the laptop")
        let laptopSession = try await laptop.syncSession(role: .initiator)
        let phoneSession = try await phone.syncSession(role: .responder)
        let up = Pipe()
        let down = Pipe()
        async let laptopSide = laptop.runSync(
            laptopSession, send: { await up.send($0) }, receive: { await down.receive() })
        async let phoneSide = phone.runSync(
            phoneSession, send: { await down.send($0) }, receive: { await up.receive() })
        let (onLaptop, onPhone) = try await (laptopSide, phoneSide)
        XCTAssertEqual(onLaptop.peer.name, "phone")
        XCTAssertEqual(onPhone.peer.name, "laptop")
        XCTAssertTrue(onLaptop.changed && onPhone.changed)

        let expected = ["2025-03-14: written on the laptop", "2025-03-13: written on the phone"]
        XCTAssertEqual(try phone.history().map { "\($0.date): \($0.note ?? "")" }, expected)
        XCTAssertEqual(try laptop.history().map { "\($0.date): \($0.note ?? "")" }, expected)
    }

    func testAWrongCodeFailsOnBothSidesAndSpendsTheOffer() async throws {
        let phone = try device("phone", now: phoneNow)
        let laptop = try device("laptop", now: laptopNow)
        defer {
            phone.close()
            laptop.close()
        }

        let offer = try await phone.pairingOffer()
        let wrong = offer.code.hasPrefix("A") ? "BBBBB-BBBBB" : "AAAAA-AAAAA"
        let offering = try await phone.pairAsOfferer(offer.code)
        let joining = try await laptop.pairAsJoiner(wrong)
        let toPhone = Pipe()
        let toLaptop = Pipe()
        async let onPhone = syncFailure {
            try await phone.runPairing(
                offering, send: { await toLaptop.send($0) }, receive: { await toPhone.receive() })
        }
        async let onLaptop = syncFailure {
            try await laptop.runPairing(
                joining, send: { await toPhone.send($0) }, receive: { await toLaptop.receive() })
        }
        let (phoneFailure, laptopFailure) = await (onPhone, onLaptop)
        XCTAssertEqual(phoneFailure, .wrongCode)
        XCTAssertEqual(laptopFailure, .wrongCode)
        let phonePeers = try await phone.peers()
        XCTAssertEqual(phonePeers, [])

        let spent = await syncFailure { try await phone.pairAsOfferer(offer.code) }
        XCTAssertEqual(spent, .offerUsed)
    }

    private func device(_ name: String, now: Date) throws -> ReconnectClient {
        try ReconnectClient(
            directory: directory.appendingPathComponent(name, isDirectory: true),
            key: Data((0..<32).map { _ in UInt8.random(in: 0...255) }),
            deviceName: name,
            timeZone: berlin,
            fixedNow: now
        )
    }
}

/// The reason `work` failed with `ReconnectError.Sync`; `nil` (and a test failure) if it
/// succeeded or failed otherwise.
private func syncFailure<T>(_ work: () async throws -> T) async -> SyncFailure? {
    do {
        _ = try await work()
        XCTFail("expected ReconnectError.Sync, but it succeeded")
        return nil
    } catch ReconnectError.Sync(let reason, _) {
        return reason
    } catch {
        XCTFail("expected ReconnectError.Sync, got \(error)")
        return nil
    }
}

/// One direction of an in-memory connection: whole frames, in order.
private actor Pipe {
    private var frames: [Data] = []
    private var waiter: CheckedContinuation<Data, Never>?

    func send(_ frame: Data) {
        if let waiter {
            self.waiter = nil
            waiter.resume(returning: frame)
        } else {
            frames.append(frame)
        }
    }

    func receive() async -> Data {
        if !frames.isEmpty {
            return frames.removeFirst()
        }
        return await withCheckedContinuation { waiter = $0 }
    }
}
