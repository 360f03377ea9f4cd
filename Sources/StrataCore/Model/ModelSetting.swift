/// One key of `ModelConfig.settings`: how `--set key=value` reads it, the range it must be in,
/// and the canonical text every output records (`ModelConfig.settingsRecord`).
public struct ModelSetting: Sendable {
    /// Which work of the model a setting changes, so a command can refuse a setting it never
    /// reads instead of ignoring it (issue 8).
    public enum Use: String, Hashable, Sendable {
        /// What the model learns from each event: every replay, evaluation, trace and chart.
        case learning
        /// Only the recommendation lists shown (candidates, MMR, exploration): the explorer.
        case slates
        /// Only slates recorded with `Replayer.show` as weak negatives: no command does that
        /// (Docs/model.md design note 8), so the key is for library callers.
        case shownSlates
    }

    public let key: String
    public let range: SettingRange
    public let use: Use
    /// The value's canonical text (what `--set` accepts); nil when the config has no such
    /// field (a medium tier of a two-tier config).
    let render: @Sendable (ModelConfig) -> String?
    /// Parses `text`, checks its range and stores it.
    let assign: @Sendable (inout ModelConfig, String) throws(ModelConfigError) -> Void

    /// The value's text in `config`, nil when it does not apply.
    public func value(in config: ModelConfig) -> String? { render(config) }

    /// Sets the value from `text` after checking it.
    public func apply(_ text: String, to config: inout ModelConfig) throws(ModelConfigError) {
        try assign(&config, text)
    }

    static func number(_ key: String, _ range: SettingRange, _ use: Use = .learning,
                       get: @escaping @Sendable (ModelConfig) -> Double,
                       set: @escaping @Sendable (inout ModelConfig, Double) -> Void) -> ModelSetting {
        ModelSetting(key: key, range: range, use: use, render: { SettingRange.text(get($0)) },
                     assign: { (config, text) throws(ModelConfigError) in set(&config, try range.parseReal(text, key: key)) })
    }

    static func count(_ key: String, _ range: ClosedRange<Int>, _ use: Use = .learning,
                      get: @escaping @Sendable (ModelConfig) -> Int,
                      set: @escaping @Sendable (inout ModelConfig, Int) -> Void) -> ModelSetting {
        let kind = SettingRange.whole(range)
        return ModelSetting(key: key, range: kind, use: use, render: { String(get($0)) },
                            assign: { (config, text) throws(ModelConfigError) in set(&config, try kind.parseWhole(text, key: key)) })
    }

    /// A tier's half-life; `index` picks the tier from the config's list (nil: no such tier).
    static func halfLife(_ key: String, index: @escaping @Sendable ([TemporalTier]) -> Int?) -> ModelSetting {
        ModelSetting(
            key: key, range: .halfLife, use: .learning,
            render: { config in index(config.tiers).map { SettingRange.text(config.tiers[$0].halfLife) } },
            assign: { (config, text) throws(ModelConfigError) in
                guard let t = index(config.tiers) else {
                    throw ModelConfigError(key: key, value: text, allowed: "a config with that tier", reason: "no such tier")
                }
                config.tiers[t].halfLife = try SettingRange.halfLife.parseReal(text, key: key)
            })
    }
}
