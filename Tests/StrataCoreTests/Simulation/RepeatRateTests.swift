import Testing
@testable import StrataCore

/// `repeatRate` (Docs/scenarios.md §3, §5): re-watching an item the user already had.
@Suite("Scenario re-consumption (repeatRate)")
struct RepeatRateTests {
    /// One user, one leaf of 200 items, 300 events: without repeats the first 200 choices are distinct.
    static func scenario(repeatRate: Double) -> Scenario {
        Scenario(name: "repeats", seed: 11,
                 catalogue: CatalogueSpec(taxonomy: .categories([CategorySpec(name: "A", children: [CategorySpec(name: "a")])]), itemsPerLeaf: 200),
                 behaviour: Behaviour(repeatRate: repeatRate), eventsPerUser: 300,
                 users: [UserSpec(id: "u", interests: .weights(["A": 1]))])
    }

    static func repeatedShare(_ events: some Collection<Event>, firstEvents: Int) -> Double {
        var had = Set<ItemIndex>()
        var repeats = 0
        for event in events.prefix(firstEvents) {
            if !had.insert(event.item).inserted { repeats += 1 }
        }
        return Double(repeats) / Double(firstEvents)
    }

    @Test("ρ = 0: no item repeats until the leaf is used up")
    func noRepeats() throws {
        let events = try Self.scenario(repeatRate: 0).makeDataset().events
        #expect(Self.repeatedShare(events, firstEvents: 200) == 0)
    }

    @Test("ρ = 0.4: about 40 % of the choices re-consume an item already had (after the first)")
    func repeatsAtTheRate() throws {
        let events = try Self.scenario(repeatRate: 0.4).makeDataset().events
        let share = Self.repeatedShare(events, firstEvents: 200)
        // 199 Bernoulli(0.4) draws: sd ≈ 0.035; ±4 sd.
        #expect(share > 0.26 && share < 0.54, "repeated share \(share)")
        // Deterministic: the same scenario gives the same stream.
        #expect(try Self.scenario(repeatRate: 0.4).makeDataset().events == events)
    }

    @Test("a user may override it, and it is validated with the field named")
    func overrideAndValidation() throws {
        var scenario = Self.scenario(repeatRate: 0)
        scenario.users[0].overrides = BehaviourOverrides(repeatRate: 0.5)
        let share = Self.repeatedShare(try scenario.makeDataset().events, firstEvents: 200)
        #expect(share > 0.35 && share < 0.65, "repeated share \(share)")
        var bad = Self.scenario(repeatRate: 1)
        #expect(bad.validationIssues().map(\.path.description) == ["behaviour.repeatRate"])
        bad.behaviour.repeatRate = 0.2
        bad.users[0].overrides = BehaviourOverrides(repeatRate: -0.1)
        #expect(bad.validationIssues().map(\.path.description) == ["users[0].repeatRate"])
    }
}
