import Foundation
import Testing
@testable import StrataData
import StrataCore

/// Issue 8 item 10: no message carries a control character or escape sequence from the input;
/// every piece of input text is quoted and escaped by `InputText`.
@Suite("Input text in messages")
struct MessageEscapingTests {
    /// Sets the terminal title (OSC 0), then a CSI colour and a bidi override.
    static let hostile = "x\u{1B}]0;pwned\u{07}\u{1B}[31m\u{9B}2J\u{202E}y"

    /// True when `text` has nothing a terminal could act on (line breaks between problems aside).
    static func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 != "\n" && InputText.needsEscape($0) }
    }

    @Test func quotingEscapesControlsAndKeepsOrdinaryText() {
        #expect(InputText.quoted(Self.hostile) == #"'x\u{1B}]0;pwned\u{7}\u{1B}[31m\u{9B}2J\u{202E}y'"#)
        #expect(InputText.quoted("Amélie 東京 it's a\\b\tc\nd") == #"'Amélie 東京 it\'s a\\b\tc\nd'"#)
        #expect(InputText.quoted(String(repeating: "a", count: 50)) == "'" + String(repeating: "a", count: 40) + "…'")
        // A long run of combining marks is one Character but many scalars: still cut.
        #expect(InputText.quoted("e" + String(repeating: "\u{301}", count: 10_000)).unicodeScalars.count < 50)
        #expect(InputText.sanitized("a\u{1B}b\nc") == "a\\u{1B}b\nc")
    }

    @Test func datasetErrorsEscapeFieldsValuesAndFileNames() throws {
        let dir = try FixtureDirectory()
        let name = "evil\u{1B}]0;t\u{07}.inter"
        let path = try dir.write(name, lines: [
            "user_id:token\titem_id:token\trating:float\ttimestamp:float",
            "1\t10\t\(Self.hostile)\t100",
            "2\t11\t4\t100",
        ])
        let loaded = try DatasetLoader.load(at: path)
        let lines = loaded.report.renderedLines()
        #expect(lines.allSatisfy(Self.isInert), "\(lines)")
        let problem = try #require(loaded.report.problems.first).description
        #expect(problem == #"evil\u{1B}]0;t\u{7}.inter:2: field 'rating': expected a number, found 'x\u{1B}]0;pwned\u{7}\u{1B}[31m\u{9B}2J\u{202E}y'"#)

        let strict = try #require(throws: DatasetError.self) { try DatasetLoader.load(at: path, options: .strict) }
        #expect(Self.isInert(strict.description))
    }

    @Test func headerNamesAndDuplicateIDsAreEscaped() throws {
        let dir = try FixtureDirectory()
        let header = try dir.write("h.csv", lines: ["who\u{1B}[2J,what,when", "1,2,3"])
        let missing = try #require(throws: DatasetError.self) {
            try DatasetLoader.load(at: header, mapping: ColumnMapping(user: "user", item: "what", time: "when"))
        }
        #expect(missing.description.contains(#"'who\u{1B}[2J', 'what', 'when'"#), "\(missing)")
        #expect(Self.isInert(missing.description))

        let items = try dir.write("d.item", lines: ["item_id:token\tmovie_title:token_seq", "\(Self.hostile)\tA", "\(Self.hostile)\tB"])
        _ = items
        let inter = try dir.write("d.inter", lines: ["user_id:token\titem_id:token\ttimestamp:float", "1\tz\t1"])
        let report = DatasetLoader.validate(at: inter)
        #expect(report.problems.contains { $0.kind == .duplicateItem })
        #expect(report.renderedLines().allSatisfy(Self.isInert), "\(report.renderedLines())")
    }

    @Test func jsonLineKeysAndMappingTextAreEscaped() throws {
        let dir = try FixtureDirectory()
        let path = try dir.write("j.jsonl", lines: [#"{"user":"u","item":"i","time":1}"#, "{\"k\u{1B}[1m\" 1}"])
        let report = try DatasetLoader.load(at: path).report
        #expect(report.problems.count == 1)
        #expect(report.renderedLines().allSatisfy(Self.isInert), "\(report.renderedLines())")
        let mapping = try #require(throws: DatasetError.self) { try ColumnMapping(parsing: "user=u,item=i,time=t,time-unit=\u{1B}[5m") }
        #expect(Self.isInert(mapping.description))
    }

    @Test func scenarioErrorsEscapeNamesKeysAndFileNames() throws {
        let text = """
        {"name": "s", "catalogue": {"categories": [{"name": "A"}]},
         "users": [{"id": "u", "interests": {"\(Self.hostile.replacingOccurrences(of: "\u{1B}", with: "\\u001b").replacingOccurrences(of: "\u{07}", with: "\\u0007"))": 1}}],
         "drift": [{"user": "\\u001b]0;t\\u0007", "from": 1, "to": 2, "source": "A", "target": "A", "fraction": 0.5}]}
        """
        let error = try #require(throws: ScenarioError.self) { try ScenarioFile.decode(Array(text.utf8), file: "s\u{1B}[0m.json") }
        let message = error.description
        #expect(Self.isInert(message), "\(message)")
        #expect(message.contains(#"s\u{1B}[0m.json:"#))
        #expect(message.contains(#"unknown user '\u{1B}]0;t\u{7}'"#), "\(message)")
        #expect(message.contains(#"field 'users[0].interests["x\u{1B}]0;pwned"#), "\(message)")
        let unknownKey = try #require(throws: ScenarioError.self) {
            try ScenarioFile.decode(Array(#"{"name": "s", "\u001b[2J": 1}"#.utf8), file: "k.json")
        }
        #expect(Self.isInert(unknownKey.description), "\(unknownKey)")
    }
}
