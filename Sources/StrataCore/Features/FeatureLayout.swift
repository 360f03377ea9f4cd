/// The explainable feature vector `x(u, i)` (SPEC §4, Docs/model.md §7): what each coordinate
/// means, its name, and where each kind lives. Built from the tiers and the taxonomy depth.
public struct FeatureLayout: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `p_τ(node_ℓ(i))`: the user's share for the item's node at `level` in `tier`.
        case share(tier: Int, level: Int)
        /// Cosine between the user's decayed content profile of `tier` and the item's vector.
        case content(tier: Int)
        /// Co-occurrence with the user's recent positives.
        case cooccurrence
        /// log(1 + decayed popularity).
        case popularity
        /// log(1 + decayed popularity within the user's segment).
        case segmentPopularity
        case bias
    }

    public let kinds: [Kind]
    public let levels: Int
    public let tierCount: Int
    let shareIndex: [Int]        // tier * levels + (level - 1)
    let contentIndex: [Int]
    public let cooccurrenceIndex: Int
    public let popularityIndex: Int
    public let segmentIndex: Int
    public let biasIndex: Int

    public init(tiers: Int, levels: Int) {
        precondition(tiers > 0, "a model needs at least one temporal tier")
        self.tierCount = tiers
        self.levels = max(1, min(levels, Taxonomy.maximumDepth))
        var kinds: [Kind] = []
        var shareIndex: [Int] = []
        for t in 0..<tiers {
            for l in 1...self.levels {
                shareIndex.append(kinds.count)
                kinds.append(.share(tier: t, level: l))
            }
        }
        var contentIndex: [Int] = []
        for t in 0..<tiers {
            contentIndex.append(kinds.count)
            kinds.append(.content(tier: t))
        }
        cooccurrenceIndex = kinds.count; kinds.append(.cooccurrence)
        popularityIndex = kinds.count; kinds.append(.popularity)
        segmentIndex = kinds.count; kinds.append(.segmentPopularity)
        biasIndex = kinds.count; kinds.append(.bias)
        self.kinds = kinds
        self.shareIndex = shareIndex
        self.contentIndex = contentIndex
    }

    public var dimension: Int { kinds.count }

    @inline(__always)
    public func share(tier: Int, level: Int) -> Int { shareIndex[tier * levels + level - 1] }
    @inline(__always)
    public func content(tier: Int) -> Int { contentIndex[tier] }

    /// A short stable name, e.g. `share.long.L1`, `content.short`, `cooccurrence`.
    public func name(of k: Int, tiers: [TemporalTier]) -> String {
        switch kinds[k] {
        case let .share(tier, level): return "share.\(tiers[tier].name).L\(level)"
        case let .content(tier): return "content.\(tiers[tier].name)"
        case .cooccurrence: return "cooccurrence"
        case .popularity: return "popularity"
        case .segmentPopularity: return "segment_popularity"
        case .bias: return "bias"
        }
    }

    /// Prior weights, so an untrained model already ranks sensibly (Docs/model.md §8).
    public func priorWeights() -> [Double] {
        kinds.map { kind in
            switch kind {
            case .share(_, let level): return level == 1 ? 1.0 : 0.5
            case .content: return 0.5
            case .cooccurrence: return 2.0
            case .popularity: return 0.5
            case .segmentPopularity: return 0.2
            case .bias: return -2.0
            }
        }
    }
}
