/// Steps a dataset's stream through a `StrataModel`, applies decisions at their positions and
/// rewinds exactly (SPEC §8 "step back"): a copy of the model is kept every
/// `checkpointInterval` events (the last 20 are kept, and the start), and going back restores
/// the nearest checkpoint and re-replays stream and decisions from there. Deterministic: the state at position p depends only on the
/// stream, the config and the decisions made before p.
///
/// With a `companion` (model B of `explore --compare`, or the shown model of `explore --model`)
/// both models learn every event in lock step; the running metrics rank each sampled positive
/// under both (`paired`); a decision reaches A, B or both (`ReplayDecision.side`). B keeps its
/// own checkpoints (every `checkpointStride` × the interval) and, on a rewind, catches up alone
/// to A's checkpoint before both step on together, so each side's state equals that model run
/// alone with its decisions (Docs/explorer.md "A/B").
public struct Replayer: Sendable {
    public let dataset: Dataset
    public private(set) var model: StrataModel
    /// Model B, stepped in lock step with `model` (nil for a single model).
    public private(set) var companion: (any Recommender)?
    /// Both models' running metrics on the same positives (nil without a companion).
    public private(set) var paired: PairedRunningMetrics?
    /// Decisions in the order they were made (sorted by position, stable).
    public private(set) var decisions: [ReplayDecision] = []
    public private(set) var hitRate: RunningHitRate
    public let checkpointInterval: Int
    /// Headless runs never step back: they keep no checkpoints at all (a step back then
    /// replays from a fresh model, still exactly).
    public let keepsCheckpoints: Bool
    /// Recent checkpoints kept besides the one at the start.
    public let retainedCheckpoints = 20
    private var checkpoints: [Int: (model: StrataModel, hitRate: RunningHitRate, paired: PairedRunningMetrics?)] = [:]
    /// B at positions that are multiples of `checkpointInterval × checkpointStride`; 0 is B fresh.
    private var companionCheckpoints: [Int: any Recommender] = [:]
    private var scores: [Double] = []
    private var companionScores: [Double] = []
    /// The latest observation, for the stream pane and the timeline.
    public private(set) var lastObservation: Observation?

    /// `logsLabelChanges` false keeps only the number of tier changes (`StrataModel.logsLabelChanges`).
    public init(dataset: Dataset, config: ModelConfig = .standard, companion: (any Recommender)? = nil,
                checkpointInterval: Int = 500, hitRateEvery: Int = 10, keepsCheckpoints: Bool = true, logsLabelChanges: Bool = true) {
        precondition(checkpointInterval > 0, "checkpoint interval must be positive, got \(checkpointInterval)")
        self.dataset = dataset
        self.checkpointInterval = checkpointInterval
        self.keepsCheckpoints = keepsCheckpoints
        model = StrataModel(catalogue: dataset.catalogue, config: config, userCount: dataset.userIDs.count)
        model.logsLabelChanges = logsLabelChanges
        hitRate = RunningHitRate(every: Self.hitRateInterval(every: hitRateEvery, catalogueSize: dataset.catalogue.count))
        self.companion = companion
        if let companion {
            paired = PairedRunningMetrics()
            companionCheckpoints[0] = companion.checkpointCopy()
        }
        if keepsCheckpoints { checkpoints[0] = (model.checkpointCopy(), hitRate, paired) }
    }

    /// The running HR@10 ranks a positive against the whole catalogue, so on a large catalogue
    /// it samples fewer positives: every `every`-th up to 3,999 items, then proportionally
    /// more rarely (10 k items: every 50th; 4 M items: every 20,000th), so its cost stays about
    /// 2,000 item scores per stream positive, a few per cent of a replay (Docs/model.md §12).
    public static func hitRateInterval(every: Int, catalogueSize: Int) -> Int {
        max(every, every * (catalogueSize / 2_000))
    }

    /// Positions that hold a checkpoint, ascending (for tests and the memory report).
    public var checkpointPositions: [Int] { checkpoints.keys.sorted() }

    public var position: Int { model.position }
    public var total: Int { dataset.events.count }
    public var isAtEnd: Bool { position >= total }
    public var nextEvent: Event? { isAtEnd ? nil : dataset.events[position] }

