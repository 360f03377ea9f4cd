import Testing
@testable import StrataCore

@Suite struct DemoSimulationTests {
    @Test func demoCatalogueIsReadable() throws {
        let world = try ScenarioWorld(scenario: .demo)
        let catalogue = world.catalogue
        #expect(catalogue.count == 3_072)
        #expect(catalogue.taxonomy.depth == 3)
        #expect(world.leafNodes.allSatisfy { catalogue.taxonomy.depths[$0] == 3 })
        #expect(Set(catalogue.items.map(\.id)).count == catalogue.count)
        #expect(Set(catalogue.items.map(\.title)).count == catalogue.count)
        #expect(catalogue.items.allSatisfy { !$0.title.isEmpty && $0.title.count <= 32 })
        // No unfilled placeholders or generator fallbacks.
        #expect(catalogue.items.allSatisfy { !$0.title.contains("{") && !$0.title.contains("}") })
        #expect(catalogue.items.allSatisfy { item in !world.leafPaths.contains { item.title.hasPrefix(($0.split(separator: "/").last.map(String.init) ?? "") + " ") && item.title.last?.isNumber == true } })
    }

    @Test func demoHasSeveralUsersAndAClearDrift() throws {
        let world = try ScenarioWorld(scenario: .demo)
        #expect(world.userCount >= 6)
        #expect((6000...10000).contains(world.totalEvents))
        let drifting = (0..<world.userCount).filter { user in
            world.scheduledChanges(user: user).contains { if case .drift = $0.kind { return true } else { return false } }
        }
        #expect(drifting.count >= 1)
        for user in drifting {
            let before = world.trueTopLevelShares(user: user, atEvent: 1)
            let after = world.trueTopLevelShares(user: user, atEvent: world.plannedEvents[user])
            #expect(ScenarioWorld.jensenShannonDistance(before, after) > 0.4)
        }
    }

    @Test func demoIsValid() {
        #expect(Scenario.demo.validationIssues().isEmpty)
    }
}
