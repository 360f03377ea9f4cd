import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 8 item 1: every lazily decayed or scaled quantity stays finite and exact for any
/// half-life ≥ 1 and any stream length (Docs/model.md §7 "Renormalisation").
@Suite struct FiniteValueTests {
    static let catalogue = StreamBuilder.catalogue()

    /// One steady user, `count` positive ratings of 20 items, `seconds` apart (the rest of the
    /// catalogue stays unseen, so there is always something to recommend).
    static func steadyStream(count: Int, seconds: Int64 = 60) -> [Event] {
        (0..<count).map { k in
            Event(time: 1_000_000 + Int64(k) * seconds, user: 0, item: (k * 7) % 20, action: .rate, value: 5)
        }
    }

    static func config(halfLife: Double, clock: TemporalTier.Clock = .events) -> ModelConfig {
        var config = ModelConfig()
        for t in config.tiers.indices {
            config.tiers[t].halfLife = halfLife
            config.tiers[t].clock = clock
        }
        return config
    }

    static func assertHealthy(_ model: StrataModel) {
        #expect(model.fault == nil, "\(model.fault.map(String.init(describing:)) ?? "")")
        #expect(model.weights.allSatisfy { $0.isFinite })
        #expect(model.meanLogLoss.isFinite)
        for t in model.tiers.indices {
            let profile = model.users[0].profiles[t]
            #expect(profile.normSquared.isFinite && profile.scale.isFinite && profile.scale > 0)
            var entriesFinite = true
            profile.stored.forEach { _, v in if !v.isFinite { entriesFinite = false } }
            #expect(entriesFinite)
        }
    }

    @Test(arguments: [1.0, 2.0, 20.0])
    func halfLifeOfOneEventStaysFinite(halfLife: Double) {
        var model = StrataModel(catalogue: Self.catalogue, config: Self.config(halfLife: halfLife))
        for event in Self.steadyStream(count: 3_000) { model.observe(event) }
        Self.assertHealthy(model)
        let recommendations = model.recommendations(for: 0)
        #expect(!recommendations.isEmpty)
        #expect(recommendations.allSatisfy { $0.score.isFinite && $0.probability.isFinite })
    }

    @Test func secondsClockWithHourGapsStaysFinite() {
        // Half-life 20 s and an hour between events: each step decays by 2⁻¹⁸⁰.
        var model = StrataModel(catalogue: Self.catalogue, config: Self.config(halfLife: 20, clock: .seconds))
        for event in Self.steadyStream(count: 2_000, seconds: 3_600) { model.observe(event) }
        Self.assertHealthy(model)
    }

    /// Two categories touched in turn, 21,000 s apart with a 20 s half-life: the group not
    /// touched last decays into the subnormal range (2⁻¹⁰⁵⁰), where 1 / total overflows.
    @Test func secondsClockSubnormalGroupStaysFinite() {
        var model = StrataModel(catalogue: Self.catalogue, config: Self.config(halfLife: 20, clock: .seconds))
        let sciFi = Self.catalogue.itemsUnder[Self.catalogue.taxonomy.topLevel[0]]
        let romance = Self.catalogue.itemsUnder[Self.catalogue.taxonomy.topLevel[1]]
        for k in 0..<200 {
            let item = k % 2 == 0 ? sciFi[(k / 2) % 10] : romance[(k / 2) % 10]
            model.observe(Event(time: 1_000 + Int64(k) * 21_000, user: 0, item: item, action: .rate, value: 5))
        }
        Self.assertHealthy(model)
        let table = model.siblingShareTable(user: 0)
        #expect(table.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 + 1e-12 })
    }

    /// Shares are ratios, so they must not depend on how long ago the group was touched:
    /// after a gap where every strength underflows, a group keeps its own proportions.
    @Test func sharesOfAGroupLeftAloneKeepTheirProportions() {
        var model = StrataModel(catalogue: Self.catalogue, config: Self.config(halfLife: 20, clock: .seconds))
        let taxonomy = Self.catalogue.taxonomy
        let sciFi = taxonomy.topLevel[0], romance = taxonomy.topLevel[1]
        let subs = taxonomy.children[sciFi]
        let inSub = { (s: Int) in Self.catalogue.itemsUnder[subs[s]].first { Self.catalogue.leaves[$0].count == 1 }! }
        // Sub 0 twice, Sub 1 once, 20 s apart; then a day later one Romance event.
        model.observe(Event(time: 0, user: 0, item: inSub(0), action: .rate, value: 5))
        model.observe(Event(time: 20, user: 0, item: inSub(1), action: .rate, value: 5))
        model.observe(Event(time: 40, user: 0, item: inSub(0), action: .rate, value: 5))
        let romanceItem = Self.catalogue.itemsUnder[romance].first { Self.catalogue.leaves[$0].count == 1 }!
        model.observe(Event(time: 86_400, user: 0, item: romanceItem, action: .rate, value: 5))
        let table = model.siblingShareTable(user: 0)
        let tiers = model.tiers.count
        // Sub 0: 1·2⁻² + 1 = 1.25; Sub 1: 1·2⁻¹ = 0.5 (each decayed to t = 40).
        #expect(abs(table[subs[0] * tiers] - 1.25 / 1.75) < 1e-12)
        #expect(abs(table[subs[1] * tiers] - 0.5 / 1.75) < 1e-12)
    }

