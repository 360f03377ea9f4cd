import Testing
@testable import StrataCore

@Suite struct InterestDecayTests {
    /// Two top-level categories, one item each; tier half-lives 1 and 4 events.
    static let catalogue = Catalogue(items: [
        Item(id: "a", title: "A", paths: [["Sci-Fi"]]),
        Item(id: "b", title: "B", paths: [["Romance"]]),
        Item(id: "c", title: "C", paths: [["Sci-Fi"], ["Romance"]]),
    ])
    static let tiers = [TemporalTier(name: "short", halfLife: 1), TemporalTier(name: "long", halfLife: 4)]
    static let decay = tiers.map { DecayTable(halfLife: $0.halfLife) }

    @Test func lazyDecayMatchesHandComputation() {
        var state = UserInterest(tierCount: 2)
        let scifi = 1, romance = 2
        // Event 1: +1 on Sci-Fi. Event 2: +1 on Romance. Event 3: +2 on Sci-Fi.
        state.observe(gain: 1, time: 10, catalogue: Self.catalogue, item: 0, tiers: Self.tiers, decay: Self.decay)
        state.observe(gain: 1, time: 20, catalogue: Self.catalogue, item: 1, tiers: Self.tiers, decay: Self.decay)
        state.observe(gain: 2, time: 30, catalogue: Self.catalogue, item: 0, tiers: Self.tiers, decay: Self.decay)
        // short (h=1): Sci-Fi = 1·2^(−2) + 2 = 2.25; Romance = 1 decayed 0 events = 1.
        #expect(state.strength(of: scifi, tier: 0, tiers: Self.tiers, decay: Self.decay) == 2.25)
        #expect(state.strength(of: romance, tier: 0, tiers: Self.tiers, decay: Self.decay) == 0.5) // read at clock 3: 1·2^(−1)
        // long (h=4): Sci-Fi = 2^(−2/4) + 2.
        let expected = 2 + 1 / 2.0.squareRoot()
        #expect(abs(state.strength(of: scifi, tier: 1, tiers: Self.tiers, decay: Self.decay) - expected) < 1e-12)
        #expect(state.eventCount == 3)
        #expect(state.lastTime == 30)
    }

    @Test func strengthIsClampedAtZero() {
        var state = UserInterest(tierCount: 2)
        state.observe(gain: 1, time: 1, catalogue: Self.catalogue, item: 0, tiers: Self.tiers, decay: Self.decay)
        state.observe(gain: -5, time: 2, catalogue: Self.catalogue, item: 0, tiers: Self.tiers, decay: Self.decay)
        #expect(state.strength(of: 1, tier: 0, tiers: Self.tiers, decay: Self.decay) == 0)
        #expect(state.strength(of: 1, tier: 1, tiers: Self.tiers, decay: Self.decay) == 0)
    }

    @Test func multiPathItemSplitsGainAndSharesAreHandComputed() {
        var state = UserInterest(tierCount: 2)
        state.observe(gain: 1, time: 1, catalogue: Self.catalogue, item: 2, tiers: Self.tiers, decay: Self.decay)
        #expect(state.strength(of: 1, tier: 0, tiers: Self.tiers, decay: Self.decay) == 0.5)
        #expect(state.strength(of: 2, tier: 0, tiers: Self.tiers, decay: Self.decay) == 0.5)
        state.observe(gain: 1, time: 2, catalogue: Self.catalogue, item: 0, tiers: Self.tiers, decay: Self.decay)
        // short: Sci-Fi 0.25 + 1 = 1.25, Romance 0.25 → shares 1.25/1.5, 0.25/1.5.
        let shares = state.siblingShares(ofChildrenOf: Taxonomy.root, tier: 0, taxonomy: Self.catalogue.taxonomy, tiers: Self.tiers, decay: Self.decay)
        #expect(abs(shares[0] - 1.25 / 1.5) < 1e-12)
        #expect(abs(shares[1] - 0.25 / 1.5) < 1e-12)
        var table: [Double] = []
        state.fillSiblingShareTable(taxonomy: Self.catalogue.taxonomy, tiers: Self.tiers, decay: Self.decay, into: &table)
        #expect(abs(table[1 * 2 + 0] - shares[0]) < 1e-15)
        #expect(table[0] == 1)
    }

    @Test func secondsClockDecaysByStreamTime() {
        let tiers = [TemporalTier(name: "day", halfLife: 86_400, clock: .seconds)]
        let decay = tiers.map { DecayTable(halfLife: $0.halfLife) }
        var state = UserInterest(tierCount: 1)
        state.observe(gain: 1, time: 1_000, catalogue: Self.catalogue, item: 0, tiers: tiers, decay: decay)
        state.observe(gain: 1, time: 1_000 + 86_400, catalogue: Self.catalogue, item: 0, tiers: tiers, decay: decay)
        #expect(state.strength(of: 1, tier: 0, tiers: tiers, decay: decay) == 1.5)
    }

    @Test func decayTableAgreesWithExp2() {
        let table = DecayTable(halfLife: 20)
        for delta in [0.0, 1, 7, 20, 4095, 4096, 10_000, 2.5] {
            #expect(table.factor(delta) == strataExp2(-delta / 20))
        }
    }
}

/// Issue 8 item 26: tiers on the stream-seconds clock decay by elapsed seconds.
@Suite struct SecondsClockTests {
    @Test func strengthsDecayBySecondsBetweenTheUsersEvents() {
        let catalogue = Catalogue(items: [Item(id: "a", title: "A", paths: [["X", "Y"]]), Item(id: "b", title: "B", paths: [["Z"]])])
        let tiers = [TemporalTier(name: "short", halfLife: 20, clock: .seconds), TemporalTier(name: "long", halfLife: 20)]
        let decay = tiers.map { DecayTable(halfLife: $0.halfLife) }
        var interest = UserInterest(tierCount: 2)
        interest.observe(gain: 1, time: 100, catalogue: catalogue, item: 0, tiers: tiers, decay: decay)
        interest.observe(gain: 1, time: 140, catalogue: catalogue, item: 1, tiers: tiers, decay: decay)
        let x = catalogue.taxonomy.topLevel.first { catalogue.taxonomy.names[$0] == "X" }!
        // Seconds tier: 40 s at h = 20 → 2⁻²; events tier: 1 event at h = 20 → 2^(−1/20).
        #expect(abs(interest.strength(of: x, tier: 0, tiers: tiers, decay: decay) - 0.25) < 1e-15)
        #expect(abs(interest.strength(of: x, tier: 1, tiers: tiers, decay: decay) - strataExp2(-1.0 / 20)) < 1e-15)
        // A later event out of time order does not move the seconds clock back.
        interest.observe(gain: 1, time: 120, catalogue: catalogue, item: 1, tiers: tiers, decay: decay)
        #expect(abs(interest.strength(of: x, tier: 0, tiers: tiers, decay: decay) - 0.25) < 1e-15)
    }
}
