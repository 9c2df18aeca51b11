// Whole numbers: a small scale (mood 1–5) as segments, a wider one (urge 0–10, an hour)
// as a stepper, with the names of the scale's ends when the core gives them.
import SwiftUI
import Reconnect

struct NumberInput: View {
    let field: Field
    @Binding var value: String
    let range: ClosedRange<Int64>
    let lowLabel: String?
    let highLabel: String?

    var body: some View {
        Labelled(field: field) {
            if range.count <= Self.maxSegments {
                Picker(FieldInput.label(of: field), selection: $value) {
                    ForEach(Array(range), id: \.self) { number in
                        Text("\(number)").tag("\(number)")
                    }
                }
                .pickerStyle(.segmented)
            } else {
                Stepper(
                    onIncrement: {
                        value = "\(Swift.min((current ?? range.lowerBound - 1) + 1, range.upperBound))"
                    },
                    onDecrement: {
                        value = "\(Swift.max((current ?? range.lowerBound + 1) - 1, range.lowerBound))"
                    }
                ) {
                    Text(current.map { "\($0)" } ?? "Not chosen yet")
                        .monospacedDigit()
                }
                .accessibilityLabel(FieldInput.label(of: field))
                .accessibilityValue(current.map { "\($0)" } ?? "Not chosen yet")
            }
            if lowLabel != nil || highLabel != nil {
                HStack {
                    Text("\(range.lowerBound): \(lowLabel ?? "")")
                    Spacer()
                    Text("\(range.upperBound): \(highLabel ?? "")")
                }
                .font(.caption)
                .foregroundStyle(.secondary)
            }
        }
    }

    private var current: Int64? {
        Int64(value.trimmingCharacters(in: .whitespaces)).map { Swift.min(Swift.max($0, range.lowerBound), range.upperBound) }
    }

    private static let maxSegments = 5
}
