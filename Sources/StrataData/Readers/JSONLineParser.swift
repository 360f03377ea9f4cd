import StrataCore
/// A value of a flat JSON object as an event log uses it.
enum JSONFieldValue: Equatable {
    case string(String)
    /// A number, kept as its text (ids such as `123` stay exact).
    case number(String)
    case bool(Bool)
    case null
    /// An array or object (its raw text); not usable as a mapped field.
    case nested(String)

    /// The text a mapped field reads: strings as they are, numbers and booleans as written.
    var text: String? {
        switch self {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .nested: return nil
        }
    }
}

/// Parses one line of JSON lines (one object per line) into its top-level fields.
/// Nested arrays and objects are skipped over and kept as raw text.
struct JSONLineParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// The fields of the object on `line`, or a message saying what is wrong and where.
    static func fields(of line: UnsafeBufferPointer<UInt8>) -> Result<[String: JSONFieldValue], JSONSyntaxError> {
        var parser = JSONLineParser(bytes: line)
        do {
            return .success(try parser.object())
        } catch let error as JSONSyntaxError {
            return .failure(error)
        } catch {
            return .failure(JSONSyntaxError(message: "\(error)"))
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func object() throws -> [String: JSONFieldValue] {
        skipSpace()
        try expect(0x7B, "a JSON object starting with '{'")
        var fields: [String: JSONFieldValue] = [:]
        skipSpace()
        if peek() == 0x7D { index += 1 } else {
            while true {
                skipSpace()
                guard peek() == 0x22 else { throw failure("expected a quoted key") }
                let key = try string()
                skipSpace()
                try expect(0x3A, "':' after key \(InputText.quoted(key))")
                skipSpace()
                fields[key] = try value()
                skipSpace()
                if peek() == 0x2C { index += 1; continue }
                try expect(0x7D, "',' or '}'")
                break
            }
        }
        skipSpace()
        guard index == bytes.count else { throw failure("unexpected text after the object") }
        return fields
    }

    private mutating func value() throws -> JSONFieldValue {
        guard let byte = peek() else { throw failure("expected a value") }
        switch byte {
        case 0x22: return .string(try string())
        case 0x7B, 0x5B: return .nested(try skipNested())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default:
            let start = index
            while let next = peek(), next == 0x2D || next == 0x2B || next == 0x2E || next == 0x65 || next == 0x45 || next &- 0x30 < 10 {
                index += 1
            }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
            guard index > start, NumberParsing.double(slice) != nil else { throw failure("expected a value") }
            return .number(String(decoding: slice, as: UTF8.self))
        }
    }

    private mutating func string() throws -> String {
        index += 1  // opening quote
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else { throw failure("unclosed string") }
            index += 1
            if byte == 0x22 { break }
            if byte != 0x5C { out.append(byte); continue }
            guard let escape = peek() else { throw failure("unclosed string") }
            index += 1
            switch escape {
            case 0x22, 0x5C, 0x2F: out.append(escape)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), peek() == 0x5C {
                    index += 1
                    guard peek() == 0x75 else { throw failure("expected a low surrogate") }
                    index += 1
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid surrogate pair") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default: throw failure("invalid escape")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw failure("invalid \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    /// Skips an array or object, minding strings, and returns its raw text.
    private mutating func skipNested() throws -> String {
        let start = index
        var depth = 0
        repeat {
            guard let byte = peek() else { throw failure("unclosed array or object") }
            switch byte {
            case 0x22:
                _ = try string()
                continue
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
            index += 1
        } while depth > 0
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count else { throw failure("expected a value") }
        for offset in 0..<expected.count where bytes[index + offset] != expected[offset] {
            throw failure("expected a value")
        }
        index += expected.count
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard peek() == byte else { throw failure("expected \(what)") }
        index += 1
    }

    private func failure(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: "\(message) at byte \(index + 1)")
    }
}

struct JSONSyntaxError: Error {
    var message: String
}
