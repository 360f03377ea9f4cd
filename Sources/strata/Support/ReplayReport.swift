import StrataCore

/// The JSON report of `strata replay --headless` (Docs/cli.md).
struct ReplayReport: Encodable {
    struct Counts: Encodable {
        var events: Int
        var users: Int
        var items: Int
        var positives: Int
        var decisions: Int
        var tierChanges: Int
        var driftAlerts: Int
        var skippedLines: Int
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
        var topLevel: [NodeState]
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
    var counts: Counts
    var stateHash: String
    var metrics: [String: Double]
    var weights: [Weight]
    var tierWeights: [String: Double]
    var users: [UserSummary]
    var driftAlerts: [Alert]
    var truth: Truth?
    var wallSeconds: Double
    var eventsPerSecond: Double

    enum CodingKeys: String, CodingKey {
        case source, dataset, fingerprint, config, counts, metrics, weights, users, truth
        case stateHash = "state_hash", tierWeights = "tier_weights", driftAlerts = "drift_alerts"
        case wallSeconds = "wall_s", eventsPerSecond = "events_per_s"
    }
}

extension ReplayReport.Counts {
    enum CodingKeys: String, CodingKey {
        case events, users, items, positives, decisions
        case tierChanges = "tier_changes", driftAlerts = "drift_alerts", skippedLines = "skipped_lines"
    }
}

extension ReplayReport.UserSummary {
    enum CodingKeys: String, CodingKey {
        case id, events, segment
        case inDrift = "in_drift", driftCosine = "drift_cosine", topLevel = "top_level"
    }
}

extension ReplayReport.Truth {
    enum CodingKeys: String, CodingKey {
        case meanJensenShannon = "mean_js_distance", finalJensenShannon = "final_js_distance"
        case driftDetectionDelays = "drift_detection_delays"
    }
}
