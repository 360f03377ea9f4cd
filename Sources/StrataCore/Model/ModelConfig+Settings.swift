/// The one table of settings (Docs/model.md "Configuration keys"): every field of
/// `ModelConfig` has a key here, with its allowed range and how much of the model it affects.
/// It drives `--set`, `validated()`, the config every output records and the docs' list.
extension ModelConfig {
    public static let settings: [ModelSetting] = [
        // Temporal tiers (§3).
        .halfLife("short_half_life") { $0.isEmpty ? nil : 0 },
        .halfLife("medium_half_life") { $0.count >= 3 ? 1 : nil },
        .halfLife("long_half_life") { $0.count >= 2 ? $0.count - 1 : nil },
        ModelSetting(
            key: "tier_clock", range: .choice(["events", "seconds"]), use: .learning,
            render: { config in
                let clocks = config.tiers.map(\.clock.rawValue)
                return Set(clocks).count == 1 ? clocks[0] : clocks.joined(separator: ",")
            },
            assign: { (config, text) throws(ModelConfigError) in
                let word = try SettingRange.choice(["events", "seconds"]).parseChoice(text, key: "tier_clock")
                let clock: TemporalTier.Clock = word == "seconds" ? .seconds : .events
                for t in config.tiers.indices { config.tiers[t].clock = clock }
            }),

        // Gains (§2). Beyond ±10 one event outweighs any history.
        .number("gain_view", .real(-10, 10, lowerOpen: false), get: { $0.gains.view }, set: { $0.gains.view = $1 }),
        .number("gain_click", .real(-10, 10, lowerOpen: false), get: { $0.gains.click }, set: { $0.gains.click = $1 }),
        .number("gain_cart", .real(-10, 10, lowerOpen: false), get: { $0.gains.cart }, set: { $0.gains.cart = $1 }),
        .number("gain_favourite", .real(-10, 10, lowerOpen: false), get: { $0.gains.favourite }, set: { $0.gains.favourite = $1 }),
        .number("gain_purchase", .real(-10, 10, lowerOpen: false), get: { $0.gains.purchase }, set: { $0.gains.purchase = $1 }),
        .number("gain_skip", .real(-10, 10, lowerOpen: false), get: { $0.gains.skip }, set: { $0.gains.skip = $1 }),
        .number("gain_dislike", .real(-10, 10, lowerOpen: false), get: { $0.gains.dislike }, set: { $0.gains.dislike = $1 }),
        .number("gain_accept", .real(-10, 10, lowerOpen: false), get: { $0.gains.accept }, set: { $0.gains.accept = $1 }),
        .number("gain_reject", .real(-10, 10, lowerOpen: false), get: { $0.gains.reject }, set: { $0.gains.reject = $1 }),
        .number("positive_rating", .real(-1e6, 1e6, lowerOpen: false), get: { $0.gains.positiveRating }, set: { $0.gains.positiveRating = $1 }),
        .number("negative_rating", .real(-1e6, 1e6, lowerOpen: false), get: { $0.gains.negativeRating }, set: { $0.gains.negativeRating = $1 }),
        .number("gain_rating_high", .real(-10, 10, lowerOpen: false), get: { $0.gains.ratingHigh }, set: { $0.gains.ratingHigh = $1 }),
        .number("gain_rating_middle", .real(-10, 10, lowerOpen: false), get: { $0.gains.ratingMiddle }, set: { $0.gains.ratingMiddle = $1 }),
        .number("gain_rating_low", .real(-10, 10, lowerOpen: false), get: { $0.gains.ratingLow }, set: { $0.gains.ratingLow = $1 }),

        // Tier labels (§4): shares are fractions; ratios compare short with long.
        .number("core_long_share", .fraction, get: { $0.labelRule.coreLongShare }, set: { $0.labelRule.coreLongShare = $1 }),
        .number("core_ratio", .real(0, 1000, lowerOpen: false), get: { $0.labelRule.coreRatio }, set: { $0.labelRule.coreRatio = $1 }),
        .number("emerging_short_share", .fraction, get: { $0.labelRule.emergingShortShare }, set: { $0.labelRule.emergingShortShare = $1 }),
        .number("emerging_ratio", .real(0, 1000, lowerOpen: false), get: { $0.labelRule.emergingRatio }, set: { $0.labelRule.emergingRatio = $1 }),
        .number("fading_long_share", .fraction, get: { $0.labelRule.fadingLongShare }, set: { $0.labelRule.fadingLongShare = $1 }),
        .number("fading_ratio", .real(0, 1000, lowerOpen: false), get: { $0.labelRule.fadingRatio }, set: { $0.labelRule.fadingRatio = $1 }),
        .number("dormant_share", .fraction, get: { $0.labelRule.dormantShare }, set: { $0.labelRule.dormantShare = $1 }),
        .count("hysteresis", 1...100, get: { $0.labelRule.hysteresis }, set: { $0.labelRule.hysteresis = $1 }),
        .number("label_retention", .fraction, get: { $0.labelRule.retentionMargin }, set: { $0.labelRule.retentionMargin = $1 }),

        // Drift (§5): a cosine of non-negative shares lies in [0, 1].
        .number("drift_threshold", .fraction, get: { $0.drift.threshold }, set: { $0.drift.threshold = $1 }),
        .number("drift_clear_margin", .fraction, get: { $0.drift.clearMargin }, set: { $0.drift.clearMargin = $1 }),
        .count("drift_hysteresis", 1...100, get: { $0.drift.hysteresis }, set: { $0.drift.hysteresis = $1 }),
        .count("drift_warm_up", 0...1_000_000_000, get: { Int($0.drift.warmUpEvents) }, set: { $0.drift.warmUpEvents = Int64($1) }),
        .number("surprise_delta", .real(0, 10, lowerOpen: false), get: { $0.pageHinkley.delta }, set: { $0.pageHinkley.delta = $1 }),
        .number("surprise_lambda", .real(0, 1e6, lowerOpen: true), get: { $0.pageHinkley.lambda }, set: { $0.pageHinkley.lambda = $1 }),
        .count("surprise_min_samples", 1...1_000_000_000, get: { $0.pageHinkley.minimumSamples }, set: { $0.pageHinkley.minimumSamples = $1 }),

        // FTRL-Proximal (§8): α, β > 0 keep the per-coordinate curvature (β + √n)/α + λ₂ positive.
        .number("ftrl_alpha", .real(0, 10, lowerOpen: true), get: { $0.learner.alpha }, set: { $0.learner.alpha = $1 }),
        .number("ftrl_beta", .real(0, 100, lowerOpen: true), get: { $0.learner.beta }, set: { $0.learner.beta = $1 }),
        .number("ftrl_l1", .real(0, 100, lowerOpen: false), get: { $0.learner.l1 }, set: { $0.learner.l1 = $1 }),
        .number("ftrl_l2", .real(0, 100, lowerOpen: false), get: { $0.learner.l2 }, set: { $0.learner.l2 = $1 }),
        .count("sampled_negatives", 0...100, get: { $0.sampledNegatives }, set: { $0.sampledNegatives = $1 }),
        .number("shown_negative_weight", .fraction, .shownSlates, get: { $0.shownNegativeWeight }, set: { $0.shownNegativeWeight = $1 }),

        // Segments, popularity, co-occurrence (§6, §7). Upper bounds cap memory and time per event.
        .count("segments", 1...64, get: { $0.segmentCount }, set: { $0.segmentCount = $1 }),
        .count("segment_refresh", 0...1_000_000_000, get: { $0.segmentRefreshEvents }, set: { $0.segmentRefreshEvents = $1 }),
        .number("popularity_half_life", .halfLife, get: { $0.popularityHalfLife }, set: { $0.popularityHalfLife = $1 }),
        .count("popularity_clock_step", 1...1_000_000, get: { $0.popularityClockStep }, set: { $0.popularityClockStep = $1 }),
        .count("cooccurrence_window", 0...1000, get: { $0.cooccurrenceWindow }, set: { $0.cooccurrenceWindow = $1 }),
        .count("cooccurrence_neighbours", 0...100_000, get: { $0.cooccurrenceNeighbours }, set: { $0.cooccurrenceNeighbours = $1 }),
        .count("recent_positives", 0...100, get: { $0.recentPositives }, set: { $0.recentPositives = $1 }),
        .number("cooccurrence_recency", .fraction, get: { $0.cooccurrenceRecency }, set: { $0.cooccurrenceRecency = $1 }),

        // Recommendation lists (§9, §10): only what the explorer shows.
        .count("recommendations", 1...100, .slates, get: { $0.recommendationCount }, set: { $0.recommendationCount = $1 }),
        .number("mmr_lambda", .fraction, .slates, get: { $0.mmrLambda }, set: { $0.mmrLambda = $1 }),
        ModelSetting(
            key: "exploration", range: .exploration, use: .slates,
            render: { config in
                switch config.exploration {
                case .none: return "none"
                case .thompson: return "thompson"
                case .epsilonGreedy(let epsilon): return "epsilon:" + SettingRange.text(epsilon)
                }
            },
            assign: { (config, text) throws(ModelConfigError) in
                if text == "none" { config.exploration = .none; return }
                if text == "thompson" { config.exploration = .thompson; return }
                let problem = SettingRange.exploration.problem("exploration", text, "not a known value")
                guard text.hasPrefix("epsilon:") else { throw problem }
                do throws(ModelConfigError) {
                    config.exploration = .epsilonGreedy(try SettingRange.fraction.parseReal(String(text.dropFirst(8)), key: "exploration"))
                } catch {
                    throw ModelConfigError(key: "exploration", value: text, allowed: SettingRange.exploration.description, reason: error.reason)
                }
            }),
        .count("candidate_nodes_per_tier", 0...50, .slates, get: { $0.candidateNodesPerTier }, set: { $0.candidateNodesPerTier = $1 }),
        .count("candidate_popular", 0...10_000, .slates, get: { $0.candidatePopular }, set: { $0.candidatePopular = $1 }),
        .count("candidates_per_source", 0...10_000, .slates, get: { $0.candidatesPerSource }, set: { $0.candidatesPerSource = $1 }),
        .count("exhaustive_limit", 0...10_000_000, .slates, get: { $0.exhaustiveCandidateLimit }, set: { $0.exhaustiveCandidateLimit = $1 }),

        // The generator (sampled negatives, segments' initialisation, exploration).
        ModelSetting(
            key: "seed", range: .unsigned, use: .learning,
            render: { String($0.seed) },
            assign: { (config, text) throws(ModelConfigError) in config.seed = try SettingRange.unsigned.parseUnsigned(text, key: "seed") }),
    ] + featureSwitchSettings   // features.* (Features/FeatureSwitches.swift)

