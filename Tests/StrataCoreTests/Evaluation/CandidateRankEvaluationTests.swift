import Testing
import StrataCore

/// EVALUATION.md step 4: score descending, then catalogue index ascending, NaN as −∞, over
/// candidates only.
@Suite struct CandidateRankEvaluationTests {
    static func rank(_ target: ItemIndex, _ scores: [Double], seen: [ItemIndex] = []) -> Int {
        var set = SeenItems(userCount: 2, itemCount: scores.count)
        for item in seen { set.insert(user: 1, item: item) }
        set.insert(user: 0, item: 0) // another user's history must not matter
        return CandidateRank.rank(of: target, user: 1, scores: scores, seen: set)
    }

    // Order: i1 (1.0), i4 (0), i0 (NaN→−∞, index 0), i2 (NaN→−∞, index 2), i3 (−∞, index 3).
    @Test func nanCountsAsMinusInfinity() {
        let scores: [Double] = [.nan, 1, .nan, -.infinity, 0]
        #expect((0..<5).map { Self.rank($0, scores) } == [3, 1, 4, 5, 2])
    }

    // All tied: rank = 1 + number of candidates with a smaller index.
    @Test func tiesBreakByCatalogueIndex() {
        let scores = [Double](repeating: 0.25, count: 7)
        #expect((0..<7).map { Self.rank($0, scores) } == [1, 2, 3, 4, 5, 6, 7])
        // Seen items 1 and 2 drop out of the count.
        #expect(Self.rank(5, scores, seen: [1, 2]) == 4)
    }

    @Test func higherScoresAheadRegardlessOfIndex() {
        // i3 = 2 is beaten by i5 = 3 and by nobody else; i0 ties at 2 and has a smaller index.
        #expect(Self.rank(3, [2, 1, 0, 2, 1, 3]) == 3)
        #expect(Self.rank(3, [2, 1, 0, 2, 1, 3], seen: [0, 5]) == 1)
        #expect(Self.rank(3, [2, 1, 0, 2, 1, -0.0]) == 2)
    }

    @Test func ranksAcrossBitsetWordBoundaries() {
        // 130 items: every item above index 64 scores higher than the target at 64.
        var scores = [Double](repeating: 0, count: 130)
        for j in 65..<130 { scores[j] = 1 }
        #expect(Self.rank(64, scores) == 1 + 65 + 64)
        #expect(Self.rank(64, scores, seen: Array(0..<64) + Array(65..<129)) == 2)
    }

    @Test func seenItemsAreSortedListsPerUser() {
        var seen = SeenItems(userCount: 3, itemCount: 70)
        seen.insert(user: 2, item: 69)
        seen.insert(user: 2, item: 3)
        seen.insert(user: 2, item: 3)   // a repeat is kept once
        #expect(seen.contains(user: 2, item: 69) && seen.contains(user: 2, item: 3))
        #expect(!seen.contains(user: 1, item: 69) && !seen.contains(user: 2, item: 68))
        #expect(seen.count(user: 2) == 2 && seen.sorted(user: 2) == [3, 69])
    }

    /// Memory follows what happened: a catalogue of 4 M items and a million users (the Taobao
    /// shape) costs list headers and 4 bytes per (user, item) had, not users × items bits.
    @Test func seenItemsMemoryGrowsWithEventsNotWithTheCatalogue() {
        var seen = SeenItems(userCount: 1_000_000, itemCount: 4_000_000)
        for u in stride(from: 0, to: 1_000_000, by: 1_000) { seen.insert(user: u, item: 3_999_999 - u) }
        #expect(seen.contains(user: 5_000, item: 3_994_999) && !seen.contains(user: 5_000, item: 0))
        #expect(seen.storedBytes < 1_000_000 * 8 + 1_000 * 64)
    }

    /// The sorted walk gives the bitset rule's rank on random data (the rule of EVALUATION.md).
    @Test func sortedWalkEqualsTheMembershipRule() {
        var rng = Xoshiro256StarStar(seed: 9)
        for _ in 0..<50 {
            let n = Int.random(in: 2...300, using: &rng)
            let scores = (0..<n).map { _ in Double(Int.random(in: 0...5, using: &rng)) }
            let seenItems = (0..<n).filter { _ in Bool.random(using: &rng) }
            let target = (0..<n).first { !seenItems.contains($0) } ?? 0
            guard !seenItems.contains(target) else { continue }
            let expected = 1 + (0..<n).filter { j in
                j != target && !seenItems.contains(j) && (scores[j] > scores[target] || (scores[j] == scores[target] && j < target))
            }.count
            #expect(Self.rank(target, scores, seen: seenItems) == expected)
        }
    }
}
