import ArgumentParser
import Foundation
import StrataCore

/// `strata eval`: prequential evaluation (EVALUATION.md), one JSON line per model.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Prequential (test-then-train) evaluation: one JSON line per model.",
        discussion: "Protocol: ../shared/EVALUATION.md (Docs/evaluation.md). Example: strata eval --dataset ml-100k"
    )

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var overrides: ConfigOverrides

    @Option(name: .long, help: "Evaluate every N-th positive (N = 1 evaluates all).")
    var every = 1

    @Option(name: .long, parsing: .upToNextOption, help: "Models: strata, most-popular, decayed-popular, item-knn (default: all).")
    var models: [String] = ["strata", "most-popular", "decayed-popular", "item-knn"]

    @Option(name: .long, help: "Half-life of DecayedPopular in seconds of stream time.")
    var halfLife = 86_400.0

    func validate() throws {
        guard every >= 1 else { throw ValidationError("--every must be at least 1, got \(every)") }
        for model in models where !Self.knownModels.contains(model) {
            throw ValidationError("--models: unknown model '\(model)'; known: \(Self.knownModels.joined(separator: ", "))")
        }
    }

    static let knownModels = ["strata", "most-popular", "decayed-popular", "item-knn"]

    func run() throws {
        let loaded = try source.load()
        for warning in loaded.warnings { printError(warning) }
        let config = try overrides.config()
        let dataset = loaded.dataset
        let evaluator = PrequentialEvaluator(every: every)
        let n = dataset.catalogue.count
        for name in models {
            let report: EvaluationReport
            switch name {
            case "strata":
                var model = AdaptiveRankingModel(model: StrataModel(catalogue: dataset.catalogue, config: config, userCount: dataset.userIDs.count))
                report = evaluator.evaluate(&model, on: dataset, dataSHA256: loaded.fileDigests, clock: monotonicNanoseconds)
                try model.model.requireFinite()
            case "most-popular":
                var model = MostPopular(itemCount: n)
                report = evaluator.evaluate(&model, on: dataset, dataSHA256: loaded.fileDigests, clock: monotonicNanoseconds)
            case "decayed-popular":
                var model = DecayedPopular(itemCount: n, halfLifeSeconds: halfLife)
                report = evaluator.evaluate(&model, on: dataset, dataSHA256: loaded.fileDigests, clock: monotonicNanoseconds)
            default:
                var model = ItemKNN(itemCount: n)
                report = evaluator.evaluate(&model, on: dataset, dataSHA256: loaded.fileDigests, clock: monotonicNanoseconds)
            }
            print(try JSONOutput.line(report))
        }
    }
}
