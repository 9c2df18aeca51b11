// When the app asks for Face ID, Touch ID or the passcode again: at a cold start, and
// after it has been in the background for at least the chosen time. Time comes from a
// monotonic clock that keeps counting while the device sleeps, so changing the device's
// clock cannot skip the lock.
import Foundation
import LocalAuthentication
import Observation

@MainActor
@Observable
final class AppLock {
    /// True while the app's content must stay hidden until the person unlocks.
    private(set) var isLocked: Bool
    private(set) var isAsking = false

    @ObservationIgnored private var backgroundSince: ContinuousClock.Instant?

    init() {
        isLocked = ShellSettings.appLockTimeout != nil
    }

    /// The app left the foreground.
    func onBackground() {
        if backgroundSince == nil {
            backgroundSince = .now
        }
    }

    /// The app came back; locks it if it was away for the timeout or longer.
    func onForeground() {
        guard let since = backgroundSince else { return }
        backgroundSince = nil
        guard let timeout = ShellSettings.appLockTimeout else { return }
        if since.duration(to: .now) >= .seconds(timeout) {
            isLocked = true
        }
    }

    /// Locks now if the lock is on, e.g. after the quick exit.
    func lockIfEnabled() {
        if ShellSettings.appLockTimeout != nil {
            isLocked = true
        }
    }

    /// The setting changed: turning the lock off also unlocks, turning it on does not lock.
    func settingChanged() {
        if ShellSettings.appLockTimeout == nil {
            isLocked = false
        }
    }

    /// Asks for Face ID, Touch ID or the passcode; unlocks when the person proves it is them.
    func unlock() async {
        guard isLocked, !isAsking else { return }
        isAsking = true
        defer { isAsking = false }
        let context = LAContext()
        let proved = (try? await context.evaluatePolicy(
            .deviceOwnerAuthentication,
            localizedReason: "Unlock Reconnect"
        )) ?? false
        if proved {
            isLocked = false
        }
    }

    /// Whether this device can lock the app at all: it needs a passcode.
    static var canLock: Bool {
        LAContext().canEvaluatePolicy(.deviceOwnerAuthentication, error: nil)
    }
}
