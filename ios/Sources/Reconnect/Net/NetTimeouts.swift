// The bounds one pairing or sync connection lives by, so that a silent, slow or hostile
// peer can never hold this device for long. The same defaults as the Android app.
import Foundation

public struct NetTimeouts: Sendable, Equatable {
    /// Reaching the other device.
    public var connect: TimeInterval = 10
    /// How long a device that connected to us has to send its whole first frame.
    public var firstFrame: TimeInterval = 5
    /// Each later read or write: how long the other device may stay silent.
    public var io: TimeInterval = 30
    /// The whole session, however slowly the other device trickles its bytes.
    public var session: TimeInterval = 600

    public init() {}
}
