extension PrequentialEvaluator {
    /// `evaluate`, also returning every evaluated positive with its rank, in stream order —
    /// what confidence intervals, paired comparisons, per-user and windowed metrics are
    /// computed from (`Statistics/`). The report is the one `evaluate` gives, bit for bit.
    ///
    /// - Parameter progress: called with the number of events processed, every 4,096 events
    ///   and once at the end (the CLI's progress line on a terminal).
    public func evaluateRecording<Model: RankingModel>(
        _ model: inout Model,
        on dataset: Dataset,
        dataSHA256: [String: String] = [:],
        clock: () -> UInt64,
        progress: (Int) -> Void = { _ in }
    ) -> (report: EvaluationReport, evaluated: [EvaluatedPositive]) {
        var userCount = dataset.userIDs.count
        for event in dataset.events where event.user >= userCount { userCount = event.user + 1 }
        var run = PrequentialRun(itemCount: dataset.catalogue.count, userCount: userCount,
                                 every: every, gains: gains, rule: rule)
        var evaluated: [EvaluatedPositive] = []
        let start = clock()
        var testNanos: UInt64 = 0
        for (index, event) in dataset.events.enumerated() {
            let before = clock()
            if let outcome = run.test(event, model: &model) { evaluated.append(outcome) }
            testNanos &+= clock() &- before
            run.train(event, model: &model)
            if index & 4095 == 4095 { progress(index + 1) }
        }
        progress(dataset.events.count)
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
        return (report, evaluated)
    }
}
