// The 11-step program through the Swift package, on a Mac: the happy path to step 4,
// a typed refusal that changes nothing, and bad dates as InvalidInput.
import XCTest
import Reconnect

final class ProgramTests: XCTestCase {
    private var directory: URL!
    /// 2025-03-14T09:30:00Z: mid-morning in Berlin.
    private let morning = Date(timeIntervalSince1970: 1_741_944_600)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconnect-program-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testHappyPathOpensStepFourAndLogsAWarmReply() async throws {
        let client = try openStore()
        defer { client.close() }
        let view = try await reachStepFour(client)
        XCTAssertEqual(state(view, 4), .available)
        XCTAssertEqual(view.currentStep, 4)
        XCTAssertTrue(view.nextActions.contains(.reachOut(rung: 1, medium: .socialMedia)))

        let logged = try await client.programCommand(attempt(.socialMedia))
        XCTAssertEqual(logged.view.records.attempts.map(\.id), [logged.createdId].compactMap { $0 })
        XCTAssertEqual(state(logged.view, 4), .done)
        XCTAssertEqual(logged.view.ladder.highestOpenMedium, .text)
    }

    func testSkippingARungIsRefusedAndChangesNothing() async throws {
        let client = try openStore()
        defer { client.close() }
        _ = try await reachStepFour(client)
        let before = try await client.program()
        do {
            try await client.programCommand(attempt(.video))
            XCTFail("skipping to a video call should be refused")
        } catch ReconnectError.Refused(let reason, let detail) {
            XCTAssertEqual(reason, .ladderSkip(medium: .video, openMedium: .socialMedia))
            XCTAssertFalse(detail.isEmpty)
        }
        let after = try await client.program()
        XCTAssertEqual(after, before)
    }

    func testADateThatIsNotIsoIsInvalidInput() async throws {
        let client = try openStore()
        defer { client.close() }
        try await client.programCommand(favourablePreCheck(client))
        do {
            try await client.programCommand(.setNoContact(start: "14/03/2025", end: "2025-04-01"))
            XCTFail("a bad date should be refused")
        } catch ReconnectError.InvalidInput(let detail) {
            XCTAssertTrue(detail.contains("YYYY-MM-DD"), detail)
        }
        let view = try await client.program()
        XCTAssertNil(view.records.noContact)
    }

    func testStepContentComesFromTheCore() throws {
        let client = try openStore()
        defer { client.close() }
        let step = try XCTUnwrap(client.stepContent(4))
        XCTAssertEqual(step.key, "step.4")
        XCTAssertFalse(step.prompts.isEmpty)
        XCTAssertEqual(client.text("step.4"), step.title)
        XCTAssertNil(client.stepContent(0))
    }

    // MARK: helpers

    private func reachStepFour(_ client: ReconnectClient) async throws -> ProgramView {
        try await client.programCommand(favourablePreCheck(client))
        try await client.programCommand(.addReason(text: "We stopped listening", kind: "communication"))
        try await client.programCommand(.setEndedBy(endedBy: .mutual))
        try await client.programCommand(.addMistake(text: "I mocked her beliefs", plan: "Agree to disagree"))
        try await client.programCommand(.setNoContact(start: "2024-12-01", end: "2025-03-01"))
        let readiness = client.choices(.readinessItems).map { Answer(code: $0.code, value: true) }
        return try await client.programCommand(.takeReadinessCheck(answers: readiness)).view
    }

    private func favourablePreCheck(_ client: ReconnectClient) -> ProgramCommand {
        let answers = client.preCheckContent().questions.map {
            Answer(code: $0.code, value: $0.favourableAnswer)
        }
        return .answerPreCheck(answers: answers, pastCycles: 0)
    }

    private func attempt(_ medium: ContactMedium) -> ProgramCommand {
        .logAttempt(medium: medium, on: nil, reply: .warm, note: nil, skipAhead: false)
    }

    private func state(_ view: ProgramView, _ number: UInt8) -> StepState? {
        view.steps.first { $0.number == number }?.state
    }

    private func openStore() throws -> ReconnectClient {
        try ReconnectClient(
            directory: directory,
            key: Data(repeating: 9, count: 32),
            deviceName: "test device",
            timeZone: TimeZone(identifier: "Europe/Berlin")!,
            fixedNow: morning
        )
    }
}
