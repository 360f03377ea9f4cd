/// What a column of a generic event log is read as (`ColumnMapping`'s roles).
enum EventRole: Int, CaseIterable {
    case user, item, time, action, value, path, title
}

extension ColumnMapping {
    /// The column (CSV) or key (JSON) mapped to `role`.
    func column(for role: EventRole) -> String? {
        switch role {
        case .user: return user
        case .item: return item
        case .time: return time
        case .action: return action
        case .value: return value
        case .path: return path
        case .title: return title
        }
    }
}

/// The fields of one line of a generic event log by role: the bytes of the line where it has
/// them, so `EventLogReader.readEvent` parses and compares without making strings. Nil for a
/// role the mapping leaves out (or a key a JSON object lacks).
protocol EventFields {
    func text(_ role: EventRole) -> IDText?
}

/// The fields of one JSON object, looked up by the mapped keys (its values are strings already).
struct JSONEventFields: EventFields {
    let object: [String: JSONFieldValue]
    let mapping: ColumnMapping

    func text(_ role: EventRole) -> IDText? {
        mapping.column(for: role).flatMap { object[$0]?.text }.map(IDText.text)
    }
}
