/// The one byte-level JSON tokenizer of StrataData: the JSON-lines event reader
/// (`JSONLineParser`) and the scenario file's error finders (`JSONSyntaxCheck`, `JSONDepthScan`,
/// `JSONLocation`) read their tokens from it. Foundation still decodes scenario files; this is
/// for what it cannot do: read an event log at byte speed, and say where a file goes wrong.
///
/// It gives tokens, not values: a caller's grammar calls `peek()` to see which kind of token
/// comes (and to word its own "expected …" errors from it), then `next()` to read it. Strings
/// are checked as they are read (escapes, `\u` surrogate pairs, UTF-8), numbers by the dialect's
/// rule, and no array or object may open deeper than `maximumDepth`. Problems come back as a
/// `Failure` carrying byte offsets, not words: each caller words them, so every message stays
/// the one its users know (swift-argument-parser's split, STYLE.md).
///
/// No recursion and O(1) memory (a string's decoded text aside): 100,000 `[` are refused after
/// `maximumDepth` bytes. Offsets are 0-based into `bytes`; `location(of:)` turns one into the
/// 1-based line and column a message shows.
struct JSONTokenizer {
    /// Arrays and objects nest at most this deep unless a caller says otherwise: far more than
    /// any file Strata reads needs, far less than a recursive caller's stack could take.
    static let defaultMaximumDepth = 512

    enum Kind: Equatable, Sendable {
        case beginObject, endObject, beginArray, endArray, colon, comma
        case string, number, `true`, `false`, null
    }

    struct Token: Equatable, Sendable {
        var kind: Kind
        /// The token's bytes: a string's with its quotes, a number's as written.
        var range: Range<Int>
        var offset: Int { range.lowerBound }
    }

    /// What went wrong; `Failure.offset` says where.
    enum Problem: Equatable, Sendable {
        /// A byte that starts no token.
        case unexpectedByte
        /// The input ends inside a string (`offset` is the end of the input).
        case unclosedString
        /// A raw byte below 0x20 inside a string (`offset` is that byte).
        case controlCharacter
        /// A backslash followed by anything but `"\/bfnrtu` (`offset` is the byte after it).
        case invalidEscape
        /// Fewer than four bytes left after `\u` (`offset` is the byte after the `u`).
        case shortUnicodeEscape
        /// A `\u` escape with a byte that is not a hex digit (`offset` is that byte).
        case invalidHexDigit
        /// A high surrogate escape followed by a backslash but not `u` (`offset` is the byte after the backslash).
        case expectedLowSurrogate
        /// A high surrogate escape followed by a `\u` that is not a low surrogate (`offset` is just past it).
        case invalidSurrogatePair
        /// A surrogate `\u` escape with no partner (`offset` is just past it).
        case loneSurrogate
        /// Bytes inside a string that are not UTF-8 (`offset` is the first of them).
        case invalidUTF8
        /// `t`, `f` or `n` not starting `true`, `false` or `null` (`offset` is the first byte that differs).
        case invalidLiteral(String)
        /// A number missing a digit where RFC 8259 needs one (`offset` is where the digit should be).
        case expectedDigit
        /// A run of number characters that is not a decimal number (`Dialect.Numbers.decimalText`; `offset` is the end of the run).
        case invalidNumber
        /// An array or object opening level `maximumDepth + 1` (`offset` is its bracket).
        case tooDeep
        /// The input ends inside an array or object that `skipContainer()` was skipping.
        case unclosedContainer
    }

    struct Failure: Error, Equatable, Sendable {
        var problem: Problem
        /// Where the problem is (see each `Problem`).
        var offset: Int
        /// Where the token being read starts (a string's opening quote, a literal's first letter).
        var tokenStart: Int
    }

    /// What a reader accepts beyond RFC 8259, so that each caller keeps the rules it always had.
    struct Dialect: Equatable, Sendable {
        enum Numbers: Equatable, Sendable {
            /// RFC 8259: `-`? (`0` | digits) (`.` digits)? ([eE] [+-]? digits)?.
            case rfc8259
            /// Any run of `-+.eE0-9` that `NumberParsing.double` reads as a finite number (`+1`,
            /// `.5`, `007` too): the JSON-lines reader has always taken what its CSV sibling takes.
            case decimalText
        }

        /// Whether line feed and carriage return are white space (a single line has neither).
        var lineBreaksAreSpace: Bool
        /// Whether raw bytes below 0x20 may sit inside strings (event logs in the wild carry tabs).
        var allowsControlCharacters: Bool
        var numbers: Numbers

        /// Strict JSON, as scenario files are.
        static let rfc8259 = Dialect(lineBreaksAreSpace: true, allowsControlCharacters: false, numbers: .rfc8259)
        /// One line of a JSON-lines event log, as the reader has always read it.
        static let jsonLine = Dialect(lineBreaksAreSpace: false, allowsControlCharacters: true, numbers: .decimalText)
    }

