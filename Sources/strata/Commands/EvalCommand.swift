import ArgumentParser
import Foundation
import StrataCore

/// `strata eval`: prequential evaluation (EVALUATION.md), one JSON line per model.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Prequential (test-then-train) evaluation: one JSON line per model.",
        discussion: "Protocol: Docs/evaluation.md. Example: strata eval --dataset ml-100k --models strata,item-knn"
    )

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var overrides: ConfigOverrides

    @Option(name: .long, help: "Evaluate every N-th positive (N = 1 evaluates all).")
    var every = 1

    @Option(name: .customLong("models"), parsing: .upToNextOption,
            help: "Models, space- or comma-separated: strata, most-popular, decayed-popular, item-knn (default: all).")
    var modelArguments: [String] = ["strata,most-popular,decayed-popular,item-knn"]

    /// `--models a,b c` → [a, b, c].
    var models: [String] { modelArguments.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty } }

    @Option(name: .long, help: "Half-life of DecayedPopular in seconds of stream time (default 86400).")
    var halfLife: Double?

    func validate() throws {
        guard every >= 1 else { throw ValidationError("--every must be at least 1, got \(every)") }
        for model in models where !Self.knownModels.contains(model) {
            throw ValidationError("--models: unknown model '\(SettingRange.shown(model))'; known: \(Self.knownModels.joined(separator: ", "))")
        }
        // Options a run would not read are refused rather than ignored (issue 8).
        if overrides.isOverridden && !models.contains("strata") {
            throw ValidationError("--set, --config: eval does not use them without the strata model (--models \(models.joined(separator: " ")))")
        }
        if let halfLife {
            do { try SettingRange.halfLife.check(halfLife, key: "--half-life") } catch { throw ValidationError("\(error)") }
            if !models.contains("decayed-popular") {
                throw ValidationError("--half-life: eval does not use it without the decayed-popular model")
            }
        }
        _ = try evaluatedConfig()
    }

    /// The strata model's config; eval scores every item, so list-shaping settings are refused.
    func evaluatedConfig() throws -> ModelConfig { try overrides.config(command: "eval", uses: [.learning]) }

    static let knownModels = ["strata", "most-popular", "decayed-popular", "item-knn"]

    func run() throws {
        let config = try evaluatedConfig()
        let loaded = try source.load()
        for warning in loaded.warnings { printError(warning) }
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
                var model = DecayedPopular(itemCount: n, halfLifeSeconds: halfLife ?? 86_400)
                report = evaluator.evaluate(&model, on: dataset, dataSHA256: loaded.fileDigests, clock: monotonicNanoseconds)
            default:
                var model = ItemKNN(itemCount: n)
                report = evaluator.evaluate(&model, on: dataset, dataSHA256: loaded.fileDigests, clock: monotonicNanoseconds)
            }
            print(try JSONOutput.line(report))
        }
    }
}