    /// The profile's stored form against the plain definition `P = Σ_k g_k v_k 2^(−(now−t_k)/h)`:
    /// the same cosine with every item to 1e-12 after many renormalisations.
    @Test func textProfileMatchesThePlainDefinitionAfterRenormalising() {
        let catalogue = Self.catalogue
        let vectors = ItemVectors(catalogue: catalogue)
        let halfLife = 1.5
        let decay = DecayTable(halfLife: halfLife)
        var profile = TextProfile()
        var history: [(item: Int, clock: Double, gain: Double)] = []
        for k in 0..<5_000 {
            let item = (k * 11) % catalogue.count
            let gain = k % 5 == 0 ? -0.5 : 1.0
            profile.add(gain: gain, item: item, vectors: vectors, clock: Double(k), decay: decay)
            history.append((item, Double(k), gain))
        }
        // Only the last ~200 events matter at this half-life (2⁻¹³³ is below 1e-40).
        let now = Double(4_999)
        var dense: [Int32: Double] = [:]
        for entry in history.suffix(200) {
            let factor = strataExp2(-(now - entry.clock) / halfLife)
            for k in vectors.range(of: entry.item) { dense[vectors.terms[k], default: 0] += entry.gain * factor * vectors.weights[k] }
        }
        let norm = dense.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for item in 0..<catalogue.count {
            var dot = 0.0
            for k in vectors.range(of: item) { dot += (dense[vectors.terms[k]] ?? 0) * vectors.weights[k] }
            let expected = norm > 0 ? dot / norm : 0
            #expect(abs(profile.cosine(item: item, vectors: vectors) - expected) < 1e-12, "item \(item)")
        }
    }

    @Test func textProfileSurvivesAnAgeBeyondTheExponentRange() {
        let vectors = ItemVectors(catalogue: Self.catalogue)
        let decay = DecayTable(halfLife: 1)
        var profile = TextProfile()
        profile.add(gain: 1, item: 0, vectors: vectors, clock: 0, decay: decay)
        profile.add(gain: 1, item: 1, vectors: vectors, clock: 1e12, decay: decay)
        #expect(profile.normSquared.isFinite && profile.normSquared > 0)
        // Item 0's contribution decayed to nothing: the profile is item 1's vector.
        #expect(abs(profile.cosine(item: 1, vectors: vectors) - 1) < 1e-12)
    }

    @Test func popularityStaysFiniteAcrossManyRescales() {
        var counts = DecayedCounts(count: 3, halfLife: 1)
        for k in 0..<100_000 { counts.add(1, to: k % 3, at: Double(k)) }
        let now = 99_999.0
        // Steady state of Σ 2^(−3j) for the item added at `now`: 1 / (1 − 2⁻³) = 8/7.
        #expect(abs(counts.value(of: 99_999 % 3, at: now) - 8.0 / 7.0) < 1e-9)
        #expect(counts.scaled.allSatisfy { $0.isFinite })
    }

    @Test func faultIsLocatedNotSilent() {
        // A hand-made non-finite feature is reported with its position and name.
        var model = StrataModel(catalogue: Self.catalogue)
        var x = Array(repeating: 0.0, count: model.layout.dimension)
        x[model.layout.content(tier: 2)] = .nan
        model.checkFinite(features: x, prediction: 0.5, user: 3, item: 4)
        let fault = model.fault
        #expect(fault?.quantity == "feature \(model.layout.name(of: model.layout.content(tier: 2), tiers: model.tiers))")
        #expect(fault?.user == 3 && fault?.item == 4 && fault?.position == 0)
        #expect(fault?.description.contains("stream position 0") == true)
    }
}
