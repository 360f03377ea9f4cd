/// One model's prequential result, encoded as the JSON object of EVALUATION.md step 6.
///
/// JSON keys: `model`, `hr10`, `ndcg10`, `mrr`, `evaluated`, `wall_s`, `learn_events_per_s`,
/// `data_sha256` (file name → SHA-256 hex), `config`, `ranks_sha256`; beyond the protocol's
/// list, `every`, `positives`, `events` and `skipped_repeats` say what was evaluated.
public struct EvaluationReport: Codable, Hashable, Sendable {
    public var model: String
    public var hitRateAt10: Double
    public var ndcgAt10: Double
    public var mrr: Double
    public var evaluated: Int
    /// Seconds for the whole pass (test and train).
    public var wallSeconds: Double
    /// Events learned per second of training time (wall time minus the test phases); 0 when no
    /// training time was measured.
    public var learnEventsPerSecond: Double
    public var dataSHA256: [String: String]
    public var config: [String: String]
    public var ranksSHA256: String
    public var every: Int
    public var positives: Int
    public var events: Int
    public var skippedRepeats: Int
    /// Beyond EVALUATION.md (issue 12 item 4), present when computed: 95 % bootstrap intervals
    /// `[low, high]` (`hr10_ci95`, …) and how they were made (`ci95_unit`: users or time-blocks,
    /// `ci95_clusters`, `ci95_resamples`, `ci95_seed`); metrics per window of `window` events.
    public var hitRateAt10CI95: ConfidenceInterval?
    public var ndcgAt10CI95: ConfidenceInterval?
    public var mrrCI95: ConfidenceInterval?
    public var ci95Unit: String?
    public var ci95Clusters: Int?
    public var ci95Resamples: Int?
    public var ci95Seed: UInt64?
    public var window: Int?
    public var windows: [WindowMetrics]?
    /// `A` or `B` in a comparison (`eval --compare`).
    public var side: String?
    /// The protocol's positives and repeats (PositiveRule): `positive_actions`, `repeats`,
    /// and with `repeats = allow` the repeats that were evaluated.
    public var positiveActions: [String] = PositiveRule.standard.actionNames
    public var repeats: String = RepeatPolicy.skip.rawValue
    public var evaluatedRepeats: Int?

    public mutating func record(_ rule: PositiveRule, evaluatedRepeats: Int) {
        positiveActions = rule.actionNames
        repeats = rule.repeats.rawValue
        self.evaluatedRepeats = rule.repeats == .allow ? evaluatedRepeats : nil
    }
    /// Which item vectors the content features used (Docs/language-model.md §6); set by the CLI.
    public var itemVectors: ItemVectorsRecord?

    /// Sets the `*_ci95` fields.
    public mutating func attach(_ intervals: MetricIntervals) {
        hitRateAt10CI95 = intervals.hitRateAt10
        ndcgAt10CI95 = intervals.ndcgAt10
        mrrCI95 = intervals.mrr
        ci95Unit = intervals.unit.rawValue
        ci95Clusters = intervals.clusters
        ci95Resamples = intervals.resamples
        ci95Seed = intervals.seed
    }

    public init(model: String, hitRateAt10: Double, ndcgAt10: Double, mrr: Double, evaluated: Int,
                wallSeconds: Double, learnEventsPerSecond: Double, dataSHA256: [String: String],
                config: [String: String], ranksSHA256: String, every: Int, positives: Int,
                events: Int, skippedRepeats: Int) {
        self.model = model
        self.hitRateAt10 = hitRateAt10
        self.ndcgAt10 = ndcgAt10
        self.mrr = mrr
        self.evaluated = evaluated
        self.wallSeconds = wallSeconds
        self.learnEventsPerSecond = learnEventsPerSecond
        self.dataSHA256 = dataSHA256
        self.config = config
        self.ranksSHA256 = ranksSHA256
        self.every = every
        self.positives = positives
        self.events = events
        self.skippedRepeats = skippedRepeats
    }

    enum CodingKeys: String, CodingKey {
        case model
        case hitRateAt10 = "hr10"
        case ndcgAt10 = "ndcg10"
        case mrr
        case evaluated
        case wallSeconds = "wall_s"
        case learnEventsPerSecond = "learn_events_per_s"
        case dataSHA256 = "data_sha256"
        case config
        case ranksSHA256 = "ranks_sha256"
        case every
        case positives
        case events
        case skippedRepeats = "skipped_repeats"
        case hitRateAt10CI95 = "hr10_ci95"
        case ndcgAt10CI95 = "ndcg10_ci95"
        case mrrCI95 = "mrr_ci95"
        case ci95Unit = "ci95_unit"
        case ci95Clusters = "ci95_clusters"
        case ci95Resamples = "ci95_resamples"
        case ci95Seed = "ci95_seed"
        case window
        case windows
        case side
        case positiveActions = "positive_actions"
        case repeats
        case evaluatedRepeats = "evaluated_repeats"
        case itemVectors = "item_vectors"
    }
}
