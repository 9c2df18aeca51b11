// Sync on the local network while the app is in front: answers the person's other
// devices under this device's daily name, and syncs with each of them on becoming active
// and on "sync now". Only one round of syncing runs at a time. Nothing touches the
// network until a device is paired, so the system's local-network question comes only
// when the person first pairs.
import Foundation
import Reconnect

@MainActor
final class LocalNetwork {
    private let client: ReconnectClient
    private var responder: SyncResponder?
    private var syncing = false

    init(client: ReconnectClient) {
        self.client = client
    }

    /// Starts answering and syncs once, when a device is paired; the name is renewed
    /// each time, as it changes daily.
    func becameActive() async {
        guard let paired = try? await client.peers(), paired.contains(where: { $0.revokedAt == nil }),
              let deviceId = try? await client.deviceId() else {
            stopAnswering()
            return
        }
        // No suspension between stopping the old listener and keeping the new one.
        responder?.stop()
        responder = try? SyncResponder(client: client, deviceId: deviceId)
        _ = await syncNow()
    }

    /// Stops answering; the system would suspend the listener anyway.
    func wentAway() {
        stopAnswering()
    }

    /// Syncs with every paired device found now, and says how it went in one sentence;
    /// `nil` when there is nothing to say (no devices, or a round already running).
    func syncNow() async -> String? {
        guard !syncing else { return nil }
        syncing = true
        defer { syncing = false }
        let results: [DeviceSyncResult]
        do {
            results = try await client.syncWithPairedDevices()
        } catch {
            return Problems.sentence(for: error)
        }
        return SyncSummary.sentence(results)
    }

    func stopAnswering() {
        responder?.stop()
        responder = nil
    }
}

/// How a round of syncing went, in one or two short sentences.
enum SyncSummary {
    static func sentence(_ results: [DeviceSyncResult]) -> String? {
        guard !results.isEmpty else { return nil }
        return results.map { result in
            switch result {
            case .synced(let name, _):
                return "Synced with \(name)."
            case .notFound(let name):
                return "\(name) wasn't found on this network just now."
            case .failed(let name, let error):
                return "\(name): \(error)"
            }
        }.joined(separator: " ")
    }
}
