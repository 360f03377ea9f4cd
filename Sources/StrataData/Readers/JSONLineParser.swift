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

/// Parses one line of JSON lines (one object per line) into its top-level fields, from
/// `JSONTokenizer`'s tokens in its `.jsonLine` dialect. Nested arrays and objects are skipped
/// over (their strings checked, nothing else) and kept as raw text.
struct JSONLineParser {
    private var tokens: JSONTokenizer

    /// The fields of the object on `line`, or a message saying what is wrong and where.
    static func fields(of line: UnsafeBufferPointer<UInt8>) -> Result<[String: JSONFieldValue], JSONSyntaxError> {
        var parser = JSONLineParser(tokens: JSONTokenizer(line, dialect: .jsonLine))
        do {
            return .success(try parser.object())
        } catch {
            return .failure(error)
        }
    }

    private init(tokens: JSONTokenizer) { self.tokens = tokens }

    private mutating func object() throws(JSONSyntaxError) -> [String: JSONFieldValue] {
        try expect(.beginObject, "a JSON object starting with '{'")
        var fields: [String: JSONFieldValue] = [:]
        if tokens.peek() == .endObject { try read() } else {
            while true {
                guard tokens.peek() == .string else { throw failure("expected a quoted key") }
                let key = tokens.string(try read())
                try expect(.colon, "':' after key \(InputText.quoted(key))")
                fields[key] = try value()
                if tokens.peek() == .comma { try read(); continue }
                try expect(.endObject, "',' or '}'")
                break
            }
        }
        _ = tokens.peek()
        guard tokens.offset == tokens.bytes.count else { throw failure("unexpected text after the object") }
        return fields
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONFieldValue {
        switch tokens.peek() {
        case .string: return .string(tokens.string(try read()))
        case .beginObject, .beginArray:
            do {
                let range = try tokens.skipContainer()
                return .nested(String(decoding: UnsafeBufferPointer(rebasing: tokens.bytes[range]), as: UTF8.self))
            } catch {
                throw Self.describe(error)
            }
        case .true: try read(); return .bool(true)
        case .false: try read(); return .bool(false)
        case .null: try read(); return .null
        case .number:
            let token = try read()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: tokens.bytes[token.range]), as: UTF8.self))
        case .endObject, .endArray, .colon, .comma, nil:
            throw failure("expected a value")
        }
    }

    @discardableResult
    private mutating func read() throws(JSONSyntaxError) -> JSONTokenizer.Token {
        let token: JSONTokenizer.Token?
        do { token = try tokens.next() } catch { throw Self.describe(error) }
        guard let token else { throw failure("expected a value") }
        return token
    }

    private mutating func expect(_ kind: JSONTokenizer.Kind, _ what: String) throws(JSONSyntaxError) {
        guard tokens.peek() == kind else { throw failure("expected \(what)") }
        try read()
    }

    private func failure(_ message: String) -> JSONSyntaxError { Self.failure(message, at: tokens.offset) }

    private static func failure(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: "\(message) at byte \(offset + 1)")
    }

    /// The reader's words for a tokenizer problem, at the byte they have always named.
    private static func describe(_ error: JSONTokenizer.Failure) -> JSONSyntaxError {
        switch error.problem {
        case .unexpectedByte, .invalidNumber: return failure("expected a value", at: error.offset)
        case .invalidLiteral: return failure("expected a value", at: error.tokenStart)
        case .unclosedString: return failure("unclosed string", at: error.offset)
        case .invalidEscape: return failure("invalid escape", at: error.offset + 1)
        case .shortUnicodeEscape: return failure("short \\u escape", at: error.offset)
        case .invalidHexDigit, .loneSurrogate: return failure("invalid \\u escape", at: error.offset)
        case .expectedLowSurrogate: return failure("expected a low surrogate", at: error.offset)
        case .invalidSurrogatePair: return failure("invalid surrogate pair", at: error.offset)
        case .unclosedContainer: return failure("unclosed array or object", at: error.offset)
        // Not met on a line: the line reader has checked its UTF-8, the dialect allows control
        // characters, and nested values are skipped without counting depth.
        case .invalidUTF8: return failure("invalid UTF-8 in a string", at: error.offset)
        case .controlCharacter: return failure("unescaped control character in a string", at: error.offset)
        case .expectedDigit: return failure("expected a digit", at: error.offset)
        case .tooDeep: return failure("arrays and objects nest too deep", at: error.offset)
        }
    }
}

struct JSONSyntaxError: Error {
    var message: String
}
