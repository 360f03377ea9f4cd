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

    func run() throws {
        #if DEBUG
        throw CLIError("strata bench measures release builds only: run `swift build -c release` then `.build/release/strata bench`")
        #else
        var figures = BenchFigures()
        let demo = try Scenario.demo.makeDataset()
        figures.add("demo", Benchmarks.ingest(demo))
        figures.add("demo", Benchmarks.replay(demo))

        let catalog = DatasetCatalog()
        var ml: DatasetFiles?
        if let files = try? catalog.resolve("ml-100k") { ml = files }
        else if !noFetch { ml = try catalog.fetch("ml-100k") { printError($0) } }
        if let ml {
            let loaded = try DatasetLoader.load(ml)
            let dataset = loaded.dataset
            figures.add("ml100k", Benchmarks.ingest(dataset))
            figures.add("ml100k", Benchmarks.replay(dataset))
            figures.add("ml100k", Benchmarks.recommendationLatency(dataset))
            let read = try DatasetLoader.benchmarkRead(at: ml.events)
            figures.set("ml100k.read_validate_lines_per_s", read.scanLinesPerSecond)
            figures.set("ml100k.load_events_per_s", read.loadEventsPerSecond)
            if !skipEval { figures.add("ml100k.eval", try Benchmarks.evaluation(dataset: dataset)) }
        }
        figures.add("session", try Benchmarks.sessionReopen(demo))
        figures.add("explorer", ExplorerBenchmark.run(clock: monotonicNanoseconds))
        try JSONOutput.print(figures.values)
        #endif
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
