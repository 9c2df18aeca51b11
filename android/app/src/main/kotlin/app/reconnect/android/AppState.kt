package app.reconnect.android

import app.reconnect.screens.ScreenState

/** What the activity shows: the store opening, why it could not open, or the screens. */
sealed interface AppState {
    data object Opening : AppState

    /** The store did not open; [sentence] says why and that nothing was lost. */
    data class CouldNotOpen(val sentence: String) : AppState

    data class Ready(val screen: ScreenState) : AppState
}
