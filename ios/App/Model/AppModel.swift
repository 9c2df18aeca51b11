// The app's one model: opens the store off the main actor, owns the navigator and the
// device's services (notifications, the local network, the clock), follows the scene's
// phase for the app lock and sync, and starts over after "delete everything". When the
// store cannot be opened it says why, and offers only what can help.
import Foundation
import Observation
import Reconnect
import SwiftUI
import UIKit

@MainActor
@Observable
final class AppModel {
    enum Phase {
        case opening
        case ready(ScreenNavigator)
        /// A store is here but its key is not: restored from a backup, or moved from
        /// another device. The key never leaves a device, so it cannot open again.
        case keyMissing
        /// The store is here but cannot be read with this device's key, or at all.
        case unreadable(String)
        /// Something passing, e.g. the device is still locked after a restart.
        case unavailable(String)
    }

    private(set) var phase: Phase = .opening
    let presentation = Presentation()
    let lock = AppLock()
    /// Set by the quick exit: nothing of the app shows until the person comes back.
    var exited = false

    @ObservationIgnored private var client: ReconnectClient?
    @ObservationIgnored private var tasks: AppShellTasks?
    @ObservationIgnored private var notifications: NotificationScheduler?
    @ObservationIgnored private var network: LocalNetwork?
    @ObservationIgnored private var clock: ClockWatcher?
    /// After "start fresh" from a restore: open the file picker once the new store is ready.
    @ObservationIgnored private var importAfterOpening = false
    @ObservationIgnored private var isOpening = false

    var navigator: ScreenNavigator? {
        if case .ready(let navigator) = phase { return navigator }
        return nil
    }

    /// Opens the store, making a key only when there is no store yet. Never replaces a key.
    func start() async {
        guard client == nil, !isOpening else { return }
        isOpening = true
        defer { isOpening = false }
        phase = .opening
        do {
            let directory = try StoreLocation.directory()
            let key: Data
            if let existing = try KeychainKey.load() {
                key = existing
            } else if StoreLocation.hasStore(in: directory) {
                phase = .keyMissing
                return
            } else {
                key = try KeychainKey.create()
            }
            let name = UIDevice.current.name
            let opened = try await Task.detached(priority: .userInitiated) {
                try ReconnectClient(directory: directory, key: key, deviceName: name)
            }.value
            ready(opened)
        } catch let error as ReconnectError {
            switch error {
            case .WrongKey, .NotAReconnectStore, .Damaged:
                phase = .unreadable(Problems.sentence(for: error))
            default:
                phase = .unavailable(Problems.sentence(for: error))
            }
        } catch {
            phase = .unavailable("Reconnect couldn't reach this device's keychain. Unlocking the device and trying again usually helps.")
        }
    }

    /// The scene's phase changed: the lock, the privacy cover, sync and the clock follow it.
    func scenePhaseChanged(_ scenePhase: ScenePhase) {
        switch scenePhase {
        case .active:
            lock.onForeground()
            guard client != nil else {
                Task { await start() }
                return
            }
            Task {
                await clock?.followZone()
                navigator?.refresh()
                await notifications?.reschedule()
                await network?.becameActive()
            }
        case .background:
            lock.onBackground()
            network?.wentAway()
        default:
            break
        }
    }

    /// Hides the app at once: everything is covered, the way back starts over at Today,
    /// and the app lock (if on) asks again before anything shows.
    func quickExit() {
        exited = true
        lock.lockIfEnabled()
        if ShellSettings.welcomed {
            navigator?.switchTo(.today)
        }
    }

    /// For a store whose key is gone or that cannot be read: removes it and its key, and
    /// starts with an empty store; with `thenImport`, the file picker opens for an export.
    func startFresh(thenImport: Bool) async {
        do {
            try StoreLocation.removeAll()
            try KeychainKey.delete()
        } catch {
            phase = .unavailable("Reconnect couldn't clear the old data just now. Please try again in a moment.")
            return
        }
        ShellSettings.reset()
        importAfterOpening = thenImport
        await start()
    }

    /// Deletes every file of the store and its key, then starts again at the first run.
    func deleteEverything() async throws {
        guard let client else { return }
        shutDown()
        notifications?.removeAll()
        try await client.wipe()
        try StoreLocation.removeAll()
        try KeychainKey.delete()
        ShellSettings.reset()
        lock.settingChanged()
        forget()
        await start()
    }

    /// The picked file for an import, or why picking failed.
    func imported(_ result: Result<URL, Error>) {
        switch result {
        case .success(let url):
            Task { await tasks?.importFile(at: url) }
        case .failure:
            navigator?.show(message: nil, problem: "That file couldn't be opened. Please try again.")
        }
    }

    func stopPairing() {
        tasks?.stopPairing()
    }

    private func ready(_ opened: ReconnectClient) {
        client = opened
        let notifications = NotificationScheduler(client: opened)
        let network = LocalNetwork(client: opened)
        let clock = ClockWatcher(client: opened)
        let tasks = AppShellTasks(
            client: opened,
            presentation: presentation,
            network: network,
            notifications: notifications,
            lock: lock,
            deleteEverything: { [weak self] in try await self?.deleteEverything() }
        )
        let navigator = ScreenNavigator(
            client: opened,
            tasks: tasks,
            welcomed: ShellSettings.welcomed,
            shell: { ShellState(appLock: ShellSettings.appLock) }
        )
        tasks.navigator = navigator
        self.notifications = notifications
        self.network = network
        self.clock = clock
        self.tasks = tasks
        navigator.start()
        notifications.start()
        clock.start { [weak self] in
            self?.navigator?.refresh()
            await self?.notifications?.reschedule()
        }
        Task { await network.becameActive() }
        phase = .ready(navigator)
        if importAfterOpening {
            importAfterOpening = false
            presentation.importing = true
        }
    }

    /// Stops everything that uses the store.
    private func shutDown() {
        navigator?.stop()
        notifications?.stop()
        network?.stopAnswering()
        clock?.stop()
        tasks?.stopPairing()
    }

    private func forget() {
        client = nil
        tasks = nil
        notifications = nil
        network = nil
        clock = nil
        phase = .opening
    }
}
