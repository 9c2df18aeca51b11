// What the app shows right now, as one value a SwiftUI view renders from.
import Foundation

public struct ScreenState: Equatable {
    /// Where the person is: the last of `stack`.
    public var route: Route
    /// The screen at `route`; `nil` while it first loads.
    public var screen: Screen?
    /// An action is running; buttons are dimmed and further actions wait for it.
    public var busy = false
    /// One sentence to show briefly, e.g. "Saved."; cleared when the person moves on.
    public var message: String?
    /// Why something did not work, in words for the person; cleared when they move on.
    public var problem: String?
    /// The way back, oldest first; its last route is `route`.
    public var stack: [Route]

    public init(route: Route) {
        self.route = route
        self.stack = [route]
    }

    /// Whether there is somewhere to go back to.
    public var canGoBack: Bool { stack.count > 1 }
}
