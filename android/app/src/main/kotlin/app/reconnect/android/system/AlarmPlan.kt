package app.reconnect.android.system

import app.reconnect.ffi.Reminder

/** One alarm to have registered: when it fires, and what its notification says. */
data class PlannedAlarm(
    val id: String,
    val triggerAtMillis: Long,
    val title: String,
    val body: String,
)

/**
 * The alarms to register for the core's schedule and the ones to drop. The core already
 * picks the next reminders (at most 64, soonest first, text per the detail setting); this
 * only takes them as they are, never more than 64 and one per id, so a bad list cannot
 * flood AlarmManager.
 */
class AlarmPlan private constructor(
    val alarms: List<PlannedAlarm>,
    /** Ids scheduled before that are no longer in the plan: their alarms must be cancelled. */
    val stale: Set<String>,
) {
    val ids: Set<String> get() = alarms.mapTo(LinkedHashSet()) { it.id }

    companion object {
        /** The limit the core keeps to (iOS allows 64 pending notifications); kept here too. */
        const val MAX_ALARMS = 64

        fun of(reminders: List<Reminder>, previouslyScheduled: Set<String>): AlarmPlan {
            val alarms = reminders
                .distinctBy { it.id }
                .take(MAX_ALARMS)
                .map { PlannedAlarm(it.id, it.fireAt.toEpochMilli(), it.title, it.body) }
            val current = alarms.mapTo(HashSet()) { it.id }
            return AlarmPlan(alarms, previouslyScheduled - current)
        }
    }
}
