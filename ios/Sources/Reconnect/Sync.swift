// Pairing and sync with the person's other devices, as async calls off the caller's
// actor. The core only turns frames into frames; the app carries them over its own
// transport (Bonjour + Network.framework, Multipeer, …).
//
// A frame is a whole wire frame starting with its 4-byte big-endian length. Send frames
// as they are; a transport that reads a byte stream gets whole frames back with a
// `FrameReader`. The device that opened the connection plays `.initiator`; in pairing
// that is the joining device.
import Foundation

/// How a sync went.
public struct SyncResult: Sendable, Equatable {
    /// The device synced with.
    public let peer: Peer
    /// Whether its changes reached this store (listeners were told).
    public let changed: Bool
    public let stats: SessionStats
}

extension ReconnectClient {
    /// A one-time pairing offer to show on this device, as its code or as a QR code:
    /// valid for `lifetime` (10 minutes when `nil`, at most an hour) and for one attempt.
    /// Any earlier unused offer is spent.
    public func pairingOffer(lifetime: TimeInterval? = nil) async throws -> PairingOffer {
        // Out-of-range lifetimes pass through as 0 or the maximum, which the core refuses.
        let seconds = lifetime.map { value -> UInt32 in
            guard value > 0 else { return 0 }
            return value >= Double(UInt32.max) ? UInt32.max : UInt32(value.rounded(.down))
        }
        return try await offActor { try $0.pairingOffer(ttlSeconds: seconds) }
    }

    /// The offering device's side of a pairing, for a connection that arrived while it
    /// shows an offer: `codeOrQR` is that offer's `code` (or its QR string). Run it with
    /// `runPairing`.
    ///
    /// - Throws: `ReconnectError.Sync` when the offer is unknown, expired or already used.
    public func pairAsOfferer(_ codeOrQR: String) async throws -> PairingSession {
        try await offActor { try $0.pairAsOfferer(codeOrQr: codeOrQR) }
    }

    /// The joining device's side of a pairing: `codeOrQR` is what the person typed (case,
    /// spaces and dashes do not matter) or the QR string scanned. This device opens the
    /// connection and sends first. Run it with `runPairing`.
    public func pairAsJoiner(_ codeOrQR: String) async throws -> PairingSession {
        try await offActor { try $0.pairAsJoiner(codeOrQr: codeOrQR) }
    }

    /// A sync session with whichever paired device is on the other end. Use it to answer
    /// a connection (`.responder`; it answers both kinds of initiator), or to open one
    /// when this device does not know which device will answer; prefer `syncSession(to:)`
    /// when it does. Run it with `runSync`.
    public func syncSession(role: SyncRole) async throws -> SyncSession {
        try await offActor { try $0.syncSession(role: role) }
    }

    /// The initiating side of a sync session with one paired device, chosen by its
    /// `deviceId` (a `Peer.deviceId`): use it when this device opens the connection to a
    /// device it knows. Its first frame already carries this device's news, so the sync
    /// settles a round trip sooner than with `syncSession(role:)`; the other device
    /// answers with a `.responder` session. Run it with `runSync`.
    ///
    /// - Throws: `ReconnectError.Sync` for an unknown (`.unknownPeer`) or revoked
    ///   (`.revokedPeer`) device.
    public func syncSession(to deviceId: String) async throws -> SyncSession {
        try await offActor { try $0.syncSessionTo(deviceId: deviceId) }
    }

    /// Paired devices, revoked ones included (`revokedAt` set).
    public func peers() async throws -> [Peer] {
        try await offActor { try $0.peers() }
    }

    /// Removes a paired device: later sessions with it are refused, and one running now
    /// ends at its next message. Pairing again lifts it.
    public func revokePeer(_ deviceId: String) async throws {
        try await offActor { try $0.revokePeer(deviceId: deviceId) }
    }

