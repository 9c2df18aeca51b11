// An action's form, drawn from its fields: each input by its kind, then the action's own
// button. Values stay text in the core's formats; the core checks them and names any
// field that needs another look.
import SwiftUI
import Reconnect

struct FormCard: View {
    let action: Action
    let busy: Bool
    let onSubmit: ([String: String]) -> Void
    let onCancel: () -> Void
    @State private var values: [String: String]

    init(action: Action, busy: Bool, onSubmit: @escaping ([String: String]) -> Void, onCancel: @escaping () -> Void) {
        self.action = action
        self.busy = busy
        self.onSubmit = onSubmit
        self.onCancel = onCancel
        _values = State(initialValue: action.startingValues)
    }

    var body: some View {
        VStack(alignment: .leading, spacing: 18) {
            ForEach(action.visibleFields, id: \.key) { field in
                FieldInput(field: field, value: binding(for: field.key))
            }
            ViewThatFits(in: .horizontal) {
                HStack(spacing: 12) { buttons }
                VStack(spacing: 10) { buttons }
            }
            if let why = action.unavailable {
                Text(why)
                    .font(.callout)
                    .foregroundStyle(.secondary)
            }
        }
        .padding()
        .background(Color(uiColor: .secondarySystemBackground), in: RoundedRectangle(cornerRadius: 14, style: .continuous))
    }

    @ViewBuilder
    private var buttons: some View {
        Button(role: action.style == .destructive ? .destructive : nil) {
            onSubmit(values)
        } label: {
            Text(action.label)
                .frame(maxWidth: .infinity, minHeight: 30)
        }
        .buttonStyle(.borderedProminent)
        .disabled(busy || action.unavailable != nil)
        Button("Cancel", action: onCancel)
            .buttonStyle(.bordered)
    }

    private func binding(for key: String) -> Binding<String> {
        Binding(
            get: { values[key] ?? "" },
            set: { values[key] = $0 }
        )
    }
}
