import ArgumentParser
import StrataCore

/// `--set key=value` overrides of the model config, for ablations and A/B runs.
/// Keys are listed in Docs/model.md ("Configuration keys").
struct ConfigOverrides: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a model setting, e.g. --set cooccurrence_window=0 (repeatable).", valueName: "key=value"))
    var settings: [String] = []

    func config() throws -> ModelConfig { try Self.apply(settings, to: ModelConfig()) }

    static let keys = [
        "cooccurrence_window", "recent_positives", "cooccurrence_recency", "popularity_half_life",
        "ftrl_alpha", "ftrl_beta", "ftrl_l1", "ftrl_l2", "sampled_negatives", "shown_negative_weight",
        "segments", "segment_refresh", "mmr_lambda", "exploration", "seed",
        "short_half_life", "medium_half_life", "long_half_life", "tier_clock", "hysteresis", "drift_threshold",
    ]

    static func apply(_ settings: [String], to base: ModelConfig) throws -> ModelConfig {
        var config = base
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--set \(setting): expected key=value") }
            let (key, text) = (parts[0], parts[1])
            func number() throws -> Double {
                guard let v = Double(text), v.isFinite else { throw ValidationError("--set \(key): expected a number, found '\(text)'") }
                return v
            }
            func count(minimum: Int = 0) throws -> Int {
                guard let v = Int(text), v >= minimum else { throw ValidationError("--set \(key): expected a whole number ≥ \(minimum), found '\(text)'") }
                return v
            }
            func positive() throws -> Double {
                let v = try number()
                guard v > 0 else { throw ValidationError("--set \(key): expected a positive number, found '\(text)'") }
                return v
            }
            switch key {
            case "cooccurrence_window": config.cooccurrenceWindow = try count()
            case "recent_positives": config.recentPositives = try count()
            case "cooccurrence_recency": config.cooccurrenceRecency = try number()
            case "popularity_half_life": config.popularityHalfLife = try positive()
            case "ftrl_alpha": config.learner.alpha = try positive()
            case "ftrl_beta": config.learner.beta = try number()
            case "ftrl_l1": config.learner.l1 = try number()
            case "ftrl_l2": config.learner.l2 = try number()
            case "sampled_negatives": config.sampledNegatives = try count()
            case "shown_negative_weight": config.shownNegativeWeight = try number()
            case "segments": config.segmentCount = try count(minimum: 1)
            case "segment_refresh": config.segmentRefreshEvents = try count()
            case "mmr_lambda": config.mmrLambda = try number()
            case "seed": guard let v = UInt64(text) else { throw ValidationError("--set seed: expected an unsigned integer, found '\(text)'") }; config.seed = v
            case "exploration":
                if text == "none" { config.exploration = .none }
                else if text == "thompson" { config.exploration = .thompson }
                else if text.hasPrefix("epsilon:"), let e = Double(text.dropFirst(8)), (0...1).contains(e) { config.exploration = .epsilonGreedy(e) }
                else { throw ValidationError("--set exploration: expected none, thompson or epsilon:<0..1>, found '\(text)'") }
            case "short_half_life": config.tiers[0].halfLife = try positive()
            case "medium_half_life":
                guard config.tiers.count >= 3 else { throw ValidationError("--set medium_half_life: no medium tier") }
                config.tiers[1].halfLife = try positive()
            case "long_half_life": config.tiers[config.tiers.count - 1].halfLife = try positive()
            case "tier_clock":
                guard let clock = TemporalTier.Clock(rawValue: text) else { throw ValidationError("--set tier_clock: expected events or seconds, found '\(text)'") }
                for t in config.tiers.indices { config.tiers[t].clock = clock }
            case "hysteresis": config.labelRule.hysteresis = try count(minimum: 1)
            case "drift_threshold": config.drift.threshold = try number()
            default:
                throw ValidationError("--set \(key): unknown setting; known: \(keys.joined(separator: ", "))")
            }
        }
        return config
    }
}
