// Free text: one line or several, cut at the core's limit, with a count for long text.
import SwiftUI
import Reconnect

struct TextInput: View {
    let field: Field
    @Binding var value: String
    let maxChars: Int
    let multiline: Bool

    var body: some View {
        Labelled(field: field) {
            TextField(field.label, text: limited, axis: multiline ? .vertical : .horizontal)
                .lineLimit(multiline ? 4...12 : 1...1)
                .textFieldStyle(.roundedBorder)
                .accessibilityLabel(FieldInput.label(of: field))
            if multiline {
                Text("\(value.count) of \(maxChars) characters")
                    .font(.caption)
                    .foregroundStyle(.secondary)
            }
        }
    }

    private var limited: Binding<String> {
        Binding(
            get: { value },
            set: { value = String($0.prefix(maxChars)) }
        )
    }
}

/// Comma-separated words, shown back as they will be saved.
struct TagsInput: View {
    let field: Field
    @Binding var value: String

    var body: some View {
        Labelled(field: field) {
            TextField(field.label, text: $value)
                .textFieldStyle(.roundedBorder)
                .textInputAutocapitalization(.never)
                .accessibilityLabel(FieldInput.label(of: field))
            Text(value.tagWords.isEmpty ? "Separate words with commas." : value.tagWords.joined(separator: " · "))
                .font(.caption)
                .foregroundStyle(.secondary)
        }
    }
}
