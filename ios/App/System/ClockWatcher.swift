// Hears the system say the clock moved: the time was set, a significant change (midnight,
// a DST switch, a carrier time update), or the device travelled into another time zone.
// Each tells the core the zone it is in now and hands over to `onChange`.
import Foundation
import Reconnect
import UIKit

@MainActor
final class ClockWatcher {
    private let client: ReconnectClient
    private var watching: [Task<Void, Never>] = []

    init(client: ReconnectClient) {
        self.client = client
    }

    func start(onChange: @escaping @MainActor () async -> Void) {
        guard watching.isEmpty else { return }
        let names: [Notification.Name] = [
            .NSSystemClockDidChange,
            .NSSystemTimeZoneDidChange,
            UIApplication.significantTimeChangeNotification,
        ]
        watching = names.map { name in
            Task { [weak self] in
                for await _ in NotificationCenter.default.notifications(named: name) {
                    await self?.followZone()
                    await onChange()
                }
            }
        }
    }

    func stop() {
        watching.forEach { $0.cancel() }
        watching = []
    }

    /// Tells the core the device's zone now; an unknown zone keeps the previous one.
    func followZone() async {
        NSTimeZone.resetSystemTimeZone()
        let client = self.client
        let zone = TimeZone.current
        _ = await Task.detached { try? client.setTimeZone(zone) }.value
    }
}
