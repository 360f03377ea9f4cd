import StrataCore

/// Typed access to the fields of one line, throwing a `DatasetError` that names the file, the
/// line and the field when a value is missing or of the wrong type.
struct LineFields {
    let file: String
    let line: RawLine

    func error(_ field: String?, _ kind: ProblemKind, _ message: String) -> DatasetError {
        DatasetError(file: file, line: line.number, field: field, kind: kind, message: message)
    }

    func requireCount(_ found: Int, _ expected: Int, _ what: String) throws {
        guard found == expected else {
            throw error(nil, .wrongFieldCount, "expected \(expected) \(what) fields, found \(found)")
        }
    }

    /// Non-empty text (an id).
    func identifier(_ range: Range<Int>, field: String) throws -> String {
        try id(range, field: field).string
    }

    func number(_ range: Range<Int>, field: String) throws -> Double {
        guard let value = NumberParsing.double(line.slice(range)) else {
            throw error(field, .invalidNumber, "expected a number, found \(DatasetError.quoted(line.text(range)))")
        }
        return value
    }

    /// A number within `bounds`, e.g. a rating from 1 to 5.
    func number(_ range: Range<Int>, field: String, in bounds: ClosedRange<Double>) throws -> Double {
        let value = NumberParsing.double(line.slice(range))
        guard let value, bounds.contains(value) else {
            throw error(field, value == nil ? .invalidNumber : .outOfRange,
                        "expected a number from \(Self.format(bounds.lowerBound)) to \(Self.format(bounds.upperBound)), "
                        + "found \(DatasetError.quoted(line.text(range)))")
        }
        return value
    }

    /// A stream time in seconds: a number that fits in 64 bits (fractions kept for sorting).
    func timestamp(_ range: Range<Int>, field: String) throws -> (Int64, Double) {
        // Whole seconds of up to 15 digits (every log's) are exact as doubles: the same value
        // without the general parser.
        if range.count <= 15, let seconds = Self.digits(line.slice(range)) { return (seconds, 0) }
        let value = try number(range, field: field)
        guard let split = Timestamps.split(value) else {
            throw error(field, .outOfRange, "timestamp \(DatasetError.quoted(line.text(range))) does not fit in 64 bits")
        }
        return split
    }

    /// The value of 1 to 15 ASCII digits, nil for anything else.
    @inline(__always)
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return value
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// A header's column names, looked up by name.
struct HeaderColumns {
    let file: String
    let names: [String]

    /// The index of the first column called any of `candidates` (compared case-insensitively).
    func index(of candidates: [String]) -> Int? {
        for candidate in candidates {
            let wanted = candidate.lowercased()
            if let found = names.firstIndex(where: { $0.lowercased() == wanted }) { return found }
        }
        return nil
    }

    /// The index of a column the reader cannot do without; a fatal `missingColumn` otherwise.
    func require(_ name: String, alternatives: [String] = []) throws -> Int {
        if let found = index(of: [name] + alternatives) { return found }
        throw DatasetError(file: file, line: 1, field: name, kind: .missingColumn,
                           message: "the header has no column \(InputText.quoted(name)) (it has: \(InputText.list(names)))")
    }
}
