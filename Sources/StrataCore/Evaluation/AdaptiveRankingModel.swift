/// The adaptive model under the prequential protocol (EVALUATION.md): scores are the learner's
/// margins `w · x(u, i)` for every item; learning is `StrataModel.observe`. As a `Recommender`
/// (the explorer's `--compare` side B) it answers with its own recommendation lists.
public struct AdaptiveRankingModel: Recommender {
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

    public mutating func decide(user: UserIndex, item: ItemIndex, accepted: Bool, time: Int64) {
        model.decide(user: user, item: item, accepted: accepted, time: time)
    }

    /// Its lists carry their reasons (`recommendations(for:…)`); a single item has none here.
    public func reasons(user: UserIndex, item: ItemIndex, catalogue: Catalogue) -> [Reason] { [] }

    public var stateHash: String { model.stateHash }

    public func probability(ofScore score: Double) -> Double? { sigmoid(score) }

    /// Candidates, MMR and exploration exactly as the single explorer shows them; the seen
    /// set is the model's own (it has seen the same stream).
    public mutating func recommendations(for user: UserIndex, time: Int64, count: Int, seenSorted: [Int32],
                                         catalogue: Catalogue, scores: inout [Double]) -> [Recommendation] {
        model.recommendations(for: user, count: count)
    }
}
