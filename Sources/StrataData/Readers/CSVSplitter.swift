/// One field of a CSV line: the bytes inside any quotes, and whether doubled quotes (`""`)
/// inside must be turned back into one.
struct CSVField {
    var range: Range<Int>
    var hasDoubledQuotes: Bool
}

/// RFC 4180 fields within one line: fields may be quoted, quoted fields may hold the delimiter
/// and doubled quotes. A quoted field cannot span lines (an unclosed quote is a line problem).
enum CSVSplitter {
    /// Fills `fields`; returns a message when the line is malformed.
    static func split(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8, into fields: inout [CSVField]) -> String? {
        // Lines of a file mostly have the fields of the line before: overwriting those in place
        // checks uniqueness once, where appending checks it per field (as `FieldSplitter`).
        var written = 0
        var overflow: [CSVField] = []
        let message = fields.withUnsafeMutableBufferPointer { slots in
            scan(line, delimiter: delimiter) { field in
                if written < slots.count { slots[written] = field } else { overflow.append(field) }
                written += 1
            }
        }
        if written < fields.count {
            fields.removeLast(fields.count - written)
        } else if !overflow.isEmpty {
            fields.append(contentsOf: overflow)
        }
        return message
    }

    /// Calls `emit` with each field in order; returns a message when the line is malformed.
    @inline(__always)
    private static func scan(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8, _ emit: (CSVField) -> Void) -> String? {
        let quote: UInt8 = 0x22
        let count = line.count
        var index = 0
        var emitted = 0
        while true {
            if index < count && line[index] == quote {
                index += 1
                let start = index
                var doubled = false
                while true {
                    guard index < count else { return "unclosed quote in field \(emitted + 1)" }
                    if line[index] == quote {
                        if index + 1 < count && line[index + 1] == quote {
                            doubled = true
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                emit(CSVField(range: start..<index, hasDoubledQuotes: doubled))
                emitted += 1
                index += 1
                if index < count && line[index] != delimiter {
                    return "unexpected text after the closing quote of field \(emitted)"
                }
            } else {
                let start = index
                while index < count && line[index] != delimiter { index += 1 }
                emit(CSVField(range: start..<index, hasDoubledQuotes: false))
                emitted += 1
            }
            guard index < count else { return nil }
            index += 1  // past the delimiter
            if index == count {
                emit(CSVField(range: count..<count, hasDoubledQuotes: false))
                return nil
            }
        }
    }

    static func text(of field: CSVField, in line: RawLine) -> String {
        let text = line.text(field.range)
        return field.hasDoubledQuotes ? undoubleQuotes(text) : text
    }
}

extension CSVSplitter {
    /// `a""b` → `a"b`.
    static func undoubleQuotes(_ text: String) -> String {
        var out = ""
        var previousWasQuote = false
        for character in text {
            if character == "\"" && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = character == "\""
            out.append(character)
        }
        return out
    }
}
