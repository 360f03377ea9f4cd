import StrataCore

/// Finds where a key path points in JSON text, so errors that come with a coding path only can
/// still name a line. A small tolerant scanner: it follows keys and indices and skips other
/// values; on text it cannot follow it returns nil rather than guess.
struct JSONLocation {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The 1-based line of the value at `path` (or of the deepest part of it that exists).
    static func line(of path: ScenarioFieldPath, in bytes: [UInt8]) -> Int? {
        var scanner = JSONLocation(bytes)
        guard let offset = scanner.offset(of: path.components[...]) else { return nil }
        return line(atOffset: offset, in: bytes)
    }

    /// What kind of JSON value sits at `path` ("a string", "an object", …).
    static func kind(of path: ScenarioFieldPath, in bytes: [UInt8]) -> String? {
        var scanner = JSONLocation(bytes)
        guard let offset = scanner.offset(of: path.components[...]), offset < bytes.count, scanner.exact else { return nil }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    static func line(atOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for byte in bytes[..<min(offset, bytes.count)] where byte == UInt8(ascii: "\n") { line += 1 }
        return line
    }

    /// Whether the last lookup found the whole path (not just a prefix of it).
    private(set) var exact = false

    private mutating func offset(of path: ArraySlice<ScenarioPathComponent>) -> Int? {
        skipSpace()
        guard position < bytes.count else { return nil }
        var remaining = path
        while let component = remaining.first {
            let containerStart = position
            let found: Bool
            switch component {
            case .key(let key): found = enterObject(key: key)
            case .index(let index): found = enterArray(index: index)
            }
            if !found {
                exact = false
                return containerStart
            }
            remaining = remaining.dropFirst()
            skipSpace()
        }
        exact = true
        return position
    }

    private mutating func enterObject(key: String) -> Bool {
        guard peek == UInt8(ascii: "{") else { return false }
        position += 1
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") , let name = readString() else { return false }
            skipSpace()
            guard peek == UInt8(ascii: ":") else { return false }
            position += 1
            skipSpace()
            if name == key { return true }
            guard skipValue() else { return false }
            skipSpace()
            guard peek == UInt8(ascii: ",") else { return false }
            position += 1
        }
    }

    private mutating func enterArray(index: Int) -> Bool {
        guard peek == UInt8(ascii: "[") else { return false }
        position += 1
        for _ in 0..<index {
            skipSpace()
            guard skipValue() else { return false }
            skipSpace()
            guard peek == UInt8(ascii: ",") else { return false }
            position += 1
        }
        skipSpace()
        return peek != UInt8(ascii: "]")
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    /// Reads a string literal; escapes are decoded for `\"`, `\\` and `\/` (enough to match keys).
    private mutating func readString() -> String? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        position += 1
        var scalars: [UInt8] = []
        while let byte = peek {
            position += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: scalars, as: UTF8.self) }
            if byte == UInt8(ascii: "\\"), let next = peek {
                position += 1
                scalars.append(next == UInt8(ascii: "n") ? 0x0A : next)
            } else {
                scalars.append(byte)
            }
        }
        return nil
    }

    private mutating func skipValue() -> Bool {
        guard let byte = peek else { return false }
        switch byte {
        case UInt8(ascii: "\""):
            return readString() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while let current = peek {
                if current == UInt8(ascii: "\"") {
                    guard readString() != nil else { return false }
                    continue
                }
                position += 1
                if current == UInt8(ascii: "{") || current == UInt8(ascii: "[") { depth += 1 }
                if current == UInt8(ascii: "}") || current == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        default:
            while let current = peek, current != UInt8(ascii: ","), current != UInt8(ascii: "}"), current != UInt8(ascii: "]") {
                position += 1
            }
            return true
        }
    }
}
