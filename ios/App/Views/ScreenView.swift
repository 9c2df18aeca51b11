// One screen from the core, drawn block by block in a readable column; a message or a
// problem from the last action shows above it.
import SwiftUI
import Reconnect

struct ScreenView: View {
    let screen: Screen
    let navigator: ScreenNavigator

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 18) {
                ForEach(Array(screen.blocks.enumerated()), id: \.offset) { index, block in
                    BlockView(block: block, navigator: navigator)
                        .id(BlockView.identity(of: block, at: index))
                }
            }
            .padding()
            // A comfortable line length on iPad and in landscape.
            .frame(maxWidth: 720, alignment: .leading)
            .frame(maxWidth: .infinity)
        }
    }
}

/// The screen for one route of the way back. SwiftUI keeps the screens below the top
/// alive, so each keeps the last version it showed while another is on top.
struct ScreenHost: View {
    let route: Route
    let navigator: ScreenNavigator
    let onQuickExit: () -> Void
    @State var lastShown: Screen?

    var body: some View {
        Group {
            if let screen = current {
                ScreenView(screen: screen, navigator: navigator)
            } else {
                ProgressView()
                    .frame(maxWidth: .infinity, maxHeight: .infinity)
            }
        }
        .navigationTitle(current?.title ?? "")
        .navigationBarTitleDisplayMode(.inline)
        .safeAreaInset(edge: .top) {
            if isTop {
                Banner(navigator: navigator)
            }
        }
        .toolbar {
            if isTop && navigator.state.busy {
                ToolbarItem(placement: .status) {
                    ProgressView()
                        .accessibilityLabel("Working")
                }
            }
            if current?.sensitive == true {
                ToolbarItem(placement: .topBarTrailing) {
                    QuickExitButton(action: onQuickExit)
                }
            }
        }
        .onChange(of: navigator.state.screen, initial: true) { _, screen in
            if isTop, let screen {
                lastShown = screen
            }
        }
    }

    private var isTop: Bool {
        navigator.state.route == route
    }

    private var current: Screen? {
        if isTop, let screen = navigator.state.screen {
            return screen
        }
        return lastShown
    }
}
