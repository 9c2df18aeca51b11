// A date, a time of day or both, with the system picker; the value is the core's text
// (`YYYY-MM-DD`, `HH:MM`, `YYYY-MM-DDTHH:MM`). An optional one can stay empty.
import SwiftUI
import Reconnect

struct DateInput: View {
    let field: Field
    @Binding var value: String

    var body: some View {
        Labelled(field: field) {
            if value.isEmpty && !field.required {
                Button("Set") {
                    value = FieldText.text(from: Date(), for: field.kind) ?? ""
                }
                .buttonStyle(.bordered)
                .accessibilityLabel("Set \(field.label)")
            } else {
                HStack {
                    DatePicker(FieldInput.label(of: field), selection: date, displayedComponents: components)
                        .labelsHidden()
                        .accessibilityLabel(FieldInput.label(of: field))
                    Spacer()
                    if !field.required {
                        Button("Clear") { value = "" }
                            .buttonStyle(.borderless)
                            .accessibilityLabel("Clear \(field.label)")
                    }
                }
            }
        }
        .onAppear {
            // A required date starts at now, as the picker shows it.
            if field.required && value.isEmpty {
                value = FieldText.text(from: Date(), for: field.kind) ?? ""
            }
        }
    }

    private var date: Binding<Date> {
        Binding(
            get: { FieldText.date(from: value, for: field.kind) ?? Date() },
            set: { value = FieldText.text(from: $0, for: field.kind) ?? value }
        )
    }

    private var components: DatePickerComponents {
        switch field.kind {
        case .date: return [.date]
        case .time: return [.hourAndMinute]
        default: return [.date, .hourAndMinute]
        }
    }
}
