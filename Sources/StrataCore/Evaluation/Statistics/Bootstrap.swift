/// Seeded percentile bootstrap of the prequential metrics (issue 12 item 4; Docs/evaluation.md
/// "Confidence intervals", design note 2 of Docs/research.md).
///
/// The resampled unit is a **cluster** of evaluated positives: by default a user (all of one
/// user's evaluated positives; positives of the same user are correlated, so resampling single
/// events would make intervals too narrow), or, when fewer than `minimumUsers` users were
/// evaluated (a one-viewer scenario), consecutive **time blocks** of ⌈n^(1/3)⌉ evaluated
/// positives. A replicate draws as many clusters as there are, with replacement, from the
/// project's xoshiro256** seeded with `seed`, and computes each metric as a ratio of sums
/// (Σ hits / Σ evaluated), as the point estimate is. The interval is the 2.5 % and 97.5 %
/// quantiles of the replicates (linear interpolation between order statistics, "type 7").
/// Same ranks, same settings → the same interval on every platform.
public struct Bootstrap: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable, CaseIterable {
        case users
        case timeBlocks = "time-blocks"
    }

    /// Replicates drawn (1000 by default).
    public var resamples: Int
    public var seed: UInt64
    /// nil: users when at least `minimumUsers` users were evaluated, else time blocks.
    public var unit: Unit?
    public var minimumUsers: Int
    /// Coverage of the interval (0.95).
    public var level: Double

    public init(resamples: Int = 1000, seed: UInt64 = 42, unit: Unit? = nil, minimumUsers: Int = 20, level: Double = 0.95) {
        precondition(resamples >= 1, "the bootstrap needs at least one resample, got \(resamples)")
        precondition(level > 0 && level < 1, "coverage must lie in (0, 1), got \(level)")
        self.resamples = resamples
        self.seed = seed
        self.unit = unit
        self.minimumUsers = minimumUsers
        self.level = level
    }

    /// The unit used for these evaluated positives.
    public func unit(for evaluated: [EvaluatedPositive]) -> Unit {
        if let unit { return unit }
        var users = Set<UserIndex>()
        for positive in evaluated {
            users.insert(positive.user)
            if users.count >= minimumUsers { return .users }
        }
        return .timeBlocks
    }

    /// Block length of the time-block bootstrap: ⌈n^(1/3)⌉, the usual rate for a
    /// non-overlapping block bootstrap of a mean (Hall, Horowitz & Jing 1995).
    public static func blockLength(_ n: Int) -> Int {
        var length = 1
        while length * length * length < n { length += 1 }
        return length
    }

    /// Intervals of HR@10, NDCG@10 and MRR. O(resamples × clusters + n).
    public func intervals(of evaluated: [EvaluatedPositive]) -> MetricIntervals {
        let unit = unit(for: evaluated)
        let clusters = Self.clusters(evaluated.map { (position: $0.position, user: $0.user, a: MetricValues(rank: $0.rank), b: MetricValues()) },
                                     unit: unit)
        let replicates = resample(clusters)
        return MetricIntervals(
            hitRateAt10: interval(replicates.map(\.a.hit)), ndcgAt10: interval(replicates.map(\.a.ndcg)),
            mrr: interval(replicates.map(\.a.reciprocalRank)), unit: unit, clusters: clusters.count, resamples: resamples, seed: seed)
    }

    /// The paired difference A − B of two models evaluated on the same positives (the same
    /// dataset and `--every`: the protocol's evaluated set does not depend on the model), with
    /// a bootstrap interval and p-value over the same clusters, and exact sign tests.
    public func compare(_ a: [EvaluatedPositive], _ b: [EvaluatedPositive]) throws(PairingError) -> PairedComparison {
        guard a.count == b.count else { throw PairingError(reason: "A evaluated \(a.count) positives and B \(b.count)") }
        var rows: [(position: Int, user: UserIndex, a: MetricValues, b: MetricValues)] = []
        rows.reserveCapacity(a.count)
        var hitsOnlyA = 0, hitsOnlyB = 0, aBetter = 0, bBetter = 0
        for (x, y) in zip(a, b) {
            guard x.position == y.position, x.user == y.user, x.item == y.item else {
                throw PairingError(reason: "A and B evaluated different positives (stream positions \(x.position) and \(y.position))")
            }
            rows.append((x.position, x.user, MetricValues(rank: x.rank), MetricValues(rank: y.rank)))
            let hitA = x.rank <= PrequentialMetrics.cutoff, hitB = y.rank <= PrequentialMetrics.cutoff
            if hitA && !hitB { hitsOnlyA += 1 }
            if hitB && !hitA { hitsOnlyB += 1 }
            if x.rank < y.rank { aBetter += 1 } else if y.rank < x.rank { bBetter += 1 }
        }
        let unit = unit(for: a)
        let clusters = Self.clusters(rows, unit: unit)
        let replicates = resample(clusters)
        let total = clusters.reduce(into: (a: MetricValues(), b: MetricValues(), count: 0)) { sum, cluster in
            sum.a.add(cluster.a); sum.b.add(cluster.b); sum.count += cluster.count
        }
        func difference(_ pick: (MetricValues) -> Double) -> PairedComparison.Difference {
            let point = total.count > 0 ? (pick(total.a) - pick(total.b)) / Double(total.count) : 0
            let differences = replicates.map { pick($0.a) - pick($0.b) }
            return .init(value: point, interval: interval(differences), pBootstrap: Self.twoSidedP(differences, resamples: resamples))
        }
        return PairedComparison(
            evaluated: a.count, hitRateAt10: difference(\.hit), ndcgAt10: difference(\.ndcg), mrr: difference(\.reciprocalRank),
            hitsOnlyA: hitsOnlyA, hitsOnlyB: hitsOnlyB, hitSignTestP: SignTest.twoSidedP(hitsOnlyA, hitsOnlyB),
            rankBetterA: aBetter, rankBetterB: bBetter, rankTies: a.count - aBetter - bBetter,
            rankSignTestP: SignTest.twoSidedP(aBetter, bBetter),
            unit: unit, clusters: clusters.count, resamples: resamples, seed: seed)
    }

    /// Bootstrap p-value of "no difference": twice the smaller tail of the replicates' sign,
    /// with the usual +1 correction, at most 1; the smallest it can be is 2/(B + 1).
    static func twoSidedP(_ differences: [Double], resamples: Int) -> Double {
        let atMostZero = differences.reduce(0) { $0 + ($1 <= 0 ? 1 : 0) }
        let atLeastZero = differences.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        return min(1, 2 * Double(1 + min(atMostZero, atLeastZero)) / Double(resamples + 1))
    }

    struct Cluster {
        var count = 0
        var a = MetricValues()
        var b = MetricValues()
    }

    /// Groups rows (in stream order) into users (ascending user index) or time blocks.
    static func clusters(_ rows: [(position: Int, user: UserIndex, a: MetricValues, b: MetricValues)], unit: Unit) -> [Cluster] {
        var clusters: [Cluster] = []
        switch unit {
        case .users:
            var slot: [UserIndex: Int] = [:]
            for user in Set(rows.map(\.user)).sorted() { slot[user] = slot.count }
            clusters = Array(repeating: Cluster(), count: slot.count)
            for row in rows {
                guard let s = slot[row.user] else { continue }
                clusters[s].count += 1; clusters[s].a.add(row.a); clusters[s].b.add(row.b)
            }
        case .timeBlocks:
            let length = blockLength(rows.count)
            for (index, row) in rows.enumerated() {
                if index % length == 0 { clusters.append(Cluster()) }
                clusters[clusters.count - 1].count += 1
                clusters[clusters.count - 1].a.add(row.a)
                clusters[clusters.count - 1].b.add(row.b)
            }
        }
        return clusters
    }

    /// The replicates' metric means (A and B), one per resample.
    func resample(_ clusters: [Cluster]) -> [(a: MetricValues, b: MetricValues)] {
        guard !clusters.isEmpty else { return Array(repeating: (MetricValues(), MetricValues()), count: resamples) }
        var rng = Xoshiro256StarStar(seed: seed)
        var replicates: [(a: MetricValues, b: MetricValues)] = []
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = Cluster()
            for _ in 0..<clusters.count {
                let drawn = clusters[rng.nextIndex(below: clusters.count)]
                sum.count += drawn.count; sum.a.add(drawn.a); sum.b.add(drawn.b)
            }
            let scale = sum.count > 0 ? 1 / Double(sum.count) : 0
            replicates.append((sum.a.scaled(by: scale), sum.b.scaled(by: scale)))
        }
        return replicates
    }

    /// The central `level` interval of `values` (type-7 quantiles).
    func interval(_ values: [Double]) -> ConfidenceInterval {
        let sorted = values.sorted()
        let tail = (1 - level) / 2
        return ConfidenceInterval(low: Self.quantile(sorted, tail), high: Self.quantile(sorted, 1 - tail))
    }

    /// Linear interpolation between order statistics at h = (n − 1)·p.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}

