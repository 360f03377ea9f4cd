import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata export`: traces of a replay as CSV or JSONL (Docs/research.md).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write traces of a replay as CSV or JSONL: per-event state, tier changes or drift alerts.",
        discussion: "The format follows the output's extension (.csv, .jsonl). Columns: Docs/sessions.md and Docs/research.md."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case events, labelChanges = "tier-changes", driftAlerts = "drift-alerts" }

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var overrides: ConfigOverrides

    @Option(name: .shortAndLong, help: "Output file (.csv or .jsonl), written atomically.")
    var output: String

    @Option(name: .long, help: "What to export: events (per-event trace), tier-changes, drift-alerts.")
    var kind: Kind = .events

    @Option(name: .long, help: "Only this user's rows (external id).")
    var user: String?

    @Option(name: .long, help: "A session file (read only, never changed): its settings and decisions are replayed, so the export is what the explorer showed.")
    var session: String?

    func validate() throws {
        guard TraceFormat(pathExtension: output) != nil else {
            throw ValidationError("--output \(InputText.escaped(output)): use a .csv or .jsonl file name")
        }
    }

    func run() throws {
        let loaded = try source.load()
        for warning in loaded.warnings { printError(warning) }
        let dataset = loaded.dataset
        let focus = try user.map { id -> UserIndex in
            guard let index = dataset.userIDs.firstIndex(of: id) else { throw CLIError("--user \(InputText.escaped(id)): no such user in \(InputText.quoted(loaded.label))") }
            return index
        }
        let requested = try overrides.config(command: "export", uses: [.learning])
        // The session is read and checked before the output file is created.
        let reading = try session.map { try SessionReading.read($0, dataset: dataset, requested: requested, overridden: overrides.isOverridden,
                                                                        itemVectors: loaded.itemVectors) }
        var replayer = reading?.replayer(for: dataset) ?? Replayer(dataset: dataset, config: requested, keepsCheckpoints: false)
        // Language-model vectors are part of what made the trace (TF-IDF, the default, is not named).
        let metadata = (reading?.metadata ?? [:]).merging(loaded.itemVectorsMetadata) { $1 }
        switch kind {
        case .events:
            let recorder = try TraceRecorder(path: output, model: replayer.model, dataset: dataset, metadata: metadata)
            do {
                while let observation = replayer.step() {
                    if focus == nil || focus == observation.event.user { try recorder.record(observation, replayer: replayer) }
                }
                try replayer.model.requireFinite()
                try recorder.commit()
            } catch {
                recorder.abort()
                throw error
            }
        case .labelChanges, .driftAlerts:
            replayer.seek(to: replayer.total)
            try replayer.model.requireFinite()
            let model = replayer.model
            let format = TraceFormat(pathExtension: output) ?? .csv
            let rows: [TraceRow]
            let columns: [String]
            if kind == .labelChanges {
                columns = ["node", "from", "to"]
                rows = model.labelChanges.filter { focus == nil || $0.user == focus }.map { change in
                    TraceRow(position: change.position, time: change.time, user: dataset.userIDs[change.user], item: "",
                             values: ["node": .text(model.taxonomy.displayPath(of: change.node)),
                                      "from": .text(change.from.rawValue), "to": .text(change.to.rawValue)])
                }
            } else {
                columns = ["kind", "score", "rose", "fell"]
                rows = model.driftAlerts.filter { focus == nil || $0.user == focus }.map { alert in
                    TraceRow(position: alert.position, time: alert.time, user: dataset.userIDs[alert.user], item: "",
                             values: ["kind": .text(alert.kind.rawValue), "score": .number(alert.score),
                                      "rose": .text(alert.rose.map { model.taxonomy.names[$0] }.joined(separator: ";")),
                                      "fell": .text(alert.fell.map { model.taxonomy.names[$0] }.joined(separator: ";"))])
                }
            }
            try TraceWriter.write(rows, to: output, format: format, columns: columns, config: model.config.settingsRecord, metadata: metadata)
        }
        print("wrote \(InputText.escaped(output))" + (reading?.summary ?? ""))
    }
}
