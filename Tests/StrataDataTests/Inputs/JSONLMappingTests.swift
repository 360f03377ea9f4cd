import Testing
@testable import StrataData
import StrataCore

/// Issue 8 item 5: a JSON-lines log's mapping is guessed from the keys of every object, not the
/// first one alone (`strata simulate` writes `value` only on ratings).
@Suite("JSON lines mapping from every object")
struct JSONLMappingTests {
    @Test func keysThatAppearOnlyInLaterObjectsAreMapped() throws {
        let dir = try FixtureDirectory()
        let path = try dir.write("stream.jsonl", lines: [
            #"{"time":1,"user":"u","item":"a","action":"view"}"#,
            #"{"time":2,"user":"u","item":"b","action":"rate","value":5}"#,
            #"{"time":3,"user":"u","item":"c","action":"rate","value":1.5,"category":"Books > Fantasy"}"#,
        ])
        let dataset = try DatasetLoader.load(at: path).dataset
        #expect(dataset.events.map(\.value) == [nil, 5, 1.5])
        #expect(dataset.events.map(\.action) == [.view, .rate, .rate])
        #expect(dataset.catalogue.items[2].paths == [["Books", "Fantasy"]])
    }

    @Test func theGuessIsTheSameWhateverTheKeyOrderOfObjects() throws {
        let dir = try FixtureDirectory()
        let path = try dir.write("stream.jsonl", lines: [
            #"{"item":"a","user":"u","time":1}"#,
            #"{"rating":4,"time":2,"item":"b","user":"u"}"#,
        ])
        let mapping = try EventLogReader.guessedJSONMapping(path: path, options: .standard)
        #expect(mapping == ColumnMapping(user: "user", item: "item", time: "time", value: "rating"))
        // Without an action key, a line with a value is a rating and one without is a view.
        let dataset = try DatasetLoader.load(at: path).dataset
        #expect(dataset.events.map(\.action) == [.view, .rate])
        #expect(dataset.events.map(\.value) == [nil, 4])
    }

    @Test func aSimulatedStreamReadsBackWithEveryRating() throws {
        // What `strata simulate drift` writes, read back: every positive survives.
        let scenario = try #require(try BuiltInScenarios.scenario(named: "drift"))
        let original = try scenario.makeDataset()
        var lines: [String] = []
        for event in original.events {
            let item = original.catalogue.items[event.item]
            var line = #"{"time":\#(event.time),"user":"\#(original.userIDs[event.user])","item":"\#(item.id)","action":"\#(event.action.rawValue)""#
            if let value = event.value { line += #","value":\#(value)"# }
            lines.append(line + "}")
        }
        #expect(!lines[0].contains("value"), "the first event must lack a value for this test to mean anything")
        let dir = try FixtureDirectory()
        let readBack = try DatasetLoader.load(at: try dir.write("drift.jsonl", lines: lines)).dataset
        let gains = ActionGains()
        let positives = { (d: Dataset) in d.events.filter { gains.isPositive($0.action, value: $0.value) }.count }
        #expect(positives(readBack) == positives(original))
        #expect(readBack.events.map(\.value) == original.events.map(\.value))
    }

    @Test func aLogWithoutUsableKeysNamesWhatItFound() throws {
        let dir = try FixtureDirectory()
        let path = try dir.write("odd.jsonl", lines: [#"{"a":1}"#, #"{"b\u001b]0;x\u0007":2}"#])
        let error = try #require(throws: DatasetError.self) { try DatasetLoader.load(at: path) }
        #expect(error.kind == .missingColumn)
        #expect(error.description.contains("'a', 'b\\u{1B}]0;x\\u{7}'"), "\(error)")
    }
}
