/// A strict JSON (RFC 8259) syntax check that reports *where* the text goes wrong, because
/// Foundation's decoder on Linux says only "The given data was not valid JSON" (STYLE.md:
/// errors say where). Used only after the decoder has failed, so speed does not matter. A
/// recursive descent over `JSONTokenizer`'s tokens; the tokenizer's depth limit bounds the
/// recursion.
struct JSONSyntaxCheck {
    struct Failure: Error {
        var offset: Int
        var location: JSONTokenizer.Location
        var message: String
    }

    private var tokens: JSONTokenizer

    private init(_ tokens: JSONTokenizer) { self.tokens = tokens }

    /// The first syntax error of `bytes`, or nil when it is well-formed JSON.
    static func firstError(in bytes: [UInt8], maximumDepth: Int = JSONTokenizer.defaultMaximumDepth) -> Failure? {
        bytes.withUnsafeBufferPointer { buffer -> Failure? in
            var check = JSONSyntaxCheck(JSONTokenizer(buffer, dialect: .rfc8259, maximumDepth: maximumDepth))
            do throws(Failure) {
                try check.value()
                _ = check.tokens.peek()
                if check.tokens.offset < buffer.count {
                    throw check.failure("unexpected \(check.describe(check.tokens.offset)) after the end of the document")
                }
                return nil
            } catch {
                return error
            }
        }
    }

    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        let offset = offset ?? tokens.offset
        return Failure(offset: offset, location: tokens.location(of: offset), message: message)
    }

    /// The byte at `offset` as a message may show it: printable ASCII quoted, else its value.
    private func describe(_ offset: Int) -> String {
        guard let byte = tokens.byte(at: offset) else { return "end of file" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    private mutating func expect(_ kind: JSONTokenizer.Kind, _ character: Character, _ context: String) throws(Failure) {
        guard tokens.peek() == kind else {
            throw failure("expected '\(character)' \(context), found \(describe(tokens.offset))")
        }
        try read()
    }

    @discardableResult
    private mutating func read() throws(Failure) -> JSONTokenizer.Token? {
        do { return try tokens.next() } catch { throw describe(error) }
    }

    private mutating func value() throws(Failure) {
        switch tokens.peek() {
        case .beginObject: try object()
        case .beginArray: try array()
        case .string, .number, .true, .false, .null: try read()
        case .endObject, .endArray, .colon, .comma, nil:
            throw failure("expected a value, found \(describe(tokens.offset))")
        }
    }

    private mutating func object() throws(Failure) {
        try read()
        if tokens.peek() == .endObject { try read(); return }
        while true {
            guard tokens.peek() == .string else {
                throw failure("expected a field name in double quotes, found \(describe(tokens.offset))")
            }
            try read()
            try expect(.colon, ":", "after the field name")
            try value()
            if tokens.peek() == .comma { try read(); continue }
            try expect(.endObject, "}", "or ',' after a field")
            return
        }
    }

    private mutating func array() throws(Failure) {
        try read()
        if tokens.peek() == .endArray { try read(); return }
        while true {
            try value()
            if tokens.peek() == .comma { try read(); continue }
            try expect(.endArray, "]", "or ',' after an array element")
            return
        }
    }

    /// The check's words for a tokenizer problem, at the byte they have always named.
    private func describe(_ error: JSONTokenizer.Failure) -> Failure {
        let found = describe(error.offset)
        let byte = tokens.byte(at: error.offset) ?? 0
        var offset = error.offset
        let message: String
        switch error.problem {
        case .unclosedString, .unclosedContainer:
            message = "string is never closed"
            offset = error.tokenStart
        // After a high surrogate, a backslash that starts no escape is a bad escape as any other.
        case .invalidEscape,
             .expectedLowSurrogate where !"\"\\/bfnrtu".utf8.contains(byte):
            message = "invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string"
        case .shortUnicodeEscape, .invalidHexDigit:
            // Where the first missing or wrong digit is.
            while let digit = tokens.byte(at: offset), digit.isHexDigit, offset < error.offset + 4 { offset += 1 }
            message = "expected 4 hex digits after \\u"
        case .expectedLowSurrogate, .invalidSurrogatePair: message = "expected a low surrogate \\uDC00-\\uDFFF after a high one"
        case .loneSurrogate: message = "a \\u escape of a lone surrogate"
        case .invalidUTF8: message = "invalid UTF-8 in a string"
        case .controlCharacter: message = "unescaped control character in a string (a line break inside quotes?)"
        case .invalidLiteral(let word): message = "expected '\(word)', found \(found)"
        case .expectedDigit, .invalidNumber: message = "expected a digit, found \(found)"
        case .unexpectedByte: message = "expected a value, found \(found)"
        case .tooDeep: message = "arrays and objects nest more than \(tokens.maximumDepth) levels deep"
        }
        return failure(message, at: offset)
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66)
    }
}
