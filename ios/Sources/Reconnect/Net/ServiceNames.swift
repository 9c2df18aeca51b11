// What a device calls itself on the local network. Anyone on the same network sees these
// names, so they say nothing about the app or the person: a neutral service type, and a
// name derived from the device id and the day. The same scheme as the Android app, so an
// iPhone and an Android phone find each other.
import CryptoKit
import Foundation

public enum ServiceNames {
    /// The DNS-SD service type every device registers and looks for, for pairing and sync.
    public static let serviceType = "_rcsync._tcp"
    /// Where a device offering pairing listens, named by `pairingRendezvous(code)`; the
    /// same type as the Android app's, so either can pair with the other.
    public static let pairingServiceType = "_rcpair._tcp"

    /// The name `deviceId` uses on `day` (`YYYY-MM-DD`, a UTC day, so both devices agree
    /// on it): the first 8 bytes of SHA-256 over a fixed label, the id and the day, in hex.
    public static func forDevice(_ deviceId: String, day: String) -> String {
        let input = "rcsync-service-name\u{0}\(deviceId)\u{0}\(day)"
        let digest = SHA256.hash(data: Data(input.utf8))
        return digest.prefix(nameBytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The name `deviceId` registers at `now`.
    public static func current(_ deviceId: String, now: Date = Date()) -> String {
        forDevice(deviceId, day: utcDay(now))
    }

    /// The names `deviceId` may be using around `now`: yesterday's, today's and
    /// tomorrow's, for clocks a little apart and devices that registered before midnight.
    public static func candidates(_ deviceId: String, now: Date = Date()) -> Set<String> {
        let dayLength: TimeInterval = 24 * 60 * 60
        return Set([-dayLength, 0, dayLength].map { forDevice(deviceId, day: utcDay(now.addingTimeInterval($0))) })
    }

    private static func utcDay(_ moment: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: moment)
    }

    private static let nameBytes = 8
}
