import Testing
@testable import StrataData

/// Issue 11 item 3: the one JSON tokenizer under the JSON-lines reader and the scenario errors.
@Suite("JSON tokenizer")
struct JSONTokenizerTests {
    typealias Kind = JSONTokenizer.Kind

    /// Every token of `text`, with its offset and location, or the failure that stopped them.
    static func tokens(_ bytes: [UInt8], dialect: JSONTokenizer.Dialect = .rfc8259, maximumDepth: Int = JSONTokenizer.defaultMaximumDepth)
        -> (tokens: [(kind: Kind, text: String, offset: Int, line: Int, column: Int)], failure: JSONTokenizer.Failure?) {
        bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = JSONTokenizer(buffer, dialect: dialect, maximumDepth: maximumDepth)
            var out: [(kind: Kind, text: String, offset: Int, line: Int, column: Int)] = []
            do throws(JSONTokenizer.Failure) {
                while let token = try tokenizer.next() {
                    let location = tokenizer.location(of: token.offset)
                    let text = token.kind == .string ? tokenizer.string(token)
                        : String(decoding: UnsafeBufferPointer(rebasing: buffer[token.range]), as: UTF8.self)
                    out.append((token.kind, text, token.offset, location.line, location.column))
                }
                return (out, nil)
            } catch {
                return (out, error)
            }
        }
    }

    static func failure(_ text: String, dialect: JSONTokenizer.Dialect = .rfc8259) -> JSONTokenizer.Failure? {
        tokens(Array(text.utf8), dialect: dialect).failure
    }

    @Test func tokensOfASmallDocumentWithTheirPositions() throws {
        let text = "{\n  \"name\": \"café\",\n  \"n\": [-1.5e3, 0, true, false, null]\n}"
        let (tokens, failure) = Self.tokens(Array(text.utf8))
        #expect(failure == nil)
        let expected: [(Kind, String, Int, Int)] = [
            (.beginObject, "{", 1, 1), (.string, "name", 2, 3), (.colon, ":", 2, 9), (.string, "café", 2, 11),
            (.comma, ",", 2, 17), (.string, "n", 3, 3), (.colon, ":", 3, 6), (.beginArray, "[", 3, 8),
            (.number, "-1.5e3", 3, 9), (.comma, ",", 3, 15), (.number, "0", 3, 17), (.comma, ",", 3, 18),
            (.true, "true", 3, 20), (.comma, ",", 3, 24), (.false, "false", 3, 26), (.comma, ",", 3, 31),
            (.null, "null", 3, 33), (.endArray, "]", 3, 37), (.endObject, "}", 4, 1),
        ]
        #expect(tokens.count == expected.count)
        for (token, want) in zip(tokens, expected) {
            #expect(token.kind == want.0 && token.text == want.1 && token.line == want.2 && token.column == want.3,
                    "\(token) is not \(want)")
        }
        // Offsets are bytes (é is two), columns are scalars.
        #expect(tokens[4].offset == 19)
        let bytes = Array(text.utf8)
        for token in tokens { #expect(bytes[token.offset] == Array(token.kind == .string ? "\"".utf8 : token.text.utf8)[0]) }
    }

    @Test func escapesAreDecodedAndSurrogatePairsJoined() throws {
        let (tokens, failure) = Self.tokens(Array(#""a\"b\\c\/d\b\f\n\r\t \u00e9 \ud83c\udfac \uD83D\uDE00""#.utf8))
        #expect(failure == nil)
        #expect(tokens.map(\.text) == ["a\"b\\c/d\u{08}\u{0C}\n\r\t é 🎬 😀"])
    }

    @Test(arguments: [
        (#""\q""#, JSONTokenizer.Problem.invalidEscape, 2),
        (#""\u12G4""#, .invalidHexDigit, 5),
        (#""\u12"#, .shortUnicodeEscape, 3),
        (#""\ud800""#, .loneSurrogate, 7),
        (#""\udc00""#, .loneSurrogate, 7),
        (#""\ud800\n""#, .expectedLowSurrogate, 8),
        (#""\ud800\u0041""#, .invalidSurrogatePair, 13),
        ("\"tab\there\"", .controlCharacter, 4),
    ])
    func badEscapesAreRefusedWhereTheyAre(text: String, problem: JSONTokenizer.Problem, offset: Int) {
        let failure = Self.failure(text)
        #expect(failure?.problem == problem)
        #expect(failure?.offset == offset)
        #expect(failure?.tokenStart == 0)
    }

    @Test func anUnterminatedStringNamesTheEndAndItsQuote() {
        let failure = Self.failure(#"{"key": "never closed"#)
        #expect(failure == JSONTokenizer.Failure(problem: .unclosedString, offset: 21, tokenStart: 8))
        // A backslash at the very end is inside the string too.
        #expect(Self.failure(#""ends in \"#)?.problem == .unclosedString)
    }

    @Test func invalidUTF8InAStringIsRefusedAtItsFirstByte() {
        for bad: [UInt8] in [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let bytes = Array(#"["ok", "x"#.utf8) + bad + Array(#""]"#.utf8)
            let (tokens, failure) = Self.tokens(bytes)
            #expect(tokens.map(\.kind) == [.beginArray, .string, .comma], "\(bad)")
            #expect(failure == JSONTokenizer.Failure(problem: .invalidUTF8, offset: 9, tokenStart: 7), "\(bad)")
        }
        // Valid multi-byte text passes; outside strings a non-ASCII byte starts no token.
        #expect(Self.tokens(Array("\"日本 🎬\"".utf8)).failure == nil)
        #expect(Self.failure("[é]")?.problem == .unexpectedByte)
    }

    @Test func aNumberAtTheEndOfTheInputIsWhole() {
        for text in ["7", "-0.25", "1e10", "12.5E-3"] {
            let (tokens, failure) = Self.tokens(Array(text.utf8))
            #expect(failure == nil && tokens.map(\.text) == [text], "\(text)")
        }
        #expect(Self.tokens(Array("[1, 23".utf8)).tokens.last?.text == "23")
        for (text, offset) in [("1.", 2), ("-", 1), ("1e", 2), ("2e+", 3)] {
            #expect(Self.failure(text) == JSONTokenizer.Failure(problem: .expectedDigit, offset: offset, tokenStart: 0), "\(text)")
        }
        // A leading zero ends the number: `01` is two tokens, for the grammar to refuse.
        #expect(Self.tokens(Array("01".utf8)).tokens.map(\.text) == ["0", "1"])
    }

    @Test func theJSONLineDialectKeepsTheReadersRules() {
        // Numbers as NumberParsing reads them, kept as written; raw tabs inside strings; no line breaks as space.
        let (tokens, failure) = Self.tokens(Array("[+1, .5, 007, 1., \"a\tb\"]".utf8), dialect: .jsonLine)
        #expect(failure == nil)
        #expect(tokens.filter { $0.kind == .number }.map(\.text) == ["+1", ".5", "007", "1."])
        #expect(Self.failure("[1.2.3]", dialect: .jsonLine) == JSONTokenizer.Failure(problem: .invalidNumber, offset: 6, tokenStart: 1))
        #expect(Self.failure("[1,\n2]", dialect: .jsonLine)?.problem == .unexpectedByte)
        #expect(Self.failure("[1,\n2]") == nil)
    }

    @Test func literalsAreSpelledOut() {
        #expect(Self.failure("[tru]") == JSONTokenizer.Failure(problem: .invalidLiteral("true"), offset: 4, tokenStart: 1))
        #expect(Self.failure("nul") == JSONTokenizer.Failure(problem: .invalidLiteral("null"), offset: 3, tokenStart: 0))
    }

    @Test func aDepthBombIsRefusedInBoundedTimeAndMemory() {
        // 100,000 `[`: refused at the bracket past the limit, after reading only that far.
        let bomb = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let clock = ContinuousClock()
        var failure: JSONTokenizer.Failure?
        let elapsed = clock.measure { failure = Self.tokens(bomb, maximumDepth: 32).failure }
        #expect(failure == JSONTokenizer.Failure(problem: .tooDeep, offset: 32, tokenStart: 32))
        #expect(Self.tokens(bomb).failure?.offset == JSONTokenizer.defaultMaximumDepth)
        #expect(elapsed < .seconds(2))
        // Closing brackets give the depth back.
        #expect(Self.tokens(Array("[[]] [[]]".utf8), maximumDepth: 2).failure == nil)
        #expect(Self.tokens(Array("[[[]]]".utf8), maximumDepth: 2).failure?.problem == .tooDeep)
        // The syntax check built on it is recursive: the limit keeps it off the stack's end.
        #expect(JSONSyntaxCheck.firstError(in: bomb)?.message == "arrays and objects nest more than 512 levels deep")
    }

    @Test func skippingAContainerChecksItsStringsOnly() {
        let text = Array(#"[1, {"a": "]"}, tru] , 5"#.utf8)
        text.withUnsafeBufferPointer { buffer in
            var tokenizer = JSONTokenizer(buffer, dialect: .jsonLine)
            #expect((try? tokenizer.skipContainer()) == 0..<20)
            #expect(tokenizer.peek() == .comma)
        }
        Array(#"[{"a": "\q"}]"#.utf8).withUnsafeBufferPointer { buffer in
            var tokenizer = JSONTokenizer(buffer)
            #expect(throws: JSONTokenizer.Failure(problem: .invalidEscape, offset: 9, tokenStart: 7)) { try tokenizer.skipContainer() }
        }
        Array("[[1]".utf8).withUnsafeBufferPointer { buffer in
            var tokenizer = JSONTokenizer(buffer)
            #expect(throws: JSONTokenizer.Failure(problem: .unclosedContainer, offset: 4, tokenStart: 0)) { try tokenizer.skipContainer() }
        }
    }

    @Test func recoveringSkipsTheBadToken() {
        Array(#"["a\qb", x, 1]"#.utf8).withUnsafeBufferPointer { buffer in
            var tokenizer = JSONTokenizer(buffer)
            var kinds: [Kind?] = []
            while true {
                do throws(JSONTokenizer.Failure) {
                    guard let token = try tokenizer.next() else { break }
                    kinds.append(token.kind)
                } catch {
                    kinds.append(nil)
                    tokenizer.recover(from: error)
                }
            }
            #expect(kinds == [.beginArray, nil, .comma, nil, .comma, .number, .endArray])
        }
    }
}
