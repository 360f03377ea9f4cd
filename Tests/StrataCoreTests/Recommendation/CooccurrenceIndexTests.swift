import Foundation
import Testing
@testable import StrataCore

@Suite struct CooccurrenceIndexTests {
    /// Users' positives replayed into the index: pair counts within the window, both ways.
    static func index(window: Int) -> CooccurrenceIndex {
        var index = CooccurrenceIndex(itemCount: 6)
        for history in [[0, 1, 2], [1, 2, 3, 4], [0, 2, 5, 1]] {
            for (k, item) in history.enumerated() {
                index.recordPositive(item: item, history: history[0..<k], window: window)
            }
        }
        return index
    }

    @Test func cosineByHand() {
        let index = Self.index(window: 0)
        // c[1] = 3, c[2] = 3; users with both 1 and 2 as positives: all three.
        #expect(index.cosine(1, 2) == 3 * (1 / 3.0.squareRoot()) * (1 / 3.0.squareRoot()))
        // 3 and 5 never met.
        #expect(index.cosine(3, 5) == 0)
        // Window 1: in the third history 1 only pairs with 5, its predecessor.
        #expect(Self.index(window: 1).cosine(0, 1) == Self.index(window: 1).cosine(1, 0))
        #expect(Self.index(window: 1).cosine(1, 5) > 0)
        #expect(Self.index(window: 1).cosine(0, 5) == 0)
    }

    /// `cosine(a, b)` reads `b`'s row; the counts are symmetric, so either row gives the same number.
    @Test func readingEitherRowGivesTheSameCosine() {
        for window in [0, 1, 2] {
            let index = Self.index(window: window)
            for a in 0..<6 {
                for b in 0..<6 { #expect(index.cosine(a, b) == index.cosine(b, a), "window \(window): \(a), \(b)") }
            }
        }
    }
}

/// The space-saving bound of each row (design note 13) against exact counts.
@Suite struct BoundedCooccurrenceTests {
    /// Random users' positives over a small catalogue, recorded into a bounded and an
    /// unbounded index and into a plain dictionary of exact pair counts.
    static func streams(seed: UInt64, items: Int, users: Int, length: Int) -> [[Int]] {
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<users).map { _ in
            // Zipf-like: low ids far more often, so some rows overflow and some never do.
            (0..<length).map { _ in Int(Double(items) * pow(rng.nextUnit(), 2.5)) % items }
        }
    }

    static func exactCounts(_ histories: [[Int]], window: Int) -> [Int: [Int: Int]] {
        var counts: [Int: [Int: Int]] = [:]
        for history in histories {
            for (k, item) in history.enumerated() {
                let start = window > 0 ? max(0, k - window) : 0
                for p in history[start..<k] where p != item {
                    counts[item, default: [:]][p, default: 0] += 1
                    counts[p, default: [:]][item, default: 0] += 1
                }
            }
        }
        return counts
    }

    static func record(_ histories: [[Int]], items: Int, window: Int, limit: Int) -> CooccurrenceIndex {
        var index = CooccurrenceIndex(itemCount: items, neighbourLimit: limit)
        for history in histories {
            for (k, item) in history.enumerated() { index.recordPositive(item: item, history: history[0..<k], window: window) }
        }
        return index
    }

    @Test func rowsThatNeverFillHoldTheExactCounts() {
        let histories = Self.streams(seed: 7, items: 40, users: 30, length: 25)
        let exact = Self.exactCounts(histories, window: 5)
        let bounded = Self.record(histories, items: 40, window: 5, limit: 1000)
        let unbounded = Self.record(histories, items: 40, window: 5, limit: 0)
        for a in 0..<40 {
            for b in 0..<40 where a != b {
                let truth = Double(exact[b]?[a] ?? 0)
                #expect(bounded.pairCount(a, b) == truth, "pair \(a), \(b)")
                #expect(unbounded.pairCount(a, b) == truth, "pair \(a), \(b)")
            }
        }
    }

    /// Space-saving's guarantees, row by row: no row keeps more than the limit; a kept count
    /// is a lower bound (count − error ≤ truth ≤ count); every neighbour whose true count
    /// exceeds (row total) / limit is kept.
    @Test func fullRowsKeepTheHeavyHittersWithinTheirBounds() {
        let limit = 6
        let histories = Self.streams(seed: 11, items: 60, users: 80, length: 30)
        let exact = Self.exactCounts(histories, window: 8)
        let index = Self.record(histories, items: 60, window: 8, limit: limit)
        var overflowed = 0
        for b in 0..<60 {
            let row = index.rows[b]
            #expect(row.count <= limit)
            let truths = exact[b] ?? [:]
            let total = truths.values.reduce(0, +)
            if truths.count > limit { overflowed += 1 }
            for (a, truth) in truths {
                let key = Int32(a)
                let upper = Double(row.upperCount(of: key)), error = Double(row.error(of: key))
                if upper > 0 {
                    #expect(upper - error <= Double(truth) && Double(truth) <= upper, "row \(b), neighbour \(a)")
                    #expect(index.pairCount(a, b) == upper - error)
                }
                if truth * limit > total { #expect(upper > 0, "row \(b) lost heavy neighbour \(a) (\(truth) of \(total))") }
            }
        }
        #expect(overflowed > 10, "the stream should overflow many rows (\(overflowed))")
    }

    /// Same updates, same rows: the evicted neighbour is the smallest count, then the smallest id.
    @Test func evictionIsDeterministicAndTakesTheSmallestCount() {
        var row = CooccurrenceRow()
        for key: Int32 in [5, 3, 9, 3, 9, 9] { row.bump(key, capacity: 3) }
        // 5:1, 3:2, 9:3. A new key replaces 5 (the only 1) with count 2, error 1.
        row.bump(7, capacity: 3)
        #expect(row.upperCount(of: 5) == 0)
        #expect(row.upperCount(of: 7) == 2 && row.error(of: 7) == 1 && row.count(of: 7) == 1)
        // Now 3:2 and 7:2 tie: the smaller id (3) goes.
        row.bump(8, capacity: 3)
        #expect(row.upperCount(of: 3) == 0 && row.upperCount(of: 7) == 2 && row.upperCount(of: 8) == 3)
        #expect(row.count == 3)
    }

    /// Deleting from the open-addressing table keeps every other key reachable.
    @Test func removalsKeepEveryKeyReachable() {
        var row = CooccurrenceRow()
        var rng = Xoshiro256StarStar(seed: 3)
        for _ in 0..<5_000 { row.bump(Int32(rng.nextIndex(below: 300)), capacity: 24) }
        let kept = row.neighbours
        #expect(kept.count == 24)
        #expect(Set(kept).count == 24)
        for key in kept { #expect(row.upperCount(of: key) > 0) }
    }
}