    /// This device's public key (32 bytes); its device id derives from it.
    public func devicePublicKey() async throws -> Data {
        try await offActor { try $0.devicePublicKey() }
    }

    /// Runs a pairing session to its end over any transport: `send` delivers one whole
    /// frame to the other device, `receive` returns the next whole frame from it. Returns
    /// the device now paired. On failure the other device is told why (best-effort) and
    /// the error, usually `ReconnectError.Sync`, is rethrown; close the connection then.
    public func runPairing(
        _ session: PairingSession,
        send: (Data) async throws -> Void,
        receive: () async throws -> Data
    ) async throws -> Peer {
        _ = try await drive(session, send: send, receive: receive)
        guard let peer = session.peer() else {
            throw ReconnectError.Internal(detail: "a finished pairing named no device")
        }
        return peer
    }

    /// Runs a sync session to its end over any transport, like `runPairing`. Each round
    /// the other device sends is on disk before the reply goes out; after a failure, what
    /// was saved stays.
    public func runSync(
        _ session: SyncSession,
        send: (Data) async throws -> Void,
        receive: () async throws -> Data
    ) async throws -> SyncResult {
        let changed = try await drive(session, send: send, receive: receive)
        guard let peer = session.peer() else {
            throw ReconnectError.Internal(detail: "a finished sync named no device")
        }
        return SyncResult(peer: peer, changed: changed, stats: session.stats())
    }

    /// Sends what `start` gives, then answers every frame until the session is done.
    /// Returns whether the other device's changes reached this store.
    private func drive(
        _ session: any FrameSession,
        send: (Data) async throws -> Void,
        receive: () async throws -> Data
    ) async throws -> Bool {
        var changed = false
        let first = try await step(session, send: send) { try session.start() }
        for frame in first {
            try await send(frame)
        }
        while !session.isDone() {
            let frame = try await receive()
            let reply = try await step(session, send: send) { try session.receive(frame: frame) }
            changed = changed || reply.changed
            for outgoing in reply.outgoing {
                try await send(outgoing)
            }
            if reply.done { break }
        }
        return changed
    }

    /// One session call off the caller's actor (it may write to disk); if it throws, the
    /// closing frame goes out first, best-effort.
    private func step<T: Sendable>(
        _ session: any FrameSession,
        send: (Data) async throws -> Void,
        _ call: @escaping @Sendable () throws -> T
    ) async throws -> T {
        do {
            return try await Task.detached(priority: .userInitiated) { try call() }.value
        } catch {
            if let closing = session.closingFrame() {
                try? await send(closing)
            }
            throw error
        }
    }
}

/// Either session, as the driver sees it; both generated types already have these calls.
protocol FrameSession: Sendable {
    func start() throws -> [Data]
    func receive(frame: Data) throws -> SyncStep
    func closingFrame() -> Data?
    func isDone() -> Bool
}

extension PairingSession: FrameSession {}
extension SyncSession: FrameSession {}

/// The connection ended before the session did.
public struct ConnectionClosed: Error, Equatable {
    public init() {}
}

/// Cuts a byte stream into whole frames for `runPairing` and `runSync`: `read` returns
/// the next bytes from the connection, or `nil` once it is closed. A frame header that
/// announces too much throws `ReconnectError.Sync` before anything is buffered. Use one
/// reader per connection, from one task at a time.
public final class FrameReader {
    private let decoder = FrameDecoder()
    private let read: () async throws -> Data?
    private var ready: [Data] = []

    public init(read: @escaping () async throws -> Data?) {
        self.read = read
    }

    /// The next whole frame.
    ///
    /// - Throws: `ConnectionClosed` if the connection ends first.
    public func next() async throws -> Data {
        while ready.isEmpty {
            guard let bytes = try await read() else { throw ConnectionClosed() }
            let frames = try decoder.push(bytes: bytes)
            ready.append(contentsOf: frames)
        }
        return ready.removeFirst()
    }
}
