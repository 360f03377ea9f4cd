/// Named switches for ablations (issue 12, item 3; Docs/model.md §7 "Feature switches"):
/// `features.cooccurrence = false` turns the co-occurrence feature off, `features.short = false`
/// every feature of the first temporal tier, `features.L2 = false` the level-2 share features.
///
/// A feature that is off is *exactly* off: its value is 0 in every feature vector and its
/// weight starts at 0, so FTRL never updates it (an update touches only non-zero coordinates)
/// and bulk scoring adds `0 · x`. With every switch on the model runs the code it ran before
/// the switches existed, bit for bit (`ModelConfig.features` is nil then).
public struct FeatureSwitches: Hashable, Sendable, Codable {
    public var cooccurrence = true
    public var content = true
    public var segments = true
    public var popularity = true
    /// Temporal tiers (indices into `ModelConfig.tiers`, ascending) whose share and content
    /// features are off.
    public var disabledTiers: [Int] = []
    /// Taxonomy levels (1…4, ascending) whose share features are off, in every tier.
    public var disabledLevels: [Int] = []

    public init() {}

    /// Every switch on: the model's full feature vector.
    public var allOn: Bool {
        cooccurrence && content && segments && popularity && disabledTiers.isEmpty && disabledLevels.isEmpty
    }

    /// Whether each coordinate of `layout` is on; nil when every one is (no mask to apply).
    /// The bias is never switched off. O(dimension).
    public func mask(for layout: FeatureLayout) -> [Bool]? {
        guard !allOn else { return nil }
        return layout.kinds.map { kind in
            switch kind {
            case let .share(tier, level): return !disabledTiers.contains(tier) && !disabledLevels.contains(level)
            case let .content(tier): return content && !disabledTiers.contains(tier)
            case .cooccurrence: return cooccurrence
            case .popularity: return popularity
            case .segmentPopularity: return segments
            case .bias: return true
            }
        }
    }

    mutating func set(tier: Int, on: Bool) {
        disabledTiers.removeAll { $0 == tier }
        if !on { disabledTiers.append(tier); disabledTiers.sort() }
    }

    mutating func set(level: Int, on: Bool) {
        disabledLevels.removeAll { $0 == level }
        if !on { disabledLevels.append(level); disabledLevels.sort() }
    }
}

extension ModelConfig {
    /// The switches in effect (every one on when `features` is nil).
    public var featureSwitches: FeatureSwitches {
        get { features ?? FeatureSwitches() }
        set { features = newValue.allOn ? nil : newValue }
    }

    /// The rows of `ModelConfig.settings` for the switches: `features.<name>` = true | false.
    static let featureSwitchSettings: [ModelSetting] = {
        var rows: [ModelSetting] = [
            .toggle("features.cooccurrence", get: { $0.cooccurrence }, set: { $0.cooccurrence = $1 }),
            .toggle("features.content", get: { $0.content }, set: { $0.content = $1 }),
            .toggle("features.segments", get: { $0.segments }, set: { $0.segments = $1 }),
            .toggle("features.popularity", get: { $0.popularity }, set: { $0.popularity = $1 }),
        ]
        // Tiers by position, as the half-life keys: first, middle (three tiers), last.
        rows.append(.tierToggle("features.short") { $0.isEmpty ? nil : 0 })
        rows.append(.tierToggle("features.medium") { $0.count >= 3 ? 1 : nil })
        rows.append(.tierToggle("features.long") { $0.count >= 2 ? $0.count - 1 : nil })
        for level in 1...Taxonomy.maximumDepth {
            rows.append(.toggle("features.L\(level)", get: { !$0.disabledLevels.contains(level) },
                                set: { $0.set(level: level, on: $1) }))
        }
        return rows
    }()

    /// Switches a decoded config (a session's) may hold that no key can express.
    func checkFeatureSwitches() throws(ModelConfigError) {
        guard let features else { return }
        for tier in features.disabledTiers where !tiers.indices.contains(tier) {
            throw ModelConfigError(key: "features", value: "tier \(tier)", allowed: "a tier of the config", reason: "no such tier")
        }
        for level in features.disabledLevels where !(1...Taxonomy.maximumDepth).contains(level) {
            throw ModelConfigError(key: "features", value: "L\(level)", allowed: "levels 1 to \(Taxonomy.maximumDepth)", reason: "no such level")
        }
    }
}

extension ModelSetting {
    static let onOff = SettingRange.choice(["true", "false"])

    static func toggle(_ key: String, get: @escaping @Sendable (FeatureSwitches) -> Bool,
                       set: @escaping @Sendable (inout FeatureSwitches, Bool) -> Void) -> ModelSetting {
        ModelSetting(key: key, range: onOff, use: .learning,
                     render: { get($0.featureSwitches) ? "true" : "false" },
                     assign: { (config, text) throws(ModelConfigError) in
                         let on = try onOff.parseChoice(text, key: key) == "true"
                         var switches = config.featureSwitches
                         set(&switches, on)
                         config.featureSwitches = switches
                     })
    }

    static func tierToggle(_ key: String, index: @escaping @Sendable ([TemporalTier]) -> Int?) -> ModelSetting {
        ModelSetting(key: key, range: onOff, use: .learning,
                     render: { config in index(config.tiers).map { config.featureSwitches.disabledTiers.contains($0) ? "false" : "true" } },
                     assign: { (config, text) throws(ModelConfigError) in
                         let on = try onOff.parseChoice(text, key: key) == "true"
                         guard let t = index(config.tiers) else {
                             throw ModelConfigError(key: key, value: text, allowed: "a config with that tier", reason: "no such tier")
                         }
                         var switches = config.featureSwitches
                         switches.set(tier: t, on: on)
                         config.featureSwitches = switches
                     })
    }
}
