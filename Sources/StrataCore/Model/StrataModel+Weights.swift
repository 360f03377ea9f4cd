extension StrataModel {
    /// Tier weights (SPEC §4, Docs/model.md §8): the learned weights of the share features
    /// grouped by temporal tier, `Σ_ℓ |w_{τ,ℓ}|`, normalised to sum 1 across tiers. They show
    /// which time scale the model currently trusts.
    public var tierWeights: [Double] {
        let raw = (0..<tiers.count).map { t in
            (1...layout.levels).reduce(0.0) { $0 + abs(weights[layout.share(tier: t, level: $1)]) }
        }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : raw.map { _ in 1 / Double(raw.count) }
    }

    /// Level weights: `Σ_τ |w_{τ,ℓ}|` per taxonomy level, normalised to sum 1.
    public var levelWeights: [Double] {
        let raw = (1...layout.levels).map { l in
            (0..<tiers.count).reduce(0.0) { $0 + abs(weights[layout.share(tier: $1, level: l)]) }
        }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : raw.map { _ in 1 / Double(raw.count) }
    }

    /// Feature names in layout order, e.g. `share.long.L1`.
    public var featureNames: [String] { (0..<layout.dimension).map { layout.name(of: $0, tiers: tiers) } }
}
