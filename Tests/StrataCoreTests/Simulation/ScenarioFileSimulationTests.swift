import Foundation
import Testing
@testable import StrataCore
import StrataData

/// Scenario files: every shipped file loads, and broken files get messages that name the
/// file, the line and the field (STYLE.md: error tests put a marker in the fixture).
@Suite struct ScenarioFileSimulationTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarioFolder = repository.appendingPathComponent("Datasets/scenarios")

    static var shippedFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scenarioFolder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func theExpectedScenariosShip() {
        #expect(Set(Self.shippedFiles).isSuperset(of: ["steady.json", "drift.json", "emerging.json", "multi-user.json"]))
    }

    @Test(arguments: shippedFiles)
    func shippedScenarioLoadsAndRuns(file: String) throws {
        let scenario = try ScenarioFile.load(path: Self.scenarioFolder.appendingPathComponent(file).path)
        #expect(scenario.name + ".json" == file)
        let world = try ScenarioWorld(scenario: scenario)
        #expect(world.catalogue.taxonomy.depth == 3)
        #expect(world.catalogue.items.allSatisfy { $0.title.count <= 32 })
        #expect(Set(world.catalogue.items.map(\.title)).count == world.catalogue.count)
        var runner = ScenarioRunner(world: world)
        for _ in 0..<200 { _ = runner.step() }
        #expect(runner.eventsEmitted == min(200, world.totalEvents))
    }

    @Test func driftFileMatchesTheSpecExample() throws {
        let scenario = try ScenarioFile.load(path: Self.scenarioFolder.appendingPathComponent("drift.json").path)
        #expect(scenario.users.count == 1 && scenario.eventsPerUser == 2000)
        #expect(scenario.drift == [DriftEntry(user: "viewer", from: 600, to: 800, source: "Sci-Fi", target: "Romance", fraction: 0.7)])
        let multi = try ScenarioFile.load(path: Self.scenarioFolder.appendingPathComponent("multi-user.json").path)
        #expect(multi.users.count >= 20)
    }

    /// The complete example in Docs/scenarios.md §8 is a working scenario.
    @Test func documentedExampleLoads() throws {
        let doc = try String(contentsOf: Self.repository.appendingPathComponent("Docs/scenarios.md"), encoding: .utf8)
        let section = try #require(doc.range(of: "## 8. A complete example"))
        let rest = doc[section.upperBound...]
        let open = try #require(rest.range(of: "```json\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```"))
        let scenario = try ScenarioFile.decode(Data(rest[open.upperBound..<close.lowerBound].utf8), file: "scenarios.md")
        let world = try ScenarioWorld(scenario: scenario)
        #expect(world.leafCount == 7 && world.catalogue.count == 42)
        #expect(world.catalogue.items.allSatisfy { $0.title.count <= 32 })
    }

    @Test func demoRoundTripsThroughJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Scenario.demo)
        let decoded = try ScenarioFile.decode(data, file: "demo.json")
        #expect(decoded == Scenario.demo)
    }

    // MARK: Errors

    /// Writes `text` to a fresh temporary file and returns the loader's error.
    private func loadError(_ text: String, named name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strata-scenario-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioFile.load(path: path)
        } catch {
            return String(describing: error)
        }
        Issue.record("\(name) loaded but should have failed")
        return ""
    }

    /// The 1-based line of the line containing `marker`.
    private func line(of marker: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(marker) } ?? -1) + 1
    }

    private static func fixture(user: String = #"{"id": "u1", "interests": {"A": 1}}"#, drift: String = "[]", extra: String = "") -> String {
        """
        {
          "name": "broken",
          "seed": 1,\(extra)
          "catalogue": {
            "categories": [
              {"name": "A", "children": [{"name": "A1"}]},
              {"name": "B"}
            ]
          },
          "users": [
            \(user)
          ],
          "drift": \(drift)
        }
        """
    }

    @Test func wrongTypeNamesFileLineAndField() throws {
        let text = Self.fixture(user: #"{"id": "u1", "interests": "A"}"#)
        let message = try loadError(text, named: "drift.json")
        let expectedLine = line(of: #""interests": "A""#, in: text)
        #expect(message == "drift.json:\(expectedLine): field 'users[0].interests': expected an object, found a string")
    }

    @Test func unknownCategoryInDriftScheduleIsNamed() throws {
        let text = Self.fixture(drift: #"[{"from": 10, "to": 20, "source": "A", "target": "Romance", "fraction": 0.5}]"#)
        let message = try loadError(text, named: "bad-drift.json")
        #expect(message.hasPrefix("bad-drift.json:\(line(of: "Romance", in: text)): field 'drift[0].target': unknown category 'Romance'"))
    }

    @Test func negativeCountsAndNonPositiveWeightsAreNamed() throws {
        let text = Self.fixture(user: #"{"id": "u1", "events": -5, "interests": {"A": 0}}"#)
        let message = try loadError(text, named: "counts.json")
        let userLine = line(of: #""events": -5"#, in: text)
        #expect(message.contains("counts.json:\(userLine): field 'users[0].events': must not be negative, found -5"))
        #expect(message.contains("counts.json:\(userLine): field 'users[0].interests.A': weight must be positive, found 0.0"))
    }

    @Test func unknownFieldIsRejected() throws {
        let text = Self.fixture(extra: "\n  \"evntsPerUser\": 10,")
        let message = try loadError(text, named: "typo.json")
        #expect(message.hasPrefix("typo.json:\(line(of: "evntsPerUser", in: text)): field 'evntsPerUser': unknown field 'evntsPerUser'"))
    }

    @Test func missingFieldIsNamed() throws {
        let text = Self.fixture(user: #"{"interests": {"A": 1}}"#)
        let message = try loadError(text, named: "missing.json")
        #expect(message.hasPrefix("missing.json:\(line(of: #"{"interests""#, in: text)): field 'users[0].id': missing required field 'id'"))
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        let text = Self.fixture(user: #"{"id" "u1", "interests": {"A": 1}}"#)
        let message = try loadError(text, named: "syntax.json")
        let lineNumber = line(of: #""id" "u1""#, in: text)
        let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[lineNumber - 1]
        let column = lineText.distance(from: lineText.startIndex, to: lineText.firstIndex(of: "u") ?? lineText.startIndex)
        // The column of the opening quote of "u1" (1-based): the ':' should have been there.
        #expect(message == "syntax.json:\(lineNumber):\(column): not valid JSON: expected ':' after the field name, found '\"'")
    }

    @Test func unclosedDocumentNamesTheEnd() throws {
        let message = try loadError("{\n  \"name\": \"x\",\n", named: "short.json")
        #expect(message.hasPrefix("short.json:3:1: not valid JSON: expected a field name in double quotes, found end of file"))
    }

    @Test func unreadableFileIsNamed() {
        do {
            _ = try ScenarioFile.load(path: "/nonexistent/nowhere.json")
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.description.hasPrefix("nowhere.json: cannot read the file"))
        }
    }
}
