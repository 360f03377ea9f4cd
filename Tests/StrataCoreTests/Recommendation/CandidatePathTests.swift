import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 8 item 26: catalogues over `exhaustiveCandidateLimit` (5,000) items recommend from
/// generated candidates; the list must still be unseen, distinct, consistently scored and
/// about the user's interests.
@Suite struct CandidatePathTests {
    /// 8 × 25 × 26 = 5,200 items: over the exhaustive limit.
    static let catalogue = StreamBuilder.catalogue(tops: 8, subs: 25, perLeaf: 26)

    @Test func largeCatalogueRecommendsUnseenDistinctConsistentItems() {
        #expect(Self.catalogue.count > ModelConfig.standard.exhaustiveCandidateLimit)
        var model = StrataModel(catalogue: Self.catalogue)
        for event in StreamBuilder.events(catalogue: Self.catalogue, users: 4, count: 2_000, seed: 5) { model.observe(event) }
        for user in 0..<4 {
            let list = model.recommendations(for: user)
            #expect(list.count == 10)
            #expect(Set(list.map(\.item)).count == list.count)
            #expect(list.allSatisfy { !(model.user(user)?.hasSeen($0.item) ?? true) })
            // Each score is w · x(u, i) of the plain feature vector.
            let weights = model.weights
            for recommendation in list {
                let x = model.featureVector(user: user, item: recommendation.item)
                let margin = zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(margin - recommendation.score) < 1e-9)
            }
            // The stream's users favour one top-level category each (StreamBuilder): most of
            // the list comes from it.
            let favourite = Self.catalogue.taxonomy.topLevel[user % Self.catalogue.taxonomy.topLevel.count]
            let fromFavourite = list.filter { Self.catalogue.topLevelNodes[$0.item].contains(favourite) }.count
            #expect(fromFavourite >= 5, "user \(user): \(fromFavourite) of 10 from the favourite category")
        }
    }

    @Test func candidatePathIsDeterministicAndLeavesTheStateAlone() {
        var model = StrataModel(catalogue: Self.catalogue)
        for event in StreamBuilder.events(catalogue: Self.catalogue, users: 2, count: 500, seed: 8) { model.observe(event) }
        let hash = model.stateHash
        let first = model.recommendations(for: 1).map(\.item)
        #expect(model.recommendations(for: 1).map(\.item) == first)
        #expect(model.stateHash == hash)
    }

    @Test("candidates scored without the global ln(1 + popularity) tables get the same margins, bit for bit")
    func candidateTermsWithoutTheGlobalTables() {
        var model = StrataModel(catalogue: Self.catalogue)
        for event in StreamBuilder.events(catalogue: Self.catalogue, users: 3, count: 1_500, seed: 9) { model.observe(event) }
        model.refreshSegments()
        for user in 0..<3 {
            var wide = ScoringWorkspace(), narrow = ScoringWorkspace()
            model.prepareBulkScoring(user: user, weights: model.weights, ws: &wide, catalogueWide: true)
            model.prepareBulkScoring(user: user, weights: model.weights, ws: &narrow, catalogueWide: false)
            let items = Array(stride(from: 0, to: Self.catalogue.count, by: 3))
            var a = Array(repeating: 0.0, count: items.count), b = a
            model.fillMargins(of: items, into: &a, ws: wide)
            model.fillMargins(of: items, into: &b, ws: narrow)
            #expect(a == b, "user \(user)")
            for item in items.prefix(200) {
                let p = model.preparedTerms(of: item, ws: wide), q = model.preparedTerms(of: item, ws: narrow)
                #expect(p.logPopularity == q.logPopularity && p.logSegmentPopularity == q.logSegmentPopularity)
            }
        }
    }
}
