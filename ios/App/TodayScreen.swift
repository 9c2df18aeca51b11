// Today: the day's check-in if there is one, a gentle nudge-free prompt if not, and a
// warm explanation of what this is on the very first run.
import SwiftUI
import Reconnect

struct TodayScreen: View {
    @EnvironmentObject private var model: CompanionModel
    @State private var showingForm = false

    var body: some View {
        NavigationStack {
            ScrollView {
                VStack(alignment: .leading, spacing: 20) {
                    if let today = model.today {
                        if let checkIn = today.checkIn {
                            CheckedInCard(checkIn: checkIn)
                        } else if today.daysCheckedIn == 0 {
                            FirstRunWelcome()
                        } else {
                            Text("No check-in yet today. Whenever you're ready, it only takes a moment.")
                        }
                        Button(today.checkIn == nil ? "Check in" : "Change today's check-in") {
                            showingForm = true
                        }
                        .buttonStyle(.borderedProminent)
                        if today.daysCheckedIn > 0 {
                            Text(Wording.daysCheckedIn(today.daysCheckedIn))
                                .font(.footnote)
                                .foregroundStyle(.secondary)
                        }
                    }
                }
                .frame(maxWidth: .infinity, alignment: .leading)
                .padding()
            }
            .navigationTitle(Wording.day(model.today?.date))
            .navigationBarTitleDisplayMode(.inline)
            .sheet(isPresented: $showingForm) {
                CheckInForm(existing: model.today?.checkIn)
                    .environmentObject(model)
            }
        }
    }
}

private struct FirstRunWelcome: View {
    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            Text("Welcome")
                .font(.title2.bold())
            Text("This is a quiet place to notice how you're doing, one day at a time.")
            Text("A check-in takes a moment: how you feel, how strong the pull to get in touch is, and whether you were in contact today.")
            Text("There are no right answers and nothing to keep up with. Skip a day or a week; it will be here when you want it.")
            Text("Everything stays on your own devices, locked with a key kept in this device's keychain.")
                .foregroundStyle(.secondary)
        }
    }
}

private struct CheckedInCard: View {
    let checkIn: CheckIn

    var body: some View {
        VStack(alignment: .leading, spacing: 10) {
            Text("You checked in today")
                .font(.title3.bold())
            LabeledContent("Mood", value: Wording.mood(Int(checkIn.mood)))
            LabeledContent("Pull to get in touch", value: "\(checkIn.urge) of 10, \(Wording.urge(Int(checkIn.urge)))")
            LabeledContent("Contact", value: Wording.contact(checkIn.contact))
            if let note = checkIn.note {
                Text(note)
                    .italic()
            }
            Text("You can change it any time today.")
                .font(.footnote)
                .foregroundStyle(.secondary)
        }
        .padding()
        .background(.thinMaterial, in: RoundedRectangle(cornerRadius: 12))
    }
}
