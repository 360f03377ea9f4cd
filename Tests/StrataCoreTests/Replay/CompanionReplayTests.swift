import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 12 items 1–2: two models in lock step, each exactly as if it ran alone.
@Suite struct CompanionReplayTests {
    static let catalogue = StreamBuilder.catalogue(tops: 4, subs: 3, perLeaf: 10)
    static let dataset = Dataset(name: "tiny", catalogue: catalogue, userIDs: ["a", "b", "c"],
                                 events: StreamBuilder.events(catalogue: catalogue, users: 3, count: 900, seed: 5))
    static let ablation: ModelConfig = {
        var config = ModelConfig.standard
        config.featureSwitches.cooccurrence = false
        return config
    }()

    /// The decisions of the tests below: at 300 to both, at 420 to A only, at 610 to B only.
    static let plan: [(position: Int, user: UserIndex, accepted: Bool, side: DecisionSide)] = [
        (300, 0, true, .both), (420, 1, false, .a), (610, 2, true, .b),
    ]

    /// An item `user` has not seen in model A (the pair's candidate set).
    static func unseen(_ replayer: Replayer, user: UserIndex) -> ItemIndex {
        (0..<catalogue.count).first { !(replayer.model.user(user)?.hasSeen($0) ?? false) }!
    }

    /// Replays to `end` with the plan's decisions; returns the decisions made.
    @discardableResult
    static func play(_ replayer: inout Replayer, to end: Int) -> [ReplayDecision] {
        var made: [ReplayDecision] = []
        for step in plan where step.position <= end {
            replayer.seek(to: step.position)
            let item = unseen(replayer, user: step.user)
            replayer.decide(user: step.user, item: item, accepted: step.accepted, side: step.side)
            made.append(ReplayDecision(position: step.position, user: step.user, item: item, accepted: step.accepted, side: step.side))
        }
        replayer.seek(to: end)
        return made
    }

    /// The same model alone, with the decisions that reached it.
    static func alone(config: ModelConfig, decisions: [ReplayDecision], to end: Int) -> String {
        var single = Replayer(dataset: dataset, config: config, checkpointInterval: 50)
        single.load(decisions: decisions.map { ReplayDecision(position: $0.position, user: $0.user, item: $0.item, accepted: $0.accepted) })
        single.seek(to: end)
        return single.model.stateHash
    }

    @Test func eachSideOfAnAdaptivePairEqualsThatModelAlone() throws {
        let b = RecommenderKind.strata.make(for: Self.dataset, config: Self.ablation)
        var pair = Replayer(dataset: Self.dataset, companion: b, checkpointInterval: 50)
        let made = Self.play(&pair, to: 800)
        let hashB = try #require(pair.companion?.stateHash)
        #expect(pair.model.stateHash == Self.alone(config: .standard, decisions: made.filter(\.reachesA), to: 800))
        #expect(hashB == Self.alone(config: Self.ablation, decisions: made.filter(\.reachesB), to: 800))
        #expect(pair.model.stateHash != hashB)
    }

    @Test func itemKNNBesideStrataLearnsTheStreamAndItsAccepts() throws {
        var pair = Replayer(dataset: Self.dataset, companion: RecommenderKind.itemKNN.make(for: Self.dataset, config: .standard),
                            checkpointInterval: 50)
        let made = Self.play(&pair, to: 800)
        var knn = ItemKNN(itemCount: Self.catalogue.count)
        for (p, event) in Self.dataset.events.prefix(800).enumerated() {
            for d in made where d.position == p && d.reachesB { knn.decide(user: d.user, item: d.item, accepted: d.accepted, time: 0) }
            knn.learn(event, isPositive: ModelConfig.standard.gains.isPositive(event.action, value: event.value))
        }
        #expect(pair.companion?.stateHash == knn.stateHash)
        #expect(pair.model.stateHash == Self.alone(config: .standard, decisions: made.filter(\.reachesA), to: 800))
    }

    @Test func rewindingThePairIsExactOnBothSides() throws {
        for kind in RecommenderKind.allCases {
            var pair = Replayer(dataset: Self.dataset, companion: kind.make(for: Self.dataset, config: Self.ablation),
                                checkpointInterval: 50)
            Self.play(&pair, to: 850)
            let (a, b, metrics) = (pair.model.stateHash, pair.companion!.stateHash, pair.paired)
            for target in [849, 611, 610, 600, 333, 0] {
                pair.seek(to: target)
                pair.seek(to: 850)
                #expect(pair.model.stateHash == a, "\(kind) A after visiting \(target)")
                #expect(pair.companion?.stateHash == b, "\(kind) B after visiting \(target)")
                #expect(pair.paired == metrics, "\(kind) metrics after visiting \(target)")
            }
        }
    }

