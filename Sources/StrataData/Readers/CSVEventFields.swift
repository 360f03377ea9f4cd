import StrataCore

/// The mapping's columns as field indices of one CSV log, resolved once from its header, so a
/// line is read by position instead of by name.
struct CSVEventColumns {
    /// The field index of each role by `EventRole.rawValue`, −1 for a role the mapping leaves
    /// out: a SIMD vector is plain bytes, so copying the value each line retains nothing.
    private var indices = SIMD8<Int32>(repeating: -1)
    /// How many fields every line must have: the header's.
    let count: Int

    /// Throws the fatal `missingColumn` error for the first mapped column the header lacks.
    init(mapping: ColumnMapping, header names: [String], file: String) throws {
        let header = HeaderColumns(file: file, names: names)
        for (role, name) in mapping.requiredColumns where header.index(of: [name]) == nil {
            throw DatasetError(file: file, line: 1, field: name, kind: .missingColumn,
                               message: "the header has no column \(InputText.quoted(name)) (mapped to \(role); "
                               + "it has: \(InputText.list(names)))")
        }
        for role in EventRole.allCases {
            if let index = mapping.column(for: role).flatMap({ header.index(of: [$0]) }) { indices[role.rawValue] = Int32(index) }
        }
        count = names.count
    }

    @inline(__always)
    func index(of role: EventRole) -> Int? {
        let index = indices[role.rawValue]
        return index < 0 ? nil : Int(index)
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
