// How the way back changes as the person moves around; kept apart so the rules read in
// one place and are tested without a screen. The same rules as the Android app's.
import Foundation

public enum BackStack {
    /// Opening the screen already shown adds nothing, so a double tap needs one back.
    public static func opened(_ stack: [Route], _ route: Route) -> [Route] {
        stack.last == route ? stack : stack + [route]
    }

    /// Where a command leads: back down to `route` when it is already on the way back
    /// (saving a check-in opened from Today returns to that Today); in place of the current
    /// screen when it is the same kind (an edited entry, a searched journal), so back does
    /// not revisit the old version; otherwise on top.
    public static func led(_ stack: [Route], _ route: Route) -> [Route] {
        if let below = stack.lastIndex(of: route) {
            return Array(stack[...below])
        }
        if let last = stack.last, sameKind(last, route) {
            return stack.dropLast() + [route]
        }
        return stack + [route]
    }

    /// Whether two routes are the same screen, whatever their details.
    static func sameKind(_ a: Route, _ b: Route) -> Bool {
        switch (a, b) {
        case (.step, .step), (.journal, .journal), (.entry, .entry):
            return true
        default:
            return a == b
        }
    }
}
