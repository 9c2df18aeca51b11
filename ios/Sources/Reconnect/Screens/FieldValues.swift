// Values travel as locale-neutral text (`YYYY-MM-DD`, `HH:MM`, `yes`/`no`, codes). These
// helpers turn a form's fields into their starting text and turn the system pickers'
// dates into that text and back, so the views stay free of formats.
import Foundation

extension Action {
    /// The fields the person fills in; `Fixed` ones are sent as given and never shown.
    public var visibleFields: [Field] {
        fields.filter { $0.kind != .fixed }
    }

    /// The values of the `Fixed` fields, always sent with the action.
    public var fixedValues: [String: String] {
        var values: [String: String] = [:]
        for field in fields where field.kind == .fixed {
            values[field.key] = field.value ?? ""
        }
        return values
    }

    /// The text each visible field starts with: its given value, or empty.
    public var startingValues: [String: String] {
        var values: [String: String] = [:]
        for field in visibleFields {
            values[field.key] = field.value ?? ""
        }
        return values
    }

    /// Whether every required visible field has something in it.
    public func isComplete(_ values: [String: String]) -> Bool {
        visibleFields.allSatisfy { field in
            !field.required || !(values[field.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }
}

/// Converts between the text forms of date and time fields and `Date`, on the device's
/// calendar and zone: what a date picker shows is the wall time the core reads.
public enum FieldText {
    /// The text of `date` for a `.date`, `.time` or `.dateTime` field; `nil` for other kinds.
    public static func text(from date: Date, for kind: FieldKind, in zone: TimeZone = .current) -> String? {
        guard let pattern = pattern(for: kind) else { return nil }
        return formatter(pattern, zone).string(from: date)
    }

    /// The moment a field's text means; `nil` when it is empty or not in the kind's form.
    public static func date(from text: String, for kind: FieldKind, in zone: TimeZone = .current) -> Date? {
        guard let pattern = pattern(for: kind), !text.isEmpty else { return nil }
        return formatter(pattern, zone).date(from: text)
    }

    private static func pattern(for kind: FieldKind) -> String? {
        switch kind {
        case .date: return "yyyy-MM-dd"
        case .time: return "HH:mm"
        case .dateTime: return "yyyy-MM-dd'T'HH:mm"
        default: return nil
        }
    }

    private static func formatter(_ pattern: String, _ zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        // Fixed, so a 12-hour or non-Gregorian device still produces the core's format.
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter
    }
}

extension String {
    /// Comma-separated words as a list, blanks dropped; for showing `Tags` fields.
    public var tagWords: [String] {
        split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
