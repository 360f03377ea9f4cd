import StrataCore
import StrataData

/// Writes one trace row per event (Docs/cli.md "Trace columns"): the event, then for the
/// event's user every top-level node's share per temporal tier and its tier label, every
/// learned weight, the drift cosine, the running log-loss and HR@10.
final class TraceRecorder {
    // A class: it owns the open temporary file until commit or abort.
    private let writer: TraceWriter
    private let topLevel: [NodeIndex]
    private let names: [String]
    private let tierNames: [String]
    private let featureNames: [String]

    /// `metadata`: further records the file carries beside the config (`session`).
    init(path: String, model: StrataModel, dataset: Dataset, metadata: [String: [String: String]] = [:]) throws {
        guard let format = TraceFormat(pathExtension: path) else {
            throw CLIError("\(InputText.escaped(path)): use a .csv or .jsonl file name for a trace")
        }
        topLevel = model.taxonomy.topLevel
        names = topLevel.map { model.taxonomy.names[$0] }
        tierNames = model.tiers.map(\.name)
        featureNames = model.featureNames
        var columns = ["action", "value", "gain", "p_accept"]
        for name in names {
            for tier in tierNames { columns.append("share.\(tier).\(name)") }
            columns.append("label.\(name)")
        }
        columns += featureNames.map { "weight.\($0)" }
        columns += ["drift_cosine", "in_drift", "mean_log_loss", "hr10", "tier_changes", "drift_alerts"]
        writer = try TraceWriter(path: path, format: format, columns: columns, config: model.config.settingsRecord, metadata: metadata)
    }

    func record(_ observation: Observation, replayer: Replayer) throws {
        let model = replayer.model
        let event = observation.event
        let u = event.user
        var values: [String: TraceValue] = [
            "action": .text(event.action.rawValue),
            "value": event.value.map { .number($0) } ?? .text(""),
            "gain": .number(observation.gain),
            "p_accept": observation.prediction.map { .number($0) } ?? .text(""),
        ]
        let shares = model.siblingShareTable(user: u)
        let tierCount = model.tiers.count
        let user = model.view(of: u)
        for (k, node) in topLevel.enumerated() {
            for (t, tier) in tierNames.enumerated() { values["share.\(tier).\(names[k])"] = .number(shares[node * tierCount + t]) }
            values["label.\(names[k])"] = .text(user.label(of: node).rawValue)
        }
        for (k, name) in featureNames.enumerated() { values["weight.\(name)"] = .number(model.weights[k]) }
        values["drift_cosine"] = .number(user.driftCosine)
        values["in_drift"] = .bool(user.inDrift)
        values["mean_log_loss"] = .number(model.meanLogLoss)
        values["hr10"] = .number(replayer.hitRate.value)
        values["tier_changes"] = .integer(Int64(observation.labelChanges.count))
        values["drift_alerts"] = .integer(Int64(observation.driftAlerts.count))
        try writer.append(TraceRow(position: observation.position, time: event.time,
                                   user: replayer.dataset.userIDs[u], item: replayer.dataset.catalogue.items[event.item].id,
                                   values: values))
    }

    func commit() throws { try writer.commit() }
    func abort() { writer.abort() }
}

