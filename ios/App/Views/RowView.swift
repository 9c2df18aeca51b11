// One row of a list: a title, a line of detail and a short badge; tapping opens its
// route. Its own actions (remove, mark ready) sit under it.
import SwiftUI
import Reconnect

struct RowView: View {
    let title: String
    let detail: String
    let badge: String?
    let tone: Tone
    let open: Route?
    let actions: [Action]
    let navigator: ScreenNavigator

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            if let open {
                Button {
                    navigator.open(open)
                } label: {
                    content(showsChevron: true)
                }
                .buttonStyle(.plain)
                .accessibilityHint("Opens it")
            } else {
                content(showsChevron: false)
            }
            if !actions.isEmpty {
                ActionList(actions: actions, navigator: navigator)
            }
        }
        .padding(.vertical, 4)
    }

    private func content(showsChevron: Bool) -> some View {
        HStack(alignment: .center, spacing: 12) {
            if let symbol = tone.symbol {
                Image(systemName: symbol)
                    .foregroundStyle(tone.accent)
                    .accessibilityHidden(true)
            }
            VStack(alignment: .leading, spacing: 3) {
                Text(title)
                    .font(.body.weight(.medium))
                    .foregroundStyle(tone == .muted ? Color.secondary : Color.primary)
                if !detail.isEmpty {
                    Text(detail)
                        .font(.subheadline)
                        .foregroundStyle(.secondary)
                }
            }
            .frame(maxWidth: .infinity, alignment: .leading)
            if let badge {
                Text(badge)
                    .font(.caption.weight(.medium))
                    .padding(.horizontal, 8)
                    .padding(.vertical, 3)
                    .background(tone.background, in: Capsule())
            }
            if showsChevron {
                Image(systemName: "chevron.right")
                    .font(.footnote.weight(.semibold))
                    .foregroundStyle(.tertiary)
                    .accessibilityHidden(true)
            }
        }
        .padding(12)
        .frame(maxWidth: .infinity, alignment: .leading)
        .background(Color(uiColor: .secondarySystemBackground), in: RoundedRectangle(cornerRadius: 12, style: .continuous))
        .contentShape(Rectangle())
        .accessibilityElement(children: .combine)
    }
}
