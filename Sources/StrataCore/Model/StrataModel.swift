/// The whole adaptive model of SPEC §3–4 for every user of one catalogue: interest state,
/// tier labels, drift, segments, popularity, co-occurrence and the online learner.
///
/// A value type: copying it is a checkpoint (arrays are copy-on-write), which is how the
/// explorer rewinds. No I/O, no clock, no global RNG: the same events and decisions always
/// give the same `stateHash`.
public struct StrataModel: Sendable {
    public let config: ModelConfig
    public let catalogue: Catalogue
    public let layout: FeatureLayout
    public let vectors: ItemVectors
    /// Node references and content terms of every item in one list, for bulk scoring.
    let linearIndex: LinearScoringIndex
    /// Each item's top-level categories as a bit set (bit = position in `taxonomy.topLevel`),
    /// for MMR; nil when there are more than 64 top-level categories.
    let topLevelMasks: [UInt64]?
    /// Each node's position in `taxonomy.topLevel` (−1 below the top level).
    let topLevelOrdinal: [Int32]
    let decay: [DecayTable]
    /// `ρ^k` for the co-occurrence feature, k < recentPositives (Docs/model.md §7).
    let recencyWeights: [Double]
    /// Which features are on (`config.features`); nil when all are, the default path.
    let featureMask: [Bool]?

    /// Paged, so a checkpoint shares every page of users it has not seen change (PagedArray).
    public internal(set) var users = PagedArray<UserState>(pageShift: 3)
    public internal(set) var learner: FTRLProximal
    public internal(set) var cooccurrence: CooccurrenceIndex
    public internal(set) var popularity: DecayedCounts
    public internal(set) var segmentPopularity: [DecayedCounts]
    public internal(set) var segments: SequentialKMeans
    public internal(set) var surprise = PageHinkley()
    var rng: Xoshiro256StarStar

    /// Stream events observed so far (the next event's stream position).
    public internal(set) var position = 0
    /// Human (or autopilot) decisions applied so far.
    public internal(set) var decisionCount = 0
    /// Every tier change, when `logsLabelChanges` (the explorer's timeline, `export`).
    public internal(set) var labelChanges: [LabelChange] = []
    /// Tier changes so far, logged or not (what the state hash and the reports count).
    public internal(set) var labelChangeCount = 0
    /// Whether tier changes are kept in `labelChanges`. A run that reads only their number
    /// (`replay --headless`) turns it off: about one a stream event on a Taobao-shaped log,
    /// 40 bytes each, the largest part of the model at 100 M events (Docs/model.md design
    /// note 17). Not state: the state hash reads `labelChangeCount`.
    public var logsLabelChanges = true
    public internal(set) var driftAlerts: [DriftAlert] = []
    /// Lengths of `labelChanges` and `driftAlerts` while they are stripped from a checkpoint.
    var strippedLogLengths: (labelChanges: Int, driftAlerts: Int)?
    /// The first non-finite value met, if any (never part of a healthy run; not hashed).
    public internal(set) var fault: ModelFault?
    /// Running mean log-loss of the taken-item predictions.
    public internal(set) var logLossSum = 0.0
    public internal(set) var logLossCount = 0
    /// Users touched since the last segment refresh, in first-touch order.
    var segmentBatch: [UserIndex] = []
    var inSegmentBatch: [Bool] = []

    /// Counts popularity updates, so cached log-popularity tables know when they are stale
    /// (derived from the state, so not part of the hash).
    var popularityRevision = 0

    /// The model's own scoring workspace: caches and scratch buffers reused across calls, kept
    /// current by every event (not part of the state, never hashed).
    var scratch = ScoringWorkspace()

