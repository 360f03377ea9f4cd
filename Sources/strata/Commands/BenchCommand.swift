import ArgumentParser
import Foundation
import StrataCore
import StrataData
import StrataTUI

/// `strata bench`: the performance figures of Docs/performance.md as one JSON object.
/// Refuses debug builds: their numbers mean nothing.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the performance figures (release builds only) and print them as JSON.",
        discussion: "Uses MovieLens-100k from the cache (fetched if missing, unless --no-fetch) and the built-in demo."
    )

    @Flag(name: .long, help: "Do not fetch ml-100k when it is missing; skip its figures instead.")
    var noFetch = false

    @Flag(name: .long, help: "Skip the full prequential evaluations (the slowest part).")
    var skipEval = false

    @Option(name: .long, help: "Measure only these groups (comma-separated): \(BenchGroup.allCases.map(\.rawValue).joined(separator: ", ")).",
            transform: BenchGroup.parseList)
    var only: Set<BenchGroup> = Set(BenchGroup.allCases)

    func run() throws {
        #if DEBUG
        throw CLIError("strata bench measures release builds only: run `swift build -c release` then `.build/release/strata bench`")
        #else
        var figures = BenchFigures()
        let demo = try Scenario.demo.makeDataset()
        if only.contains(.ingest) { figures.add("demo", Benchmarks.ingest(demo)) }
        if only.contains(.replay) { figures.add("demo", Benchmarks.replay(demo)) }

        let needsML: Set<BenchGroup> = [.ingest, .replay, .recommend, .read, .eval, .explorer, .embed]
        let registry = DatasetRegistry()
        var ml: DatasetFiles?
        if !only.isDisjoint(with: needsML) {
            if let files = try? registry.resolve("ml-100k") { ml = files }
            else if !noFetch { ml = try registry.fetch("ml-100k") { printError($0) } }
        }
        var mlDataset: Dataset?
        if let ml {
            let loaded = try DatasetLoader.load(ml)
            let dataset = loaded.dataset
            mlDataset = dataset
            if only.contains(.ingest) { figures.add("ml100k", Benchmarks.ingest(dataset)) }
            if only.contains(.replay) { figures.add("ml100k", Benchmarks.replay(dataset)) }
            if only.contains(.recommend) { figures.add("ml100k", Benchmarks.recommendationLatency(dataset)) }
            if only.contains(.read) {
                let read = try DatasetLoader.benchmarkRead(at: ml.events)
                figures.set("ml100k.read_validate_lines_per_s", read.scanLinesPerSecond)
                figures.set("ml100k.load_events_per_s", read.loadEventsPerSecond)
            }
            if only.contains(.eval) && !skipEval { figures.add("ml100k.eval", try Benchmarks.evaluation(dataset: dataset)) }
            if only.contains(.embed) {
                let models = ModelRegistry()
                var directory = try? models.resolve("minilm")
                if directory == nil && !noFetch { directory = try models.fetch("minilm") { printError($0) } }
                if let directory { figures.add("ml100k.language_model", try Benchmarks.languageModel(dataset, modelDirectory: directory)) }
            }
        }
        if only.contains(.read) {
            let validate = try Benchmarks.streamingValidate()
            figures.set("taobao2m.validate_stream_lines_per_s", validate.linesPerSecond)
            figures.set("taobao2m.validate_id_state_bytes", Double(validate.idStateBytes))
        }
        if only.contains(.session) { figures.add("session", try Benchmarks.sessionReopen(demo)) }
        if only.contains(.explorer) { figures.add("explorer", ExplorerBenchmark.run(clock: monotonicNanoseconds, splitDataset: mlDataset,
                                                                                     lessons: try BuiltInLessons.names.compactMap { try BuiltInLessons.lesson(named: $0) })) }
        try JSONOutput.print(figures.values)
        #endif
    }
}

/// The groups of figures `strata bench --only` can pick.
enum BenchGroup: String, CaseIterable, Sendable {
    case ingest, replay, recommend, read, eval, session, explorer, embed

    static func parseList(_ text: String) throws -> Set<BenchGroup> {
        var groups: Set<BenchGroup> = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let group = BenchGroup(rawValue: name) else {
                throw ValidationError("unknown bench group '\(name)' (known: \(allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            groups.insert(group)
        }
        guard !groups.isEmpty else { throw ValidationError("--only needs at least one group") }
        return groups
    }
}

/// Flat, sorted figure names → values.
struct BenchFigures {
    private(set) var values: [String: Double] = [:]
    mutating func set(_ name: String, _ value: Double) { values[name] = value }
    mutating func add(_ prefix: String, _ more: [String: Double]) {
        for (key, value) in more { values["\(prefix).\(key)"] = value }
    }
}
