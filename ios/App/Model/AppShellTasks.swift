// The app's side of the screens' shell tasks: pairing and sync over the local network,
// sharing and importing files, deleting everything, the app lock and notifications. The
// screens decide when each is offered; this only does the platform work.
import Foundation
import Reconnect

@MainActor
final class AppShellTasks: ShellTasks {
    private let client: ReconnectClient
    private let presentation: Presentation
    private let network: LocalNetwork
    private let notifications: NotificationScheduler
    private let lock: AppLock
    /// Deletes everything and goes back to the first run; the app model does it.
    private let deleteEverything: @MainActor () async throws -> Void
    /// Where sentences that arrive later go, e.g. when a pairing finished.
    weak var navigator: ScreenNavigator?
    private var host: PairingHost?

    init(
        client: ReconnectClient,
        presentation: Presentation,
        network: LocalNetwork,
        notifications: NotificationScheduler,
        lock: AppLock,
        deleteEverything: @escaping @MainActor () async throws -> Void
    ) {
        self.client = client
        self.presentation = presentation
        self.network = network
        self.notifications = notifications
        self.lock = lock
        self.deleteEverything = deleteEverything
    }

    func run(_ task: ShellTask, values: [String: String]) async throws -> String? {
        switch task {
        case .pairShowCode:
            try await showPairingCode()
            return nil
        case .pairEnterCode:
            let peer = try await client.pairJoin(values["code"] ?? "")
            await network.becameActive()
            return "Paired with \(peer.name)."
        case .syncNow:
            return await network.syncNow()
        case .shareExportJson:
            let json = try await client.exportJSON()
            try share(json, named: "reconnect-export.json")
            return nil
        case .shareReportHtml:
            let html = try await client.report(.html)
            try share(html, named: "reconnect-report.html")
            return nil
        case .shareReportMarkdown:
            let markdown = try await client.report(.markdown)
            try share(markdown, named: "reconnect-report.md")
            return nil
        case .importFile:
            presentation.importing = true
            return nil
        case .deleteEverything:
            try await deleteEverything()
            return nil
        case .setAppLock:
            try setAppLock(values["minutes"] ?? "off")
            return nil
        case .allowNotifications:
            return await notifications.requestPermission()
                ? "Notifications are on."
                : "Notifications are off. You can allow them in the Settings app."
        case .finishFirstRun:
            ShellSettings.welcomed = true
            return nil
        }
    }

    /// Reads the file the person picked and imports it into this empty store.
    func importFile(at url: URL) async {
        let reading = url.startAccessingSecurityScopedResource()
        defer {
            if reading { url.stopAccessingSecurityScopedResource() }
        }
        do {
            let json = try String(contentsOf: url, encoding: .utf8)
            let summary = try await client.importJSON(json)
            navigator?.show(message: "Imported \(summary.checkIns) check-ins and \(summary.journalEntries) journal entries.")
        } catch is CocoaError {
            navigator?.show(message: nil, problem: "That file couldn't be read. Choose a Reconnect export (a .json file).")
        } catch {
            navigator?.show(message: nil, problem: Problems.sentence(for: error))
        }
    }

    /// Stops waiting for a device to pair, e.g. when the person closes the code.
    func stopPairing() {
        host?.close()
        host = nil
        presentation.pairing = nil
    }

    private func showPairingCode() async throws {
        stopPairing()
        let offer = try await client.pairingOffer()
        let host = try await PairingHost(client: client, offer: offer)
        self.host = host
        presentation.pairing = offer
        Task {
            do {
                let peer = try await host.awaitPeer(within: max(1, offer.expiresAt.timeIntervalSinceNow))
                navigator?.show(message: "Paired with \(peer.name).")
                await network.becameActive()
            } catch TransportError.nobodyCame where self.host !== host {
                // Closed by the person: nothing to say.
            } catch {
                navigator?.show(message: nil, problem: Problems.sentence(for: error))
            }
            if self.host === host {
                self.host = nil
                presentation.pairing = nil
            }
        }
    }

    private func share(_ text: String, named name: String) throws {
        presentation.sharing?.remove()
        presentation.sharing = try SharedFile.write(text, named: name)
    }

    private func setAppLock(_ minutes: String) throws {
        if minutes != "off" && !AppLock.canLock {
            throw ShellTaskFailed("Set a passcode for this device first; the app lock uses it.")
        }
        ShellSettings.appLock = minutes
        lock.settingChanged()
    }
}
