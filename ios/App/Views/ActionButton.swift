// One action as a button in its style: primary filled, secondary bordered, quiet plain,
// destructive in a calm red. Unavailable ones are disabled, and say why to VoiceOver.
import SwiftUI
import Reconnect

struct ActionButton: View {
    let action: Action
    let enabled: Bool
    let onTap: () -> Void

    var body: some View {
        let button = Button(role: action.style == .destructive ? .destructive : nil, action: onTap) {
            Text(action.label)
                .multilineTextAlignment(.center)
                .frame(maxWidth: .infinity, minHeight: 30)
        }
        Group {
            switch action.style {
            case .primary:
                button.buttonStyle(.borderedProminent)
            case .secondary, .destructive:
                button.buttonStyle(.bordered)
            case .quiet:
                button.buttonStyle(.borderless)
            }
        }
        .disabled(!enabled)
        .accessibilityHint(action.unavailable ?? "")
    }
}