    public init(catalogue: Catalogue, config: ModelConfig = .standard, userCount: Int = 0) {
        self.config = config
        self.catalogue = catalogue
        layout = FeatureLayout(tiers: config.tiers.count, levels: catalogue.taxonomy.depth)
        vectors = ItemVectors(catalogue: catalogue)
        linearIndex = LinearScoringIndex(catalogue: catalogue, vectors: vectors)
        topLevelMasks = Self.topLevelMasks(of: catalogue)
        var ordinal = Array(repeating: Int32(-1), count: catalogue.taxonomy.nodeCount)
        for (k, node) in catalogue.taxonomy.topLevel.enumerated() { ordinal[node] = Int32(k) }
        topLevelOrdinal = ordinal
        decay = config.tiers.map { DecayTable(halfLife: $0.halfLife) }
        recencyWeights = (0..<max(0, config.recentPositives)).map { strataPow(config.cooccurrenceRecency, Double($0)) }
        featureMask = config.featureSwitches.mask(for: layout)
        // A switched-off feature starts (and, never non-zero, stays) at weight 0 (FeatureSwitches).
        var prior = layout.priorWeights()
        if let featureMask { for k in prior.indices where !featureMask[k] { prior[k] = 0 } }
        learner = FTRLProximal(dimension: layout.dimension, settings: config.learner, initialWeights: prior)
        cooccurrence = CooccurrenceIndex(itemCount: catalogue.count, neighbourLimit: config.cooccurrenceNeighbours)
        popularity = DecayedCounts(count: catalogue.count, halfLife: config.popularityHalfLife, topLimit: config.candidatePopular)
        segmentPopularity = Array(repeating: DecayedCounts(count: catalogue.count, halfLife: config.popularityHalfLife),
                                  count: config.segmentCount)
        segments = SequentialKMeans(k: config.segmentCount, dimension: catalogue.taxonomy.topLevel.count)
        rng = Xoshiro256StarStar(seed: config.seed)
        if userCount > 0 { ensureUser(userCount - 1) }
    }

    public var tiers: [TemporalTier] { config.tiers }
    public var taxonomy: Taxonomy { catalogue.taxonomy }
    public var weights: [Double] { learner.weights }
    public var meanLogLoss: Double { logLossCount > 0 ? logLossSum / Double(logLossCount) : 0 }

    /// A copy for a checkpoint without the append-only logs (tier changes, drift alerts): the
    /// live model's logs always extend a checkpoint's, so keeping them here would only make
    /// every later append copy the whole log. `restoringLogs(from:)` puts them back.
    public func checkpointCopy() -> StrataModel {
        var copy = self
        copy.strippedLogLengths = (labelChanges.count, driftAlerts.count)
        copy.labelChanges = []
        copy.driftAlerts = []
        return copy
    }

    /// This checkpoint with its logs taken from `live`, a model that has replayed at least as
    /// far from the same history.
    public func restoringLogs(from live: StrataModel) -> StrataModel {
        guard let lengths = strippedLogLengths else { return self }
        precondition(live.labelChanges.count >= lengths.labelChanges && live.driftAlerts.count >= lengths.driftAlerts,
                     "live model has fewer log entries than the checkpoint (\(live.labelChanges.count) < \(lengths.labelChanges))")
        var restored = self
        restored.labelChanges = Array(live.labelChanges.prefix(lengths.labelChanges))
        restored.driftAlerts = Array(live.driftAlerts.prefix(lengths.driftAlerts))
        restored.strippedLogLengths = nil
        return restored
    }

    static func topLevelMasks(of catalogue: Catalogue) -> [UInt64]? {
        let topLevel = catalogue.taxonomy.topLevel
        guard topLevel.count <= 64 else { return nil }
        var bit = Array(repeating: -1, count: catalogue.taxonomy.nodeCount)
        for (ordinal, node) in topLevel.enumerated() { bit[node] = ordinal }
        return catalogue.topLevelNodes.map { nodes in nodes.reduce(UInt64(0)) { $0 | (1 << UInt64(bit[$1])) } }
    }

    mutating func ensureUser(_ user: UserIndex) {
        precondition(user >= 0, "user index must be non-negative, got \(user)")
        while users.count <= user {
            users.append(UserState(tierCount: tiers.count))
            inSegmentBatch.append(false)
        }
    }

    public func user(_ user: UserIndex) -> UserState? { user < users.count ? users[user] : nil }

    /// The model's own workspace, moved out (not copied: its tables stay uniquely referenced)
    /// for a call that puts it back.
    mutating func takeWorkspace() -> ScoringWorkspace {
        var ws = ScoringWorkspace()
        swap(&ws, &scratch)
        return ws
    }
}
