// A TCP listener on any free port, advertised on the local network under the neutral
// service type with a name the caller chose, handing over each connection that arrives.
import Foundation
import Network

final class ServiceListener {
    private let listener: NWListener
    private let queue = DispatchQueue(label: "app.reconnect.listener")

    /// Connections as they arrive; ends when the listener stops or fails.
    let connections: AsyncStream<NWConnection>
    private let continuation: AsyncStream<NWConnection>.Continuation

    /// Starts listening and advertising `name`.
    ///
    /// - Throws: `TransportError.unreachable` when the system refuses to listen.
    init(name: String, type: String = ServiceNames.serviceType) throws {
        do {
            listener = try NWListener(using: .tcp)
        } catch {
            throw TransportError.unreachable
        }
        listener.service = NWListener.Service(name: name, type: type)
        let (stream, continuation) = AsyncStream.makeStream(of: NWConnection.self)
        self.connections = stream
        self.continuation = continuation
        listener.newConnectionHandler = { connection in
            continuation.yield(connection)
        }
        listener.stateUpdateHandler = { state in
            switch state {
            case .failed, .cancelled:
                continuation.finish()
            default:
                break
            }
        }
        let listener = self.listener
        continuation.onTermination = { _ in
            listener.cancel()
        }
        listener.start(queue: queue)
    }

    /// Stops listening and advertising; connections already handed over are not affected.
    func stop() {
        listener.cancel()
        continuation.finish()
    }
}
