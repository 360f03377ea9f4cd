import Testing
import StrataCore

/// Invariants on random streams with fixed seeds.
@Suite struct PropertyEvaluationTests {
    /// The protocol's rank, by sorting candidates: the reference the one-pass count must match.
    static func sortedRank(_ target: ItemIndex, scores: [Double], candidates: [ItemIndex]) -> Int {
        func key(_ j: ItemIndex) -> Double { scores[j].isNaN ? -.infinity : scores[j] }
        let order = candidates.sorted { key($0) != key($1) ? key($0) > key($1) : $0 < $1 }
        return (order.firstIndex(of: target) ?? -1) + 1
    }

    @Test func sortedListRankByHand() {
        // Item 0 is seen; the target (1) is seen too and never counts against itself.
        #expect(CandidateRank.rank(of: 1, scores: [3, 1, 2], seenSorted: [0, 1]) == 2)
        #expect(CandidateRank.rank(of: 2, scores: [2, 2, 2, 2], seenSorted: [1]) == 2)
        #expect(CandidateRank.rank(of: 0, scores: [.nan, -.infinity], seenSorted: []) == 1)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func onePassRankMatchesSorting(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        for _ in 0..<200 {
            let n = 1 + rng.nextIndex(below: 150)
            // Few distinct values so that ties, NaN and infinities are common.
            let palette: [Double] = [.nan, -.infinity, .infinity, 0, -0.0, 1, 2, 0.5]
            let scores = (0..<n).map { _ in palette[rng.nextIndex(below: palette.count)] }
            var seen = SeenItems(userCount: 1, itemCount: n)
            for j in 0..<n where rng.nextUnit() < 0.3 { seen.insert(user: 0, item: j) }
            let target = rng.nextIndex(below: n)
            let candidates = (0..<n).filter { $0 == target || !seen.contains(user: 0, item: $0) }
            if seen.contains(user: 0, item: target) { continue }
            let expected = Self.sortedRank(target, scores: scores, candidates: candidates)
            #expect(CandidateRank.rank(of: target, user: 0, scores: scores, seen: seen) == expected)
            // The running HR@10's path: the same user's seen items as a sorted list.
            let seenSorted = (0..<n).filter { seen.contains(user: 0, item: $0) }.map { Int32($0) }
            #expect(CandidateRank.rank(of: target, scores: scores, seenSorted: seenSorted) == expected)
        }
    }

    static func randomStream(seed: UInt64, users: Int, items: Int, events: Int) -> Dataset {
        var rng = Xoshiro256StarStar(seed: seed)
        var rows: [(Int64, UserIndex, ItemIndex, Double)] = []
        for t in 0..<events {
            // Skewed item choice so that co-occurrences pile up.
            let item = min(rng.nextIndex(below: items), rng.nextIndex(below: items))
            rows.append((Int64(t / 3), rng.nextIndex(below: users), item, Double(1 + rng.nextIndex(below: 5))))
        }
        return TinyStream.dataset(rows, items: items, users: users)
    }

    // Dense and sparse co-occurrence storage compute the same Doubles in the same order, so
    // their ranks (hence ranks_sha256) agree bit for bit — repeats included.
    @Test(arguments: [11, 12] as [UInt64])
    func itemKNNDenseAndSparseAgree(seed: UInt64) {
        let dataset = Self.randomStream(seed: seed, users: 15, items: 70, events: 1_500)
        var dense = ItemKNN(itemCount: 70)
        var sparse = ItemKNN(itemCount: 70, denseItemLimit: 0)
        var clock = TinyStream.FakeClock()
        let a = PrequentialEvaluator().evaluate(&dense, on: dataset) { clock.read() }
        let b = PrequentialEvaluator().evaluate(&sparse, on: dataset) { clock.read() }
        #expect(a.evaluated > 50)
        #expect(a.ranksSHA256 == b.ranksSHA256)
        #expect(a.mrr == b.mrr && a.ndcgAt10 == b.ndcgAt10)
        #expect(dense.configDescription["storage"] == "dense" && sparse.configDescription["storage"] == "sparse")
    }

    // Evaluating every N-th positive yields exactly the N-th ranks of the full run.
    @Test func everyNSelectsEveryNthPositive() {
        let dataset = Self.randomStream(seed: 5, users: 10, items: 40, events: 600)
        let full = TinyStream.ranks(DecayedPopular(itemCount: 40, halfLifeSeconds: 30), on: dataset)
        let fourth = TinyStream.ranks(DecayedPopular(itemCount: 40, halfLifeSeconds: 30), on: dataset, every: 4)
        var positives: [Int] = []
        for (position, event) in dataset.events.enumerated() where (event.value ?? 0) >= 4 { positives.append(position) }
        let selected = Set(positives.enumerated().filter { $0.offset % 4 == 0 }.map(\.element))
        #expect(fourth == full.filter { selected.contains($0[0]) })
        #expect(!fourth.isEmpty)
    }
}
