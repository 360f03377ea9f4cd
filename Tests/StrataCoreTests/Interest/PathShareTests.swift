import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 8 item 6: a sub-category's feature is its path share (the product of shares down the
/// path), so one stray event cannot make an empty branch look like the user's core.
@Suite struct PathShareTests {
    static let catalogue = StreamBuilder.catalogue(tops: 4, subs: 3, perLeaf: 40)

    /// 60 positives in Sci-Fi, then one stray positive in Romance › Sub 2.
    static func model() -> (StrataModel, stray: ItemIndex) {
        let taxonomy = catalogue.taxonomy
        let sciFi = taxonomy.topLevel[0], romance = taxonomy.topLevel[1]
        let sciFiItems = catalogue.itemsUnder[sciFi].filter { catalogue.leaves[$0].count == 1 }
        let stray = catalogue.itemsUnder[romance].last { catalogue.leaves[$0].count == 1 }!
        // No diversity re-ranking: the test is about scores, not MMR.
        var config = ModelConfig()
        config.mmrLambda = 1
        var model = StrataModel(catalogue: catalogue, config: config)
        for k in 0..<60 {
            model.observe(Event(time: Int64(k), user: 0, item: sciFiItems[k % sciFiItems.count], action: .rate, value: 5))
        }
        model.observe(Event(time: 60, user: 0, item: stray, action: .rate, value: 5))
        return (model, stray)
    }

    @Test func deeperShareIsTheProductDownThePath() {
        var (model, stray) = Self.model()
        let x = model.featureVector(user: 0, item: stray)
        let leaf = Self.catalogue.leaves[stray][0]
        let top = Self.catalogue.taxonomy.parents[leaf]
        let table = model.siblingShareTable(user: 0)
        let tiers = model.tiers.count
        for t in 0..<tiers {
            let conditional = table[leaf * tiers + t]
            let parentShare = table[top * tiers + t]
            // The stray leaf is the only child of Romance the user touched: within Romance it has 1.
            #expect(abs(conditional - 1) < 1e-12)
            #expect(abs(x[model.layout.share(tier: t, level: 2)] - parentShare * conditional) < 1e-12)
            #expect(x[model.layout.share(tier: t, level: 2)] <= x[model.layout.share(tier: t, level: 1)] + 1e-15)
        }
        // On the long tier Romance holds about 1/61 of the user's interest.
        #expect(x[model.layout.share(tier: tiers - 1, level: 2)] < 0.05)
    }

    @Test func recommendationsFollowTheUsersMassNotTheStray() {
        var (model, _) = Self.model()
        let romance = Self.catalogue.taxonomy.topLevel[1]
        let list = model.recommendations(for: 0)
        let fromRomance = list.filter { Self.catalogue.topLevelNodes[$0.item].contains(romance) }
        #expect(list.count == 10)
        #expect(fromRomance.count <= 2, "\(fromRomance.count) of 10 from the stray branch")
    }
}
