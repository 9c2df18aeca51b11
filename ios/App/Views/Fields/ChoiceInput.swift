// One of the core's choices, each with its explanation under it, the whole row a button.
// An optional question with nothing chosen yet can stay unanswered.
import SwiftUI
import Reconnect

struct ChoiceInput: View {
    let field: Field
    @Binding var value: String
    let options: [ChoiceOption]

    var body: some View {
        Labelled(field: field) {
            VStack(alignment: .leading, spacing: 4) {
                ForEach(shown, id: \.code) { option in
                    Button {
                        value = option.code
                    } label: {
                        HStack(alignment: .firstTextBaseline, spacing: 10) {
                            Image(systemName: value == option.code ? "largecircle.fill.circle" : "circle")
                                .foregroundStyle(value == option.code ? Color.accentColor : Color.secondary)
                                .accessibilityHidden(true)
                            VStack(alignment: .leading, spacing: 2) {
                                Text(option.label)
                                    .foregroundStyle(.primary)
                                if let explanation = option.explanation {
                                    Text(explanation)
                                        .font(.footnote)
                                        .foregroundStyle(.secondary)
                                        .fixedSize(horizontal: false, vertical: true)
                                }
                            }
                            .frame(maxWidth: .infinity, alignment: .leading)
                        }
                        .padding(.vertical, 6)
                        .contentShape(Rectangle())
                    }
                    .buttonStyle(.plain)
                    .accessibilityElement(children: .combine)
                    .accessibilityAddTraits(value == option.code ? [.isSelected] : [])
                }
            }
        }
    }

    private var shown: [ChoiceOption] {
        guard !field.required, field.value == nil else { return options }
        return [ChoiceOption(code: "", label: "No answer", explanation: nil)] + options
    }
}

/// Yes or no, as two segments; nothing is chosen until the person chooses.
struct YesNoInput: View {
    let field: Field
    @Binding var value: String

    var body: some View {
        Labelled(field: field) {
            Picker(FieldInput.label(of: field), selection: $value) {
                Text("Yes").tag("yes")
                Text("No").tag("no")
            }
            .pickerStyle(.segmented)
        }
    }
}
