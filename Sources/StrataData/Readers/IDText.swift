/// An id (or any field of a generic log) as a reader found it, handed to an `EventSink`: the
/// bytes of the current line (valid only during the call), or text the reader had to rebuild (a
/// CSV field with doubled quotes, a JSON string). A `DatasetBuilder` makes a `String` of it; `validate` only hashes the bytes,
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

    /// The UTF-8 bytes, for parsing a field without making a `String`.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch self {
        case .bytes(let bytes): return try body(bytes)
        case .text(let text):
            var text = text
            return try text.withUTF8(body)
        }
    }

    /// Empty or only spaces and tabs (what `trimmingBlanks.isEmpty` says of the string).
    var isBlank: Bool {
        withBytes { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
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
