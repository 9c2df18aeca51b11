// One Network.framework connection carrying whole frames for `runPairing` and `runSync`,
// every wait bounded: each read and write by the I/O timeout and by what is left of the
// session. Memory is bounded too: reads come in small chunks, and the `FrameReader`
// checks a frame's announced size before buffering it.
import Foundation
import Network

final class FrameConnection {
    private let connection: NWConnection
    private let queue = DispatchQueue(label: "app.reconnect.frames")
    private let timeouts: NetTimeouts
    private let deadline: Date
    private var reader: FrameReader!
    /// For a connection someone else opened: all of the first frame must arrive within this.
    private var firstFrameWithin: TimeInterval?

    /// - Parameter answering: true for a connection another device opened, whose first
    ///   frame must arrive within `timeouts.firstFrame`.
    init(_ connection: NWConnection, timeouts: NetTimeouts, answering: Bool) {
        self.connection = connection
        self.timeouts = timeouts
        self.deadline = Date().addingTimeInterval(timeouts.session)
        self.firstFrameWithin = answering ? timeouts.firstFrame : nil
        self.reader = FrameReader { [unowned self] in
            try await self.bounded(self.timeouts.io, else: .silent) { try await self.readChunk() }
        }
    }

    /// Starts the connection and waits until it is ready, within `timeouts.connect`.
    func open() async throws {
        let connection = self.connection
        let queue = self.queue
        try await bounded(timeouts.connect, else: .unreachable) {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                let once = Once()
                connection.stateUpdateHandler = { state in
                    switch state {
                    case .ready:
                        once.run { continuation.resume() }
                    case .failed, .waiting:
                        // Waiting means no route or a refusal now; the person can try again.
                        once.run { continuation.resume(throwing: TransportError.unreachable) }
                    case .cancelled:
                        once.run { continuation.resume(throwing: TransportError.closed) }
                    default:
                        break
                    }
                }
                connection.start(queue: queue)
            }
        }
    }

    /// Sends one whole frame.
    func send(_ frame: Data) async throws {
        let connection = self.connection
        try await bounded(timeouts.io, else: .silent) {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                connection.send(content: frame, completion: .contentProcessed { error in
                    if error != nil {
                        continuation.resume(throwing: TransportError.closed)
                    } else {
                        continuation.resume()
                    }
                })
            }
        }
    }

    /// The next whole frame, header included.
    func receive() async throws -> Data {
        do {
            if let within = firstFrameWithin {
                firstFrameWithin = nil
                return try await bounded(within, else: .silent) { try await reader.next() }
            }
            return try await reader.next()
        } catch is ConnectionClosed {
            throw TransportError.closed
        }
    }

    /// Ends the connection; what was sent before still goes out.
    func close() {
        connection.cancel()
    }

    /// Bytes from the connection, or `nil` once the other device closed it.
    private func readChunk() async throws -> Data? {
        let connection = self.connection
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, Error>) in
            connection.receive(minimumIncompleteLength: 1, maximumLength: FrameConnection.readChunkBytes) { data, _, isComplete, error in
                if let data, !data.isEmpty {
                    continuation.resume(returning: data)
                } else if error != nil {
                    continuation.resume(throwing: TransportError.closed)
                } else if isComplete {
                    continuation.resume(returning: nil)
                } else {
                    continuation.resume(returning: Data())
                }
            }
        }
    }

    /// Runs `work` within `limit` (cut to the session's end). When time runs out the
    /// connection is cancelled, which ends the waiting call, and `timedOut` is thrown.
    private func bounded<T>(
        _ limit: TimeInterval,
        else timedOut: TransportError,
        _ work: () async throws -> T
    ) async throws -> T {
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else {
            connection.cancel()
            throw TransportError.tooLong
        }
        let wait = min(limit, left)
        let fired = Once()
        let connection = self.connection
        let timer = Task {
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            guard !Task.isCancelled else { return }
            fired.run { connection.cancel() }
        }
        defer { timer.cancel() }
        do {
            return try await work()
        } catch {
            if fired.hasRun {
                throw wait < limit ? TransportError.tooLong : timedOut
            }
            throw error
        }
    }

    private static let readChunkBytes = 16 * 1024
}

/// Runs a closure at most once, from any thread.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    var hasRun: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    func run(_ body: () -> Void) {
        lock.lock()
        let first = !done
        done = true
        lock.unlock()
        if first { body() }
    }
}
