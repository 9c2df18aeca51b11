// The app lock: the cover, and one button that asks for Face ID, Touch ID or the
// passcode. It asks once by itself when it appears.
import SwiftUI

struct LockView: View {
    let lock: AppLock

    var body: some View {
        ZStack {
            PrivacyCover()
            VStack(spacing: 16) {
                Image(systemName: "lock")
                    .font(.largeTitle)
                    .foregroundStyle(.secondary)
                    .accessibilityHidden(true)
                Text("Reconnect is locked")
                    .font(.title3)
                Button("Unlock") {
                    Task { await lock.unlock() }
                }
                .buttonStyle(.borderedProminent)
                .disabled(lock.isAsking)
            }
            .padding()
        }
        .task { await lock.unlock() }
    }
}

/// After the quick exit: nothing shows until the person chooses to come back.
struct ExitedView: View {
    let onReturn: () -> Void

    var body: some View {
        ZStack {
            PrivacyCover()
            VStack {
                Spacer()
                Button("Return", action: onReturn)
                    .buttonStyle(.bordered)
                    .padding(.bottom, 40)
            }
        }
    }
}
