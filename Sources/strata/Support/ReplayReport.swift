import StrataCore

/// The JSON report of `strata replay --headless` (Docs/cli.md).
struct ReplayReport: Encodable {
    struct Counts: Encodable {
        var events: Int
        var users: Int
        var items: Int
        var positives: Int
        var decisions: Int
        var labelChanges: Int
        var driftAlerts: Int
        /// Lines of the dataset files that were skipped for a problem (0 for scenarios).
        var skippedLines: Int
    }

    /// How much of a list the report shows: it keeps the first `shown` of `total` entries, and
    /// says so, so a reader never takes a cut list for the whole (Docs/cli.md).
    struct ListExtent {
        var total: Int
        var truncated: Bool
        init(shown: Int, total: Int) {
            self.total = total
            truncated = shown < total
        }
    }

    struct Weight: Encodable {
        var name: String
        var value: Double
    }

    struct NodeState: Encodable {
        var node: String
        var label: String
        var shares: [String: Double]
    }

    struct UserSummary: Encodable {
        var id: String
        var events: Int
        var segment: Int
        var inDrift: Bool
        var driftCosine: Double
        /// The largest top-level nodes by long-term share; `topLevelExtent` says how many exist.
        var topLevel: [NodeState]
        var topLevelExtent: ListExtent
    }

    struct Alert: Encodable {
        var kind: String
        var position: Int
        var user: String
        var score: Double
        var rose: [String]
        var fell: [String]
    }

    struct Truth: Encodable {
        /// Mean Jensen–Shannon distance between true and estimated (medium tier) top-level
        /// interests, sampled every 25 of a user's events.
        var meanJensenShannon: Double
        var finalJensenShannon: Double
        /// Per scheduled drift: events from its start to the first interest-shift alert.
        var driftDetectionDelays: [DriftDelay]
    }

    struct DriftDelay: Encodable {
        var user: String
        var change: String
        var start: Int
        var delay: Int?
    }

    var source: String
    var dataset: String
    var fingerprint: String
    var config: [String: String]
    /// Which item vectors the content features used (Docs/language-model.md §6).
    var itemVectors: ItemVectorsRecord
    var counts: Counts
    var stateHash: String
    var metrics: [String: Double]
    var weights: [Weight]
    var tierWeights: [String: Double]
    /// The users described: all active users up to 20, else the 10 most active.
    var users: [UserSummary]
    var usersExtent: ListExtent
    /// The first 200 alerts; `driftAlertsExtent` gives how many there were.
    var driftAlerts: [Alert]
    var driftAlertsExtent: ListExtent
    var truth: Truth?
    var wallSeconds: Double
    var eventsPerSecond: Double

    enum CodingKeys: String, CodingKey {
        case source, dataset, fingerprint, config, counts, metrics, weights, users, truth
        case itemVectors = "item_vectors"
        case stateHash = "state_hash", tierWeights = "tier_weights", driftAlerts = "drift_alerts"
        case wallSeconds = "wall_s", eventsPerSecond = "events_per_s"
        case usersTotal = "users_total", usersTruncated = "users_truncated"
        case driftAlertsTotal = "drift_alerts_total", driftAlertsTruncated = "drift_alerts_truncated"
    }

    // Each list's total and flag sit beside it as `<list>_total` and `<list>_truncated`, so the
    // lists keep their old form and old readers keep working.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(dataset, forKey: .dataset)
        try c.encode(fingerprint, forKey: .fingerprint)
        try c.encode(config, forKey: .config)
        try c.encode(itemVectors, forKey: .itemVectors)
        try c.encode(counts, forKey: .counts)
        try c.encode(stateHash, forKey: .stateHash)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(weights, forKey: .weights)
        try c.encode(tierWeights, forKey: .tierWeights)
        try c.encode(users, forKey: .users)
        try c.encode(usersExtent.total, forKey: .usersTotal)
        try c.encode(usersExtent.truncated, forKey: .usersTruncated)
        try c.encode(driftAlerts, forKey: .driftAlerts)
        try c.encode(driftAlertsExtent.total, forKey: .driftAlertsTotal)
        try c.encode(driftAlertsExtent.truncated, forKey: .driftAlertsTruncated)
        try c.encodeIfPresent(truth, forKey: .truth)
        try c.encode(wallSeconds, forKey: .wallSeconds)
        try c.encode(eventsPerSecond, forKey: .eventsPerSecond)
    }
}

extension ReplayReport.Counts {
    enum CodingKeys: String, CodingKey {
        case events, users, items, positives, decisions
        case labelChanges = "tier_changes", driftAlerts = "drift_alerts", skippedLines = "skipped_lines"
    }
}

extension ReplayReport.UserSummary {
    enum CodingKeys: String, CodingKey {
        case id, events, segment
        case inDrift = "in_drift", driftCosine = "drift_cosine", topLevel = "top_level"
        case topLevelTotal = "top_level_total", topLevelTruncated = "top_level_truncated"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(events, forKey: .events)
        try c.encode(segment, forKey: .segment)
        try c.encode(inDrift, forKey: .inDrift)
        try c.encode(driftCosine, forKey: .driftCosine)
        try c.encode(topLevel, forKey: .topLevel)
        try c.encode(topLevelExtent.total, forKey: .topLevelTotal)
        try c.encode(topLevelExtent.truncated, forKey: .topLevelTruncated)
    }
}

extension ReplayReport.Truth {
    enum CodingKeys: String, CodingKey {
        case meanJensenShannon = "mean_js_distance", finalJensenShannon = "final_js_distance"
        case driftDetectionDelays = "drift_detection_delays"
    }
}
