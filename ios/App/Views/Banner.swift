// The sentence an action left behind: "Saved.", or why something did not work. A message
// fades after a while; a problem stays until the person closes it or moves on.
import SwiftUI
import Reconnect

struct Banner: View {
    let navigator: ScreenNavigator

    var body: some View {
        if let text = navigator.state.problem ?? navigator.state.message {
            let isProblem = navigator.state.problem != nil
            HStack(alignment: .firstTextBaseline, spacing: 12) {
                Image(systemName: isProblem ? "exclamationmark.circle" : "checkmark.circle")
                    .foregroundStyle(isProblem ? Tone.waiting.accent : Tone.positive.accent)
                    .accessibilityHidden(true)
                Text(text)
                    .frame(maxWidth: .infinity, alignment: .leading)
                Button {
                    navigator.dismiss()
                } label: {
                    Image(systemName: "xmark")
                }
                .accessibilityLabel("Close")
            }
            .padding()
            .background(.regularMaterial)
            .task(id: text) {
                UIAccessibility.post(notification: .announcement, argument: text)
                guard !isProblem else { return }
                try? await Task.sleep(nanoseconds: 6_000_000_000)
                if !Task.isCancelled, navigator.state.problem == nil {
                    navigator.dismiss()
                }
            }
        }
    }
}
