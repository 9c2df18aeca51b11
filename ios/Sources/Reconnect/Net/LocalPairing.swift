// Pairing over the local network: the device showing the code listens under the name the
// code gives (`pairingRendezvous`), the one that typed or scanned it looks for that name
// and connects. A pairing is one attempt, so the listener takes exactly one connection.
import Foundation
import Network

/// The offering side of one pairing: listening and advertising until a device connects
/// or `close()` is called.
public final class PairingHost: @unchecked Sendable {
    private let client: ReconnectClient
    private let session: PairingSession
    private let listener: ServiceListener
    private let timeouts: NetTimeouts

    /// Starts listening for the device that will type or scan `offer`'s code. The offer
    /// is checked at once: an unknown, expired or used one throws `ReconnectError.Sync`.
    public init(client: ReconnectClient, offer: PairingOffer, timeouts: NetTimeouts = NetTimeouts()) async throws {
        self.client = client
        self.timeouts = timeouts
        session = try await client.pairAsOfferer(offer.code)
        listener = try ServiceListener(
            name: try ReconnectClient.pairingRendezvous(offer.code),
            type: ServiceNames.pairingServiceType
        )
    }

    /// Waits up to `wait` seconds for one device to connect, then pairs with it and
    /// returns that device, now paired. Stops listening as soon as it connects.
    ///
    /// - Throws: `TransportError.nobodyCame` when nobody came in time,
    ///   `ReconnectError.Sync` when the pairing was refused (e.g. `.wrongCode` on both
    ///   sides), or another `TransportError`. Call it once.
    public func awaitPeer(within wait: TimeInterval = 600) async throws -> Peer {
        let listener = self.listener
        defer { listener.stop() }
        let stopper = Task {
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            if !Task.isCancelled { listener.stop() }
        }
        defer { stopper.cancel() }
        var arrived: NWConnection?
        for await connection in listener.connections {
            arrived = connection
            break
        }
        guard let connection = arrived else { throw TransportError.nobodyCame }
        listener.stop()
        let link = FrameConnection(connection, timeouts: timeouts, answering: true)
        defer { link.close() }
        try await link.open()
        return try await client.runPairing(session, send: link.send, receive: link.receive)
    }

    /// Stops listening; a pairing running now is not affected. Safe to call twice.
    public func close() {
        listener.stop()
    }
}

extension ReconnectClient {
    /// The joining side of a pairing: looks on the local network for the device showing
    /// `codeOrQR` (what the person typed or scanned), connects and pairs. Returns the
    /// offering device, now paired.
    ///
    /// - Throws: `ReconnectError.InvalidInput` for something that is not a code,
    ///   `TransportError.notFound` when no device shows it here within `lookFor` seconds,
    ///   `ReconnectError.Sync` (e.g. `.wrongCode`) or another `TransportError`.
    public func pairJoin(
        _ codeOrQR: String,
        lookFor: TimeInterval = 15,
        timeouts: NetTimeouts = NetTimeouts()
    ) async throws -> Peer {
        let name = try ReconnectClient.pairingRendezvous(codeOrQR)
        let session = try await pairAsJoiner(codeOrQR)
        let found = await PeerBrowser.find(
            ["offer": [name]], type: ServiceNames.pairingServiceType, within: lookFor
        )
        guard let endpoint = found["offer"] else { throw TransportError.notFound }
        let link = FrameConnection(NWConnection(to: endpoint, using: .tcp), timeouts: timeouts, answering: false)
        defer { link.close() }
        try await link.open()
        return try await runPairing(session, send: link.send, receive: link.receive)
    }
}
