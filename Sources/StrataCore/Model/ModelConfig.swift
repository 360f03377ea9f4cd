/// Every tunable of the model, with SPEC defaults (Docs/model.md lists each with its formula).
/// Codable, so sessions and reports store exactly what produced a state.
public struct ModelConfig: Hashable, Sendable, Codable {
    public var tiers: [TemporalTier] = TemporalTier.standard
    public var gains = ActionGains()
    public var labelRule = LabelRule()
    public var drift = CosineDriftMonitor.Settings()
    public var pageHinkley = PageHinkley.Settings()
    public var learner = FTRLProximal.Settings()

    /// Segments: k clusters, refreshed every `segmentRefreshEvents` stream events.
    public var segmentCount = 8
    public var segmentRefreshEvents = 1000
    /// Half-life of item popularity, in stream events (global and per segment).
    public var popularityHalfLife = 3000.0
    /// Popularity is read on a clock advancing in steps of this many stream events.
    public var popularityClockStep = 64
    /// Co-occurrence pairs a positive with this many previous positives of the user (0 = all).
    public var cooccurrenceWindow = 20
    /// Neighbours kept in each item's co-occurrence row (space-saving; 0 = unbounded). Optional
    /// only so that a config written before the bound existed (no key) decodes as unbounded,
    /// which is what it ran with.
    var cooccurrenceNeighbourLimit: Int? = 500
    public var cooccurrenceNeighbours: Int {
        get { cooccurrenceNeighbourLimit ?? 0 }
        set { cooccurrenceNeighbourLimit = newValue }
    }
    /// Recent positives whose co-occurrence neighbours feed the feature and candidates.
    public var recentPositives = 10
    /// Weight ρ^k of the k-th most recent positive in the co-occurrence feature.
    public var cooccurrenceRecency = 0.85

    /// Replay labelling (SPEC §4).
    public var sampledNegatives = 4
    public var shownNegativeWeight = 0.2

    /// Recommendations (SPEC §4).
    public var recommendationCount = 10
    public var mmrLambda = 0.8
    public var exploration = Exploration.none
    public var candidateNodesPerTier = 3
    public var candidatePopular = 50
    /// Items each strongest node contributes (its most popular); twice as many co-occurrence
    /// neighbours are taken.
    public var candidatesPerSource = 60
    /// Catalogues up to this size score every unseen item instead of generating candidates.
    public var exhaustiveCandidateLimit = 5000
    public var seed: UInt64 = 42
    /// Ablation switches (`features.*` keys); nil means every feature on, and is what an older
    /// session's JSON decodes to (Features/FeatureSwitches.swift).
    public var features: FeatureSwitches?

    public enum Exploration: Hashable, Sendable, Codable {
        case none
        case thompson
        case epsilonGreedy(Double)
    }

    public init() {}

    public static let standard = ModelConfig()
}
