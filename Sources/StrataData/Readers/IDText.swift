/// An id as a reader found it, handed to an `EventSink`: the bytes of the current line (valid
/// only during the call), or text the reader had to rebuild (a CSV field with doubled quotes, a
/// JSON string). A `DatasetBuilder` makes a `String` of it; `validate` only hashes the bytes,
/// so its hot loop makes no strings. Both spellings of an id give the same `string` and hash.
enum IDText {
    case bytes(UnsafeBufferPointer<UInt8>)
    case text(String)

    var string: String {
        switch self {
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .text(let text): return text
        }
    }

    /// `IDHash` of the UTF-8 bytes.
    var hash: UInt64 {
        switch self {
        case .bytes(let bytes): return IDHash.of(UnsafeRawBufferPointer(bytes))
        case .text(let text): return IDHash.of(text)
        }
    }
}

extension LineFields {
    /// A non-empty id field, as `identifier` checks it, without making a `String`.
    func id(_ range: Range<Int>, field: String) throws -> IDText {
        guard !range.isEmpty else { throw error(field, .emptyField, "expected an id, found an empty field") }
        return .bytes(line.slice(range))
    }
}
