package app.reconnect.android

import app.reconnect.CheckInFormState
import app.reconnect.ffi.CheckIn
import app.reconnect.ffi.TodayView

/** Everything the screens show, as one immutable value, so Compose redraws from one source. */
data class ReconnectUiState(
    /** True until the store is open and today has been read once. */
    val opening: Boolean = true,
    val today: TodayView? = null,
    val history: List<CheckIn> = emptyList(),
    val form: CheckInFormState = CheckInFormState(),
    val saving: Boolean = false,
    /** A calm sentence when something went wrong; the screens show it instead of crashing. */
    val problem: String? = null,
)
