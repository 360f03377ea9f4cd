import Testing
@testable import StrataCore

@Suite struct MMRRerankerTests {
    @Test func diversityPenaltyPromotesAnotherCategory() {
        // rel: A1 .9, A2 .85, B1 .8 (categories 1,1,2). λ = .8.
        // Step 1: A1. Step 2: A2 → .8·.85 − .2·1 = .48; B1 → .8·.8 − 0 = .64 → B1. Then A2.
        let order = MMRReranker(lambda: 0.8).rerank(relevance: [0.9, 0.85, 0.8], categories: [[1], [1], [2]], count: 3)
        #expect(order == [0, 2, 1])
    }

    @Test func lambdaOneIsPlainRanking() {
        let order = MMRReranker(lambda: 1).rerank(relevance: [0.2, 0.9, 0.5], categories: [[1], [1], [1]], count: 2)
        #expect(order == [1, 2])
    }

    @Test func jaccard() {
        #expect(MMRReranker.jaccard([1, 2], [2, 3]) == 1.0 / 3)
        #expect(MMRReranker.jaccard([1], [2]) == 0)
    }
}
