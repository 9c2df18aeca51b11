// The app's entry point: one model for the whole app, opened on launch and refreshed
// whenever the app comes forward.
import SwiftUI

@main
struct ReconnectApp: App {
    @StateObject private var model = CompanionModel()
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environmentObject(model)
                .onAppear { model.start() }
        }
        .onChange(of: scenePhase) { phase in
            if phase == .active {
                model.becameActive()
            }
        }
    }
}
