/// The role a model plays in prequential evaluation (EVALUATION.md, "Exact protocol"):
/// it scores the whole catalogue for a user at a stream time, then learns the event.
///
/// The evaluator calls, for every event in stream order, `score` (only for an evaluated
/// positive, *before* the event is learned) and then `learn` (for every event).
public protocol RankingModel {
    /// Shown in the report's `model` field, e.g. "ItemKNN".
    var name: String { get }
    /// The model's settings, copied into the report's `config` object.
    var configDescription: [String: String] { get }
    /// Writes one score per catalogue item into `scores` (already `catalogue.count` long; the
    /// evaluator reuses the buffer, so every entry must be overwritten). Higher ranks first;
    /// NaN counts as −∞. Seen items may get any score: the evaluator excludes them.
    mutating func score(user: UserIndex, time: Int64, into scores: inout [Double])
    /// Learns one event; `isPositive` is the protocol's positive predicate (rating ≥ 4.0, …).
    mutating func learn(_ event: Event, isPositive: Bool)
}

extension RankingModel {
    public var configDescription: [String: String] { [:] }
}
