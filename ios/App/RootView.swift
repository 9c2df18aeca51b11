// Chooses what to show: a short wait while the store opens, the two tabs, or a calm
// explanation if the store can't be opened.
import SwiftUI

struct RootView: View {
    @EnvironmentObject private var model: CompanionModel

    var body: some View {
        switch model.phase {
        case .opening:
            ProgressView("Opening your check-ins…")
        case .unavailable(let message):
            UnavailableView(message: message)
        case .ready:
            TabView {
                TodayScreen()
                    .tabItem { Label("Today", systemImage: "sun.max") }
                HistoryScreen()
                    .tabItem { Label("Past days", systemImage: "calendar") }
            }
        }
    }
}

private struct UnavailableView: View {
    @EnvironmentObject private var model: CompanionModel
    let message: String

    var body: some View {
        VStack(spacing: 16) {
            Image(systemName: "lock.shield")
                .font(.largeTitle)
                .foregroundStyle(.secondary)
            Text(message)
                .multilineTextAlignment(.center)
            Button("Try again") {
                model.start()
            }
        }
        .padding()
    }
}
