// The app's single source of truth: opens the store once, keeps today and the history
// fresh as changes arrive, and turns failures into calm words for the screens.
import Foundation
import Reconnect
#if canImport(UIKit)
import UIKit
#endif

@MainActor
final class CompanionModel: ObservableObject {
    enum Phase {
        case opening
        case ready
        case unavailable(String)
    }

    @Published private(set) var phase: Phase = .opening
    @Published private(set) var today: TodayView?
    @Published private(set) var history: [CheckIn] = []
    @Published var saveProblem: String?

    private var client: ReconnectClient?
    private var listening: Task<Void, Never>?

    /// Opens the store. Safe to call again after a failure; it never replaces a key.
    func start() {
        guard client == nil else { return }
        phase = .opening
        do {
            let client = try ReconnectClient(
                directory: try Self.storeDirectory(),
                key: try KeychainKey.loadOrCreate(),
                deviceName: Self.deviceName()
            )
            self.client = client
            listen(to: try client.changes())
            reload()
            phase = .ready
        } catch {
            phase = .unavailable(Wording.problem(error))
        }
    }

    /// The app came forward: the clock or the zone may have moved on.
    func becameActive() {
        guard let client else {
            start()
            return
        }
        try? client.setTimeZone(.current)
        reload()
    }

    /// Records today's check-in; returns whether it was saved.
    func save(mood: Int, urge: Int, contact: ContactMedium, note: String) -> Bool {
        guard let client else { return false }
        do {
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            try client.checkIn(mood: mood, urge: urge, contact: contact, note: trimmed)
            saveProblem = nil
            reload()
            return true
        } catch {
            saveProblem = Wording.problem(error)
            return false
        }
    }

    private func reload() {
        guard let client else { return }
        do {
            today = try client.today()
            history = try client.history()
        } catch {
            phase = .unavailable(Wording.problem(error))
        }
    }

    private func listen(to changes: AsyncStream<ChangeEvent>) {
        listening?.cancel()
        listening = Task { [weak self] in
            for await _ in changes {
                self?.reload()
            }
        }
    }

    private static func storeDirectory() throws -> URL {
        let support = try FileManager.default.url(
            for: .applicationSupportDirectory,
            in: .userDomainMask,
            appropriateFor: nil,
            create: true
        )
        let directory = support.appendingPathComponent("Reconnect", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private static func deviceName() -> String {
        #if canImport(UIKit)
        return UIDevice.current.name
        #else
        return Host.current().localizedName ?? "Mac"
        #endif
    }
}
