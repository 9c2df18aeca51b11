// What shows when the store cannot be opened, offering only what can help: for a store
// that came back from a backup without its key (which never leaves its device), or one
// that cannot be read, a fresh start or an import of an export; for something passing,
// trying again.
import SwiftUI

struct RestoreView: View {
    let explanation: String
    let onStartFresh: () -> Void
    let onImport: () -> Void
    @State var asking: Choice?

    enum Choice: Identifiable {
        case startFresh, importExport
        var id: Self { self }
    }

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 18) {
                Image(systemName: "key")
                    .font(.largeTitle)
                    .foregroundStyle(.secondary)
                    .accessibilityHidden(true)
                Text("Your entries can't be opened here")
                    .font(.title2.weight(.semibold))
                    .accessibilityAddTraits(.isHeader)
                Text(explanation)
                    .fixedSize(horizontal: false, vertical: true)
                Text("If you have an export, you can bring everything back from it. If you use Reconnect on another device, pair this one with it after starting fresh and your entries will sync back.")
                    .foregroundStyle(.secondary)
                    .fixedSize(horizontal: false, vertical: true)
                Button {
                    asking = .importExport
                } label: {
                    Text("Import an export").frame(maxWidth: .infinity)
                }
                .buttonStyle(.borderedProminent)
                Button {
                    asking = .startFresh
                } label: {
                    Text("Start fresh").frame(maxWidth: .infinity)
                }
                .buttonStyle(.bordered)
            }
            .padding()
            .frame(maxWidth: 600)
            .frame(maxWidth: .infinity)
        }
        .alert(
            asking == .startFresh ? "Start fresh" : "Import an export",
            isPresented: Binding(get: { asking != nil }, set: { if !$0 { asking = nil } }),
            presenting: asking
        ) { choice in
            switch choice {
            case .startFresh:
                Button("Start fresh", role: .destructive, action: onStartFresh)
            case .importExport:
                Button("Choose a file", action: onImport)
            }
            Button("Cancel", role: .cancel) {}
        } message: { choice in
            switch choice {
            case .startFresh:
                Text("The data here that can't be opened will be removed for good, and Reconnect starts empty.")
            case .importExport:
                Text("The data here that can't be opened will be removed for good, and your export brought in instead.")
            }
        }
    }

    static let keyMissing = "This device's copy of Reconnect came back without its key. The key never leaves the device it was made on, so this copy can't be unlocked."
}

struct UnavailableView: View {
    let message: String
    let onTryAgain: () -> Void

    var body: some View {
        VStack(spacing: 16) {
            Image(systemName: "lock.shield")
                .font(.largeTitle)
                .foregroundStyle(.secondary)
                .accessibilityHidden(true)
            Text(message)
                .multilineTextAlignment(.center)
            Button("Try again", action: onTryAgain)
                .buttonStyle(.bordered)
        }
        .padding()
    }
}
