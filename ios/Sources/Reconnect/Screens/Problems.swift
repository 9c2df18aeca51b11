// Why an action, a screen or a connection did not work, as one sentence for the person;
// never a stack trace. A refusal is shown in the core's own words, the same words its
// screens use for a locked action, so the app adds no rules of its own.
import Foundation

public enum Problems {
    static let didNotWork = "That didn't work just now. Please try again in a moment."

    public static func sentence(for error: Error) -> String {
        switch error {
        case let failed as ShellTaskFailed:
            return failed.sentence
        case let error as ReconnectError:
            return sentence(for: error)
        case let error as TransportError:
            return sentence(for: error)
        case is ConnectionClosed:
            return sentence(for: TransportError.closed)
        default:
            return didNotWork
        }
    }

    static func sentence(for error: ReconnectError) -> String {
        switch error {
        case .Refused(_, let detail):
            return asSentence(detail) ?? didNotWork
        case .InvalidInput(let detail):
            return asSentence(detail) ?? "Something in the form needs another look."
        case .WrongKey:
            return "This device's key doesn't open your saved entries. Nothing was changed or lost."
        case .NotAReconnectStore:
            return "The saved data here isn't something Reconnect can read, so it was left as it was."
        case .Damaged:
            return "Your saved entries look damaged, so Reconnect left them exactly as they were."
        case .NewerVersion:
            return "Your entries were saved by a newer version of Reconnect. Updating the app will open them."
        case .InUse:
            return "Reconnect is already open with your entries elsewhere on this device. Close it there and try again."
        case .Storage:
            return "Reconnect couldn't use this device's storage just now. Please try again in a moment."
        case .Sync(let reason, _):
            return sentence(for: reason)
        case .Closed:
            return "Reconnect was closing. Please open it again and try once more."
        case .Internal:
            return didNotWork
        }
    }

    /// Why pairing or syncing stopped, and what to do next; nothing was lost either way.
    static func sentence(for reason: SyncFailure) -> String {
        switch reason {
        case .wrongCode:
            return "That code did not work. Make a new one on your other device and try again."
        case .offerExpired:
            return "That code ran out of time. Make a new one on your other device and try again."
        case .offerUsed:
            return "That code has already been used. Make a new one on your other device and try again."
        case .unknownOffer:
            return "This device didn't make that code. Make a new one here and try again."
        case .unknownPeer:
            return "These two devices aren't paired yet. Pair them with a code first, then they can sync."
        case .revokedPeer:
            return "That device was removed from this one, so they no longer sync. Pair them again if you'd like it back."
        case .refusedByPeer:
            return "Your other device doesn't recognise this one any more. Pairing them again with a new code will fix it."
        case .wrongDevice:
            return "A different device answered than the one showing the code. Check which device shows it and try again."
        case .peerAborted:
            return "Your other device stopped the sync. Nothing was lost; please try again in a moment."
        case .sessionTooLarge:
            return "This sync grew larger than one session allows, so it stopped safely. What arrived so far is saved; syncing again will carry on."
        case .rootsReplaced:
            return "Your other device sent changes this one can't safely take, so they were set aside and nothing here changed. Updating Reconnect on both devices should help."
        case .sessionEnded:
            return "That sync had already finished. Start a new one to sync again."
        case .crypto:
            return "This device couldn't set up a private connection just now. Closing and reopening Reconnect usually sorts it out."
        default:
            // A frame or message too large, malformed, undecryptable or out of order.
            return "The connection to your other device got muddled, so syncing stopped safely. Nothing was lost. Please try again."
        }
    }

    static func sentence(for error: TransportError) -> String {
        switch error {
        case .nobodyCame:
            return "No device connected while the code was shown. Make a new code when you're ready."
        case .notFound:
            return "The device showing that code wasn't found on this network. Check that both are on the same Wi-Fi and try again."
        case .unreachable:
            return "Your other device couldn't be reached on this network. Check that both are on the same Wi-Fi and try again."
        case .closed:
            return "The connection to your other device ended early. Nothing was lost; please try again."
        case .silent:
            return "Your other device stopped answering. Nothing was lost; please try again."
        case .tooLong:
            return "That took longer than a sync may, so it stopped safely. What arrived so far is saved."
        }
    }

    /// The core writes lower-case clauses; this only capitalises and ends them.
    static func asSentence(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return nil }
        let capitalised = first.uppercased() + trimmed.dropFirst()
        guard let last = capitalised.last, !".!?".contains(last) else { return capitalised }
        return capitalised + "."
    }
}
