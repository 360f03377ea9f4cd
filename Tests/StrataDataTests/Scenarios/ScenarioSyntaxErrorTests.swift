import Testing
@testable import StrataData

/// Scenario syntax errors found by `JSONSyntaxCheck` over `JSONTokenizer` (issue 11, item 3).
@Suite("Scenario syntax errors")
struct ScenarioSyntaxErrorTests {
    func error(_ bytes: [UInt8]) -> String {
        do {
            _ = try ScenarioFile.decode(bytes, file: "odd.json")
        } catch {
            return error.description
        }
        Issue.record("the scenario was accepted")
        return ""
    }

    @Test func anInvalidEscapeIsNamedAsBefore() {
        #expect(error(Array("{\n  \"name\": \"a\\qb\"\n}".utf8)) == #"odd.json:2:14: not valid JSON: invalid escape '\q' in a string"#)
    }

    @Test func invalidUTF8AndLoneSurrogatesAreLocated() {
        // Foundation refuses both with no position; the check now says where.
        let utf8 = Array("{\n  \"name\": \"a".utf8) + [0xFF] + Array("\"\n}".utf8)
        #expect(error(utf8) == "odd.json:2:13: not valid JSON: invalid UTF-8 in a string")
        #expect(error(Array("{\n  \"name\": \"\\ud800\"\n}".utf8)) == #"odd.json:2:18: not valid JSON: a \u escape of a lone surrogate"#)
    }

    @Test func aKeyWrittenWithEscapesIsFoundOnItsLine() {
        let text = "{\n  \"name\": \"x\",\n  \"eventsPerUser\": 10,\n  \"catalogue\": {\"categories\": [{\"name\": \"A\"}]},\n  \"users\": [{\"id\": \"u1\", \"interests\": {\"A\": 1}}],\n  \"\\u0065vntsPerUser\": 10\n}"
        #expect(error(Array(text.utf8)).hasPrefix("odd.json:6: field 'evntsPerUser': unknown field"))
    }
}
