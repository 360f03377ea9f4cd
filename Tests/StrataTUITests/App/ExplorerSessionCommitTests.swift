import Testing
import StrataCore
@testable import StrataTUI

/// A host standing in for a session on a disk that fills: decisions fail to commit while
/// `full` is set; every committed decision is kept, as the session file would keep it.
private final class DiskHost: ExplorerHost {
    var full: Bool
    private(set) var committed: [ReplayDecision] = []
    private(set) var failures = 0
    private(set) var saved: [Int] = []

    init(full: Bool) { self.full = full }

    func perform(_ effect: ExplorerEffect) -> ExplorerFeedback? {
        switch effect {
        case .persist(let decision):
            guard !full else {
                failures += 1
                return .persistFailed("session file s.strata: record decision \(committed.count) failed: database or disk is full")
            }
            committed.append(decision)
            return .committed(decision)
        case .saveLastState(let position, _):
            saved.append(position)
            return nil
        case .bookmark, .exportView, .quit:
            return nil
        }
    }
}

/// Issue 14 (a decision is applied only once committed) and issue 16 (the position is saved
/// on every pause, step and jump).
@Suite("ExplorerSessionCommitTests")
struct ExplorerSessionCommitTests {
    @Test("a decision the session could not commit is shown, not applied and not counted; the explorer goes on")
    func failedCommitIsNotApplied() {
        var state = ExplorerFixtures.demoState()
        let host = DiskHost(full: true)
        host.dispatch(.key(.char("]")), to: &state)
        let before = state.model.stateHash
        let weights = state.model.weights
        let effects = host.dispatch(.key(.char("a")), to: &state)

        #expect(effects.contains { if case .persist = $0 { true } else { false } })
        #expect(host.failures == 1)
        #expect(state.decisionCount == 0)
        #expect(state.replayer.decisions.isEmpty)
        #expect(state.model.weights == weights)
        #expect(state.model.stateHash == before)
        #expect(state.lastDecision == nil)
        let notice = state.notice
        #expect(notice?.isError == true)
        #expect(notice?.text.contains("not saved, so not applied") == true, "\(String(describing: notice))")
        #expect(notice?.text.contains("disk is full") == true)

        // The explorer keeps running: it steps, and once the disk has room a decision lands.
        host.dispatch(.key(.right), to: &state)
        #expect(state.replayer.position == 101)
        host.full = false
        host.dispatch(.key(.char("a")), to: &state)
        #expect(state.decisionCount == 1)
        #expect(state.replayer.decisions == host.committed)
        #expect(state.lastDecision?.accepted == true)
    }

    @Test("the autopilot's answers are applied only as they are committed; a failure pauses the playback")
    func autopilotCommitsFirst() {
        for full in [false, true] {
            var state = ExplorerFixtures.demoState()
            let host = DiskHost(full: full)
            host.dispatch(.key(.char("A")), to: &state)
            host.dispatch(.key(.char(" ")), to: &state)
            var now: UInt64 = 1_000_000_000
            for _ in 0..<30 where state.isPlaying {
                host.dispatch(.tick(now: now), to: &state)
                now += 250_000_000
            }
            // Exactly the committed decisions are in the model, in order.
            #expect(state.replayer.decisions == host.committed)
            if full {
                #expect(host.failures == 1, "the failure pauses, so no second attempt")
                #expect(state.decisionCount == 0)
                #expect(!state.isPlaying)
                #expect(state.notice?.isError == true)
            } else {
                #expect(host.committed.count > 1)
                #expect(state.replayer.position > host.committed.last?.position ?? 0)
            }
        }
    }

    @Test("the same answers committed one by one reach the state of an in-process replay")
    func committedAnswersReplayExactly() {
        var state = ExplorerFixtures.demoState()
        let host = DiskHost(full: false)
        host.dispatch(.key(.char("A")), to: &state)
        host.dispatch(.key(.char(" ")), to: &state)
        var now: UInt64 = 1_000_000_000
        for _ in 0..<20 {
            host.dispatch(.tick(now: now), to: &state)
            now += 250_000_000
        }
        host.dispatch(.key(.char(" ")), to: &state)
        var replay = Replayer(dataset: state.dataset)
        replay.load(decisions: host.committed)
        replay.seek(to: state.replayer.position)
        #expect(replay.model.stateHash == state.model.stateHash)
    }

    @Test("every step, jump and pause saves the position at once (not only every 3 s)")
    func positionSavedOnEveryMove() {
        var state = ExplorerFixtures.demoState(session: "demo.strata")
        let host = DiskHost(full: false)
        host.dispatch(.key(.right), to: &state)
        #expect(host.saved == [1])
        host.dispatch(.key(.char("]")), to: &state)
        #expect(host.saved == [1, 101])
        host.dispatch(.key(.left), to: &state)
        #expect(host.saved == [1, 101, 100])
        host.dispatch(.key(.char("[")), to: &state)
        #expect(host.saved == [1, 101, 100, 0])

        // Playing, then pausing: the pause saves where playback stopped, without a tick's delay.
        host.dispatch(.key(.char(" ")), to: &state)
        host.dispatch(.tick(now: 1_000_000_000), to: &state)
        host.dispatch(.tick(now: 1_200_000_000), to: &state)
        let playedTo = state.replayer.position
        #expect(playedTo > 0)
        #expect(host.saved.last == 0, "not saved while playing before the interval")
        host.dispatch(.key(.char(" ")), to: &state)
        #expect(host.saved.last == playedTo)
        // Pausing again without moving saves nothing new.
        let count = host.saved.count
        host.dispatch(.key(.char(" ")), to: &state)
        host.dispatch(.key(.char(" ")), to: &state)
        #expect(host.saved.count == count)
    }
}

extension ExplorerSessionCommitTests {
    @Test("a jump the autopilot answers within is committed answer by answer, then saved where it ends")
    func jumpWithAutopilotSavesAtTheEnd() {
        var state = ExplorerFixtures.demoState(session: "demo.strata")
        let host = DiskHost(full: false)
        host.dispatch(.key(.char("A")), to: &state)
        for _ in 0..<5 { host.dispatch(.key(.char("]")), to: &state) }
        #expect(state.replayer.position == 500)
        #expect(!host.committed.isEmpty, "cleo has events in the first 500")
        #expect(state.replayer.decisions == host.committed)
        #expect(host.saved.last == 500)
    }
}
