// How a connection to another device failed, apart from the core's own refusals
// (`ReconnectError.Sync`), so the app can say what happened in plain words.
import Foundation

public enum TransportError: Error, Equatable {
    /// Nobody connected while this device showed its code.
    case nobodyCame
    /// The other device was not found on this network.
    case notFound
    /// The other device could not be reached, or the network refused.
    case unreachable
    /// The connection ended before the session did.
    case closed
    /// The other device stayed silent too long.
    case silent
    /// The session ran longer than one session may.
    case tooLong
}