    /// A 1-based line and column; columns count Unicode scalars, not bytes.
    struct Location: Equatable, Sendable {
        var line: Int
        var column: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let dialect: Dialect
    let maximumDepth: Int
    /// Where reading goes on: just past the last token, or at the next one after `peek()`.
    private(set) var offset = 0
    /// Arrays and objects open around `offset`.
    private(set) var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect = .rfc8259, maximumDepth: Int = defaultMaximumDepth) {
        self.bytes = bytes
        self.dialect = dialect
        self.maximumDepth = maximumDepth
    }

    /// The byte at `offset`, or nil past the end.
    func byte(at offset: Int) -> UInt8? { offset >= 0 && offset < bytes.count ? bytes[offset] : nil }

    // MARK: Reading tokens

    /// Skips white space and says which kind of token starts there, from its first byte alone;
    /// nil at the end of the input or at a byte that starts no token (`offset` tells which).
    mutating func peek() -> Kind? {
        skipSpace()
        guard let byte = byte(at: offset) else { return nil }
        return Self.kind(startingWith: byte, numbers: dialect.numbers)
    }

    /// The next token, or nil at the end of the input.
    /// - Complexity: O(n) in the token's length.
    mutating func next() throws(Failure) -> Token? {
        guard let kind = peek() else {
            if offset < bytes.count { throw Failure(problem: .unexpectedByte, offset: offset, tokenStart: offset) }
            return nil
        }
        let start = offset
        switch kind {
        case .beginObject, .beginArray:
            guard depth < maximumDepth else { throw Failure(problem: .tooDeep, offset: start, tokenStart: start) }
            depth += 1
            offset += 1
        case .endObject, .endArray:
            depth = max(0, depth - 1)
            offset += 1
        case .colon, .comma:
            offset += 1
        case .string: try skipString()
        case .number: try skipNumber()
        case .true: try skipLiteral(Self.trueBytes)
        case .false: try skipLiteral(Self.falseBytes)
        case .null: try skipLiteral(Self.nullBytes)
        }
        return Token(kind: kind, range: start..<offset)
    }