    /// Learns the next stream event. Returns nil at the end of the stream.
    @discardableResult
    public mutating func step() -> Observation? {
        guard let event = nextEvent else { return nil }
        let isPositive = model.config.gains.isPositive(event.action, value: event.value)
        if isPositive, hitRate.nextPositiveIsSampled() {
            model.scoreAll(user: event.user, into: &scores)
            let seen = model.users[event.user].seen
            let rank = CandidateRank.rank(of: event.item, scores: scores, seenSorted: seen)
            hitRate.record(rank: rank)
            if companion != nil {
                // Both rank among the same candidates: the items the user has had in the stream.
                if companionScores.count != dataset.catalogue.count { companionScores = Array(repeating: 0, count: dataset.catalogue.count) }
                companion!.score(user: event.user, time: event.time, into: &companionScores)
                paired?.record(rankA: rank, rankB: CandidateRank.rank(of: event.item, scores: companionScores, seenSorted: seen))
            }
        }
        let observation = model.observe(event)
        companion?.learn(event, isPositive: isPositive)
        lastObservation = observation
        if keepsCheckpoints { takeCheckpoints() }
        applyDecisions(at: model.position)
        return observation
    }

    private mutating func takeCheckpoints() {
        let position = model.position
        if position % checkpointInterval == 0 && checkpoints[position] == nil {
            checkpoints[position] = (model.checkpointCopy(), hitRate, paired)
            // Memory stays bounded: only the last `retainedCheckpoints` are kept (plus the start);
            // going back further re-replays from the start, still exactly.
            let oldest = position - retainedCheckpoints * checkpointInterval
            for key in checkpoints.keys where key > 0 && key < oldest { checkpoints[key] = nil }
        }
        if let companion {
            let interval = checkpointInterval * max(1, companion.checkpointStride)
            if position % interval == 0 && companionCheckpoints[position] == nil {
                companionCheckpoints[position] = companion.checkpointCopy()
                let oldest = position - retainedCheckpoints * interval
                for key in companionCheckpoints.keys where key > 0 && key < oldest { companionCheckpoints[key] = nil }
            }
        }
    }

    /// Steps up to `count` events; returns how many were learned.
    @discardableResult
    public mutating func step(count: Int) -> Int {
        var done = 0
        while done < count, step() != nil { done += 1 }
        return done
    }

    /// Applies an accept/reject now and records it so every rewind and reopen replays it.
    @discardableResult
    public mutating func decide(user: UserIndex, item: ItemIndex, accepted: Bool, side: DecisionSide = .both) -> Observation {
        let decision = ReplayDecision(position: position, user: user, item: item, accepted: accepted,
                                      side: companion == nil ? .both : side)
        decisions.append(decision)
        // Checkpoints past this point were taken without this decision: they are stale now.
        for key in checkpoints.keys where key > position { checkpoints[key] = nil }
        for key in companionCheckpoints.keys where key > position { companionCheckpoints[key] = nil }
        let observation = apply(decision)
        lastObservation = observation
        return observation
    }

    /// Moves to `target` (clamped to the stream): forward by stepping, backward by restoring
    /// the nearest checkpoint at or before it and re-replaying. Exact: the state hash equals the
    /// one first reached at `target`.
    public mutating func seek(to target: Int) {
        let target = max(0, min(target, total))
        if target < position { restore(atOrBefore: target) }
        while position < target, step() != nil {}
    }

    /// Takes on a decision log that extends this one (`log` starts with `decisions`): the
    /// state becomes what it would be had the added decisions been made at their positions,
    /// and the position stays. Decisions past the position wait for their events; one at or
    /// before it makes the replayer go back to just before it and replay (exact, as a rewind).
    /// How the explorer's whole-log replayer follows the decisions made on its preview.
    public mutating func extendDecisions(to log: [ReplayDecision]) {
        precondition(log.count >= decisions.count && Array(log.prefix(decisions.count)) == decisions,
                     "the new decision log must extend the old one")
        let added = log[decisions.count...]
        guard let earliest = added.map(\.position).min() else { return }
        decisions = log
        // Checkpoints past the decision were taken without it (also ahead of the position,
        // after a rewind): they are stale.
        for key in checkpoints.keys where key > earliest { checkpoints[key] = nil }
        for key in companionCheckpoints.keys where key > earliest { companionCheckpoints[key] = nil }
        let here = position
        guard earliest <= here else { return }
        restore(atOrBefore: earliest)
        while position < here, step() != nil {}
    }