    /// The setting of a key, nil for an unknown key.
    public static func setting(_ key: String) -> ModelSetting? { settings.first { $0.key == key } }

    /// Every key in table order.
    public static var settingKeys: [String] { settings.map(\.key) }

    /// The whole effective configuration as key → canonical text, the one form every output
    /// records (eval lines, replay reports, trace headers, plot metadata): `--set key=value` of
    /// each entry on top of the defaults rebuilds this config exactly; `tiers` (the temporal
    /// tiers' names, not settable) says which tiers the half-life keys refer to.
    public var settingsRecord: [String: String] {
        var record: [String: String] = [:]
        for setting in Self.settings {
            if let value = setting.render(self) { record[setting.key] = value }
        }
        record["tiers"] = tiers.map(\.name).joined(separator: ",")
        return record
    }

    /// `key=value` settings applied in order on top of this config, each checked against its
    /// range, then the whole result validated; unknown keys are refused with the known ones.
    public func applying(_ assignments: [String]) throws(ModelConfigError) -> ModelConfig {
        var config = self
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ModelConfigError(key: assignment, value: "", allowed: "key=value", reason: "expected key=value")
            }
            guard let setting = Self.setting(parts[0]) else {
                throw ModelConfigError(key: parts[0], value: parts[1], allowed: "a key of " + Self.settingKeys.joined(separator: ", "),
                                       reason: "unknown setting")
            }
            try setting.apply(parts[1], to: &config)
        }
        // Cross-key rules (ratings) and tiers no key names.
        return try config.validated()
    }
}