    /// Skips the array or object that starts at the next token, checking its strings but
    /// nothing else (a reader that never reads a nested value has never checked it), and
    /// returns its bytes. Depth is not counted: the skip is one loop with one counter.
    /// - Complexity: O(n) in the container's length.
    mutating func skipContainer() throws(Failure) -> Range<Int> {
        skipSpace()
        let start = offset
        var open = 0
        repeat {
            guard let byte = byte(at: offset) else {
                throw Failure(problem: .unclosedContainer, offset: offset, tokenStart: start)
            }
            switch byte {
            case UInt8(ascii: "\""):
                try skipString()
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): open += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): open -= 1
            default: break
            }
            offset += 1
        } while open > 0
        return start..<offset
    }

    /// Moves past the token that `failure` stopped, so that a tolerant scan can go on: past a
    /// string's closing quote (backslashes taken as escaping the next byte), else one byte
    /// past the token's start. Returns the bytes passed over.
    @discardableResult
    mutating func recover(from failure: Failure) -> Range<Int> {
        let start = failure.tokenStart
        offset = start + 1
        if byte(at: start) == UInt8(ascii: "\"") {
            while let byte = byte(at: offset) {
                offset += byte == UInt8(ascii: "\\") ? 2 : 1
                if byte == UInt8(ascii: "\"") { break }
            }
            offset = min(offset, bytes.count)
        }
        return start..<offset
    }

    // MARK: Values of tokens

    /// The text of a string token, escapes decoded (the token was checked when it was read).
    func string(_ token: Token) -> String {
        let body = (token.range.lowerBound + 1)..<max(token.range.lowerBound + 1, token.range.upperBound - 1)
        var index = body.lowerBound
        while index < body.upperBound, bytes[index] != UInt8(ascii: "\\") { index += 1 }
        if index == body.upperBound { return String(decoding: UnsafeBufferPointer(rebasing: bytes[body]), as: UTF8.self) }
        var out: [UInt8] = Array(bytes[body.lowerBound..<index])
        out.reserveCapacity(body.count)
        while index < body.upperBound {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < body.upperBound else { out.append(byte); continue }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(at: index) ?? 0xFFFD
                index += 4
                if (0xD800..<0xDC00).contains(scalar), index + 6 <= body.upperBound, bytes[index] == UInt8(ascii: "\\"),
                   bytes[index + 1] == UInt8(ascii: "u"), let low = hex4(at: index + 2) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                    index += 6
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: out.append(escape)  // `"`, `\` and `/` stand for themselves
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The line and column of `offset`.
    /// - Complexity: O(offset): it counts from the start, as only error messages need it.
    func location(of offset: Int) -> Location {
        var line = 1, column = 1
        for byte in bytes[..<min(max(offset, 0), bytes.count)] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return Location(line: line, column: column)
    }

    // MARK: Scanning

    private static func kind(startingWith byte: UInt8, numbers: Dialect.Numbers) -> Kind? {
        switch byte {
        case UInt8(ascii: "{"): return .beginObject
        case UInt8(ascii: "}"): return .endObject
        case UInt8(ascii: "["): return .beginArray
        case UInt8(ascii: "]"): return .endArray
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"): return .true
        case UInt8(ascii: "f"): return .false
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: return numbers == .decimalText && isDecimalTextByte(byte) ? .number : nil
        }
    }

    private static func isDecimalTextByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func skipSpace() {
        while let byte = byte(at: offset) {
            switch byte {
            case 0x20, 0x09: offset += 1
            case 0x0A where dialect.lineBreaksAreSpace, 0x0D where dialect.lineBreaksAreSpace: offset += 1
            default: return
            }
        }
    }

    private mutating func skipString() throws(Failure) {
        let start = offset
        offset += 1
        func failure(_ problem: Problem, at offset: Int) -> Failure { Failure(problem: problem, offset: offset, tokenStart: start) }
        while true {
            guard let current = byte(at: offset) else { throw failure(.unclosedString, at: bytes.count) }
            switch current {
            case UInt8(ascii: "\""):
                offset += 1
                return
            case UInt8(ascii: "\\"):
                offset += 1
                guard let escape = byte(at: offset) else { throw failure(.unclosedString, at: bytes.count) }
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    offset += 1
                case UInt8(ascii: "u"):
                    offset += 1
                    try skipUnicodeEscape(start: start)
                default:
                    throw failure(.invalidEscape, at: offset)
                }
            case 0..<0x20 where !dialect.allowsControlCharacters:
                throw failure(.controlCharacter, at: offset)
            case 0x80...:
                guard let length = UTF8Validation.sequenceLength(in: bytes, at: offset) else { throw failure(.invalidUTF8, at: offset) }
                offset += length
            default:
                offset += 1
            }
        }
    }

    /// Reads the four digits after `\u` (and a low surrogate's `\uXXXX` after a high one).
    private mutating func skipUnicodeEscape(start: Int) throws(Failure) {
        func failure(_ problem: Problem, at offset: Int) -> Failure { Failure(problem: problem, offset: offset, tokenStart: start) }
        func digits() throws(Failure) -> UInt32 {
            guard offset + 4 <= bytes.count else { throw failure(.shortUnicodeEscape, at: offset) }
            for digit in offset..<(offset + 4) where Self.hexValue(bytes[digit]) == nil {
                throw failure(.invalidHexDigit, at: digit)
            }
            defer { offset += 4 }
            return hex4(at: offset) ?? 0
        }
        let scalar = try digits()
        if (0xD800..<0xDC00).contains(scalar), byte(at: offset) == UInt8(ascii: "\\") {
            offset += 1
            guard byte(at: offset) == UInt8(ascii: "u") else { throw failure(.expectedLowSurrogate, at: offset) }
            offset += 1
            guard (0xDC00..<0xE000).contains(try digits()) else { throw failure(.invalidSurrogatePair, at: offset) }
            return
        }
        guard !(0xD800..<0xE000).contains(scalar) else { throw failure(.loneSurrogate, at: offset) }
    }

    private func hex4(at index: Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for digit in index..<(index + 4) {
            guard let nibble = Self.hexValue(bytes[digit]) else { return nil }
            value = value << 4 | nibble
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func skipNumber() throws(Failure) {
        let start = offset
        switch dialect.numbers {
        case .decimalText:
            while let byte = byte(at: offset), Self.isDecimalTextByte(byte) { offset += 1 }
            guard NumberParsing.double(UnsafeBufferPointer(rebasing: bytes[start..<offset])) != nil else {
                throw Failure(problem: .invalidNumber, offset: offset, tokenStart: start)
            }
        case .rfc8259:
            func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 &- UInt8(ascii: "0") < 10 } ?? false }
            func digits() throws(Failure) {
                guard isDigit(byte(at: offset)) else { throw Failure(problem: .expectedDigit, offset: offset, tokenStart: start) }
                while isDigit(byte(at: offset)) { offset += 1 }
            }
            if byte(at: offset) == UInt8(ascii: "-") { offset += 1 }
            if byte(at: offset) == UInt8(ascii: "0") { offset += 1 } else { try digits() }
            if byte(at: offset) == UInt8(ascii: ".") { offset += 1; try digits() }
            if byte(at: offset) == UInt8(ascii: "e") || byte(at: offset) == UInt8(ascii: "E") {
                offset += 1
                if byte(at: offset) == UInt8(ascii: "+") || byte(at: offset) == UInt8(ascii: "-") { offset += 1 }
                try digits()
            }
        }
    }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8), nullBytes = Array("null".utf8)

    private mutating func skipLiteral(_ text: [UInt8]) throws(Failure) {
        let start = offset
        for expected in text {
            guard byte(at: offset) == expected else {
                throw Failure(problem: .invalidLiteral(String(decoding: text, as: UTF8.self)), offset: offset, tokenStart: start)
            }
            offset += 1
        }
    }
}
