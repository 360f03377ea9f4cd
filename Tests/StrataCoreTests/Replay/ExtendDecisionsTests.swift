import StrataTestSupport
import Testing
@testable import StrataCore

/// `Replayer.extendDecisions(to:)`: a replayer that learns of decisions after the fact ends in
/// the state of the one that made them live (the explorer's whole log following its preview,
/// Docs/explorer.md design note 6).
@Suite struct ExtendDecisionsTests {
    /// Decisions made live, with rewinds between them; returns the replayer and its log.
    static func live() -> Replayer {
        var replayer = ReplayerTests.replayer()
        replayer.step(count: 120)
        replayer.decide(user: 0, item: ReplayerTests.unseen(replayer, user: 0), accepted: true)
        replayer.step(count: 200)
        replayer.seek(to: 90)   // back before the first decision
        replayer.decide(user: 1, item: ReplayerTests.unseen(replayer, user: 1), accepted: false)
        replayer.step(count: 30)   // at 120 again: the first decision is replayed after the second
        replayer.decide(user: 2, item: ReplayerTests.unseen(replayer, user: 2), accepted: true)
        replayer.step(count: 180)
        return replayer
    }

    @Test("told every decision at the end, it goes back and ends in the live state")
    func allAtOnceAtTheEnd() {
        let live = Self.live()
        var late = ReplayerTests.replayer()
        late.step(count: live.position)
        #expect(late.model.stateHash != live.model.stateHash)
        late.extendDecisions(to: live.decisions)
        #expect(late.position == live.position)
        #expect(late.decisions == live.decisions)
        #expect(late.model.stateHash == live.model.stateHash)
    }

    @Test("told them one by one at any position, before or after theirs, it ends in the live state")
    func oneByOneAnywhere() {
        let live = Self.live()
        for stops in [[0, 0, 0], [100, 130, 300], [300, 50, 125], [120, 120, 120]] {
            var late = ReplayerTests.replayer(interval: 25)
            for (k, stop) in stops.enumerated() {
                late.seek(to: stop)
                late.extendDecisions(to: Array(live.decisions.prefix(k + 1)))
                #expect(late.position == stop, "the position stays")
            }
            late.seek(to: live.position)
            #expect(late.model.stateHash == live.model.stateHash, "stops \(stops)")
        }
    }

    @Test("the same log again changes nothing")
    func nothingNew() {
        let live = Self.live()
        var copy = live
        copy.extendDecisions(to: live.decisions)
        #expect(copy.model.stateHash == live.model.stateHash)
        #expect(copy.position == live.position)
    }
}
