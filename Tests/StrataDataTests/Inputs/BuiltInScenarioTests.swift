import Foundation
import Testing
@testable import StrataData
import StrataCore

/// Issue 8 item 13: the scenarios are part of the program; the compiled-in text is exactly the
/// files of Datasets/scenarios (run Scripts/embed-scenarios after editing one).
@Suite("Built-in scenarios")
struct BuiltInScenarioTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets/scenarios")

    @Test func theEmbeddedTextIsExactlyEveryScenarioFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 4)
        #expect(BuiltInScenarios.names == ["demo"] + files.map { String($0.dropLast(5)) },
                "Datasets/scenarios changed: run Scripts/embed-scenarios")
        for file in files {
            let onDisk = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInScenarios.json(named: String(file.dropLast(5))) == onDisk, "\(file) differs: run Scripts/embed-scenarios")
        }
    }

    @Test func everyBuiltInScenarioLoadsAndMatchesItsFile() throws {
        for name in BuiltInScenarios.names {
            let scenario = try #require(try BuiltInScenarios.scenario(named: name))
            if name == "demo" {
                #expect(scenario == .demo)
            } else {
                #expect(scenario == (try ScenarioFile.load(path: Self.folder.appendingPathComponent("\(name).json").path)))
            }
        }
        #expect(try BuiltInScenarios.scenario(named: "nope") == nil)
    }

    @Test func onlyBareNamesAreNames() {
        #expect(BuiltInScenarios.isName("drift"))
        #expect(!BuiltInScenarios.isName("drift.json"))
        #expect(!BuiltInScenarios.isName("./drift"))
        #expect(!BuiltInScenarios.isName("Datasets/scenarios/drift.json"))
        #expect(!BuiltInScenarios.isName("unknown"))
    }
}
