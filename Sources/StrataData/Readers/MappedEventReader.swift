import StrataCore

/// Reads the events of a generic log (CSV or JSON lines) through one `ColumnMapping`, fixed once
/// the mapping is known (for CSV, at the header): the path separator is resolved to bytes once.
/// A class, immutable: the reader's line closure sets it at the header and reads it each line,
/// and a struct read from that captured variable was copied per line, retaining and releasing
/// every string of the mapping (a tenth of validate's time).
final class MappedEventReader {
    let mapping: ColumnMapping
    let separator: PathSeparator

    init(mapping: ColumnMapping) {
        self.mapping = mapping
        separator = PathSeparator(mapping.pathSeparator)
    }

    /// One event from a JSON object, read by the mapped keys.
    func read<Sink: EventSink>(object: [String: JSONFieldValue], at: LineFields, into output: inout Sink) throws {
        try read(JSONEventFields(object: object, mapping: mapping), at: at, into: &output)
    }

    /// One event from the fields of a line. Fields are parsed and compared as bytes; strings
    /// are made only for an error message and for a new item (`makeItem`), and by the sink for
    /// ids it keeps.
    func read<Fields: EventFields, Sink: EventSink>(_ fields: Fields, at: LineFields, into output: inout Sink) throws {
        // Column names are read only for a message: binding them would retain each per line.
        func required(_ role: EventRole) throws -> IDText {
            guard let text = fields.text(role), !text.isBlank else {
                throw at.error(mapping.column(for: role), .emptyField, "expected a value, found nothing")
            }
            return text
        }
        let userID = try required(.user)
        let itemID = try required(.item)
        let timeText = try required(.time)
        guard let time = timeText.withBytes({ TimeText.seconds($0, divisor: mapping.timeDivisor) }) else {
            throw at.error(mapping.time, .invalidNumber,
                           "expected seconds or a date such as 2019-10-01T12:00:00Z, found \(DatasetError.quoted(timeText.string))")
        }
        var value: Double?
        if mapping.value != nil, let text = fields.text(.value), !text.isBlank {
            value = text.withBytes { NumberParsing.double($0) }
            if value == nil { throw at.error(mapping.value, .invalidNumber, "expected a number, found \(DatasetError.quoted(text.string))") }
        }
        // Without an action column, a line with a value is a rating and one without is a view.
        var action: Action = value == nil ? .view : .rate
        if mapping.action != nil {
            let name = try required(.action)
            guard let named = name.withBytes({ ActionNames.action(named: $0) }) else {
                throw ActionNames.unknown(name.string, field: mapping.action ?? "", at: at)
            }
            action = named
        }
        var pathText: IDText?
        if mapping.path != nil, let text = fields.text(.path) {
            let levels = text.withBytes { separator.levelCount(in: $0) }
            guard levels <= 4 else {
                throw at.error(mapping.path, .invalidPath, "a path has at most 4 levels, found \(levels) in \(DatasetError.quoted(text.string))")
            }
            if levels > 0 { pathText = text }
        }
        output.addEvent(user: userID, item: itemID, makeItem: {
            let id = itemID.string
            let title = fields.text(.title)?.string.trimmingBlanks
            let paths = pathText.map { text in [text.withBytes { separator.levels(in: $0) }] } ?? []
            return Item(id: id, title: (title?.isEmpty ?? true) ? Item.placeholderTitle(id: id) : title ?? id, paths: paths)
        }, timestamp: time, action: action, value: value)
    }
}
