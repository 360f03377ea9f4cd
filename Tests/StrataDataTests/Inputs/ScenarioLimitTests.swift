import Foundation
import Testing
@testable import StrataData
import StrataCore

/// Issue 8 item 9: scenario files are bounded. Deep nesting, huge counts and huge catalogues
/// give an error naming the file, the line and the JSON path, before anything is allocated.
@Suite("Scenario limits")
struct ScenarioLimitTests {
    static func scenario(eventsPerUser: String = "100", users: String = #"[{"id": "u1", "interests": {"A": 1}}]"#,
                         catalogue: String = #"{"categories": [{"name": "A"}, {"name": "B"}]}"#) -> String {
        """
        {
          "name": "limits",
          "eventsPerUser": \(eventsPerUser),
          "catalogue": \(catalogue),
          "users": \(users)
        }
        """
    }

    func error(_ text: String, file: String = "limits.json") throws -> String {
        do {
            _ = try ScenarioFile.decode(Array(text.utf8), file: file)
        } catch {
            return error.description
        }
        Issue.record("the scenario was accepted")
        return ""
    }

    @Test func aDeeplyNestedFileIsRefusedWithItsPath() throws {
        // 100,000 levels once overflowed the stack (SIGSEGV) in the recursive parsers.
        let deep = #"{"name": "x", "catalogue": {"categories": "# + String(repeating: "[", count: 100_000)
        let message = try error(deep, file: "deep.json")
        #expect(message == "deep.json:1:\(43 + ScenarioFile.maximumDepth - 2): field 'catalogue.categories"
                + String(repeating: "[0]", count: ScenarioFile.maximumDepth - 2)
                + "': arrays and objects nest more than \(ScenarioFile.maximumDepth) levels deep")
        // Nesting inside strings does not count.
        #expect(JSONDepthScan.firstTooDeep(in: Array(#"{"a": "[[[[[[[[[[[["}"#.utf8), limit: 3) == nil)
    }

    @Test func everyShippedScenarioIsWellWithinTheDepthLimit() throws {
        for name in BuiltInScenarios.names where name != "demo" {
            let json = try #require(BuiltInScenarios.json(named: name))
            #expect(JSONDepthScan.firstTooDeep(in: Array(json.utf8), limit: 12) == nil, "\(name)")
        }
    }

    @Test func hugeEventCountsAreRefusedBeforeAllocating() throws {
        // 1e12 events once asked for 48 TB.
        let text = Self.scenario(eventsPerUser: "1e12")
        #expect(try error(text) == "limits.json:3: field 'eventsPerUser': must be at most 5,000,000, found 1,000,000,000,000")
        let user = Self.scenario(users: #"[{"id": "u1", "interests": {"A": 1}, "events": 9223372036854775807}]"#)
        #expect(try error(user).hasPrefix("limits.json:5: field 'users[0].events': must be at most 5,000,000"))
        // Each user within the limit, the total over it (and no Int overflow on the way).
        let many = (0..<3).map { #"{"id": "u\#($0)", "interests": {"A": 1}, "events": 4000000}"# }.joined(separator: ", ")
        #expect(try error(Self.scenario(users: "[\(many)]")).contains("field 'users': the users' events may total at most 5,000,000, found 12,000,000"))
    }

    @Test func hugeCataloguesAreRefusedBeforeExpanding() throws {
        let generated = Self.scenario(users: #"[{"id": "u1", "preset": "uniform"}]"#,
                                      catalogue: #"{"generated": {"branching": [1000000, 1000000, 1000000, 1000000]}}"#)
        #expect(try error(generated).contains("field 'catalogue.generated.branching': the catalogue may have at most 10,000 leaf categories, found 9,223,372,036,854,775,807"))
        let items = Self.scenario(catalogue: #"{"categories": [{"name": "A", "items": 20000}]}"#)
        #expect(try error(items).contains("field 'catalogue.categories': a leaf may have at most 10,000 items, found 20,000"))
        let users = (0..<1001).map { #"{"id": "u\#($0)", "preset": "uniform"}"# }.joined(separator: ",")
        #expect(try error(Self.scenario(eventsPerUser: "1", users: "[\(users)]")).contains("field 'users': a scenario may have at most 1,000 users, found 1,001"))
    }

    @Test func theLimitsHoldForScenariosBuiltInCodeToo() throws {
        var scenario = Scenario.demo
        scenario.eventsPerUser = 1_000_000_000_000
        scenario.users = scenario.users.map { var user = $0; user.events = nil; return user }
        #expect(throws: ScenarioValidationError.self) { try ScenarioWorld(scenario: scenario) }
        #expect(scenario.validationIssues().map(\.path.description) == ["eventsPerUser"])
    }
}
