package app.reconnect.screens

import app.reconnect.ffi.Route

/** How the way back changes as the person moves around; kept apart so the rules read in one place. */
internal object BackStack {
    /** Opening the screen already shown adds nothing, so a double tap needs one back. */
    fun opened(stack: List<Route>, route: Route): List<Route> =
        if (stack.last() == route) stack else stack + route

    /**
     * Where a command leads: back down to [route] when it is already on the way back
     * (saving a check-in opened from Today returns to that Today); in place of the current
     * screen when it is the same kind (an edited entry, a searched journal), so back does
     * not revisit the old version; otherwise on top.
     */
    fun led(stack: List<Route>, route: Route): List<Route> {
        val below = stack.lastIndexOf(route)
        return when {
            below >= 0 -> stack.take(below + 1)
            stack.last()::class == route::class -> stack.dropLast(1) + route
            else -> stack + route
        }
    }
}
