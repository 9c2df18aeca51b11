// Every label and message the app shows, in one place, so the tone stays warm and plain:
// no streaks, no scores, no pressure.
import Foundation
import Reconnect

enum Wording {
    static let contactChoices: [ContactMedium] = [
        ContactMedium.none, .socialMedia, .text, .call, .video, .inPerson,
    ]

    static func mood(_ value: Int) -> String {
        switch value {
        case 1: return "Very low"
        case 2: return "Low"
        case 3: return "Okay"
        case 4: return "Good"
        case 5: return "Very good"
        default: return "Not recorded"
        }
    }

    static func urge(_ value: Int) -> String {
        switch value {
        case 0: return "none at all"
        case 1...3: return "a little"
        case 4...6: return "noticeable"
        case 7...9: return "strong"
        default: return "overwhelming"
        }
    }

    static func contact(_ medium: ContactMedium) -> String {
        switch medium {
        case .none: return "No contact"
        case .socialMedia: return "Social media"
        case .text: return "A text message"
        case .call: return "A phone call"
        case .video: return "A video call"
        case .inPerson: return "In person"
        }
    }

    static func daysCheckedIn(_ count: UInt32) -> String {
        count == 1 ? "You've checked in on one day." : "You've checked in on \(count) days."
    }

    /// "Friday, 14 March 2025" (in the reader's own style) for a core date "2025-03-14".
    static func day(_ isoDate: String?) -> String {
        guard let isoDate else { return "Today" }
        // ISO 8601 parsing is in UTC; the date is shown in UTC too, so it never shifts.
        let parse = Date.ISO8601FormatStyle().year().month().day()
        guard let date = try? parse.parse(isoDate) else { return isoDate }
        var style = Date.FormatStyle(date: .complete, time: .omitted)
        style.timeZone = utc
        return date.formatted(style)
    }

    /// What to tell the person when something fails. Never alarming, never blaming,
    /// and always clear that nothing they wrote was lost or changed.
    static func problem(_ error: Error) -> String {
        guard let error = error as? ReconnectError else {
            return "Reconnect couldn't reach this device's keychain. Unlocking the device and opening the app again usually helps."
        }
        switch error {
        case .InvalidInput(let detail):
            return "That wasn't saved: \(detail)."
        case .Refused(let reason, _):
            return refusal(reason)
        case .WrongKey:
            return "The key on this device doesn't open your saved check-ins. Nothing has been changed or deleted."
        case .NotAReconnectStore:
            return "The saved file isn't one Reconnect recognises, so it has been left untouched."
        case .Damaged:
            return "Your saved check-ins look damaged. They have been left exactly as they were."
        case .NewerVersion:
            return "Your check-ins were saved by a newer version of Reconnect. Updating the app will open them."
        case .InUse:
            return "Reconnect already has your check-ins open elsewhere on this device. Closing it there and trying again will help."
        case .Storage:
            return "Your check-ins couldn't be read or saved just now. Freeing some space or restarting the device often helps."
        case .Sync(let reason, _):
            return sync(reason)
        case .Closed, .Internal:
            return "Something went wrong on our side. Closing and reopening the app should put it right."
        }
    }

