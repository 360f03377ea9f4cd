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
    }
}
