package app.reconnect

import app.reconnect.ffi.ContactMedium
import app.reconnect.ffi.InternalException
import app.reconnect.ffi.LockReason
import app.reconnect.ffi.Outcome
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.RefusalReason
import app.reconnect.ffi.SyncFailure
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException
import java.time.format.FormatStyle

private const val SOMETHING_WENT_WRONG =
    "Something went wrong on our side. Closing and reopening Reconnect usually sorts it out."

/** Words every store failure for the person using the app: plain, calm, and never blaming. */
fun userMessage(error: ReconnectException): String = when (error) {
    is ReconnectException.InvalidInput -> sentence(error.detail)
        ?: "Something in the form needs another look."
    is ReconnectException.Refused -> userMessage(error.reason)
    is ReconnectException.WrongKey ->
        "This device's key doesn't open your saved entries. Nothing was changed or lost."
    is ReconnectException.NotAReconnectStore ->
        "The saved data here isn't something Reconnect can read, so it was left as it was."
    is ReconnectException.Damaged ->
        "Your saved entries look damaged, so Reconnect left them exactly as they were."
    is ReconnectException.NewerVersion ->
        "Your entries were saved by a newer version of Reconnect. Updating the app will open them."
    is ReconnectException.InUse ->
        "Reconnect is already open with your entries elsewhere on this device. Close it there and try again."
    is ReconnectException.Storage ->
        "Reconnect couldn't use this device's storage just now. Please try again in a moment."
    is ReconnectException.Sync -> userMessage(error.reason)
    is ReconnectException.Closed ->
        "Reconnect was closing. Please open it again and try once more."
    is ReconnectException.Internal -> SOMETHING_WENT_WRONG
}

private const val CONNECTION_TROUBLE =
    "The connection to your other device got muddled, so syncing stopped safely. " +
        "Nothing was lost. Please try again."

/**
 * Why pairing or syncing with another of the person's devices stopped, and what to do
 * next. Whatever happened, nothing they wrote was lost.
 */
fun userMessage(reason: SyncFailure): String = when (reason) {
    SyncFailure.WrongCode ->
        "That code did not work. Make a new one on your other device and try again."
    SyncFailure.OfferExpired ->
        "That code ran out of time. Make a new one on your other device and try again."
    SyncFailure.OfferUsed ->
        "That code has already been used. Make a new one on your other device and try again."
    SyncFailure.UnknownOffer ->
        "This device didn't make that code. Make a new one here and try again."
    SyncFailure.UnknownPeer ->
        "These two devices aren't paired yet. Pair them with a code first, then they can sync."
    SyncFailure.RevokedPeer ->
        "That device was removed from this one, so they no longer sync. Pair them again if you'd like it back."
    SyncFailure.RefusedByPeer ->
        "Your other device doesn't recognise this one any more. Pairing them again with a new code will fix it."
    SyncFailure.WrongDevice ->
        "A different device answered than the one showing the code. Check which device shows it and try again."
    SyncFailure.PeerAborted ->
        "Your other device stopped the sync. Nothing was lost; please try again in a moment."
    is SyncFailure.FrameTooLarge, is SyncFailure.MessageTooLarge, SyncFailure.Malformed,
    SyncFailure.Decrypt, SyncFailure.ProtocolViolation -> CONNECTION_TROUBLE
    is SyncFailure.SessionTooLarge ->
        "This sync grew larger than one session allows, so it stopped safely. What arrived so far " +
            "is saved; syncing again will carry on."
    SyncFailure.RootsReplaced ->
        "Your other device sent changes this one can't safely take, so they were set aside and " +
            "nothing here changed. Updating Reconnect on both devices should help."
    SyncFailure.SessionEnded -> "That sync had already finished. Start a new one to sync again."
    SyncFailure.Crypto ->
        "This device couldn't set up a private connection just now. Closing and reopening Reconnect usually sorts it out."
}

/**
 * Why the program did not record something, in words that respect both people: nothing
 * was changed, and nothing here urges more contact than the program allows.
 */
