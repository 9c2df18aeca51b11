// The app's entry point: one model for the whole app, opened on launch. The root view
// follows the scene's phase for the app lock, the privacy cover and sync.
import SwiftUI

@main
struct ReconnectApp: App {
    @State private var app = AppModel()

    var body: some Scene {
        WindowGroup {
            RootView(app: app)
                .task { await app.start() }
        }
    }
}
