/// The adaptive model under the prequential protocol (EVALUATION.md): scores are the learner's
/// margins `w · x(u, i)` for every item; learning is `StrataModel.observe`.
public struct AdaptiveRankingModel: RankingModel {
    public private(set) var model: StrataModel

    public init(model: StrataModel) { self.model = model }

    public var name: String { "Strata" }

    public var configDescription: [String: String] {
        let c = model.config
        return [
            "tiers": c.tiers.map { "\($0.name):\(Int($0.halfLife))\($0.clock == .events ? "ev" : "s")" }.joined(separator: ","),
            "cooccurrence_window": "\(c.cooccurrenceWindow)",
            "recent_positives": "\(c.recentPositives)",
            "recency": "\(c.cooccurrenceRecency)",
            "popularity_half_life_events": "\(c.popularityHalfLife)",
            "ftrl_alpha": "\(c.learner.alpha)",
            "ftrl_l2": "\(c.learner.l2)",
            "sampled_negatives": "\(c.sampledNegatives)",
            "seed": "\(c.seed)",
        ]
    }

    public mutating func score(user: UserIndex, time: Int64, into scores: inout [Double]) {
        model.scoreAll(user: user, into: &scores)
    }

    public mutating func learn(_ event: Event, isPositive: Bool) {
        model.observe(event)
    }
}
