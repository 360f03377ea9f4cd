import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 8 item 26: the replayer's checkpoints, decisions and reopening, exactly.
@Suite struct ReplayerTests {
    static let catalogue = StreamBuilder.catalogue(tops: 4, subs: 3, perLeaf: 10)
    static let dataset = Dataset(name: "tiny", catalogue: catalogue, userIDs: ["a", "b", "c"],
                                 events: StreamBuilder.events(catalogue: catalogue, users: 3, count: 600, seed: 21))

    static func replayer(interval: Int = 10) -> Replayer { Replayer(dataset: dataset, checkpointInterval: interval) }

    /// An unseen item of `user` for a decision.
    static func unseen(_ replayer: Replayer, user: UserIndex) -> ItemIndex {
        (0..<catalogue.count).first { !(replayer.model.user(user)?.hasSeen($0) ?? false) }!
    }

    @Test func checkpointsAreEvictedToTheLastTwentyAndTheStart() {
        var replayer = Self.replayer()
        replayer.step(count: 500)
        // The start, and every 10th position from 500 − 20·10 = 300 on.
        #expect(replayer.checkpointPositions == [0] + Array(stride(from: 300, through: 500, by: 10)))
    }

    @Test func goingBackPastTheRetainedCheckpointsIsStillExact() {
        var replayer = Self.replayer()
        replayer.step(count: 50)
        let at50 = replayer.model.stateHash
        replayer.step(count: 450)
        replayer.seek(to: 50)   // checkpoint 50 was evicted: replays from the start
        #expect(replayer.position == 50)
        #expect(replayer.model.stateHash == at50)
    }

    @Test func aDecisionAtACheckpointIsReplayedAfterIt() {
        var replayer = Self.replayer()
        replayer.step(count: 100)   // a checkpoint at 100, taken before the decision
        #expect(replayer.checkpointPositions.contains(100))
        let before = replayer.model.stateHash
        let item = Self.unseen(replayer, user: 1)
        replayer.decide(user: 1, item: item, accepted: true)
        let after = replayer.model.stateHash
        #expect(after != before)
        replayer.step(count: 25)
        replayer.seek(to: 100)
        #expect(replayer.model.stateHash == after)
        #expect(replayer.model.decisionCount == 1)
        replayer.seek(to: 99)
        #expect(replayer.model.decisionCount == 0)
        replayer.seek(to: 100)
        #expect(replayer.model.stateHash == after)
    }

    @Test func aDecisionDropsTheCheckpointsAfterIt() {
        var replayer = Self.replayer()
        replayer.step(count: 200)
        replayer.seek(to: 105)
        replayer.decide(user: 0, item: Self.unseen(replayer, user: 0), accepted: false)
        #expect(replayer.checkpointPositions.allSatisfy { $0 <= 105 })
        #expect(!replayer.checkpointPositions.isEmpty)
        // Going forward again takes fresh checkpoints that include the decision.
        replayer.step(count: 50)
        let at155 = replayer.model.stateHash
        replayer.seek(to: 120)
        replayer.seek(to: 155)
        #expect(replayer.model.stateHash == at155)
    }

    @Test func loadThenSeekReachesTheRecordedStates() {
        var live = Self.replayer()
        live.step(count: 80)
        live.decide(user: 2, item: Self.unseen(live, user: 2), accepted: true)
        live.step(count: 170)
        live.decide(user: 0, item: Self.unseen(live, user: 0), accepted: false)
        live.step(count: 100)
        let atEnd = live.model.stateHash
        live.seek(to: 200)
        let at200 = live.model.stateHash

        var reopened = Self.replayer(interval: 37)   // another interval: the same states
        reopened.load(decisions: live.decisions)
        reopened.seek(to: 350)
        #expect(reopened.model.stateHash == atEnd)
        #expect(reopened.model.decisionCount == 2)
        reopened.seek(to: 200)
        #expect(reopened.model.stateHash == at200)
    }

    @Test func headlessReplayKeepsNoCheckpointsAndStaysExact() {
        var headless = Replayer(dataset: Self.dataset, checkpointInterval: 10, keepsCheckpoints: false)
        var reference = Self.replayer()
        headless.step(count: 300)
        reference.step(count: 300)
        #expect(headless.checkpointPositions.isEmpty)
        #expect(headless.model.stateHash == reference.model.stateHash)
        headless.decide(user: 1, item: Self.unseen(headless, user: 1), accepted: true)
        reference.decide(user: 1, item: Self.unseen(reference, user: 1), accepted: true)
        headless.step(count: 20)
        reference.step(count: 20)
        headless.seek(to: 300)   // from a fresh model, with the decision
        reference.seek(to: 300)
        #expect(headless.model.stateHash == reference.model.stateHash)
        #expect(headless.model.decisionCount == 1)
    }

    @Test func runningHitRateSamplesLessOnLargeCatalogues() {
        #expect(Replayer.hitRateInterval(every: 10, catalogueSize: 1_682) == 10)
        #expect(Replayer.hitRateInterval(every: 10, catalogueSize: 3_999) == 10)
        #expect(Replayer.hitRateInterval(every: 10, catalogueSize: 10_000) == 50)
        #expect(Replayer.hitRateInterval(every: 10, catalogueSize: 4_000_000) == 20_000)
        #expect(Self.replayer().hitRate.every == 10)
    }
}

