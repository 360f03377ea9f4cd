import StrataCore

/// The mapping's columns as field indices of one CSV log, resolved once from its header, so a
/// line is read by position instead of by name.
struct CSVEventColumns {
    // One stored index per role, no array: copying the value each line costs nothing.
    private let user: Int, item: Int, time: Int
    private let action: Int?, value: Int?, path: Int?, title: Int?
    /// How many fields every line must have: the header's.
    let count: Int

    /// Throws the fatal `missingColumn` error for the first mapped column the header lacks.
    init(mapping: ColumnMapping, header names: [String], file: String) throws {
        let header = HeaderColumns(file: file, names: names)
        var found: [String: Int] = [:]
        for (role, name) in mapping.requiredColumns {
            guard let index = header.index(of: [name]) else {
                throw DatasetError(file: file, line: 1, field: name, kind: .missingColumn,
                                   message: "the header has no column \(InputText.quoted(name)) (mapped to \(role); "
                                   + "it has: \(InputText.list(names)))")
            }
            found[name] = index
        }
        func index(_ role: EventRole) -> Int? { mapping.column(for: role).flatMap { found[$0] } }
        user = found[mapping.user]!
        item = found[mapping.item]!
        time = found[mapping.time]!
        action = index(.action)
        value = index(.value)
        path = index(.path)
        title = index(.title)
        count = names.count
    }

    @inline(__always)
    func index(of role: EventRole) -> Int? {
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

/// The fields of one CSV line by role: the line's bytes, or the rebuilt text of a field with
/// doubled quotes (rare; `CSVSplitter.undoubleQuotes` keeps today's result for it). Borrows the
/// line and the splitter's fields: valid only while the line is.
struct CSVEventFields: EventFields {
    let line: RawLine
    let fields: UnsafeBufferPointer<CSVField>
    let columns: CSVEventColumns

    func text(_ role: EventRole) -> IDText? {
        guard let index = columns.index(of: role) else { return nil }
        let field = fields[index]
        return field.hasDoubledQuotes ? .text(CSVSplitter.text(of: field, in: line)) : .bytes(line.slice(field.range))
    }
}
