// Values over time as a calm line (Swift Charts); days without a value are left out,
// not drawn as zero. Screen readers hear the core's one-sentence summary instead.
import Charts
import SwiftUI
import Reconnect

struct ChartView: View {
    let title: String
    let summary: String
    let min: Double
    let max: Double
    let points: [ChartPoint]

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(title)
                .font(.headline)
            Chart {
                ForEach(Array(points.enumerated()), id: \.offset) { _, point in
                    if let value = point.value {
                        LineMark(x: .value("Week", point.label), y: .value("Value", value))
                            .interpolationMethod(.monotone)
                        PointMark(x: .value("Week", point.label), y: .value("Value", value))
                    }
                }
            }
            .chartXScale(domain: points.map(\.label))
            .chartYScale(domain: min...Swift.max(min + 1, max))
            .foregroundStyle(Tone.safety.accent)
            .frame(minHeight: 180)
            .accessibilityElement(children: .ignore)
            .accessibilityLabel(Text(summary))
            Text(summary)
                .font(.footnote)
                .foregroundStyle(.secondary)
                .accessibilityHidden(true)
        }
    }
}
