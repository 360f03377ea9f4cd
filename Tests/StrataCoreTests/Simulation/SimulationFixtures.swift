@testable import StrataCore

/// Small hand-checkable scenarios for the simulation tests.
enum SimulationFixtures {
    /// A/{a1, a2} and B/{b1}, two items per leaf, Zipf s = 1 (popularity 2/3, 1/3 per leaf).
    static func tinyChoiceScenario(outsideUtility: Double = 0, temperature: Double = 1) -> Scenario {
        Scenario(
            name: "tiny", seed: 3,
            catalogue: CatalogueSpec(taxonomy: .categories([
                CategorySpec(name: "A", children: [CategorySpec(name: "a1"), CategorySpec(name: "a2")]),
                CategorySpec(name: "B", children: [CategorySpec(name: "b1")]),
            ]), itemsPerLeaf: 2, zipfExponent: 1),
            behaviour: Behaviour(outsideUtility: outsideUtility, temperature: temperature, popularityWeight: 1, interestFloor: 0),
            eventsPerUser: 100,
            users: [UserSpec(id: "u", interests: .weights(["A/a1": 3, "A/a2": 1, "B/b1": 2]))])
    }

    /// Sci-Fi/{Space, Dystopia}, Romance/{Period}, Comedy/{Slapstick}; one user split evenly
    /// between Sci-Fi and Romance; from event 600 to 800, 70 % of Sci-Fi moves to Romance.
    static func driftScenario(floor: Double) -> Scenario {
        Scenario(
            name: "drift-test", seed: 7,
            catalogue: CatalogueSpec(taxonomy: .categories([
                CategorySpec(name: "Sci-Fi", children: [CategorySpec(name: "Space"), CategorySpec(name: "Dystopia")]),
                CategorySpec(name: "Romance", children: [CategorySpec(name: "Period")]),
                CategorySpec(name: "Comedy", children: [CategorySpec(name: "Slapstick")]),
            ]), itemsPerLeaf: 3),
            behaviour: Behaviour(interestFloor: floor),
            eventsPerUser: 1500,
            users: [UserSpec(id: "viewer", interests: .weights(["Sci-Fi": 1, "Romance": 1]))],
            drift: [DriftEntry(user: "viewer", from: 600, to: 800, source: "Sci-Fi", target: "Romance", fraction: 0.7)])
    }

    /// The drift scenario's catalogue and user, with Comedy emerging instead: weight 0.4,
    /// rising 500–700, holding to 900, gone by 1,300; floor 0.
    static func emergenceScenario() -> Scenario {
        var scenario = driftScenario(floor: 0)
        scenario.drift = []
        scenario.emerge = [EmergenceEntry(path: "Comedy", weight: 0.4, riseFrom: 500, peakAt: 700, fadeFrom: 900, goneBy: 1300)]
        return scenario
    }
}
