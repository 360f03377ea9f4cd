/// The adaptive model under the prequential protocol (EVALUATION.md): scores are the learner's
/// margins `w · x(u, i)` for every item; learning is `StrataModel.observe`.
public struct AdaptiveRankingModel: RankingModel {
    public private(set) var model: StrataModel

    public init(model: StrataModel) { self.model = model }

    public var name: String { "Strata" }

    /// The whole config, as every output records it (`ModelConfig.settingsRecord`).
    public var configDescription: [String: String] { model.config.settingsRecord }

    public mutating func score(user: UserIndex, time: Int64, into scores: inout [Double]) {
        model.scoreAll(user: user, into: &scores)
    }

    public mutating func learn(_ event: Event, isPositive: Bool) {
        model.observe(event)
    }
}
