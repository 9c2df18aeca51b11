// Change notifications as an AsyncStream, so SwiftUI code can simply `for await` them.
import Foundation

extension ReconnectClient {
    /// Every change to the store from now on: check-ins, settings, and merges from the
    /// person's other devices. Stopping the iteration (or cancelling its task, or
    /// dropping the stream) unsubscribes from the core. A reader that only needs to know
    /// that something changed can pass `.bufferingNewest(1)`, so a burst of events while
    /// it is busy arrives as one.
    public func changes(
        bufferingPolicy: AsyncStream<ChangeEvent>.Continuation.BufferingPolicy = .unbounded
    ) throws -> AsyncStream<ChangeEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: ChangeEvent.self,
            bufferingPolicy: bufferingPolicy
        )
        let handle = try store.subscribe(listener: StreamListener(continuation))
        continuation.onTermination = { _ in
            handle.cancel()
        }
        return stream
    }
}

/// Forwards events from the core's writing thread into a stream.
private final class StreamListener: ChangeListener {
    private let continuation: AsyncStream<ChangeEvent>.Continuation

    init(_ continuation: AsyncStream<ChangeEvent>.Continuation) {
        self.continuation = continuation
    }

    func onChange(event: ChangeEvent) {
        continuation.yield(event)
    }
}
