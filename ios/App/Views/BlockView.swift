// One block of a screen, by its kind: one small view each, so a new block kind in the
// core needs one new view here and nothing else.
import SwiftUI
import Reconnect

struct BlockView: View {
    let block: Block
    let navigator: ScreenNavigator

    var body: some View {
        switch block {
        case .heading(let text):
            Text(text)
                .font(.title3.weight(.semibold))
                .accessibilityAddTraits(.isHeader)
                .padding(.top, 6)
        case .text(let text, let tone):
            ToneText(text: text, tone: tone)
        case .card(let title, let text, let tone, let actions):
            CardView(title: title, text: text, tone: tone, actions: actions, navigator: navigator)
        case .fact(let label, let value):
            FactView(label: label, value: value)
        case .row(let title, let detail, let badge, let tone, let open, let actions):
            RowView(title: title, detail: detail, badge: badge, tone: tone, open: open, actions: actions, navigator: navigator)
        case .chart(let title, let summary, let min, let max, let points):
            ChartView(title: title, summary: summary, min: min, max: max, points: points)
        case .actions(let actions):
            ActionList(actions: actions, navigator: navigator)
        }
    }

    /// Keeps a block's own state (an open form, typed values) with the same block when a
    /// screen is rendered again, and drops it when another block takes its place.
    static func identity(of block: Block, at index: Int) -> String {
        switch block {
        case .heading(let text): return "\(index):heading:\(text)"
        case .text(let text, _): return "\(index):text:\(text.prefix(40))"
        case .card(let title, _, _, _): return "\(index):card:\(title)"
        case .fact(let label, _): return "\(index):fact:\(label)"
        case .row(let title, _, _, _, _, _): return "\(index):row:\(title)"
        case .chart(let title, _, _, _, _): return "\(index):chart:\(title)"
        case .actions(let actions): return "\(index):actions:\(actions.map(\.id).joined(separator: ","))"
        }
    }
}

/// A paragraph in its tone.
struct ToneText: View {
    let text: String
    let tone: Tone

    var body: some View {
        Text(text)
            .foregroundStyle(tone.textStyle)
            .frame(maxWidth: .infinity, alignment: .leading)
            .fixedSize(horizontal: false, vertical: true)
    }
}

/// A label and its value side by side, or one above the other at the largest text sizes.
struct FactView: View {
    let label: String
    let value: String
    @Environment(\.dynamicTypeSize) var typeSize

    var body: some View {
        let layout = typeSize.isAccessibilitySize
            ? AnyLayout(VStackLayout(alignment: .leading, spacing: 2))
            : AnyLayout(HStackLayout(alignment: .firstTextBaseline, spacing: 12))
        layout {
            Text(label)
                .foregroundStyle(.secondary)
            if !typeSize.isAccessibilitySize {
                Spacer(minLength: 0)
            }
            Text(value)
                .fontWeight(.medium)
                .multilineTextAlignment(typeSize.isAccessibilitySize ? .leading : .trailing)
        }
        .accessibilityElement(children: .combine)
    }
}

/// A titled card: advice, support, a lock, a summary, with its actions.
struct CardView: View {
    let title: String
    let text: String
    let tone: Tone
    let actions: [Action]
    let navigator: ScreenNavigator

    var body: some View {
        VStack(alignment: .leading, spacing: 10) {
            Label {
                Text(title)
                    .font(.headline)
            } icon: {
                if let symbol = tone.symbol {
                    Image(systemName: symbol)
                        .foregroundStyle(tone.accent)
                }
            }
            .accessibilityAddTraits(.isHeader)
            if !text.isEmpty {
                Text(text)
                    .fixedSize(horizontal: false, vertical: true)
            }
            if !actions.isEmpty {
                ActionList(actions: actions, navigator: navigator)
            }
        }
        .padding()
        .frame(maxWidth: .infinity, alignment: .leading)
        .background(tone.background, in: RoundedRectangle(cornerRadius: 14, style: .continuous))
        .overlay(alignment: .leading) {
            if tone != .normal && tone != .muted {
                UnevenRoundedRectangle(topLeadingRadius: 14, bottomLeadingRadius: 14, style: .continuous)
                    .fill(tone.accent)
                    .frame(width: 4)
                    .accessibilityHidden(true)
            }
        }
    }
}
