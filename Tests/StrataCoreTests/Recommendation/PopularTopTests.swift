import PropertyBased
import Testing
@testable import StrataCore

/// The most popular items kept as counts change equal a scan of the whole catalogue after every
/// update: additions, a count that falls, ties, and the rescale of the forward-decayed counts.
@Suite struct PopularTopTests {
    @Test func keptTopEqualsTheScanAfterEveryUpdate() async {
        await propertyCheck(count: 40, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...12)) { seed, limit in
            var rng = Xoshiro256StarStar(seed: seed)
            let items = 30
            var counts = DecayedCounts(count: items, halfLife: 2, topLimit: limit)
            var clock = 0.0
            for step in 0..<400 {
                // Few distinct amounts, so ties are common; now and then a count falls, and the
                // clock jumps past the rescale threshold (256 half-lives).
                let item = rng.nextIndex(below: items)
                let amount: Double = step % 37 == 0 ? -3 : Double(1 + rng.nextIndex(below: 2))
                clock += step % 101 == 0 ? 600 : Double(rng.nextIndex(below: 3))
                counts.add(amount, to: item, at: clock)
                #expect(counts.top == DecayedCounts.scanTop(counts.scaled, limit: limit), "step \(step)")
            }
        }
    }

    @Test func withoutALimitNothingIsKept() {
        var counts = DecayedCounts(count: 5, halfLife: 10)
        counts.add(1, to: 3, at: 0)
        #expect(counts.top.isEmpty)
    }
}
