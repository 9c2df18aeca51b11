// Chooses what to show: a short wait while the store opens, the screens, or a calm
// explanation when it cannot be opened; and, over everything, the app lock, the quick
// exit's cover, and the privacy cover whenever the scene is not active.
import SwiftUI
import UniformTypeIdentifiers
import Reconnect

struct RootView: View {
    let app: AppModel
    @Environment(\.scenePhase) var scenePhase

    var body: some View {
        @Bindable var presentation = app.presentation
        content
            .fileImporter(isPresented: $presentation.importing, allowedContentTypes: [.json]) { result in
                app.imported(result)
            }
            .sheet(item: $presentation.pairing) { offer in
                PairingSheet(offer: offer) { app.stopPairing() }
                    .interactiveDismissDisabled()
            }
            .sheet(item: $presentation.sharing) { file in
                ShareSheet(file: file) {
                    presentation.sharing = nil
                }
                // Also when the sheet is swiped away without finishing.
                .onDisappear { file.remove() }
            }
            .overlay {
                // The quick exit's cover first, so no unlock prompt appears over it.
                if app.exited {
                    ExitedView { app.exited = false }
                } else if app.lock.isLocked {
                    LockView(lock: app.lock)
                } else if scenePhase != .active {
                    PrivacyCover()
                }
            }
            .onChange(of: scenePhase) { _, phase in
                app.scenePhaseChanged(phase)
            }
    }

    @ViewBuilder
    private var content: some View {
        switch app.phase {
        case .opening:
            ProgressView()
        case .ready(let navigator):
            AdaptiveNavigation(navigator: navigator) { app.quickExit() }
        case .keyMissing:
            RestoreView(
                explanation: RestoreView.keyMissing,
                onStartFresh: { Task { await app.startFresh(thenImport: false) } },
                onImport: { Task { await app.startFresh(thenImport: true) } }
            )
        case .unreadable(let message):
            RestoreView(
                explanation: message,
                onStartFresh: { Task { await app.startFresh(thenImport: false) } },
                onImport: { Task { await app.startFresh(thenImport: true) } }
            )
        case .unavailable(let message):
            UnavailableView(message: message) {
                Task { await app.start() }
            }
        }
    }
}

extension PairingOffer: Identifiable {
    public var id: String { code }
}
