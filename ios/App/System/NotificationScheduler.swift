// Keeps the system's pending notifications equal to the core's schedule: at most 64 (the
// iOS limit), each under the core's stable id, in the core's words (generic unless the
// person chose more detail). Replaced after every change event, including a check-in
// synced from another device, and after the clock or the time zone changed.
import Foundation
import Reconnect
import UserNotifications

@MainActor
final class NotificationScheduler {
    private let client: ReconnectClient
    private let center = UNUserNotificationCenter.current()
    private var following: Task<Void, Never>?

    init(client: ReconnectClient) {
        self.client = client
    }

    /// Reschedules now and after every change to the store.
    func start() {
        guard following == nil else { return }
        let changes = try? client.changes(bufferingPolicy: .bufferingNewest(1))
        following = Task { [weak self] in
            await self?.reschedule()
            guard let changes else { return }
            for await _ in changes {
                await self?.reschedule()
            }
        }
    }

    func stop() {
        following?.cancel()
        following = nil
    }

    /// Asks the system for permission to notify; returns whether it was given.
    func requestPermission() async -> Bool {
        let granted = (try? await center.requestAuthorization(options: [.alert, .sound])) ?? false
        await reschedule()
        return granted
    }

    /// Replaces every pending notification with the core's schedule. A failure keeps the
    /// ones there were; the next change tries again.
    func reschedule() async {
        guard let reminders = try? await client.reminders() else { return }
        center.removeAllPendingNotificationRequests()
        let now = Date()
        var ids = Set<String>()
        for reminder in reminders.prefix(Self.systemLimit) where reminder.fireAt > now {
            let content = UNMutableNotificationContent()
            content.title = reminder.title
            content.body = reminder.body
            content.sound = .default
            // An instant, not a wall time: the core already placed it in the current zone,
            // and a zone change reschedules.
            let trigger = UNTimeIntervalNotificationTrigger(
                timeInterval: max(1, reminder.fireAt.timeIntervalSince(now)),
                repeats: false
            )
            ids.insert(reminder.id)
            try? await center.add(UNNotificationRequest(identifier: reminder.id, content: content, trigger: trigger))
        }
        await clearAnsweredCheckIns(keeping: ids)
    }

    /// Once any device checked in, today's check-in reminder is gone from the schedule;
    /// take it off the lock screen too if it was already shown.
    private func clearAnsweredCheckIns(keeping ids: Set<String>) async {
        let delivered = await center.deliveredNotifications()
        let answered = delivered
            .map(\.request.identifier)
            .filter { $0.hasPrefix("check_in:") && !ids.contains($0) }
        if !answered.isEmpty {
            center.removeDeliveredNotifications(withIdentifiers: answered)
        }
    }

    /// Everything goes, for deleting everything.
    func removeAll() {
        center.removeAllPendingNotificationRequests()
        center.removeAllDeliveredNotifications()
    }

    private static let systemLimit = 64
}
