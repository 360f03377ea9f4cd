import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata eval`: prequential evaluation (EVALUATION.md), one JSON line per model, each with
/// 95 % bootstrap intervals; `--compare` adds the paired difference of two models.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Prequential (test-then-train) evaluation: one JSON line per model, with 95 % intervals.",
        discussion: """
        Protocol: Docs/evaluation.md. Example: strata eval --dataset ml-100k --models strata,item-knn. \
        Compare two models on the same positives: strata eval --dataset ml-100k --compare item-knn \
        (or --b-set features.cooccurrence=false, or --compare ablation.toml).
        """
    )

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var overrides: ConfigOverrides
    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .long, help: "Evaluate every N-th positive (N = 1 evaluates all).")
    var every = 1

    @Option(name: .customLong("models"), parsing: .upToNextOption,
            help: "Models, space- or comma-separated: strata, most-popular, decayed-popular, item-knn (default: all; with --compare: strata).")
    var modelArguments: [String] = []

    /// `--models a,b c` → [a, b, c].
    var models: [String] {
        let listed = modelArguments.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
        if !listed.isEmpty { return listed }
        return isComparing ? ["strata"] : Self.knownModels
    }

    @Option(name: .long, help: "Half-life of DecayedPopular in seconds of stream time (default 86400).")
    var halfLife: Double?

    @Option(name: .long, help: ArgumentHelp("Compare model A (--models, one) with B: a model name (strata, most-popular, decayed-popular, item-knn) or a config file for the strata model; prints a third line with the paired difference, its interval and tests.", valueName: "model|file"))
    var compare: String?

    @Option(name: .customLong("b-set"), help: ArgumentHelp("Override for configuration B of the strata model (repeatable); implies --compare strata.", valueName: "key=value"))
    var bSettings: [String] = []

    @Option(name: .long, help: "Bootstrap resamples for the 95 % intervals (1 to 100000).")
    var resamples = 1000

    @Option(name: .customLong("ci-seed"), help: "Seed of the bootstrap's generator.")
    var ciSeed: UInt64 = 42

    @Option(name: .customLong("ci-unit"), help: "What the bootstrap resamples: users, time-blocks, or auto (users when at least 20 were evaluated).")
    var ciUnit = "auto"

    @Option(name: .long, help: "Also report metrics over consecutive windows of N stream events (the prequential curve).")
    var window: Int?

    @Option(name: .customLong("per-user"), help: ArgumentHelp("Write every evaluated user's metrics to this file (.csv or .jsonl), per model.", valueName: "file"))
    var perUser: String?

    @Option(name: .long, help: ArgumentHelp("What counts as a positive: actions, comma-separated, from rate (a rating at or above 4), click, cart, favourite, purchase, accept (default: all six).", valueName: "actions"))
    var positives: String?

    @Option(name: .long, help: ArgumentHelp("A positive whose item the user already had: skip it (EVALUATION.md) or allow it, ranked against the whole catalogue.", valueName: "skip|allow"))
    var repeats = "skip"

    var isComparing: Bool { compare != nil || !bSettings.isEmpty }

    /// The protocol's positives and repeats (Docs/evaluation.md "Positives and repeats").
    func positiveRule() throws -> PositiveRule {
        guard let policy = RepeatPolicy(rawValue: repeats) else {
            throw ValidationError("--repeats \(InputText.quoted(repeats)): expected skip or allow")
        }
        let actions = try positives.map { text -> Set<Action> in
            do { return try PositiveRule.parseActions(text) } catch { throw ValidationError("\(error)") }
        } ?? PositiveRule.standardActions
        return PositiveRule(actions: actions, repeats: policy)
    }

    /// True when A or B is the strata model (the one that reads item vectors).
    var usesStrataModel: Bool {
        models.contains("strata") || (isComparing && !Self.knownModels.contains(where: { $0 != "strata" && $0 == compare }))
    }

    func validate() throws {
        guard every >= 1 else { throw ValidationError("--every must be at least 1, got \(every)") }
        _ = try positiveRule()
        for model in models where !Self.knownModels.contains(model) {
            throw ValidationError("--models: unknown model '\(SettingRange.shown(model))'; known: \(Self.knownModels.joined(separator: ", "))")
        }
        guard (1...100_000).contains(resamples) else { throw ValidationError("--resamples must be from 1 to 100000, got \(resamples)") }
        guard ["auto", "users", "time-blocks"].contains(ciUnit) else {
            throw ValidationError("--ci-unit \(InputText.quoted(ciUnit)): expected auto, users or time-blocks")
        }
        if let window, !(1...1_000_000_000).contains(window) { throw ValidationError("--window must be from 1 to 1000000000, got \(window)") }
        if let perUser, TraceFormat(pathExtension: perUser) == nil {
            throw ValidationError("--per-user \(InputText.escaped(perUser)): use a .csv or .jsonl file name")
        }
        if isComparing {
            guard models.count == 1 else {
                throw ValidationError("--compare compares one model A (--models, default strata) with B; --models lists \(models.count)")
            }
            if !bSettings.isEmpty, let compare, compare != "strata", Self.knownModels.contains(compare) {
                throw ValidationError("--b-set: B is \(compare), which has no settings; --b-set changes the strata model")
            }
            if let compare, !Self.knownModels.contains(compare), !FileManager.default.fileExists(atPath: compare) {
                throw ValidationError("--compare \(InputText.quoted(compare)): not a model (\(Self.knownModels.joined(separator: ", "))) and no such config file")
            }
        }
        // Options a run would not read are refused rather than ignored (issue 8).
        if overrides.isOverridden && !models.contains("strata") {
            throw ValidationError("--set, --config: eval does not use them without the strata model (--models \(models.joined(separator: " ")))")
        }
        if (source.embeddings != nil || source.embed != nil) && !usesStrataModel {
            throw ValidationError("--embeddings, --embed: eval does not use item vectors without the strata model (--models \(models.joined(separator: " ")))")
        }
        if let halfLife {
            do { try SettingRange.halfLife.check(halfLife, key: "--half-life") } catch { throw ValidationError("\(error)") }
            if !(models + [compare ?? ""]).contains("decayed-popular") {
                throw ValidationError("--half-life: eval does not use it without the decayed-popular model")
            }
        }
        _ = try evaluatedConfig()
        if isComparing { _ = try configB() }
    }

    /// The strata model's config; eval scores every item, so list-shaping settings are refused.
    func evaluatedConfig() throws -> ModelConfig { try overrides.config(command: "eval", uses: [.learning]) }

    /// B's strata config: A's, or the `--compare` file, with `--b-set` on top.
    func configB() throws -> ModelConfig {
        var base = try evaluatedConfig()
        if let compare, !Self.knownModels.contains(compare) {
            base = try ConfigOverrides.load(compare, onto: ModelConfig(), option: "--compare", command: "eval", uses: [.learning])
        }
        return try ConfigOverrides.apply(bSettings, to: base, option: "--b-set", command: "eval", uses: [.learning])
    }

    static let knownModels = RecommenderKind.names

    var bootstrap: Bootstrap {
        Bootstrap(resamples: resamples, seed: ciSeed, unit: ciUnit == "auto" ? nil : Bootstrap.Unit(rawValue: ciUnit))
    }

    func run() throws {
        let config = try evaluatedConfig()
        let loaded = try source.load(progress: progressOptions.readProgress())
        for warning in loaded.warnings { printError(warning) }
        let dataset = loaded.dataset
        var runs: [(name: String, report: EvaluationReport, evaluated: [EvaluatedPositive])] = []
        var plan: [(model: String, config: ModelConfig, side: String?)] = models.map { ($0, config, isComparing ? "A" : nil) }
        if isComparing {
            let b = compare.flatMap { Self.knownModels.contains($0) ? $0 : nil } ?? "strata"
            plan.append((b, try configB(), "B"))
        }
        for (name, settings, side) in plan {
            var (report, evaluated) = try Self.evaluate(name, config: settings, halfLife: halfLife, every: every, rule: try positiveRule(), loaded: loaded,
                                                       progress: progressOptions.reporter("eval \(name)\(side.map { " (\($0))" } ?? "")",
                                                                                          total: dataset.events.count))
            report.attach(bootstrap.intervals(of: evaluated))
            if let window {
                report.window = window
                report.windows = WindowMetrics.windows(of: evaluated, size: window, events: dataset.events.count)
            }
            report.side = side
            if name == "strata" { report.itemVectors = loaded.itemVectors }
            print(try JSONOutput.line(report))
            runs.append((name, report, evaluated))
        }
        if isComparing, runs.count == 2 {
            let comparison: PairedComparison
            do {
                comparison = try bootstrap.compare(runs[0].evaluated, runs[1].evaluated)
            } catch {
                throw CLIError("--compare: \(error)")
            }
            print(try JSONOutput.line(ComparisonLine(a: runs[0].report, b: runs[1].report, comparison: comparison)))
        }
        if let perUser {
            try PerUserFile.write(runs.map { ($0.report.model + ($0.report.side.map { " " + $0 } ?? ""), $0.evaluated) },
                                  userIDs: dataset.userIDs, to: perUser, config: config.settingsRecord)
        }
    }

    /// One model's prequential pass, with every evaluated positive.
    static func evaluate(_ name: String, config: ModelConfig, halfLife: Double?, every: Int, rule: PositiveRule, loaded: LoadedSource,
                         progress: ProgressReporter) throws -> (EvaluationReport, [EvaluatedPositive]) {
        let dataset = loaded.dataset
        let evaluator = PrequentialEvaluator(every: every, rule: rule)
        defer { progress.finish() }
        guard let kind = RecommenderKind(rawValue: name) else { throw CLIError("--models: unknown model '\(SettingRange.shown(name))'") }
        var model = kind.make(for: dataset, config: config, halfLifeSeconds: halfLife ?? 86_400)
        let result = evaluator.evaluateRecording(&model, on: dataset, dataSHA256: loaded.fileDigests, clock: monotonicNanoseconds,
                                                 progress: progress.update)
        try (model as? AdaptiveRankingModel)?.model.requireFinite()
        return result
    }
}

/// The third line of `eval --compare`: A − B with its interval and tests (Docs/evaluation.md
/// "Comparing two models").
struct ComparisonLine: Encodable {
    var a: EvaluationReport
    var b: EvaluationReport
    var comparison: PairedComparison

    struct Difference: Encodable {
        var diff: Double
        var ci95: [Double]
        var pBootstrap: Double
        enum CodingKeys: String, CodingKey { case diff, ci95, pBootstrap = "p_bootstrap" }
    }

    enum CodingKeys: String, CodingKey {
        case compare, a, b, evaluated, hr10, ndcg10, mrr, hr10SignTest = "hr10_sign_test", rankSignTest = "rank_sign_test"
        case ci95Unit = "ci95_unit", ci95Clusters = "ci95_clusters", ci95Resamples = "ci95_resamples", ci95Seed = "ci95_seed"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("A - B", forKey: .compare)
        try container.encode(a.model, forKey: .a)
        try container.encode(b.model, forKey: .b)
        try container.encode(comparison.evaluated, forKey: .evaluated)
        func difference(_ d: PairedComparison.Difference) -> Difference { Difference(diff: d.value, ci95: d.interval.pair, pBootstrap: d.pBootstrap) }
        try container.encode(difference(comparison.hitRateAt10), forKey: .hr10)
        try container.encode(difference(comparison.ndcgAt10), forKey: .ndcg10)
        try container.encode(difference(comparison.mrr), forKey: .mrr)
        // McNemar's exact test: positives only A hit against positives only B hit.
        try container.encode(["a_only": Double(comparison.hitsOnlyA), "b_only": Double(comparison.hitsOnlyB), "p": comparison.hitSignTestP],
                             forKey: .hr10SignTest)
        try container.encode(["a_better": Double(comparison.rankBetterA), "b_better": Double(comparison.rankBetterB),
                              "ties": Double(comparison.rankTies), "p": comparison.rankSignTestP], forKey: .rankSignTest)
        try container.encode(comparison.unit.rawValue, forKey: .ci95Unit)
        try container.encode(comparison.clusters, forKey: .ci95Clusters)
        try container.encode(comparison.resamples, forKey: .ci95Resamples)
        try container.encode(comparison.seed, forKey: .ci95Seed)
    }
}
