import Testing
@testable import StrataCore

/// Issue 12 item 4: the interval and test code on cases with a known answer.
@Suite struct StatisticsTests {
    static func positives(_ ranks: [Int], users: Int) -> [EvaluatedPositive] {
        ranks.enumerated().map { EvaluatedPositive(position: $0.offset, positiveNumber: $0.offset, user: $0.offset % users, item: $0.offset, rank: $0.element) }
    }

    @Test("sign test: exact binomial tails")
    func signTest() {
        #expect(abs(SignTest.twoSidedP(9, 1) - 0.021484375) < 1e-12)
        #expect(SignTest.twoSidedP(0, 0) == 1)
        #expect(SignTest.twoSidedP(5, 5) == 1)
    }

    @Test("identical clusters give a point interval; identical models a zero difference with p = 1")
    func degenerate() throws {
        let same = Self.positives(Array(repeating: 1, count: 100), users: 25)
        let ci = Bootstrap().intervals(of: same)
        #expect(ci.hitRateAt10 == ConfidenceInterval(low: 1, high: 1))
        #expect(ci.unit == .users)
        let paired = try Bootstrap().compare(same, same)
        #expect(paired.hitRateAt10.value == 0 && paired.hitRateAt10.interval == ConfidenceInterval(low: 0, high: 0))
        #expect(paired.hitRateAt10.pBootstrap == 1 && paired.rankSignTestP == 1)
    }

    @Test("HR@10 of 0.5 over 10,000 one-event users: about 0.5 ± 1.96·0.005")
    func normalApproximation() {
        let ranks = (0..<10_000).map { $0 % 2 == 0 ? 1 : 50 }
        let ci = Bootstrap().intervals(of: Self.positives(ranks, users: 10_000)).hitRateAt10
        #expect(abs(ci.low - 0.4902) < 0.002 && abs(ci.high - 0.5098) < 0.002, "\(ci)")
    }
}
