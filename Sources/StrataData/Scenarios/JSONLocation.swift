import StrataCore

/// Finds where a key path points in JSON text, so errors that come with a coding path only can
/// still name a line. A small scanner over `JSONTokenizer`'s tokens: it follows keys and
/// indices and skips other values; on text it cannot follow it returns nil rather than guess.
struct JSONLocation {
    private var tokens: JSONTokenizer

    private init(_ tokens: JSONTokenizer) { self.tokens = tokens }

    /// The 1-based line of the value at `path` (or of the deepest part of it that exists).
    static func line(of path: ScenarioFieldPath, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONLocation(JSONTokenizer(buffer, dialect: .rfc8259))
            guard let (offset, _) = scanner.offset(of: path.components[...]) else { return nil }
            return scanner.tokens.location(of: offset).line
        }
    }

    /// What kind of JSON value sits at `path` ("a string", "an object", …).
    static func kind(of path: ScenarioFieldPath, in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONLocation(JSONTokenizer(buffer, dialect: .rfc8259))
            guard let (offset, exact) = scanner.offset(of: path.components[...]), exact else { return nil }
            switch scanner.tokens.peek() {
            case .beginObject: return "an object"
            case .beginArray: return "an array"
            case .string: return "a string"
            case .true, .false: return "a boolean"
            case .null: return "null"
            case .number, .endObject, .endArray, .colon, .comma: return "a number"
            case nil: return offset < buffer.count ? "a number" : nil
            }
        }
    }

    /// The offset of the value at `path`, and whether the whole path was found (else the
    /// offset is of the deepest container that exists).
    private mutating func offset(of path: ArraySlice<ScenarioPathComponent>) -> (Int, exact: Bool)? {
        _ = tokens.peek()
        guard tokens.offset < tokens.bytes.count else { return nil }
        var remaining = path
        while let component = remaining.first {
            let containerStart = tokens.offset
            let found: Bool
            switch component {
            case .key(let key): found = enterObject(key: key)
            case .index(let index): found = enterArray(index: index)
            }
            if !found { return (containerStart, false) }
            remaining = remaining.dropFirst()
            _ = tokens.peek()
        }
        return (tokens.offset, true)
    }

    private mutating func enterObject(key: String) -> Bool {
        guard tokens.peek() == .beginObject, read() != nil else { return false }
        while true {
            guard tokens.peek() == .string, let name = read() else { return false }
            guard tokens.peek() == .colon, read() != nil else { return false }
            _ = tokens.peek()
            if tokens.string(name) == key { return true }
            guard skipValue() else { return false }
            guard tokens.peek() == .comma, read() != nil else { return false }
        }
    }

    private mutating func enterArray(index: Int) -> Bool {
        guard tokens.peek() == .beginArray, read() != nil else { return false }
        for _ in 0..<index {
            guard skipValue() else { return false }
            guard tokens.peek() == .comma, read() != nil else { return false }
        }
        return tokens.peek() != .endArray
    }

    private mutating func read() -> JSONTokenizer.Token? { try? tokens.next() }

    private mutating func skipValue() -> Bool {
        switch tokens.peek() {
        case .beginObject, .beginArray: return (try? tokens.skipContainer()) != nil
        case .string, .number, .true, .false, .null: return read() != nil
        case .endObject, .endArray, .colon, .comma, nil: return false
        }
    }
}
