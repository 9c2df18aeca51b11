// How each of the core's tones looks: calm colours that keep their meaning in dark mode
// and never alarm. Safety is a steady teal, not a warning red.
import SwiftUI
import Reconnect

extension Tone {
    /// The colour of a tone's accents: a card's edge, a row's marker, its symbol.
    var accent: Color {
        switch self {
        case .normal: return .accentColor
        case .muted: return .secondary
        case .advice: return .indigo
        case .safety: return .teal
        case .positive: return .green
        case .waiting: return .orange
        }
    }

    /// The colour of text in this tone.
    var textStyle: Color {
        self == .muted ? .secondary : .primary
    }

    /// A card's background: a faint wash of the accent, or the grouped background.
    var background: Color {
        switch self {
        case .normal, .muted: return Color(uiColor: .secondarySystemBackground)
        default: return accent.opacity(0.12)
        }
    }

    /// A symbol that carries the tone without colour, for those who cannot tell the colours apart.
    var symbol: String? {
        switch self {
        case .normal, .muted: return nil
        case .advice: return "lightbulb"
        case .safety: return "heart.circle"
        case .positive: return "leaf"
        case .waiting: return "hourglass"
        }
    }
}