    /// Why pairing or syncing with another of the person's devices stopped, and what to
    /// do next. Whatever happened, nothing they wrote was lost.
    static func sync(_ reason: SyncFailure) -> String {
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
        case .frameTooLarge, .messageTooLarge, .malformed, .decrypt, .protocolViolation:
            return "The connection to your other device got muddled, so syncing stopped safely. Nothing was lost. Please try again."
        case .sessionTooLarge:
            return "This sync grew larger than one session allows, so it stopped safely. What arrived so far is saved; syncing again will carry on."
        case .rootsReplaced:
            return "Your other device sent changes this one can't safely take, so they were set aside and nothing here changed. Updating Reconnect on both devices should help."
        case .sessionEnded:
            return "That sync had already finished. Start a new one to sync again."
        case .crypto:
            return "This device couldn't set up a private connection just now. Closing and reopening the app usually sorts it out."
        }
    }

    /// Why the program didn't record something. Nothing was changed, and nothing here
    /// urges more contact than the program allows.
    static func refusal(_ reason: RefusalReason) -> String {
        switch reason {
        case .stepLocked(let step, let reasons):
            let clauses = reasons.map(lockClause).joined(separator: "; ")
            return "Step \(step) isn't open yet: \(clauses.isEmpty ? "it opens a little later" : clauses)."
        case .safetyLocked:
            return "The steps about getting in touch are closed, because your safety comes first. Support is listed in your program, and your journal is here whenever you want to write."
        case .theySaidNo:
            return "They've said no, so Reconnect won't help with getting in touch again. Respecting their answer is the kind thing to do, and letting go is here whenever you're ready."
        case .decidedNever:
            return "The answer was \u{201C}never\u{201D}, and it deserves respect, so the steps about getting in touch are closed. Letting go is here for you; the only way back is to start the program again."
        case .notYetUntil(let revisitOn):
            return "You decided \u{201C}not yet\u{201D}, so getting in touch waits until \(day(revisitOn)). Use the time for yourself, and look at it again then."
        case .noAnswer:
            return "Several messages went unanswered, and no answer is an answer, so the steps about getting in touch are closed. Letting go is here whenever you're ready."
        case .safetyFlagStands(let minutes):
            return "This safety note stays. It can be undone only on the device that recorded it, within \(minutes) minutes, and only after confirming it was a mistake."
        case .programEnded(let outcome):
            switch outcome {
            case .together(let on):
                return "You've been back together since \(day(on)), so there's nothing more to record in the steps."
            case .letGo(let on):
                return "You chose to let go on \(day(on)), so the steps are closed. That took courage."
            case .notYet:
                return "You decided \u{201C}not yet\u{201D}, so the steps are resting for now."
            }
        case .ladderSkip(let medium, let openMedium):
            return "Going one rung at a time gives them room. Next on the ladder is \(inSentence(openMedium)); \(inSentence(medium)) comes after a warm reply there. If you've thought it through, you can still choose to skip ahead."
        case .coolingOff(let until):
            return "Your last two messages went unanswered, so contact rests until \(day(until)). Giving them space is a kindness to you both."
        case .noContactTooLong(let start, let latestEnd):
            return "A no-contact period lasts at most three months. Starting on \(day(start)), it can end on \(day(latestEnd)) at the latest."
        case .readinessNotPassed:
            return "The readiness check hasn't passed yet. Take it again whenever it feels true; there's no rush."
        case .draftCoolingOff(let readyAfter):
            return "This draft is still cooling off until \(readyAfter.formatted(date: .abbreviated, time: .shortened)). Reading it again then helps you send what you really mean."
        case .notFound:
            return "That entry couldn't be found. It may have been removed on another of your devices."
        case .notRemovable:
            return "Contact attempts, decisions, reviews and safety notes are kept for your own record, so this one can't be removed."
        }
    }

    /// Why one step is locked, as a clause that follows "Step N isn't open yet:".
    static func lockClause(_ reason: LockReason) -> String {
        switch reason {
        case .preCheckFirst:
            return "it opens after the short self-check at the start"
        case .stepsFirst(let steps):
            let names = steps.map(String.init)
            switch names.count {
            case 0: return "it opens once the earlier steps are done"
            case 1: return "it opens once step \(names[0]) is done"
            default:
                return "it opens once steps \(names.dropLast().joined(separator: ", ")) and \(names[names.count - 1]) are done"
            }
        case .noContactRunning(let until):
            return "it opens on \(day(until)), when your time apart is over"
        case .noContactNotSet:
            return "it opens after you choose a no-contact period in step 3"
        case .readinessNotPassed:
            return "it opens once the readiness check feels true for you"
        case .warmRepliesNeeded(let have, let need):
            return "apologising comes after some friendly back-and-forth (\(have) of \(need) warm replies so far)"
        case .decisionPending:
            return "it follows a \u{201C}ready\u{201D} answer in step 9"
        case .notYet(let revisitOn):
            guard let revisitOn else { return "you decided \u{201C}not yet\u{201D}" }
            return "you decided \u{201C}not yet\u{201D}, and can look at it again on \(day(revisitOn))"
        case .decidedNever:
            return "you decided this isn't going to happen, and that choice is respected"
        case .noAnswer:
            return "several messages went unanswered, and no answer is an answer"
        case .noContactBroken(let on):
            return "there was contact on \(day(on)), so your time apart starts again from that day"
        case .safety:
            return "your safety comes first"
        case .theySaidNo:
            return "their answer was no, and it deserves respect"
        case .letGo:
            return "you chose to let go"
        case .together:
            return "you're back together"
        }
    }

    /// A contact medium in the middle of a sentence.
    private static func inSentence(_ medium: ContactMedium) -> String {
        switch medium {
        case .none: return "no contact"
        case .socialMedia: return "social media"
        case .text: return "a text message"
        case .call: return "a phone call"
        case .video: return "a video call"
        case .inPerson: return "meeting in person"
        }
    }

    private static let utc = TimeZone(identifier: "UTC")!
}
