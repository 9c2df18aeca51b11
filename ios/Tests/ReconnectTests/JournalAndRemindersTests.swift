// The journal, progress, reminders and export through the Swift package, on a Mac:
// add and search, a letter's cool-off, the strength score, the daily reminder at 20:00
// in Berlin across the DST change, custom reminder text, and export → import → wipe.
import XCTest
import Reconnect

final class JournalAndRemindersTests: XCTestCase {
    private var directory: URL!
    /// 2026-03-14T09:30:00Z: 10:30 in Berlin on a Saturday, two weeks before summer time.
    private let morning = Date(timeIntervalSince1970: 1_773_480_600)
    private let berlin = TimeZone(identifier: "Europe/Berlin")!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconnect-journal-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testEntriesAreAddedSearchedFilteredAndDeleted() async throws {
        let client = try openStore()
        defer { client.close() }
        let walk = try await client.journalAdd(
            EntryInput(kind: .entry, title: "A long walk", body: "Walked to the lake, felt calmer.", tags: ["Growth", "#calm"])
        )
        XCTAssertEqual(walk.tags, ["calm", "growth"])
        XCTAssertEqual(walk.createdAt, morning)
        let talk = try await client.journalAdd(
            EntryInput(kind: .entry, title: "Saturday", body: "Thought about how we used to talk.", tags: ["growth"])
        )
        let lake = try await client.journalSearch("LAKE calmer")
        XCTAssertEqual(lake.map(\.id), [walk.id])
        let tagged = try await client.journal(JournalFilter(tag: "calm"))
        XCTAssertEqual(tagged.map(\.id), [walk.id])
        try await client.journalDelete(id: talk.id)
        let gone = try await client.journalEntry(id: talk.id)
        XCTAssertNil(gone)
        do {
            try await client.journalAdd(EntryInput(kind: .entry, title: "", body: " "))
            XCTFail("an empty entry should be refused")
        } catch ReconnectError.InvalidInput(let detail) {
            XCTAssertFalse(detail.isEmpty)
        }
    }

    func testALetterCoolsOffBeforeItCanBeMarkedReady() async throws {
        let client = try openStore()
        let letter = try await client.journalAdd(
            EntryInput(kind: .letter, title: "To you", body: "I hope you are well.", coolOffHours: 24)
        )
        XCTAssertEqual(letter.readyAfter, morning.addingTimeInterval(24 * 3600))
        do {
            try await client.letterMarkReady(id: letter.id)
            XCTFail("the letter is still cooling off")
        } catch ReconnectError.InvalidInput(let detail) {
            XCTAssertTrue(detail.contains("cooling off"), detail)
        }
        client.close()

        let later = Date(timeIntervalSince1970: 1_773_567_060)
        let reopened = try openStore(now: later)
        defer { reopened.close() }
        let ready = try await reopened.letterMarkReady(id: letter.id)
        XCTAssertEqual(ready.markedReadyAt, later)
    }

    func testProgressAfterOneCheckIn() async throws {
        let client = try openStore()
        defer { client.close() }
        try client.checkIn(mood: 4, urge: 2)
        let progress = try await client.progress()
        XCTAssertEqual(progress.strength, 15)
        XCTAssertEqual(progress.strengthExact, 15.0, accuracy: 1e-9)
        XCTAssertEqual(progress.daysCheckedIn, 1)
        XCTAssertEqual(progress.since, "2026-03-14")
    }

    func testDailyReminderAtTwentyHundredAcrossDst() async throws {
        let client = try openStore()
        defer { client.close() }
        try await client.setDailyCheckIn(DateComponents(hour: 20, minute: 0))
        let pending = try await client.reminders()
        XCTAssertEqual(pending.count, 64)
        XCTAssertEqual(pending.first?.id, "check_in:2026-03-14")
        XCTAssertEqual(pending.first?.fireAt, Date(timeIntervalSince1970: 1_773_514_800))
        let afterDst = pending.first { $0.id == "check_in:2026-03-29" }
        XCTAssertEqual(afterDst?.fireAt, Date(timeIntervalSince1970: 1_774_807_200))
        XCTAssertEqual(afterDst?.local, "2026-03-29T20:00")

        try client.checkIn(mood: 3, urge: 3)
        let afterCheckIn = try await client.reminders()
        XCTAssertEqual(afterCheckIn.first?.id, "check_in:2026-03-15")
        XCTAssertEqual(afterCheckIn.count, 64)
    }

    func testCustomReminderTextIsGenericUnlessDetailed() async throws {
        let client = try openStore()
        defer { client.close() }
        let custom = try await client.addCustomReminder(
            at: DateComponents(year: 2026, month: 3, day: 15, hour: 8, minute: 30),
            text: "Call the dentist"
        )
        XCTAssertEqual(custom.at, "2026-03-15T08:30")
        let generic = try await client.reminders()
        XCTAssertEqual(generic.map(\.id), ["custom:\(custom.id)"])
        XCTAssertEqual(generic.first?.fireAt, Date(timeIntervalSince1970: 1_773_559_800))
        XCTAssertEqual(generic.first?.body, "A reminder you set")

        var settings = try await client.reminderSettings()
        settings.detail = .detailed
        try await client.setReminderSettings(settings)
        let detailed = try await client.reminders()
        XCTAssertEqual(detailed.first?.body, "Call the dentist")
    }

    func testExportImportIntoAFreshStoreThenWipe() async throws {
        let source = try openStore()
        try source.checkIn(mood: 4, urge: 2)
        try await source.journalAdd(EntryInput(kind: .entry, title: "Kept", body: "Across an export."))
        let json = try await source.exportJSON()

        let otherDirectory = directory.appendingPathComponent("other", isDirectory: true)
        let target = try ReconnectClient(
            directory: otherDirectory,
            key: Data(repeating: 3, count: 32),
            deviceName: "other device",
            timeZone: berlin,
            fixedNow: morning
        )
        let summary = try await target.importJSON(json)
        XCTAssertEqual(summary.journalEntries, 1)
        let sourceJournal = try await source.journal()
        let targetJournal = try await target.journal()
        XCTAssertEqual(targetJournal, sourceJournal)
        let sourceProgress = try await source.progress()
        let targetProgress = try await target.progress()
        XCTAssertEqual(targetProgress, sourceProgress)
        let report = try await target.report(.markdown)
        XCTAssertTrue(report.contains("Kept"))

        let removed = try await target.wipe()
        XCTAssertFalse(removed.isEmpty)
        do {
            _ = try await target.progress()
            XCTFail("a wiped store is closed")
        } catch ReconnectError.Closed {
        }
        source.close()
    }

    private func openStore(now: Date? = nil) throws -> ReconnectClient {
        try ReconnectClient(
            directory: directory,
            key: Data(repeating: 5, count: 32),
            deviceName: "test device",
            timeZone: berlin,
            fixedNow: now ?? morning
        )
    }
}
