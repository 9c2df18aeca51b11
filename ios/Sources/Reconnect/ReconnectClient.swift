// The Swift face of one open store: Swift-native values in, the core's records out.
import Foundation

/// One open Reconnect store. A thin layer over the generated `ReconnectStore` that takes
/// `URL`, `TimeZone`, `Int` and `Date` instead of FFI types. Errors are the core's
/// `ReconnectError`, unchanged.
public final class ReconnectClient: Sendable {
    /// The generated store, for the calls this type does not wrap.
    public let store: ReconnectStore

    /// Opens the store in `directory`, creating it on first use.
    ///
    /// - Parameters:
    ///   - key: 32 random bytes kept in the platform keychain.
    ///   - deviceName: shown to the person's other devices.
    ///   - timeZone: where the device is now; it decides which day a check-in belongs to.
    ///   - fixedNow: a fixed clock for tests and demos; `nil` uses the system clock.
    public init(
        directory: URL,
        key: Data,
        deviceName: String,
        timeZone: TimeZone = .current,
        fixedNow: Date? = nil
    ) throws {
        let options = OpenOptions(
            dataDir: directory.path(percentEncoded: false),
            key: key,
            deviceName: deviceName,
            timeZone: timeZone.identifier,
            fixedNow: fixedNow.map(ReconnectClient.rfc3339)
        )
        store = try ReconnectStore.open(options: options)
    }

    /// Records today's check-in, or updates it. `contact` or `note` left `nil` keep what
    /// was recorded earlier today; an empty note clears it.
    ///
    /// - Throws: `ReconnectError.InvalidInput` when mood is outside 1–5, urge outside
    ///   0–10, or the note is too long; nothing is written then.
    @discardableResult
    public func checkIn(
        mood: Int,
        urge: Int,
        contact: ContactMedium? = nil,
        note: String? = nil
    ) throws -> CheckIn {
        let input = CheckInInput(
            mood: try ReconnectClient.smallNumber(mood, named: "mood"),
            urge: try ReconnectClient.smallNumber(urge, named: "urge"),
            contact: contact,
            note: note
        )
        return try store.checkIn(input: input)
    }

    /// Which local day it is, and its check-in if there is one.
    public func today() throws -> TodayView {
        try store.today()
    }

    /// Check-ins, newest first; all of them when `limit` is `nil`.
    public func history(limit: Int? = nil) throws -> [CheckIn] {
        try store.history(limit: limit.map { UInt32(clamping: $0) })
    }

    /// Tells the core which zone the device is in now, e.g. after travel.
    public func setTimeZone(_ timeZone: TimeZone) throws {
        try store.setTimeZone(timeZone: timeZone.identifier)
    }

    /// Closes the store now; later calls throw `ReconnectError.Closed`. Safe to repeat.
    public func close() {
        store.close()
    }

    private static func smallNumber(_ value: Int, named name: String) throws -> UInt8 {
        guard let small = UInt8(exactly: value) else {
            throw ReconnectError.InvalidInput(detail: "\(name) \(value) is out of range")
        }
        return small
    }

    private static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
