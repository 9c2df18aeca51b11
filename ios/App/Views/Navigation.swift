// The way around the app: a NavigationStack on iPhone (and in narrow iPad windows), a
// split view with the main sections beside the screen on iPad. Both follow the one
// navigator, so back, swipe-back and the sidebar agree with it.
import SwiftUI
import Reconnect

struct AdaptiveNavigation: View {
    let navigator: ScreenNavigator
    let onQuickExit: () -> Void
    @Environment(\.horizontalSizeClass) var sizeClass

    var body: some View {
        if sizeClass == .regular && navigator.state.route != .firstRun {
            SplitNavigation(navigator: navigator, onQuickExit: onQuickExit)
        } else {
            StackNavigation(navigator: navigator, onQuickExit: onQuickExit, showsSections: navigator.state.route != .firstRun)
        }
    }
}

/// The main sections, as the sidebar and the iPhone's bottom bar show them.
enum AppSection: String, CaseIterable, Identifiable {
    case today, program, journal, progress, settings

    var id: String { rawValue }

    var route: Route {
        switch self {
        case .today: return .today
        case .program: return .program
        case .journal: return .journal(tag: nil, query: nil)
        case .progress: return .progress
        case .settings: return .settings
        }
    }

    var title: String {
        switch self {
        case .today: return "Today"
        case .program: return "Program"
        case .journal: return "Journal"
        case .progress: return "Progress"
        case .settings: return "Settings"
        }
    }

    var symbol: String {
        switch self {
        case .today: return "sun.max"
        case .program: return "point.topleft.down.to.point.bottomright.curvepath"
        case .journal: return "book.closed"
        case .progress: return "chart.line.uptrend.xyaxis"
        case .settings: return "gearshape"
        }
    }

    /// The section a way back starts in.
    static func of(_ route: Route?) -> AppSection? {
        guard let route else { return nil }
        return allCases.first { RouteKind.same($0.route, route) }
    }
}

/// Whether two routes are the same screen, whatever their details (a searched journal is
/// still the journal).
enum RouteKind {
    static func same(_ a: Route, _ b: Route) -> Bool {
        switch (a, b) {
        case (.journal, .journal): return true
        default: return a == b
        }
    }
}

private struct StackNavigation: View {
    let navigator: ScreenNavigator
    let onQuickExit: () -> Void
    let showsSections: Bool

    var body: some View {
        NavigationStack(path: path) {
            ScreenHost(route: root, navigator: navigator, onQuickExit: onQuickExit)
                // A new section starts with a fresh screen, not the last one's.
                .id(root)
                .navigationDestination(for: Route.self) { route in
                    ScreenHost(route: route, navigator: navigator, onQuickExit: onQuickExit)
                }
        }
        .safeAreaInset(edge: .bottom) {
            if showsSections {
                SectionBar(navigator: navigator)
            }
        }
    }

    private var root: Route {
        navigator.state.stack.first ?? .today
    }

    /// The routes above the root; setting it (swipe back, the back button) moves the navigator.
    private var path: Binding<[Route]> {
        Binding(
            get: { Array(navigator.state.stack.dropFirst()) },
            set: { navigator.follow([root] + $0) }
        )
    }
}

/// The sections along the bottom of an iPhone; one tap starts afresh in a section.
private struct SectionBar: View {
    let navigator: ScreenNavigator

    var body: some View {
        HStack(spacing: 0) {
            ForEach(AppSection.allCases) { section in
                let current = AppSection.of(navigator.state.stack.first) == section
                Button {
                    navigator.switchTo(section.route)
                } label: {
                    VStack(spacing: 2) {
                        Image(systemName: section.symbol)
                            .imageScale(.large)
                        Text(section.title)
                            .font(.caption2)
                            .lineLimit(1)
                            .minimumScaleFactor(0.7)
                    }
                    .frame(maxWidth: .infinity, minHeight: 44)
                    .foregroundStyle(current ? Color.accentColor : Color.secondary)
                }
                .accessibilityLabel(section.title)
                .accessibilityAddTraits(current ? [.isSelected] : [])
            }
        }
        .padding(.top, 6)
        .background(.bar)
    }
}

private struct SplitNavigation: View {
    let navigator: ScreenNavigator
    let onQuickExit: () -> Void

    var body: some View {
        NavigationSplitView {
            List(selection: selection) {
                ForEach(AppSection.allCases) { section in
                    Label(section.title, systemImage: section.symbol)
                        .tag(section)
                }
            }
            .navigationTitle("Reconnect")
        } detail: {
            StackNavigation(navigator: navigator, onQuickExit: onQuickExit, showsSections: false)
        }
    }

    private var selection: Binding<AppSection?> {
        Binding(
            get: { AppSection.of(navigator.state.stack.first) },
            set: { section in
                if let section {
                    navigator.switchTo(section.route)
                }
            }
        )
    }
}
