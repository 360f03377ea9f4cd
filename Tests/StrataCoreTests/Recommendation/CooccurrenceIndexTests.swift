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
