import PropertyBased
import Testing
@testable import StrataCore

/// The fast pool selection and MMR give exactly what their plain definitions give.
@Suite struct TopKAndMMRTests {
    /// Scores with many ties, seen items (−∞) and, for some seeds, most items seen.
    static func scores(seed: UInt64, count: Int) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        let seenShare = rng.nextUnit()
        return (0..<count).map { _ in
            if rng.nextUnit() < seenShare { return -.infinity }
            // Few distinct values, so ties are common; a drift so the order matters.
            return Double(rng.nextIndex(below: 40)) / 8 - 2
        }
    }

    /// Sort by score descending, then index ascending; −∞ excluded.
    static func plainBest(_ k: Int, _ scores: [Double]) -> [Int] {
        Array(scores.indices.filter { scores[$0] > -.infinity }
            .sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            .prefix(k))
    }

    @Test func bestByScoreMatchesAFullSort() async {
        await propertyCheck(count: 60, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...900), Gen.int(in: 1...80)) { seed, count, k in
            let scores = Self.scores(seed: seed, count: count)
            #expect(StrataModel.bestByScore(k, scores: scores) == Self.plainBest(k, scores))
        }
    }

    @Test func bestByScoreHandcrafted() {
        #expect(StrataModel.bestByScore(2, scores: [1, 3, 3, -.infinity, 2]) == [1, 2])
        #expect(StrataModel.bestByScore(3, scores: [-.infinity, -.infinity]) == [])
        #expect(StrataModel.bestByScore(2, scores: [.nan, 1, 0.5]) == [1, 2])
        // Every block but one holds only seen items: the floor falls back to −∞.
        var sparse = Array(repeating: -Double.infinity, count: 400)
        sparse[7] = 1; sparse[8] = 2; sparse[300] = 2
        #expect(StrataModel.bestByScore(50, scores: sparse) == [8, 300, 7])
    }

    /// MMR exactly as Docs/model.md §11 states it, with Jaccard as a double.
    static func plainMMR(relevance: [Double], categories: [[NodeIndex]], count: Int, lambda: Double) -> [Int] {
        var chosen: [Int] = []
        var maxSimilarity = Array(repeating: 0.0, count: relevance.count)
        var taken = Array(repeating: false, count: relevance.count)
        while chosen.count < min(count, relevance.count) {
            var best = -1
            var bestValue = -Double.infinity
            for c in relevance.indices where !taken[c] {
                let value = lambda * relevance[c] - (1 - lambda) * maxSimilarity[c]
                if value > bestValue { best = c; bestValue = value }
            }
            guard best >= 0 else { break }
            taken[best] = true
            chosen.append(best)
            for c in relevance.indices where !taken[c] {
                maxSimilarity[c] = max(maxSimilarity[c], MMRReranker.jaccard(categories[c], categories[best]))
            }
        }
        return chosen
    }

    @Test func maskMMRMatchesThePlainDefinition() async {
        await propertyCheck(count: 60, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...60)) { seed, n in
            var rng = Xoshiro256StarStar(seed: seed)
            let relevance = (0..<n).map { _ in Double(rng.nextIndex(below: 20)) / 20 }
            let categories: [[NodeIndex]] = (0..<n).map { _ in
                let size = 1 + rng.nextIndex(below: 3)
                return Array(Set((0..<size).map { _ in rng.nextIndex(below: 6) })).sorted()
            }
            let masks = categories.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } }
            let lambda = [0.8, 0.5, 1.0][rng.nextIndex(below: 3)]
            let count = 1 + rng.nextIndex(below: 12)
            let expected = Self.plainMMR(relevance: relevance, categories: categories, count: count, lambda: lambda)
            let mmr = MMRReranker(lambda: lambda)
            #expect(mmr.rerank(relevance: relevance, masks: masks, count: count) == expected)
            #expect(mmr.rerank(relevance: relevance, categories: categories, count: count) == expected)
            // Node indices beyond 63 get bits by first appearance: the same answer.
            let shifted = categories.map { $0.map { $0 + 100 } }
            #expect(mmr.rerank(relevance: relevance, categories: shifted, count: count) == expected)
        }
    }

    /// More than 64 distinct categories among the candidates: the set path, same definition.
    @Test func manyCategoriesTakeTheSetPath() {
        var rng = Xoshiro256StarStar(seed: 12)
        let relevance = (0..<80).map { _ in Double(rng.nextIndex(below: 20)) / 20 }
        let categories: [[NodeIndex]] = (0..<80).map { [$0, $0 + 1 + rng.nextIndex(below: 3)] }
        let expected = Self.plainMMR(relevance: relevance, categories: categories, count: 12, lambda: 0.8)
        #expect(MMRReranker(lambda: 0.8).rerank(relevance: relevance, categories: categories, count: 12) == expected)
    }

    @Test func topLevelMasksUseCategoryPositions() {
        let catalogue = Catalogue(items: [
            Item(id: "a", title: "A", paths: [["Sci-Fi", "Space"], ["Drama", "War"]]),
            Item(id: "b", title: "B", paths: [["Drama", "Family"]]),
        ])
        let masks = StrataModel.topLevelMasks(of: catalogue)
        let scifi = catalogue.taxonomy.topLevel.firstIndex { catalogue.taxonomy.names[$0] == "Sci-Fi" }!
        let drama = catalogue.taxonomy.topLevel.firstIndex { catalogue.taxonomy.names[$0] == "Drama" }!
        #expect(masks == [(1 << UInt64(scifi)) | (1 << UInt64(drama)), 1 << UInt64(drama)])
    }
}
