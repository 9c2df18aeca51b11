// The quick exit on every sensitive screen: always visible, plainly worded, one tap.
import SwiftUI

struct QuickExitButton: View {
    let action: () -> Void

    var body: some View {
        Button(action: action) {
            Label("Exit", systemImage: "eye.slash")
                .labelStyle(.titleAndIcon)
        }
        .buttonStyle(.bordered)
        .accessibilityLabel("Quick exit: hide the app now")
    }
}
