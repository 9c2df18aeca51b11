// Reminders: settings, one-off custom reminders and the schedule to hand to the
// notification center, as async calls off the caller's actor. Times of day cross as
// `HH:MM` and local wall times as `YYYY-MM-DDTHH:MM`; these helpers also take
// `DateComponents`.
import Foundation

extension ReconnectClient {
    public func reminderSettings() async throws -> ReminderSettings {
        try await offActor { try $0.reminderSettings() }
    }

    /// Replaces the reminder settings; a time that is not `HH:MM` throws
    /// `ReconnectError.InvalidInput`.
    public func setReminderSettings(_ settings: ReminderSettings) async throws {
        try await offActor { try $0.setReminderSettings(settings: settings) }
    }

    /// Turns the daily check-in reminder on at a local time of day (hour and minute), or
    /// off with `nil`.
    public func setDailyCheckIn(_ time: DateComponents?) async throws {
        var settings = try await reminderSettings()
        settings.dailyCheckIn = try time.map(ReconnectClient.timeOfDay)
        try await setReminderSettings(settings)
    }

    /// Adds a one-off reminder at a local wall time (year, month, day, hour and minute),
    /// read in the zone the device is in when it fires. `text` shows only with detailed
    /// notifications.
    @discardableResult
    public func addCustomReminder(at wallTime: DateComponents, text: String? = nil) async throws -> CustomReminder {
        let at = try ReconnectClient.wallTime(wallTime)
        return try await offActor { try $0.addCustomReminder(at: at, text: text) }
    }

    public func removeCustomReminder(id: String) async throws {
        try await offActor { try $0.removeCustomReminder(id: id) }
    }

    /// The custom reminders, soonest first.
    public func customReminders() async throws -> [CustomReminder] {
        try await offActor { try $0.customReminders() }
    }

    /// The notifications to have pending now (at most 64, the iOS limit; soonest first;
    /// stable ids), for the zone set last. Replace every pending request with these after
    /// each change, and after `setTimeZone(_:)`.
    public func reminders() async throws -> [Reminder] {
        try await offActor { try $0.reminders() }
    }

    static func timeOfDay(_ time: DateComponents) throws -> String {
        guard let hour = time.hour, let minute = time.minute,
              (0...23).contains(hour), (0...59).contains(minute) else {
            throw ReconnectError.InvalidInput(detail: "a reminder time needs an hour (0–23) and a minute (0–59)")
        }
        return String(format: "%02d:%02d", hour, minute)
    }

    static func wallTime(_ at: DateComponents) throws -> String {
        guard let year = at.year, let month = at.month, let day = at.day,
              (0...9999).contains(year) else {
            throw ReconnectError.InvalidInput(detail: "a reminder needs a year, a month and a day")
        }
        let time = try timeOfDay(at)
        return String(format: "%04d-%02d-%02dT", year, month, day) + time
    }
}
