// The little the app itself remembers, outside the store: whether the first run was seen
// and the app lock setting. Both describe this device only, so they never sync.
import Foundation

enum ShellSettings {
    private static let welcomedKey = "welcomed"
    private static let appLockKey = "appLock"
    private static var defaults: UserDefaults { .standard }

    static var welcomed: Bool {
        get { defaults.bool(forKey: welcomedKey) }
        set { defaults.set(newValue, forKey: welcomedKey) }
    }

    /// One of the core's app lock codes: `off`, `0`, `1`, `5` or `15` (minutes away).
    static var appLock: String {
        get { defaults.string(forKey: appLockKey) ?? "off" }
        set { defaults.set(newValue, forKey: appLockKey) }
    }

    /// The lock's timeout in seconds, or `nil` when it is off.
    static var appLockTimeout: TimeInterval? {
        guard let minutes = Int(appLock) else { return nil }
        return TimeInterval(minutes * 60)
    }

    /// Forgets everything, for deleting everything.
    static func reset() {
        defaults.removeObject(forKey: welcomedKey)
        defaults.removeObject(forKey: appLockKey)
    }
}
