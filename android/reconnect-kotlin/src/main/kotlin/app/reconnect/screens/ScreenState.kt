package app.reconnect.screens

import app.reconnect.ffi.Route
import app.reconnect.ffi.Screen

/** What the app shows right now, as one value a Compose screen can render from. */
data class ScreenState(
    /** Where the person is: the top of [stack]. */
    val route: Route,
    /** The screen at [route]; null while it is first loading. */
    val screen: Screen? = null,
    /** An action is running; the app may dim its buttons. Further actions wait for it. */
    val busy: Boolean = false,
    /** One sentence to show briefly, e.g. "Saved."; cleared when the person moves on. */
    val message: String? = null,
    /** Why something did not work, in words for the person; cleared when they move on. */
    val problem: String? = null,
    /** The way back, oldest first; its last route is [route]. */
    val stack: List<Route> = listOf(route),
) {
    /** Whether [ScreenNavigator.back] has somewhere to go. */
    val canGoBack: Boolean get() = stack.size > 1
}
