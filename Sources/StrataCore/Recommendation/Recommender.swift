/// Any model the explorer can replay, show and teach (issue 12, item 2): the adaptive model
/// and the baselines alike. It is a `RankingModel` (so `eval` runs it) that also takes the
/// explorer's accept/reject, explains a score in words, hashes its state and copies itself
/// for rewind checkpoints. A new model is one file: a type conforming to this protocol plus
/// its entry in `RecommenderKind` (Docs/architecture.md, "Adding a model").
public protocol Recommender: RankingModel, Sendable {
    /// Learns the explorer's accept or reject of `item` for `user` at stream time `time`.
    mutating func decide(user: UserIndex, item: ItemIndex, accepted: Bool, time: Int64)
    /// Why `item` scores as it does for `user`, at most three reasons, strongest first.
    func reasons(user: UserIndex, item: ItemIndex, catalogue: Catalogue) -> [Reason]
    /// SHA-256 (hex) of everything the model has learned: the determinism check of SPEC §7.
    var stateHash: String { get }
    /// A rewind checkpoint is kept every `checkpointStride` × the replayer's interval: 1 for
    /// models cheap to copy, more for models whose copy is large (ItemKNN's dense table).
    var checkpointStride: Int { get }
    /// What a rewind checkpoint keeps (a model may leave out what it can recompute), and the
    /// model again from it; `restoredFromCheckpoint()` of `checkpointCopy()` must equal `self`.
    func checkpointCopy() -> Self
    func restoredFromCheckpoint() -> Self
    /// `P(accept)` of a score, when the model has one (the adaptive model's σ(w·x)).
    func probability(ofScore score: Double) -> Double?
    /// The list the explorer shows: the `count` best items `user` has not seen
    /// (`seenSorted`, ascending), with reasons. `scores` is a reusable buffer. The default
    /// ranks every unseen item by `score`; the adaptive model uses its own candidates and MMR.
    mutating func recommendations(for user: UserIndex, time: Int64, count: Int, seenSorted: [Int32],
                                  catalogue: Catalogue, scores: inout [Double]) -> [Recommendation]
}

extension Recommender {
    /// Baselines learn no negatives: an accept is one more positive, a reject changes nothing
    /// (Docs/architecture.md, "Adding a model").
    public mutating func decide(user: UserIndex, item: ItemIndex, accepted: Bool, time: Int64) {
        guard accepted else { return }
        learn(Event(time: time, user: user, item: item, action: .accept), isPositive: true)
    }

    public var checkpointStride: Int { 1 }
    public func checkpointCopy() -> Self { self }
    public func restoredFromCheckpoint() -> Self { self }
    public func probability(ofScore score: Double) -> Double? { nil }

    /// The `count` best-scored items `user` has not seen (`seenSorted`: ascending), ties by
    /// catalogue index, with the model's reasons. `scores` is a reusable buffer.
    /// O(items × log count).
    public mutating func recommendations(for user: UserIndex, time: Int64, count: Int, seenSorted: [Int32],
                                         catalogue: Catalogue, scores: inout [Double]) -> [Recommendation] {
        guard count > 0, catalogue.count > 0 else { return [] }
        if scores.count != catalogue.count { scores = Array(repeating: 0, count: catalogue.count) }
        score(user: user, time: time, into: &scores)
        let best = TopScores.best(count, of: scores, excludingSorted: seenSorted)
        return best.map { item in
            let value = scores[item]
            return Recommendation(item: item, score: value, probability: probability(ofScore: value) ?? .nan,
                                  contributions: [], explanation: reasons(user: user, item: item, catalogue: catalogue))
        }
    }
}

/// The best entries of a score vector, for baselines' lists (no allocation beyond the result).
enum TopScores {
    /// Indices of the `count` largest finite scores, not in `excludingSorted`, best first;
    /// equal scores by index ascending. O(n × count) worst case, O(n) typical.
    static func best(_ count: Int, of scores: [Double], excludingSorted excluded: [Int32]) -> [Int] {
        var picked: [Int] = []
        picked.reserveCapacity(count + 1)
        var cursor = 0
        for j in scores.indices {
            while cursor < excluded.count && Int(excluded[cursor]) < j { cursor += 1 }
            if cursor < excluded.count && Int(excluded[cursor]) == j { continue }
            let s = scores[j]
            guard s.isFinite else { continue }
            if picked.count == count, let last = picked.last, scores[last] >= s { continue }
            // Insert keeping best-first order; an earlier index wins a tie, so insert after equals.
            var at = picked.count
            while at > 0 && scores[picked[at - 1]] < s { at -= 1 }
            picked.insert(j, at: at)
            if picked.count > count { picked.removeLast() }
        }
        return picked
    }
}
