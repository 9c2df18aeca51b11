// The actions of a block, one under the other. An action with fields opens its form in
// place (a lone primary one starts open); one with a confirmation asks first; one the
// rules do not allow now is disabled, with the core's reason written under it.
import SwiftUI
import Reconnect

struct ActionList: View {
    let actions: [Action]
    let navigator: ScreenNavigator
    // The views' state is internal, not private, so their memberwise initializers stay
    // usable from other files.
    /// The action whose form is open; `closed` after Cancel, so a form that started open stays shut.
    @State var openForm: String?
    @State var confirming: PendingAction?
    /// The form just sent: it closes once the action worked, and stays open with its text if not.
    @State var submitted: String?

    var body: some View {
        VStack(alignment: .leading, spacing: 10) {
            ForEach(Array(actions.enumerated()), id: \.element.id) { index, action in
                if isFormOpen(action) {
                    FormCard(
                        action: action,
                        busy: navigator.state.busy,
                        onSubmit: { values in
                            submitted = action.id
                            ask(action, values)
                        },
                        onCancel: { openForm = Self.closed }
                    )
                } else {
                    ActionButton(action: action, enabled: action.unavailable == nil && !navigator.state.busy) {
                        if action.visibleFields.isEmpty {
                            ask(action, [:])
                        } else {
                            openForm = action.id
                        }
                    }
                    // Locked actions side by side share one reason, written once below them.
                    if let why = action.unavailable, actions[safe: index + 1]?.unavailable != why {
                        Text(why)
                            .font(.callout)
                            .foregroundStyle(.secondary)
                            .fixedSize(horizontal: false, vertical: true)
                    }
                }
            }
        }
        .confirmations($confirming) { pending in
            navigator.perform(pending.action, values: pending.values)
        }
        .onChange(of: navigator.state.busy) { _, busy in
            guard !busy, let sent = submitted else { return }
            submitted = nil
            if navigator.state.problem == nil && openForm == sent {
                openForm = Self.closed
            }
        }
    }

    private func isFormOpen(_ action: Action) -> Bool {
        if let openForm {
            return openForm == action.id
        }
        return action.id == startsOpen?.id
    }

    /// A lone primary action with fields (the check-in) shows its form at once.
    private var startsOpen: Action? {
        guard actions.count == 1, let only = actions.first,
              only.style == .primary, only.unavailable == nil, !only.visibleFields.isEmpty else { return nil }
        return only
    }

    private func ask(_ action: Action, _ values: [String: String]) {
        if action.confirm != nil {
            confirming = PendingAction(action: action, values: values)
        } else {
            navigator.perform(action, values: values)
        }
    }

    private static let closed = "\u{0}closed"
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
