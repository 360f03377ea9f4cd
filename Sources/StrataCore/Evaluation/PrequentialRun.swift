/// The state of one prequential ("test, then train") pass, advanced one event at a time
/// (EVALUATION.md, "Exact protocol"). `PrequentialEvaluator` drives it over a whole dataset;
/// an interactive replay can drive it event by event for a running HR@10.
///
/// For each event, in stream order, call `test(_:model:)` and then `train(_:model:)`
/// (or `process(_:model:)`, which does both).
///
/// **Positives** are numbered k = 0, 1, 2, … in stream order; positive k is evaluated iff
/// `k % every == 0` *and* its item is a candidate. A positive whose item the user already had
/// in an earlier event (a repeat) has no rank — the protocol's candidates exclude it — so it is
/// not evaluated and is counted in `skippedRepeats`; it still takes its number k. ML-100k has
/// no repeated (user, item) pair, so this never happens on the reference data. With
/// `rule.repeats == .allow` every selected positive is ranked against the whole catalogue
/// (seen items included) and a repeat is counted in `evaluatedRepeats` (PositiveRule).
public struct PrequentialRun {
    /// Evaluate every N-th positive (`--every N`); 1 evaluates them all.
    public let every: Int
    /// Decides which events are positives: `.rate` with value ≥ `positiveRating` (4.0), plus
    /// the positive non-rating actions of `ActionGains.isPositive`.
    public let gains: ActionGains
    /// Which actions are positives and whether repeats are evaluated (default: EVALUATION.md's).
    public let rule: PositiveRule
    /// Stream position of the next event.
    public private(set) var position = 0
    /// Positives met so far (the next positive's k).
    public private(set) var positives = 0
    /// Positives selected by `every` but skipped because the user already had the item.
    public private(set) var skippedRepeats = 0
    /// Repeats evaluated (`rule.repeats == .allow`).
    public private(set) var evaluatedRepeats = 0
    public private(set) var metrics = PrequentialMetrics()
    public private(set) var seen: SeenItems
    private var digest = RanksDigest()
    /// Reused for every evaluated positive, so testing never allocates.
    private var scores: [Double]
    /// Whether `test` has run for the event at `position` (debug check of the call order).
    private var tested = false

    public init(itemCount: Int, userCount: Int, every: Int = 1, gains: ActionGains = .standard,
                rule: PositiveRule = .standard) {
        precondition(every >= 1, "--every must be at least 1, got \(every)")
        self.every = every
        self.gains = gains
        self.rule = rule
        self.seen = SeenItems(userCount: userCount, itemCount: itemCount)
        self.scores = [Double](repeating: 0, count: itemCount)
    }

    /// SHA-256 (hex) of the rank lines recorded so far (`ranks_sha256`).
    public var ranksSHA256: String { digest.hexDigest }

    /// Whether the protocol counts `event` as a positive.
    @inline(__always)
    public func isPositive(_ event: Event) -> Bool { rule.isPositive(event.action, value: event.value, gains: gains) }

    /// The test half: if `event` is an evaluated positive, scores the catalogue with `model`
    /// (before it learns the event) and records the target's rank. O(items) plus the model's
    /// scoring cost; no allocation.
    public mutating func test<Model: RankingModel>(_ event: Event, model: inout Model) -> EvaluatedPositive? {
        precondition(event.user >= 0 && event.user < seen.userCount,
                     "event at stream position \(position): user \(event.user) outside 0..<\(seen.userCount)")
        precondition(event.item >= 0 && event.item < seen.itemCount,
                     "event at stream position \(position): item \(event.item) outside 0..<\(seen.itemCount)")
        #if STRATA_INTERNAL_CHECKS
        precondition(!tested, "PrequentialRun.test called twice for stream position \(position)")
        #endif
        tested = true
        guard isPositive(event) else { return nil }
        let k = positives
        positives += 1
        guard k % every == 0 else { return nil }
        let isRepeat = seen.contains(user: event.user, item: event.item)
        if isRepeat && rule.repeats == .skip {
            skippedRepeats += 1
            return nil
        }
        if isRepeat { evaluatedRepeats += 1 }
        model.score(user: event.user, time: event.time, into: &scores)
        precondition(scores.count == seen.itemCount,
                     "\(model.name) resized the score buffer to \(scores.count), expected \(seen.itemCount)")
        let rank = rule.repeats == .skip
            ? CandidateRank.rank(of: event.item, user: event.user, scores: scores, seen: seen)
            : CandidateRank.rank(of: event.item, scores: scores)
        metrics.record(rank: rank)
        digest.record(position: position, rank: rank)
        return EvaluatedPositive(position: position, positiveNumber: k, user: event.user, item: event.item, rank: rank)
    }

    /// The train half: `model` learns `event` (positive or not), the item joins the user's seen
    /// set, and the stream advances.
    public mutating func train<Model: RankingModel>(_ event: Event, model: inout Model) {
        #if STRATA_INTERNAL_CHECKS
        precondition(tested, "PrequentialRun.train before test at stream position \(position)")
        #endif
        model.learn(event, isPositive: isPositive(event))
        seen.insert(user: event.user, item: event.item)
        position += 1
        tested = false
    }

    /// Test, then train, one event.
    @discardableResult
    public mutating func process<Model: RankingModel>(_ event: Event, model: inout Model) -> EvaluatedPositive? {
        let outcome = test(event, model: &model)
        train(event, model: &model)
        return outcome
    }
}
