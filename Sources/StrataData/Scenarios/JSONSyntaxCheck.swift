/// A strict JSON (RFC 8259) syntax check that reports *where* the text goes wrong, because
/// Foundation's decoder on Linux says only "The given data was not valid JSON" (STYLE.md:
/// errors say where). Used only after the decoder has failed, so speed does not matter.
struct JSONSyntaxCheck {
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var position = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The first syntax error of `bytes`, or nil when it is well-formed JSON.
    static func firstError(in bytes: [UInt8]) -> Failure? {
        var check = JSONSyntaxCheck(bytes)
        do {
            check.skipSpace()
            try check.value()
            check.skipSpace()
            if check.position < bytes.count { throw check.failure("unexpected \(check.describeHere()) after the end of the document") }
            return nil
        } catch let failure as Failure {
            return failure
        } catch {
            return Failure(offset: check.position, message: "\(error)")
        }
    }

    /// 1-based line and column of `offset`.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func failure(_ message: String) -> Failure { Failure(offset: position, message: message) }

    private func describeHere() -> String {
        guard let byte = peek else { return "end of file" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func expect(_ character: Character, _ context: String) throws {
        guard let ascii = character.asciiValue, peek == ascii else {
            throw failure("expected '\(character)' \(context), found \(describeHere())")
        }
        position += 1
    }

    private mutating func value() throws {
        guard let byte = peek else { throw failure("expected a value, found end of file") }
        switch byte {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw failure("expected a value, found \(describeHere())")
        }
    }

    private mutating func object() throws {
        position += 1
        skipSpace()
        if peek == UInt8(ascii: "}") { position += 1; return }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a field name in double quotes, found \(describeHere())") }
            try string()
            skipSpace()
            try expect(":", "after the field name")
            skipSpace()
            try value()
            skipSpace()
            if peek == UInt8(ascii: ",") { position += 1; continue }
            try expect("}", "or ',' after a field")
            return
        }
    }

    private mutating func array() throws {
        position += 1
        skipSpace()
        if peek == UInt8(ascii: "]") { position += 1; return }
        while true {
            skipSpace()
            try value()
            skipSpace()
            if peek == UInt8(ascii: ",") { position += 1; continue }
            try expect("]", "or ',' after an array element")
            return
        }
    }

    private mutating func string() throws {
        let start = position
        position += 1
        while let byte = peek {
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"):
                guard let escape = peek else { break }
                position += 1
                if escape == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        guard let hex = peek, (hex >= 0x30 && hex <= 0x39) || (hex | 0x20 >= 0x61 && hex | 0x20 <= 0x66) else {
                            throw failure("expected 4 hex digits after \\u")
                        }
                        position += 1
                    }
                } else if !"\"\\/bfnrt".utf8.contains(escape) {
                    position -= 1
                    throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
                }
            case 0..<0x20:
                position -= 1
                throw failure("unescaped control character in a string (a line break inside quotes?)")
            default: continue
            }
        }
        position = start
        throw failure("string is never closed")
    }

    private mutating func literal(_ word: String) throws {
        for expected in word.utf8 {
            guard peek == expected else { throw failure("expected '\(word)', found \(describeHere())") }
            position += 1
        }
    }

    private mutating func number() throws {
        func digits() throws {
            guard let byte = peek, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else {
                throw failure("expected a digit, found \(describeHere())")
            }
            while let byte = peek, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { position += 1 }
        }
        if peek == UInt8(ascii: "-") { position += 1 }
        if peek == UInt8(ascii: "0") { position += 1 } else { try digits() }
        if peek == UInt8(ascii: ".") { position += 1; try digits() }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            try digits()
        }
    }
}
