// One input of a form, drawn by its kind, with its label and help. Every value stays
// text in the kind's own format; `Fixed` fields are never shown.
import SwiftUI
import Reconnect

struct FieldInput: View {
    let field: Field
    @Binding var value: String

    var body: some View {
        switch field.kind {
        case .text(let maxChars, let multiline):
            TextInput(field: field, value: $value, maxChars: Int(maxChars), multiline: multiline)
        case .choice(let options):
            ChoiceInput(field: field, value: $value, options: options)
        case .yesNo:
            YesNoInput(field: field, value: $value)
        case .date, .time, .dateTime:
            DateInput(field: field, value: $value)
        case .number(let min, let max, let low, let high):
            NumberInput(field: field, value: $value, range: min...Swift.max(min, max), lowLabel: low, highLabel: high)
        case .tags:
            TagsInput(field: field, value: $value)
        case .fixed:
            EmptyView()
        }
    }
}

/// A field's label and help above its input.
struct Labelled<Content: View>: View {
    let field: Field
    @ViewBuilder let content: Content

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(FieldInput.label(of: field))
                .font(.subheadline.weight(.semibold))
            if let help = field.help {
                Text(help)
                    .font(.footnote)
                    .foregroundStyle(.secondary)
                    .fixedSize(horizontal: false, vertical: true)
            }
            content
        }
        .frame(maxWidth: .infinity, alignment: .leading)
    }
}

extension FieldInput {
    /// The label as shown and read aloud: "(required)" is part of the text, not only a mark.
    static func label(of field: Field) -> String {
        field.required ? "\(field.label) (required)" : field.label
    }
}
