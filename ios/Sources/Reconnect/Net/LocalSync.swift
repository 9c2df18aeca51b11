// Sync over the local network. `SyncResponder` answers the person's other devices while
// the app is in front; `ReconnectClient.syncWithPairedDevices` finds them by their daily
// names and syncs with each. The core lets only paired, unrevoked devices in.
import Foundation
import Network

/// Answers sync sessions from paired devices, advertised under this device's daily name.
/// At most `maxSessions` run at once; a connection beyond that is closed at once. Each
/// connection must send its whole first frame within `timeouts.firstFrame`. A failing or
/// hostile peer ends only its own connection.
public final class SyncResponder: @unchecked Sendable {
    private let client: ReconnectClient
    private let listener: ServiceListener
    private let slots: Slots
    private let timeouts: NetTimeouts
    private let accepting: Task<Void, Never>

    /// Starts listening as `ServiceNames.current(deviceId)`. `onSession` hears how each
    /// session ended, on a background task.
    public init(
        client: ReconnectClient,
        deviceId: String,
        maxSessions: Int = 4,
        timeouts: NetTimeouts = NetTimeouts(),
        onSession: @escaping @Sendable (Result<SyncResult, Error>) -> Void = { _ in }
    ) throws {
        let listener = try ServiceListener(name: ServiceNames.current(deviceId))
        let slots = Slots(max(1, maxSessions))
        self.client = client
        self.listener = listener
        self.slots = slots
        self.timeouts = timeouts
        accepting = Task.detached {
            for await connection in listener.connections {
                guard await slots.take() else {
                    connection.cancel()
                    continue
                }
                Task.detached {
                    let result = await SyncResponder.answer(connection, client: client, timeouts: timeouts)
                    await slots.give()
                    onSession(result)
                }
            }
        }
    }

    /// Stops listening; sessions running now finish on their own, within their bounds.
    public func stop() {
        listener.stop()
        accepting.cancel()
    }

    private static func answer(
        _ connection: NWConnection,
        client: ReconnectClient,
        timeouts: NetTimeouts
    ) async -> Result<SyncResult, Error> {
        let link = FrameConnection(connection, timeouts: timeouts, answering: true)
        defer { link.close() }
        do {
            try await link.open()
            let session = try await client.syncSession(role: .responder)
            return .success(try await client.runSync(session, send: link.send, receive: link.receive))
        } catch {
            return .failure(error)
        }
    }
}

/// How many sessions may run at once.
private actor Slots {
    private var free: Int

    init(_ count: Int) {
        free = count
    }

    func take() -> Bool {
        guard free > 0 else { return false }
        free -= 1
        return true
    }

    func give() {
        free += 1
    }
}

/// How one sync with a paired device went.
public enum DeviceSyncResult: Equatable, Sendable {
    case synced(name: String, changed: Bool)
    /// The device was not found on this network now.
    case notFound(name: String)
    case failed(name: String, error: String)
}

extension ReconnectClient {
    /// Syncs with every paired, unrevoked device found on the local network within
    /// `lookFor` seconds, all at once, and says how each went. A failure with one device
    /// is its result; this throws only when the store cannot list its devices.
    public func syncWithPairedDevices(
        lookFor: TimeInterval = 5,
        timeouts: NetTimeouts = NetTimeouts()
    ) async throws -> [DeviceSyncResult] {
        let paired = try await peers().filter { $0.revokedAt == nil }
        guard !paired.isEmpty else { return [] }
        var wanted: [String: Set<String>] = [:]
        for peer in paired {
            wanted[peer.deviceId] = ServiceNames.candidates(peer.deviceId)
        }
        let found = await PeerBrowser.find(wanted, within: lookFor)
        return await withTaskGroup(of: (Int, DeviceSyncResult).self) { group in
            for (index, peer) in paired.enumerated() {
                let endpoint = found[peer.deviceId]
                group.addTask {
                    (index, await self.syncOne(peer, at: endpoint, timeouts: timeouts))
                }
            }
            var results: [(Int, DeviceSyncResult)] = []
            for await result in group {
                results.append(result)
            }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    private func syncOne(_ peer: Peer, at endpoint: NWEndpoint?, timeouts: NetTimeouts) async -> DeviceSyncResult {
        guard let endpoint else { return .notFound(name: peer.name) }
        let link = FrameConnection(NWConnection(to: endpoint, using: .tcp), timeouts: timeouts, answering: false)
        defer { link.close() }
        do {
            try await link.open()
            let session = try await syncSession(to: peer.deviceId)
            let result = try await runSync(session, send: link.send, receive: link.receive)
            return .synced(name: result.peer.name, changed: result.changed)
        } catch {
            return .failed(name: peer.name, error: Problems.sentence(for: error))
        }
    }
}
