/// Running HR@10 and NDCG@10 of two models on the same sampled positives (the explorer's
/// A/B status line, issue 12 item 1), with the mean paired difference A − B and a 95 %
/// interval from the normal approximation: d̄ ± 1.96·s/√n over the per-positive differences
/// (Welford's running variance, so each positive costs O(1)). `eval --compare` reports the
/// bootstrap interval instead (Docs/evaluation.md); the two agree closely for n in the hundreds.
public struct PairedRunningMetrics: Hashable, Sendable {
    /// Running mean and sum of squared deviations of one series.
    public struct Series: Hashable, Sendable {
        public private(set) var count = 0
        public private(set) var mean = 0.0
        private var squares = 0.0

        mutating func add(_ x: Double) {
            count += 1
            let delta = x - mean
            mean += delta / Double(count)
            squares += delta * (x - mean)
        }

        /// The sample variance (0 below two values).
        public var variance: Double { count > 1 ? squares / Double(count - 1) : 0 }

        /// mean ± 1.96·s/√n; nil below two values.
        public var interval95: (low: Double, high: Double)? {
            guard count > 1 else { return nil }
            let half = 1.959963984540054 * (variance / Double(count)).squareRoot()
            return (mean - half, mean + half)
        }
    }

    public private(set) var hitA = Series()
    public private(set) var hitB = Series()
    public private(set) var ndcgA = Series()
    public private(set) var ndcgB = Series()
    /// Per-positive hit(A) − hit(B).
    public private(set) var hitDifference = Series()
    /// Per-positive NDCG(A) − NDCG(B).
    public private(set) var ndcgDifference = Series()

    public init() {}

    public var evaluated: Int { hitA.count }

    /// Records the ranks of one positive under A and under B.
    public mutating func record(rankA: Int, rankB: Int) {
        let (ha, hb) = (Self.hit(rankA), Self.hit(rankB))
        let (na, nb) = (Self.ndcg(rankA), Self.ndcg(rankB))
        hitA.add(ha); hitB.add(hb); ndcgA.add(na); ndcgB.add(nb)
        hitDifference.add(ha - hb)
        ndcgDifference.add(na - nb)
    }

    static func hit(_ rank: Int) -> Double { rank <= 10 ? 1 : 0 }
    /// 1 / log₂(rank + 1) within the top 10 (EVALUATION.md step 5).
    static func ndcg(_ rank: Int) -> Double { rank <= 10 ? 1 / strataLog2(Double(rank + 1)) : 0 }
}
