import Testing
@testable import StrataCore

@Suite struct ScenarioWorldSimulationTests {
    @Test func zipfPopularityFallsWithRankWithinEachLeaf() throws {
        var scenario = SimulationFixtures.driftScenario(floor: 0)
        scenario.catalogue.itemsPerLeaf = 5
        scenario.catalogue.zipfExponent = 1.2
        let world = try ScenarioWorld(scenario: scenario)
        for items in world.itemsByLeaf {
            let shares = items.map { world.popularity[$0] }
            #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
            for rank in 1..<shares.count {
                #expect(shares[rank] < shares[rank - 1])
                // π(r) / π(1) = r^−s
                let ratio = shares[rank] / shares[0]
                #expect(abs(ratio - strataExp(-1.2 * strataLog(Double(rank + 1)))) < 1e-12)
            }
        }
    }

    @Test func zeroExponentMeansUniformPopularity() throws {
        var scenario = SimulationFixtures.driftScenario(floor: 0)
        scenario.catalogue.zipfExponent = 0
        let world = try ScenarioWorld(scenario: scenario)
        #expect(world.popularity.allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
    }

    /// Sci-Fi ½, Romance ½, Comedy 0; 70 % of Sci-Fi moves to Romance over events 600–800:
    /// at 700 (halfway) Sci-Fi = ½·(1 − 0.35) = 0.325; from 800 on Sci-Fi = ½·0.3 = 0.15.
    @Test(arguments: [(0, [0.5, 0.5, 0.0]), (600, [0.5, 0.5, 0.0]), (700, [0.325, 0.675, 0.0]),
                      (800, [0.15, 0.85, 0.0]), (1500, [0.15, 0.85, 0.0])])
    func driftMovesMassLinearly(event: Int, expected: [Double]) throws {
        let world = try ScenarioWorld(scenario: SimulationFixtures.driftScenario(floor: 0))
        let shares = world.trueTopLevelShares(user: 0, atEvent: event)
        #expect(shares.count == 3)
        for (got, want) in zip(shares, expected) { #expect(abs(got - want) < 1e-12, "event \(event): \(shares)") }
    }

    /// With a floor of 0.04 over 4 leaves: base = 0.96·x + 0.01 per leaf, so Sci-Fi 0.5,
    /// Romance 0.49, Comedy 0.01; at 700, 35 % of Sci-Fi (0.175) has moved.
    @Test func driftWithFloor() throws {
        let world = try ScenarioWorld(scenario: SimulationFixtures.driftScenario(floor: 0.04))
        let before = world.trueTopLevelShares(user: 0, atEvent: 100)
        let during = world.trueTopLevelShares(user: 0, atEvent: 700)
        for (got, want) in zip(before, [0.5, 0.49, 0.01]) { #expect(abs(got - want) < 1e-12) }
        for (got, want) in zip(during, [0.325, 0.665, 0.01]) { #expect(abs(got - want) < 1e-12) }
        #expect(abs(world.trueInterests(user: 0, atEvent: 700).reduce(0, +) - 1) < 1e-12)
    }

    /// Comedy's envelope: 0 → 0.4 over 500–700, holds to 900, back to 0 by 1,300.
    @Test(arguments: [(400, 0.0), (600, 0.2), (700, 0.4), (900, 0.4), (1100, 0.2), (1300, 0.0)])
    func emergenceRisesAndFades(event: Int, comedy: Double) throws {
        let world = try ScenarioWorld(scenario: SimulationFixtures.emergenceScenario())
        let shares = world.trueTopLevelShares(user: 0, atEvent: event)
        #expect(abs(shares[2] - comedy) < 1e-12)
        #expect(abs(shares[0] - (1 - comedy) / 2) < 1e-12)
    }

    @Test func nodeMassSumsLeavesUpTheTree() throws {
        let world = try ScenarioWorld(scenario: SimulationFixtures.driftScenario(floor: 0))
        let mass = world.trueNodeMass(user: 0, atEvent: 700)
        let taxonomy = world.catalogue.taxonomy
        #expect(abs(mass[Taxonomy.root] - 1) < 1e-12)
        let sciFi = try #require(taxonomy.existingNode(forPath: ["Sci-Fi"]))
        let space = try #require(taxonomy.existingNode(forPath: ["Sci-Fi", "Space"]))
        #expect(abs(mass[sciFi] - 0.325) < 1e-12)
        #expect(abs(mass[space] - 0.1625) < 1e-12)
    }

    @Test func scheduledChangesGiveTheDriftStart() throws {
        let world = try ScenarioWorld(scenario: SimulationFixtures.driftScenario(floor: 0))
        let changes = world.scheduledChanges(user: 0)
        #expect(changes.count == 1)
        #expect(changes.first?.start == 600 && changes.first?.end == 800)
        let emerging = try ScenarioWorld(scenario: SimulationFixtures.emergenceScenario()).scheduledChanges(user: 0)
        #expect(emerging.map(\.start) == [500, 900])
    }

    @Test func jensenShannonDistance() {
        #expect(ScenarioWorld.jensenShannonDistance([1, 0], [1, 0]) == 0)
        #expect(abs(ScenarioWorld.jensenShannonDistance([1, 0], [0, 1]) - 1) < 1e-12)
        // p = (½, ½), q = (1, 0): JSD = ½·[½ log₂(⅔)·… ] = 1.5 − ¾·log₂3 ≈ 0.311278
        let d = ScenarioWorld.jensenShannonDistance([0.5, 0.5], [1, 0])
        #expect(abs(d * d - (1.5 - 0.75 * strataLog2(3))) < 1e-12)
    }

    @Test func presetsAreNormalisedAndReproducible() throws {
        var scenario = SimulationFixtures.driftScenario(floor: 0.02)
        scenario.drift = []
        scenario.users = InterestPreset.allCases.map { UserSpec(id: $0.rawValue, interests: .preset($0)) }
        let a = try ScenarioWorld(scenario: scenario), b = try ScenarioWorld(scenario: scenario)
        for user in 0..<scenario.users.count {
            let x = a.trueInterests(user: user, atEvent: 1)
            #expect(abs(x.reduce(0, +) - 1) < 1e-12)
            #expect(x.allSatisfy { $0 > 0 })
            #expect(x == b.trueInterests(user: user, atEvent: 1))
        }
        let focused = a.trueTopLevelShares(user: 1, atEvent: 1)
        // 70 % of the unfloored mass: 0.98 · 0.7 plus the floor's 0.005 per leaf of that category.
        let top = focused.max() ?? 0
        #expect(top >= 0.686 + 0.005 - 1e-12 && top <= 0.686 + 0.01 + 1e-12)
    }

    @Test func generatedTaxonomyAndDefaultTitles() throws {
        let scenario = Scenario(
            name: "generated", seed: 1,
            catalogue: CatalogueSpec(taxonomy: .generated(GeneratedTaxonomy(branching: [3, 2], names: ["Alpha"])), itemsPerLeaf: 2),
            users: [UserSpec(id: "u", interests: .weights(["Alpha": 1, "Category 2/Category 2.1": 1]))])
        let world = try ScenarioWorld(scenario: scenario)
        #expect(world.leafPaths == ["Alpha/Category 1.1", "Alpha/Category 1.2", "Category 2/Category 2.1",
                                    "Category 2/Category 2.2", "Category 3/Category 3.1", "Category 3/Category 3.2"])
        #expect(world.catalogue.items.prefix(3).map(\.title) == ["Category 1.1 1", "Category 1.1 2", "Category 1.2 1"])
        #expect(world.catalogue.items.prefix(2).map(\.id) == ["m0001", "m0002"])
        let shares = world.trueTopLevelShares(user: 0, atEvent: 1)
        #expect(abs(shares[0] - (0.98 * 0.5 + 0.02 / 3)) < 1e-12)
    }

    @Test func validationNamesFields() {
        var scenario = SimulationFixtures.driftScenario(floor: 0)
        scenario.drift[0].source = "Sci-Fy"
        scenario.users[0].events = -3
        scenario.users[0].interests = .weights(["Romance": 0])
        let paths = scenario.validationIssues().map(\.path.description)
        #expect(paths.contains("drift[0].source"))
        #expect(paths.contains("users[0].events"))
        #expect(paths.contains("users[0].interests.Romance"))
        #expect(throws: ScenarioValidationError.self) { try ScenarioWorld(scenario: scenario) }
    }
}