fun userMessage(reason: RefusalReason): String = when (reason) {
    is RefusalReason.StepLocked ->
        "Step ${reason.step} isn't open yet: " +
            reason.reasons.joinToString("; ") { lockClause(it) }.ifEmpty { "it opens a little later" } +
            "."
    RefusalReason.SafetyLocked ->
        "The steps about getting in touch are closed, because your safety comes first. " +
            "Support is listed in your program, and your journal is here whenever you want to write."
    RefusalReason.TheySaidNo ->
        "They've said no, so Reconnect won't help with getting in touch again. Respecting " +
            "their answer is the kind thing to do, and letting go is here whenever you're ready."
    RefusalReason.DecidedNever ->
        "The answer was \"never\", and it deserves respect, so the steps about getting in touch " +
            "are closed. Letting go is here for you; the only way back is to start the program again."
    is RefusalReason.NotYetUntil ->
        "You decided \"not yet\", so getting in touch waits until ${day(reason.revisitOn)}. " +
            "Use the time for yourself, and look at it again then."
    RefusalReason.NoAnswer ->
        "Several messages went unanswered, and no answer is an answer, so the steps about " +
            "getting in touch are closed. Letting go is here whenever you're ready."
    is RefusalReason.SafetyFlagStands ->
        "This safety note stays. It can be undone only on the device that recorded it, within " +
            "${reason.minutes} minutes, and only after confirming it was a mistake."
    is RefusalReason.ProgramEnded -> when (val outcome = reason.outcome) {
        is Outcome.Together ->
            "You've been back together since ${day(outcome.on)}, so there's nothing more to record in the steps."
        is Outcome.LetGo ->
            "You chose to let go on ${day(outcome.on)}, so the steps are closed. That took courage."
        is Outcome.NotYet -> "You decided \"not yet\", so the steps are resting for now."
    }
    is RefusalReason.LadderSkip ->
        "Going one rung at a time gives them room. Next on the ladder is ${medium(reason.openMedium)}; " +
            "${medium(reason.medium)} comes after a warm reply there. If you've thought it " +
            "through, you can still choose to skip ahead."
    is RefusalReason.CoolingOff ->
        "Your last two messages went unanswered, so contact rests until ${day(reason.until)}. " +
            "Giving them space is a kindness to you both."
    is RefusalReason.NoContactTooLong ->
        "A no-contact period lasts at most three months. Starting on ${day(reason.start)}, " +
            "it can end on ${day(reason.latestEnd)} at the latest."
    RefusalReason.ReadinessNotPassed ->
        "The readiness check hasn't passed yet. Take it again whenever it feels true; there's no rush."
    is RefusalReason.DraftCoolingOff ->
        "This draft is still cooling off until ${moment(reason.readyAfter)}. Reading it again " +
            "then helps you send what you really mean."
    is RefusalReason.NotFound ->
        "That entry couldn't be found. It may have been removed on another of your devices."
    is RefusalReason.NotRemovable ->
        "Contact attempts, decisions, reviews and safety notes are kept for your own record, " +
            "so this one can't be removed."
}

/** A failure inside the core that it did not expect; the app keeps running. */
@Suppress("UNUSED_PARAMETER")
fun userMessage(error: InternalException): String = SOMETHING_WENT_WRONG

/** Why one step is locked, as a clause that follows "Step N isn't open yet:". */
private fun lockClause(reason: LockReason): String = when (reason) {
    LockReason.PreCheckFirst -> "it opens after the short self-check at the start"
    is LockReason.StepsFirst -> {
        val steps = reason.steps.map { it.toString() }
        when (steps.size) {
            0 -> "it opens once the earlier steps are done"
            1 -> "it opens once step ${steps[0]} is done"
            else -> "it opens once steps ${steps.dropLast(1).joinToString(", ")} and ${steps.last()} are done"
        }
    }
    is LockReason.NoContactRunning -> "it opens on ${day(reason.until)}, when your time apart is over"
    LockReason.NoContactNotSet -> "it opens after you choose a no-contact period in step 3"
    LockReason.ReadinessNotPassed -> "it opens once the readiness check feels true for you"
    is LockReason.WarmRepliesNeeded ->
        "apologising comes after some friendly back-and-forth " +
            "(${reason.have} of ${reason.need} warm replies so far)"
    LockReason.DecisionPending -> "it follows a \"ready\" answer in step 9"
    is LockReason.NotYet -> reason.revisitOn
        ?.let { "you decided \"not yet\", and can look at it again on ${day(it)}" }
        ?: "you decided \"not yet\""
    LockReason.DecidedNever -> "you decided this isn't going to happen, and that choice is respected"
    LockReason.NoAnswer -> "several messages went unanswered, and no answer is an answer"
    is LockReason.NoContactBroken ->
        "there was contact on ${day(reason.on)}, so your time apart starts again from that day"
    LockReason.Safety -> "your safety comes first"
    is LockReason.TheySaidNo -> "their answer was no, and it deserves respect"
    LockReason.LetGo -> "you chose to let go"
    LockReason.Together -> "you're back together"
}

private fun medium(medium: ContactMedium): String = when (medium) {
    ContactMedium.NONE -> "no contact"
    ContactMedium.SOCIAL_MEDIA -> "social media"
    ContactMedium.TEXT -> "a text message"
    ContactMedium.CALL -> "a phone call"
    ContactMedium.VIDEO -> "a video call"
    ContactMedium.IN_PERSON -> "meeting in person"
}

/** "14 March 2026" in the reader's own style, for a core date "2026-03-14". */
private fun day(isoDate: String): String = try {
    LocalDate.parse(isoDate).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG))
} catch (e: DateTimeParseException) {
    isoDate
}

private fun moment(instant: Instant): String =
    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withZone(ZoneId.systemDefault())
        .format(instant)

/** The core's validation messages are lower-case clauses; show them as sentences. */
private fun sentence(text: String?): String? {
    val trimmed = text?.trim().orEmpty()
    if (trimmed.isEmpty()) return null
    val capitalised = trimmed.replaceFirstChar { it.uppercaseChar() }
    return if (capitalised.last() in ".!?") capitalised else "$capitalised."
}