/// Per-positive (or summed) HR@10, NDCG@10 and reciprocal-rank values.
struct MetricValues {
    var hit = 0.0
    var ndcg = 0.0
    var reciprocalRank = 0.0

    init() {}

    /// One positive of rank `rank`, with the formulas of `PrequentialMetrics`.
    init(rank: Int) {
        if rank <= PrequentialMetrics.cutoff {
            hit = 1
            ndcg = 1 / strataLog2(Double(rank + 1))
        }
        reciprocalRank = 1 / Double(rank)
    }

    mutating func add(_ other: MetricValues) {
        hit += other.hit; ndcg += other.ndcg; reciprocalRank += other.reciprocalRank
    }

    func scaled(by factor: Double) -> MetricValues {
        var out = self
        out.hit *= factor; out.ndcg *= factor; out.reciprocalRank *= factor
        return out
    }
}

/// A two-sided interval `[low, high]`.
public struct ConfidenceInterval: Hashable, Sendable, Codable {
    public var low: Double
    public var high: Double
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
    /// `[low, high]`, the JSON form (`hr10_ci95`).
    public var pair: [Double] { [low, high] }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(low)
        try container.encode(high)
    }
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        low = try container.decode(Double.self)
        high = try container.decode(Double.self)
    }
}

/// The 95 % intervals of one model's metrics and how they were made.
public struct MetricIntervals: Hashable, Sendable {
    public var hitRateAt10: ConfidenceInterval
    public var ndcgAt10: ConfidenceInterval
    public var mrr: ConfidenceInterval
    public var unit: Bootstrap.Unit
    /// Users or time blocks resampled.
    public var clusters: Int
    public var resamples: Int
    public var seed: UInt64
}

/// A and B were not evaluated on the same positives.
public struct PairingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "cannot pair the two models: \(reason)" }
}

/// The paired comparison A − B (issue 12 item 4; Docs/evaluation.md "Comparing two models").
public struct PairedComparison: Hashable, Sendable {
    public struct Difference: Hashable, Sendable {
        /// A's metric minus B's, over the same evaluated positives.
        public var value: Double
        public var interval: ConfidenceInterval
        /// Paired-bootstrap p-value of "no difference".
        public var pBootstrap: Double
    }

    public var evaluated: Int
    public var hitRateAt10: Difference
    public var ndcgAt10: Difference
    public var mrr: Difference
    /// Discordant hits: A hit and B missed, and the other way (McNemar's exact test).
    public var hitsOnlyA: Int
    public var hitsOnlyB: Int
    public var hitSignTestP: Double
    /// Per positive, which model ranked the target higher (a sign test over evaluated events).
    public var rankBetterA: Int
    public var rankBetterB: Int
    public var rankTies: Int
    public var rankSignTestP: Double
    public var unit: Bootstrap.Unit
    public var clusters: Int
    public var resamples: Int
    public var seed: UInt64
}
