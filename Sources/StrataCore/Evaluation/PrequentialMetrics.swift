/// Running HR@10, NDCG@10 and MRR over evaluated positives (EVALUATION.md steps 4 and 6).
///
/// Sums are accumulated in stream order, as the protocol requires, so two implementations that
/// agree on the ranks agree on the figures bit for bit.
public struct PrequentialMetrics: Hashable, Sendable {
    public static let cutoff = 10

    public private(set) var evaluated = 0
    public private(set) var hits = 0
    public private(set) var ndcgSum = 0.0
    public private(set) var reciprocalRankSum = 0.0

    public init() {}

    /// Adds one evaluated positive of rank `rank` (1-based).
    public mutating func record(rank: Int) {
        precondition(rank >= 1, "ranks start at 1, got \(rank)")
        evaluated += 1
        if rank <= Self.cutoff {
            hits += 1
            ndcgSum += 1 / strataLog2(Double(rank + 1))
        }
        reciprocalRankSum += 1 / Double(rank)
    }

    /// hits / evaluated; 0 before anything is evaluated.
    public var hitRateAt10: Double { evaluated == 0 ? 0 : Double(hits) / Double(evaluated) }
    /// Mean of 1/log2(rank + 1) over evaluated positives (0 beyond rank 10).
    public var ndcgAt10: Double { evaluated == 0 ? 0 : ndcgSum / Double(evaluated) }
    /// Mean reciprocal rank over the full ranking.
    public var mrr: Double { evaluated == 0 ? 0 : reciprocalRankSum / Double(evaluated) }
}