    @Test func pairedMetricsRankTheSamePositivesAsTheRunningHitRate() throws {
        var pair = Replayer(dataset: Self.dataset, companion: RecommenderKind.strata.make(for: Self.dataset, config: .standard),
                            checkpointInterval: 50, hitRateEvery: 1)
        pair.seek(to: 900)
        let paired = try #require(pair.paired)
        #expect(paired.evaluated == pair.hitRate.evaluated)
        #expect(paired.evaluated > 100)
        #expect(abs(paired.hitA.mean - pair.hitRate.value) < 1e-12)
        // The same config on both sides: the same ranks, a zero difference with a zero interval.
        #expect(paired.hitA == paired.hitB)
        #expect(paired.hitDifference.mean == 0 && paired.hitDifference.variance == 0)
        #expect(pair.model.stateHash == pair.companion?.stateHash)
    }

    @Test func theNormalIntervalOfAKnownSeries() throws {
        var metrics = PairedRunningMetrics()
        // Ranks (A, B): hit differences 1, 0, 1, 0 → mean 0.5, s² = 1/3, half-width 1.96·√(1/12).
        for (a, b) in [(1, 50), (3, 7), (2, 11), (40, 60)] { metrics.record(rankA: a, rankB: b) }
        #expect(metrics.hitDifference.mean == 0.5)
        #expect(abs(metrics.hitDifference.variance - 1.0 / 3) < 1e-12)
        let interval = try #require(metrics.hitDifference.interval95)
        let half = 1.959963984540054 * (1.0 / 12).squareRoot()
        #expect(abs(interval.low - (0.5 - half)) < 1e-12 && abs(interval.high - (0.5 + half)) < 1e-12)
        #expect(abs(metrics.ndcgA.mean - (1 + 1 / strataLog2(4) + 1 / strataLog2(3)) / 4) < 1e-12)
        #expect(abs(metrics.ndcgB.mean - (1 / strataLog2(8)) / 4) < 1e-12)
    }

    @Test func baselinesListTheirBestUnseenItemsWithReasons() {
        var popular: any Recommender = MostPopular(itemCount: 5)
        for (item, times) in [(0, 3), (1, 1), (2, 3), (4, 2)] {
            for _ in 0..<times { popular.learn(Event(time: 0, user: 0, item: item, action: .rate, value: 5), isPositive: true) }
        }
        var scores: [Double] = []
        let catalogue = StreamBuilder.catalogue(tops: 1, subs: 1, perLeaf: 5)
        let list = popular.recommendations(for: 1, time: 0, count: 3, seenSorted: [2], catalogue: catalogue, scores: &scores)
        // 2 is seen; 0 (3) first, then 4 (2), then 1 (1).
        #expect(list.map(\.item) == [0, 4, 1])
        #expect(list.first?.reasons == ["3 positives so far"])
        #expect(list.allSatisfy { $0.probability.isNaN })
        #expect(TopScores.best(2, of: [1, 2, 2, .nan, 2], excludingSorted: [1]) == [2, 4])
    }

    @Test func itemKNNsCheckpointLeavesOutTheTermsAndGetsThemBackBitForBit() {
        var knn = ItemKNN(itemCount: Self.catalogue.count)
        for event in Self.dataset.events.prefix(700) {
            knn.learn(event, isPositive: ModelConfig.standard.gains.isPositive(event.action, value: event.value))
        }
        let checkpoint = knn.checkpointCopy()
        #expect(checkpoint != knn, "the checkpoint holds no cosine terms")
        let restored = checkpoint.restoredFromCheckpoint()
        #expect(restored == knn)
        var (a, b) = ([Double](repeating: 0, count: Self.catalogue.count), [Double](repeating: 0, count: Self.catalogue.count))
        knn.score(user: 1, time: 0, into: &a)
        restored.score(user: 1, time: 0, into: &b)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
    }

    @Test func aRejectTeachesNoBaselineAndAnAcceptIsOnePositive() {
        var model = MostPopular(itemCount: 3)
        let before = model.stateHash
        model.decide(user: 0, item: 1, accepted: false, time: 9)
        #expect(model.stateHash == before)
        model.decide(user: 0, item: 1, accepted: true, time: 9)
        #expect(model.positives == [0, 1, 0])
    }
}
