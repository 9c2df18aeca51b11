// The check-in form: mood 1–5, how strong the pull to get in touch is (0–10), whether
// there was contact and how, and a short note. Prefilled with today's earlier answers.
import SwiftUI
import Reconnect

struct CheckInForm: View {
    @EnvironmentObject private var model: CompanionModel
    @Environment(\.dismiss) private var dismiss

    @State private var mood: Int
    @State private var urge: Double
    @State private var contact: ContactMedium
    @State private var note: String

    init(existing: CheckIn?) {
        _mood = State(initialValue: Int(existing?.mood ?? 3))
        _urge = State(initialValue: Double(existing?.urge ?? 0))
        _contact = State(initialValue: existing?.contact ?? ContactMedium.none)
        _note = State(initialValue: existing?.note ?? "")
    }

    var body: some View {
        NavigationStack {
            Form {
                Section("How are you feeling?") {
                    Picker("Mood", selection: $mood) {
                        ForEach(1...5, id: \.self) { value in
                            Text(Wording.mood(value)).tag(value)
                        }
                    }
                    .pickerStyle(.inline)
                    .labelsHidden()
                }

                Section {
                    Slider(value: $urge, in: 0...10, step: 1)
                    Text("\(Int(urge)) of 10, \(Wording.urge(Int(urge)))")
                } header: {
                    Text("How strong is the pull to get in touch?")
                } footer: {
                    Text("0 is none at all, 10 is overwhelming. Any answer is fine.")
                }

                Section("Were you in touch today?") {
                    Picker("Contact", selection: $contact) {
                        ForEach(Wording.contactChoices, id: \.self) { medium in
                            Text(Wording.contact(medium)).tag(medium)
                        }
                    }
                }

                Section {
                    TextField("A few words, if you like", text: $note, axis: .vertical)
                        .lineLimit(3...6)
                } header: {
                    Text("Note")
                } footer: {
                    Text("Optional, and only for you.")
                }

                if let problem = model.saveProblem {
                    Section {
                        Text(problem)
                            .foregroundStyle(.secondary)
                    }
                }
            }
            .navigationTitle("Today's check-in")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel") { dismiss() }
                }
                ToolbarItem(placement: .confirmationAction) {
                    Button("Save", action: save)
                }
            }
            .onAppear { model.saveProblem = nil }
        }
    }

    @MainActor
    private func save() {
        if model.save(mood: mood, urge: Int(urge), contact: contact, note: note) {
            dismiss()
        }
    }
}
