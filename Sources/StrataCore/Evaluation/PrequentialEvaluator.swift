/// Prequential ("test, then train") evaluation of a `RankingModel` over a dataset, exactly as
/// EVALUATION.md defines it; produces the report of step 6.
///
/// The core reads no clock: the caller passes `clock`, a monotonic nanosecond counter (the CLI
/// passes the system's; tests pass a fake).
public struct PrequentialEvaluator: Sendable {
    /// Evaluate positive k iff `k % every == 0` (`--every N`).
    public var every: Int
    /// The positive predicate: `.rate` with value ≥ 4.0 (`ActionGains.positiveRating`).
    public var gains: ActionGains
    /// Which actions are positives and whether repeats are evaluated (PositiveRule).
    public var rule: PositiveRule

    public init(every: Int = 1, gains: ActionGains = .standard, rule: PositiveRule = .standard) {
        precondition(every >= 1, "--every must be at least 1, got \(every)")
        self.every = every
        self.gains = gains
        self.rule = rule
    }

    /// Runs `model` over `dataset.events` (already in stream order: readers stable-sort by
    /// time) and returns its report. `model` is left trained on the whole stream.
    ///
    /// - Parameters:
    ///   - dataSHA256: SHA-256 of each source file, copied into the report.
    ///   - clock: monotonic nanoseconds; read twice around each event's test phase and once at
    ///     each end, so `wall_s` and `learn_events_per_s` can be reported.
    /// - Complexity: per evaluated positive, the model's scoring plus O(items); per event O(1)
    ///   plus the model's learning.
    public func evaluate<Model: RankingModel>(
        _ model: inout Model,
        on dataset: Dataset,
        dataSHA256: [String: String] = [:],
        clock: () -> UInt64
    ) -> EvaluationReport {
        var userCount = dataset.userIDs.count
        for event in dataset.events where event.user >= userCount { userCount = event.user + 1 }
        var run = PrequentialRun(itemCount: dataset.catalogue.count, userCount: userCount,
                                 every: every, gains: gains, rule: rule)
        let start = clock()
        var testNanos: UInt64 = 0
        for event in dataset.events {
            let before = clock()
            _ = run.test(event, model: &model)
            testNanos &+= clock() &- before
            run.train(event, model: &model)
        }
        let wallNanos = clock() &- start
        let learnNanos = wallNanos >= testNanos ? wallNanos - testNanos : 0
        let learnSeconds = Double(learnNanos) / 1e9
        var report = EvaluationReport(
            model: model.name,
            hitRateAt10: run.metrics.hitRateAt10,
            ndcgAt10: run.metrics.ndcgAt10,
            mrr: run.metrics.mrr,
            evaluated: run.metrics.evaluated,
            wallSeconds: Double(wallNanos) / 1e9,
            learnEventsPerSecond: learnSeconds > 0 ? Double(dataset.events.count) / learnSeconds : 0,
            dataSHA256: dataSHA256,
            config: model.configDescription,
            ranksSHA256: run.ranksSHA256,
            every: every,
            positives: run.positives,
            events: dataset.events.count,
            skippedRepeats: run.skippedRepeats
        )
        report.record(rule, evaluatedRepeats: run.evaluatedRepeats)
        return report
    }
}
