// Past days: every check-in, newest first, one calm line each.
import SwiftUI
import Reconnect

struct HistoryScreen: View {
    @EnvironmentObject private var model: CompanionModel

    var body: some View {
        NavigationStack {
            Group {
                if model.history.isEmpty {
                    Text("Your check-ins will gather here, one line a day.")
                        .foregroundStyle(.secondary)
                        .multilineTextAlignment(.center)
                        .padding()
                } else {
                    List(model.history, id: \.date) { checkIn in
                        HistoryRow(checkIn: checkIn)
                    }
                }
            }
            .navigationTitle("Past days")
        }
    }
}

private struct HistoryRow: View {
    let checkIn: CheckIn

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(Wording.day(checkIn.date))
                .font(.headline)
            Text("\(Wording.mood(Int(checkIn.mood))) · pull \(checkIn.urge) of 10 · \(Wording.contact(checkIn.contact))")
                .font(.subheadline)
                .foregroundStyle(.secondary)
            if let note = checkIn.note {
                Text(note)
                    .lineLimit(3)
            }
            ForEach(checkIn.noteConflicts, id: \.self) { other in
                Text("Also written on another device: \(other)")
                    .font(.footnote)
                    .foregroundStyle(.secondary)
            }
        }
        .padding(.vertical, 4)
    }
}
