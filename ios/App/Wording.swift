// Every label and message the app shows, in one place, so the tone stays warm and plain:
// no streaks, no scores, no pressure.
import Foundation
import Reconnect

enum Wording {
    static let contactChoices: [ContactMedium] = [
        ContactMedium.none, .socialMedia, .text, .call, .video, .inPerson,
    ]

    static func mood(_ value: Int) -> String {
        switch value {
        case 1: return "Very low"
        case 2: return "Low"
        case 3: return "Okay"
        case 4: return "Good"
        case 5: return "Very good"
        default: return "Not recorded"
        }
    }

    static func urge(_ value: Int) -> String {
        switch value {
        case 0: return "none at all"
        case 1...3: return "a little"
        case 4...6: return "noticeable"
        case 7...9: return "strong"
        default: return "overwhelming"
        }
    }

    static func contact(_ medium: ContactMedium) -> String {
        switch medium {
        case .none: return "No contact"
        case .socialMedia: return "Social media"
        case .text: return "A text message"
        case .call: return "A phone call"
        case .video: return "A video call"
        case .inPerson: return "In person"
        }
    }

    static func daysCheckedIn(_ count: UInt32) -> String {
        count == 1 ? "You've checked in on one day." : "You've checked in on \(count) days."
    }

    /// "Friday, 14 March 2025" (in the reader's own style) for a core date "2025-03-14".
    static func day(_ isoDate: String?) -> String {
        guard let isoDate else { return "Today" }
        // ISO 8601 parsing is in UTC; the date is shown in UTC too, so it never shifts.
        let parse = Date.ISO8601FormatStyle().year().month().day()
        guard let date = try? parse.parse(isoDate) else { return isoDate }
        var style = Date.FormatStyle(date: .complete, time: .omitted)
        style.timeZone = utc
        return date.formatted(style)
    }

    /// What to tell the person when something fails. Never alarming, never blaming,
    /// and always clear that nothing they wrote was lost or changed.
    static func problem(_ error: Error) -> String {
        guard let error = error as? ReconnectError else {
            return "Reconnect couldn't reach this device's keychain. Unlocking the device and opening the app again usually helps."
        }
        switch error {
        case .InvalidInput(let message):
            return "That wasn't saved: \(message)."
        case .WrongKey:
            return "The key on this device doesn't open your saved check-ins. Nothing has been changed or deleted."
        case .NotAReconnectStore:
            return "The saved file isn't one Reconnect recognises, so it has been left untouched."
        case .Damaged:
            return "Your saved check-ins look damaged. They have been left exactly as they were."
        case .NewerVersion:
            return "Your check-ins were saved by a newer version of Reconnect. Updating the app will open them."
        case .InUse:
            return "Reconnect already has your check-ins open elsewhere on this device. Closing it there and trying again will help."
        case .Storage:
            return "Your check-ins couldn't be read or saved just now. Freeing some space or restarting the device often helps."
        case .Closed, .Internal:
            return "Something went wrong on our side. Closing and reopening the app should put it right."
        }
    }

    private static let utc = TimeZone(identifier: "UTC")!
}