    /// The nearest checkpoint at or before `target` (a fresh model when none), with the
    /// decisions made at its own position applied.
    private mutating func restore(atOrBefore target: Int) {
        let restore = checkpoints.keys.filter { $0 <= target }.max() ?? 0
        let restored: Int
        if let checkpoint = checkpoints[restore] {
            model = checkpoint.model.restoringLogs(from: model)
            hitRate = checkpoint.hitRate
            paired = checkpoint.paired
            restored = restore
        } else {
            let logs = model.logsLabelChanges
            model = StrataModel(catalogue: dataset.catalogue, config: model.config, userCount: dataset.userIDs.count)
            model.logsLabelChanges = logs
            hitRate = RunningHitRate(every: hitRate.every)
            paired = companion == nil ? nil : PairedRunningMetrics()
            restored = 0
        }
        if companion != nil { restoreCompanion(to: restored) }
        lastObservation = nil
        // Decisions made exactly at the checkpoint's position come after its snapshot.
        applyDecisions(at: model.position)
    }

    public mutating func stepBack(count: Int = 1) { seek(to: position - count) }

    /// Replays a recorded decision log (reopening a session).
    public mutating func load(decisions log: [ReplayDecision]) {
        precondition(position == 0, "decisions must be loaded before replaying")
        decisions = log.sorted { $0.position < $1.position }
        applyDecisions(at: 0)
    }

    /// Records the slate shown to a user (weak negatives for the next event, SPEC §4).
    public mutating func show(slate: [ItemIndex], to user: UserIndex) { model.show(slate: slate, to: user) }

    public mutating func recommendations(for user: UserIndex, count: Int? = nil) -> [Recommendation] {
        model.recommendations(for: user, count: count)
    }

    /// The list model B shows `user` now, among the items the user has had in the stream.
    public mutating func companionRecommendations(for user: UserIndex, count: Int) -> [Recommendation] {
        guard companion != nil else { return [] }
        var seen = model.view(of: user).seen
        // Items answered for B alone are B's, not in A's seen set: B does not offer them again.
        let answeredByB = decisions.filter { $0.user == user && !$0.reachesA && $0.position <= position }.map { Int32($0.item) }
        if !answeredByB.isEmpty { seen = Array(Set(seen).union(answeredByB)).sorted() }
        return companion!.recommendations(for: user, time: decisionTime(at: position), count: count, seenSorted: seen,
                                          catalogue: dataset.catalogue, scores: &companionScores)
    }

    /// B's nearest checkpoint at or before `target`, then B alone through the stream and its
    /// decisions up to `target` (decisions at `target` itself are applied by the caller).
    private mutating func restoreCompanion(to target: Int) {
        let start = companionCheckpoints.keys.filter { $0 <= target }.max() ?? 0
        guard var b = companionCheckpoints[start]?.restoredFromCheckpoint() else { return }
        let gains = model.config.gains
        for p in start..<target {
            for decision in decisions where decision.position == p && decision.reachesB {
                b.decide(user: decision.user, item: decision.item, accepted: decision.accepted, time: decisionTime(at: p))
            }
            let event = dataset.events[p]
            b.learn(event, isPositive: gains.isPositive(event.action, value: event.value))
        }
        companion = b
    }

    private mutating func applyDecisions(at position: Int) {
        for decision in decisions where decision.position == position { _ = apply(decision) }
    }

    /// A decision at position p happens at the time of the event learned last.
    private func decisionTime(at position: Int) -> Int64 {
        position > 0 ? dataset.events[position - 1].time : (dataset.events.first?.time ?? 0)
    }

    private mutating func apply(_ decision: ReplayDecision) -> Observation {
        let time = decisionTime(at: position)
        if decision.reachesB { companion?.decide(user: decision.user, item: decision.item, accepted: decision.accepted, time: time) }
        guard decision.reachesA else {
            let action: Action = decision.accepted ? .accept : .reject
            return Observation(position: position, event: Event(time: time, user: decision.user, item: decision.item, action: action), gain: 0)
        }
        return model.decide(user: decision.user, item: decision.item, accepted: decision.accepted, time: time)
    }
}
