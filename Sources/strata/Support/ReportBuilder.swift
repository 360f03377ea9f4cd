import Foundation
import StrataCore

/// Turns a finished replay into the JSON report (Docs/cli.md).
enum ReportBuilder {
    /// Lists are cut to keep the report readable; each says how long it was (ReplayReport.ListExtent).
    static let maximumAlerts = 200
    static let maximumTopLevel = 8

    static func replayReport(replayer: Replayer, source: LoadedSource, positives: Int, truth: TruthTracker,
                             focusUser: UserIndex?, wall: Double) -> ReplayReport {
        let model = replayer.model
        let dataset = replayer.dataset
        let names = model.featureNames
        let weights = names.indices.map { ReplayReport.Weight(name: names[$0], value: model.weights[$0]) }
        var tierWeights: [String: Double] = [:]
        for (t, value) in model.tierWeights.enumerated() { tierWeights[model.tiers[t].name] = value }

        let active = model.users.indices.filter { model.view(of: $0).events > 0 }
        let shown: [UserIndex]
        if let focusUser { shown = [focusUser] }
        else if active.count <= 20 { shown = active }
        else { shown = Array(active.sorted { model.view(of: $0).events > model.view(of: $1).events }.prefix(10)) }

        let users = shown.map { userSummary($0, model: model, ids: dataset.userIDs) }
        let alerts = model.driftAlerts.prefix(maximumAlerts).map { alert in
            ReplayReport.Alert(kind: alert.kind.rawValue, position: alert.position, user: dataset.userIDs[alert.user],
                               score: alert.score, rose: alert.rose.map { model.taxonomy.names[$0] },
                               fell: alert.fell.map { model.taxonomy.names[$0] })
        }
        let counts = ReplayReport.Counts(
            events: replayer.position, users: dataset.userIDs.count, items: dataset.catalogue.count, positives: positives,
            decisions: model.decisionCount, labelChanges: model.labelChangeCount, driftAlerts: model.driftAlerts.count,
            skippedLines: source.skippedLines)
        let metrics: [String: Double] = [
            "hr10_sampled": replayer.hitRate.value,
            "hr10_evaluated": Double(replayer.hitRate.evaluated),
            // One positive in this many is ranked (Docs/model.md §12): the sampling rule, said.
            "hr10_every": Double(replayer.hitRate.every),
            "mean_log_loss": model.meanLogLoss,
            "learner_updates": Double(model.learner.updates),
            // Memory of the per-user interest state (strengths and labels of touched nodes) and
            // the process's peak resident set, for the scale figures (Docs/performance.md).
            "interest_state_bytes": Double(model.interestStateBytes),
            "peak_rss_bytes": Double(peakResidentBytes()),
            // The stream as held (EventLog, 24 bytes an event).
            "event_log_bytes": Double(dataset.events.storedBytes),
        ].merging(Self.memoryMetrics(model.memory, users: active.count, items: dataset.catalogue.count)) { a, _ in a }
        return ReplayReport(
            source: source.label, dataset: dataset.name, fingerprint: dataset.fingerprint, config: model.config.settingsRecord,
            itemVectors: source.itemVectors, counts: counts, stateHash: model.stateHash, metrics: metrics, weights: weights, tierWeights: tierWeights,
            users: users, usersExtent: .init(shown: users.count, total: focusUser == nil ? active.count : 1),
            driftAlerts: Array(alerts), driftAlertsExtent: .init(shown: alerts.count, total: model.driftAlerts.count), truth: truth.summary(model: model, userIDs: dataset.userIDs),
            wallSeconds: wall, eventsPerSecond: wall > 0 ? Double(replayer.position) / wall : 0)
    }

    /// The model's memory by part, and per active user and per item (Docs/performance.md "At scale").
    static func memoryMetrics(_ memory: ModelMemory, users: Int, items: Int) -> [String: Double] {
        [
            "memory_interest_bytes": Double(memory.interest),
            "memory_profiles_bytes": Double(memory.profiles),
            "memory_histories_bytes": Double(memory.histories),
            "memory_user_records_bytes": Double(memory.userRecords),
            "memory_cooccurrence_bytes": Double(memory.cooccurrence),
            "memory_popularity_bytes": Double(memory.popularity),
            "memory_logs_bytes": Double(memory.logs),
            "memory_model_bytes": Double(memory.total),
            "memory_bytes_per_user": users > 0 ? Double(memory.perUser) / Double(users) : 0,
            "memory_bytes_per_item": items > 0 ? Double(memory.perItem) / Double(items) : 0,
        ]
    }

    static func userSummary(_ u: UserIndex, model: StrataModel, ids: [String]) -> ReplayReport.UserSummary {
        let tierCount = model.tiers.count
        let shares = model.siblingShareTable(user: u)
        let user = model.view(of: u)
        let nodes = model.taxonomy.topLevel.sorted {
            shares[$0 * tierCount + tierCount - 1] > shares[$1 * tierCount + tierCount - 1] || (shares[$0 * tierCount + tierCount - 1] == shares[$1 * tierCount + tierCount - 1] && $0 < $1)
        }
        let topLevel = nodes.prefix(maximumTopLevel).map { node in
            var byTier: [String: Double] = [:]
            for t in 0..<tierCount { byTier[model.tiers[t].name] = shares[node * tierCount + t] }
            return ReplayReport.NodeState(node: model.taxonomy.names[node], label: user.label(of: node).rawValue, shares: byTier)
        }
        return ReplayReport.UserSummary(id: ids[u], events: user.events, segment: user.segment,
                                        inDrift: user.inDrift, driftCosine: user.driftCosine, topLevel: Array(topLevel),
                                        topLevelExtent: .init(shown: topLevel.count, total: nodes.count))
    }
}

/// The process's peak resident set in bytes (`ru_maxrss`, kilobytes on Linux).
func peakResidentBytes() -> Int {
    PeakMemory.residentBytes()
}
