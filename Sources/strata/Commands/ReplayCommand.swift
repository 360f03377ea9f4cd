import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata replay --headless`: replays a stream through the model and prints a JSON report.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a stream through the model without a screen and print a JSON report.",
        discussion: "Reads the demo, a scenario or a dataset; `--trace FILE` writes per-event shares, labels and weights (CSV or JSONL by extension)."
    )

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var overrides: ConfigOverrides
    @OptionGroup var progressOptions: ProgressOptions

    @Flag(name: .long, help: "Run without the terminal interface (required; the explorer is `strata explore`).")
    var headless = false

    @Option(name: .long, help: "Write a per-event trace to this file (.csv or .jsonl).")
    var trace: String?

    @Option(name: .long, help: "Trace only this user's events (external id).")
    var user: String?

    @Option(name: .long, help: "Stop after this many events.")
    var limit: Int?

    @Option(name: .long, help: "Replay one user shard K/N (0 ≤ K < N ≤ 4096): the users whose id hashes to K mod N (Docs/scaling.md).")
    var shard: String?

    @Option(name: .long, help: "A session file to create or reopen: its settings and decisions are replayed; the session itself is not changed (its saved position stays).")
    var session: String?

    func validate() throws {
        guard headless else { throw ValidationError("replay needs --headless (the interactive view is `strata explore`)") }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative, got \(limit)") }
        if let shard { _ = try Self.parseShard(shard) }
        if let trace, TraceFormat(pathExtension: trace) == nil {
            throw ValidationError("--trace \(InputText.escaped(trace)): use a .csv or .jsonl file name")
        }
    }

    func run() throws {
        let loaded = try source.load(progress: progressOptions.readProgress())
        for warning in loaded.warnings { printError(warning) }
        let config = try overrides.config(command: "replay", uses: [.learning])
        let dataset = try shard.map { loaded.dataset.restricted(to: try Self.parseShard($0)) } ?? loaded.dataset
        let focusUser = try user.map { id -> UserIndex in
            guard let index = dataset.userIDs.firstIndex(of: id) else { throw CLIError("--user \(InputText.escaped(id)): no such user in \(InputText.quoted(loaded.label))") }
            return index
        }

        var store: SessionStore?
        var replayer = Replayer(dataset: dataset, config: config, keepsCheckpoints: false, logsLabelChanges: false)
        if let session {
            try SessionOpening.checkItemVectors(at: session, run: loaded.itemVectors)
            let opened = try SessionOpening.open(at: session, dataset: dataset, label: loaded.label, requested: config,
                                                 overridden: overrides.isOverridden)
            store = opened.store
            do {
                try SessionOpening.recordItemVectors(loaded.itemVectors, in: opened.store)
            } catch {
                try? opened.store.close()
                throw error
            }
            if opened.config != config { replayer = Replayer(dataset: dataset, config: opened.config, keepsCheckpoints: false, logsLabelChanges: false) }
            replayer.load(decisions: try SessionDecisions.resolve(opened.store.decisions(), in: dataset, session: session))
        }
        defer { try? store?.close() }

        var traceWriter: TraceRecorder?
        if let trace { traceWriter = try TraceRecorder(path: trace, model: replayer.model, dataset: dataset) }

        let truth = loaded.scenario.flatMap { try? ScenarioWorld(scenario: $0) }
        var tracker = TruthTracker(world: truth, userCount: dataset.userIDs.count)

        let end = min(limit ?? dataset.events.count, dataset.events.count)
        let start = monotonicNanoseconds()
        var positives = 0
        let progress = progressOptions.reporter("replay", total: end)
        defer { progress.finish() }
        do {
            while replayer.position < end, let observation = replayer.step() {
                if replayer.position & 4095 == 0 || replayer.position == end { progress.update(replayer.position) }
                if replayer.model.config.gains.isPositive(observation.event.action, value: observation.event.value) { positives += 1 }
                tracker.observe(observation, model: replayer.model)
                if let traceWriter, focusUser == nil || focusUser == observation.event.user {
                    try traceWriter.record(observation, replayer: replayer)
                }
            }
            try replayer.model.requireFinite()
            try traceWriter?.commit()
        } catch {
            traceWriter?.abort()
            throw error
        }
        let wall = Double(monotonicNanoseconds() - start) / 1e9
        // A headless replay reads the session; where the explorer left it stays (Docs/sessions.md §1).

        let report = ReportBuilder.replayReport(
            replayer: replayer, source: loaded, positives: positives, truth: tracker,
            focusUser: focusUser, wall: wall)
        try JSONOutput.print(report)
    }

    /// `K/N` with 0 ≤ K < N ≤ 4096.
    static func parseShard(_ text: String) throws -> UserShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), (1...4096).contains(n), (0..<n).contains(k) else {
            throw ValidationError("--shard \(InputText.escaped(text)): expected K/N with 0 ≤ K < N ≤ 4096, e.g. 3/16")
        }
        return UserShard(index: k, count: n)
    }
}

