// Asking before an action runs: a plain question as an alert, and for what cannot be
// undone a sheet where the destructive button works only once the word is typed.
import SwiftUI
import Reconnect

/// An action waiting for the person to confirm it, with the values already filled in.
struct PendingAction: Identifiable {
    let action: Action
    let values: [String: String]
    var id: String { action.id }
}

extension View {
    func confirmations(_ pending: Binding<PendingAction?>, run: @escaping (PendingAction) -> Void) -> some View {
        modifier(ConfirmModifier(pending: pending, run: run))
    }
}

private struct ConfirmModifier: ViewModifier {
    @Binding var pending: PendingAction?
    let run: (PendingAction) -> Void

    func body(content: Content) -> some View {
        content
            .alert(
                pending?.action.label ?? "",
                isPresented: plainShown,
                presenting: pending
            ) { shown in
                Button(shown.action.label, role: shown.action.style == .destructive ? .destructive : nil) {
                    run(shown)
                }
                Button("Cancel", role: .cancel) {}
            } message: { shown in
                Text(shown.action.confirm?.text ?? "")
            }
            .sheet(item: typed) { shown in
                TypedConfirmation(pending: shown) {
                    pending = nil
                    run(shown)
                } onCancel: {
                    pending = nil
                }
            }
    }

    private var plainShown: Binding<Bool> {
        Binding(
            get: { pending != nil && pending?.action.confirm?.typed == nil },
            set: { if !$0 { pending = nil } }
        )
    }

    private var typed: Binding<PendingAction?> {
        Binding(
            get: { pending?.action.confirm?.typed == nil ? nil : pending },
            set: { pending = $0 }
        )
    }
}

private struct TypedConfirmation: View {
    let pending: PendingAction
    let onConfirm: () -> Void
    let onCancel: () -> Void
    @State var typed = ""
    @FocusState var focused: Bool

    private var word: String { pending.action.confirm?.typed ?? "" }

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Text(pending.action.confirm?.text ?? "")
                        .fixedSize(horizontal: false, vertical: true)
                    TextField(word, text: $typed)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                        .focused($focused)
                        .accessibilityLabel(pending.action.confirm?.text ?? "")
                }
                Section {
                    Button(pending.action.label, role: .destructive, action: onConfirm)
                        .disabled(typed.trimmingCharacters(in: .whitespaces) != word)
                }
            }
            .navigationTitle(pending.action.label)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel", action: onCancel)
                }
            }
            .onAppear { focused = true }
        }
        .presentationDetents([.medium, .large])
    }
}
