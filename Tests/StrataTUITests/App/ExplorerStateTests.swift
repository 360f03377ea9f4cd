import StrataCore
import Testing
@testable import StrataTUI

/// Keys → actions → state: the transitions of `ExplorerState.apply` (no terminal involved).
@Suite("Explorer state transitions")
struct ExplorerStateTests {
    @Test("the demo focuses the drifting user, paused, at the default speed")
    func initialState() {
        let state = ExplorerFixtures.demoState()
        #expect(state.focusedUserID == "cleo")
        #expect(!state.isPlaying)
        #expect(state.speedLabel == "50 ev/s")
        #expect(state.replayer.position == 0)
        #expect(state.stateHash != nil)
        #expect(state.recommendations.count == 10)
    }

    @Test("real data focuses the first event's user")
    func realDataDefaultUser() {
        let state = ExplorerFixtures.tinyState()
        #expect(state.focusedUser == state.dataset.events[0].user)
        #expect(!state.isSimulated)
    }

    @Test("space plays; ticks replay speed × elapsed time, carrying the fraction")
    func playback() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char(" ")], on: &state)
        #expect(state.isPlaying)
        _ = state.apply(.tick(now: 1_000_000_000))
        #expect(state.replayer.position == 0)
        _ = state.apply(.tick(now: 1_200_000_000))
        #expect(state.replayer.position == 10)
        _ = state.apply(.tick(now: 1_210_000_000))
        #expect(state.replayer.position == 10)
        _ = state.apply(.tick(now: 1_230_000_000))
        #expect(state.replayer.position == 11)
        _ = state.apply(.tick(now: 3_230_000_000))
        #expect(state.replayer.position == 24, "a stall catches up at most a quarter second")
        #expect(state.stateHash == nil, "no hash is computed while playing")
        ExplorerFixtures.press([.char(" ")], on: &state)
        #expect(!state.isPlaying)
        #expect(state.stateHash == state.model.stateHash)
    }

    @Test("+ and - walk the speed ladder and stop at its ends")
    func speeds() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press(Array(repeating: .char("+"), count: 30), on: &state)
        #expect(state.isFullSpeed)
        #expect(state.speedLabel == "max")
        ExplorerFixtures.press(Array(repeating: .char("-"), count: 30), on: &state)
        #expect(state.speedLabel == "1 ev/s")
    }

    @Test("full speed replays what the measured cost per event lets fit in the frame budget")
    func fullSpeedBudget() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press(Array(repeating: .char("+"), count: 20) + [.char(" ")], on: &state)
        _ = state.apply(.measured(events: 1_000, nanoseconds: 1_000_000))   // pretend 1 µs per event
        _ = state.apply(.tick(now: 1))
        // 60 % of a 33.3 ms frame at 70.3 µs (EWMA from the cautious 100 µs towards 1 µs) per event.
        #expect(state.lastTickSteps == Int(20_000_000.0 / (0.7 * 100_000 + 0.3 * 1_000)))
    }

    @Test("→ steps one event and ← rewinds exactly to the same state hash")
    func stepAndRewind() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        // A paused state always shows its hash; nil == nil must not pass for a match.
        let hash = try #require(state.stateHash)
        ExplorerFixtures.press([.right], on: &state)
        #expect(state.replayer.position == 101)
        #expect(state.stateHash != hash)
        ExplorerFixtures.press([.char("h")], on: &state)
        #expect(state.replayer.position == 100)
        #expect(state.stateHash == hash)
        ExplorerFixtures.press([.left, .left, .char("l"), .char("l")], on: &state)
        #expect(state.stateHash == hash)
    }

    @Test("a accepts the selected recommendation at once: a decision effect, moved weights")
    func accept() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        let weights = state.model.weights
        let chosen = state.recommendations[0].item
        let effects = ExplorerFixtures.press([.char("a")], on: &state)
        #expect(effects == [.persist(ReplayDecision(position: 100, user: state.focusedUser, item: chosen, accepted: true))])
        #expect(state.decisionCount == 1)
        #expect(state.model.weights != weights)
        #expect(!state.recommendations.contains { $0.item == chosen }, "an accepted item is seen and not recommended again")
        #expect(state.lastDecision?.accepted == true)
        #expect(state.weightHistory.previous(0) != nil)
    }

    @Test("r rejects the selected row; j moves the selection first")
    func reject() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .tab], on: &state)
        #expect(state.focus == .recommendations)
        let second = state.recommendations[1].item
        let effects = ExplorerFixtures.press([.char("j"), .char("r")], on: &state)
        #expect(effects == [.persist(ReplayDecision(position: 100, user: state.focusedUser, item: second, accepted: false))])
        #expect(state.lastDecision?.accepted == false)
    }

    @Test("a rewind over a decision replays it: the hash comes back")
    func rewindOverDecision() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .char("a"), .right, .right], on: &state)
        let hash = try #require(state.stateHash)
        #expect(state.decisionCount == 1)
        ExplorerFixtures.press([.left, .left, .left, .right, .right, .right], on: &state)
        #expect(state.stateHash == hash)
    }

    @Test("u opens the user picker; typing filters; Enter focuses the user")
    func pickUser() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("u"), .char("f"), .char("a")], on: &state)
        guard case .userPicker(let picker) = state.overlay else {
            Issue.record("no picker open")
            return
        }
        #expect(picker.query == "fa")
        #expect(picker.matches.map { state.dataset.userIDs[$0] } == ["fay"])
        ExplorerFixtures.press([.enter], on: &state)
        #expect(state.overlay == nil)
        #expect(state.focusedUserID == "fay")
    }

    @Test("q typed into a picker is text, not quit; Esc closes it")
    func pickerTextIsNotCommands() {
        var state = ExplorerFixtures.demoState()
        let effects = ExplorerFixtures.press([.char("/"), .char("q"), .backspace, .char("o")], on: &state)
        #expect(effects.isEmpty)
        #expect(!state.shouldQuit)
        ExplorerFixtures.press([.escape], on: &state)
        #expect(state.overlay == nil)
    }

    @Test("/ searches titles; Enter shows the item's details")
    func search() {
        var state = ExplorerFixtures.demoState()
        let title = state.dataset.catalogue.items[5].title
        ExplorerFixtures.press([.char("/")], on: &state)
        for character in title { _ = state.apply(.key(.char(character))) }
        ExplorerFixtures.press([.enter], on: &state)
        guard case .details(let details, _) = state.overlay else {
            Issue.record("no details open")
            return
        }
        #expect(details.title == title)
        #expect(details.features.count == state.model.layout.dimension)
    }

    @Test("Tab cycles the focus through every pane")
    func focusCycle() {
        var state = ExplorerFixtures.demoState()
        var seen: [ExplorerPane] = [state.focus]
        for _ in 0..<4 {
            ExplorerFixtures.press([.tab], on: &state)
            seen.append(state.focus)
        }
        #expect(seen == [.tree, .recommendations, .stream, .weights, .tree])
        ExplorerFixtures.press([.backTab], on: &state)
        #expect(state.focus == .weights)
    }

    @Test("Enter folds and unfolds the selected tree node")
    func fold() {
        var state = ExplorerFixtures.demoState()
        let before = state.visibleTreeRows().count
        ExplorerFixtures.press([.enter], on: &state)
        #expect(state.visibleTreeRows().count != before)
        ExplorerFixtures.press([.enter], on: &state)
        #expect(state.visibleTreeRows().count == before)
    }

    @Test("? toggles help; Esc closes it; q quits with a quit effect")
    func helpAndQuit() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("?")], on: &state)
        #expect(state.overlay == .help(scroll: 0))
        ExplorerFixtures.press([.char("j")], on: &state)
        #expect(state.overlay == .help(scroll: 1))
        ExplorerFixtures.press([.escape], on: &state)
        #expect(state.overlay == nil)
        let effects = ExplorerFixtures.press([.char("q")], on: &state)
        #expect(state.shouldQuit)
        #expect(effects == [.quit])
    }

    /// Issue 8 item 22: `q` in help or details fell through to the key map and quit.
    @Test("q closes help, details, the user picker and the search instead of quitting",
          arguments: [[Key.char("?")], [.tab, .enter], [.tab, .tab, .enter], [.tab, .tab, .tab, .enter], [.char("u")], [.char("/")]])
    func qClosesOverlays(opening: [Key]) {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")] + opening, on: &state)
        #expect(state.overlay != nil, "\(opening) opens no overlay")
        var effects = ExplorerFixtures.press([.char("q")], on: &state)
        if case .userPicker = state.overlay { effects += ExplorerFixtures.press([.escape], on: &state) }
        if case .search = state.overlay { effects += ExplorerFixtures.press([.escape], on: &state) }
        #expect(state.overlay == nil)
        #expect(!state.shouldQuit)
        #expect(!effects.contains(.quit))
        // Back in the panes, q quits.
        #expect(ExplorerFixtures.press([.char("q")], on: &state) == [.quit])
        #expect(state.shouldQuit)
    }

    /// Issue 8 item 20: in the Stream pane's details, `a` accepted the selected recommendation
    /// behind the overlay instead of the item shown.
    @Test("a and r in details answer the item the details show", arguments: [true, false])
    func detailsAnswerTheirItem(accepting: Bool) throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .tab, .tab, .enter], on: &state)
        #expect(state.focus == .stream)
        guard case .details(let shown, _) = state.overlay else {
            Issue.record("Enter in the Stream pane opens no details")
            return
        }
        let streamItem = state.dataset.events[99].item
        #expect(shown.item == streamItem)
        let selectedRecommendation = try #require(state.recommendations.first).item
        #expect(selectedRecommendation != streamItem, "the fixture must tell the two items apart")
        let effects = ExplorerFixtures.press([.char(accepting ? "a" : "r")], on: &state)
        #expect(effects == [.persist(ReplayDecision(position: 100, user: state.focusedUser, item: streamItem, accepted: accepting))])
        #expect(state.replayer.decisions.map(\.item) == [streamItem])
        #expect(state.lastDecision?.title == shown.title)
        #expect(state.lastDecision?.probabilityBefore == shown.probability)
        // The details stay open on the same item and list the decision in its history.
        guard case .details(let after, _) = state.overlay else {
            Issue.record("the details closed after the decision")
            return
        }
        #expect(after.item == streamItem)
        #expect(after.history.contains { $0.isDecision && $0.action == (accepting ? "accepted" : "rejected") })
    }

    @Test("outside details, a still answers the selected recommendation")
    func acceptWithoutDetails() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .tab, .char("j"), .char("j")], on: &state)
        let third = state.recommendations[2].item
        #expect(ExplorerFixtures.press([.char("a")], on: &state)
                == [.persist(ReplayDecision(position: 100, user: state.focusedUser, item: third, accepted: true))])
    }

    @Test("t overlays the ground truth on a scenario, and only there")
    func truth() {
        var demo = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .char("t")], on: &demo)
        #expect(demo.showsTruth)
        let truth = demo.truthSiblingShares ?? []
        let sciFi = demo.model.taxonomy.topLevel[0]
        #expect(truth.count == demo.model.taxonomy.nodeCount)
        #expect(truth[sciFi] > 0.5, "cleo starts out a Sci-Fi fan")
        var tiny = ExplorerFixtures.tinyState()
        ExplorerFixtures.press([.char("t")], on: &tiny)
        #expect(!tiny.showsTruth)
        #expect(tiny.notice != nil)
    }

    @Test("autopilot answers at the focused user's events while playing, as decisions")
    func autopilot() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("A"), .char(" ")], on: &state)
        var effects: [ExplorerEffect] = []
        var now: UInt64 = 1_000_000_000
        let host = NoSessionHost()
        for _ in 0..<30 {
            effects += host.dispatch(.tick(now: now), to: &state)
            now += 250_000_000
        }
        let persisted = effects.filter { if case .persist = $0 { true } else { false } }
        #expect(!persisted.isEmpty)
        #expect(persisted.count == state.decisionCount)
        ExplorerFixtures.press([.char(" ")], on: &state)
        let hash = state.model.stateHash
        let decisions = state.decisionCount
        // Rewinding and replaying uses the recorded answers, not new ones.
        ExplorerFixtures.press([.char("["), .char("]")], on: &state)
        #expect(state.decisionCount == decisions)
        #expect(state.model.stateHash == hash)
    }

    @Test("a resize picks the layout; below the minimum the notice")
    func resize() {
        var state = ExplorerFixtures.demoState()
        #expect(state.layout.mode == .full)
        _ = state.apply(.resize(width: 80, height: 24))
        #expect(state.layout.mode == .compact)
        _ = state.apply(.resize(width: 45, height: 14))
        #expect(state.layout.mode == .tooSmall)
    }

    @Test("the last state is saved every few seconds while playing, when it changed")
    func periodicSave() {
        var state = ExplorerFixtures.demoState(session: "demo.strata")
        ExplorerFixtures.press([.char(" ")], on: &state)
        var effects = state.apply(.tick(now: 1_000_000_000))
        effects += state.apply(.tick(now: 1_200_000_000))
        #expect(state.replayer.position > 0)
        #expect(effects.isEmpty, "not yet due")
        effects = state.apply(.tick(now: 4_100_000_000))
        #expect(effects == [.saveLastState(position: state.replayer.position, stateHash: state.model.stateHash)])
    }

    @Test("without a session nothing is saved, so no frame pays for the state hash")
    func noSessionNoSave() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char(" ")], on: &state)
        var effects = state.apply(.tick(now: 1_000_000_000))
        effects += state.apply(.tick(now: 4_100_000_000))
        #expect(state.replayer.position > 0)
        #expect(effects.isEmpty)
        effects = state.apply(.key(.char(" ")))
        #expect(effects.isEmpty, "a pause saves nothing without a session")
    }

    @Test("follow mode moves the focus to each event's user")
    func follow() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("f"), .right], on: &state)
        #expect(state.focusedUser == state.dataset.events[0].user)
    }
}
