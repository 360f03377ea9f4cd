import StrataCore
import Testing
@testable import StrataTUI

/// Issue 13, item 4 as state transitions: the welcome (playing at a readable speed with a
/// fading hint) and a quit that asks once when decisions would be lost.
@Suite("Explorer: the first ten seconds")
struct ExplorerFirstSecondsTests {
    @Test("the welcome plays at 100 events/s with the key hint for 8 s")
    func welcome() {
        var state = ExplorerFixtures.demoState()
        state.startWelcome()
        #expect(state.isPlaying)
        #expect(state.speedLabel == "100 ev/s")
        #expect(state.notice?.text == ExplorerState.welcomeHint)
        // Frames every 0.1 s; the first one starts the clock (and the hint's 8 s).
        for frame in 1...11 { _ = state.apply(.tick(now: UInt64(frame) * 100_000_000)) }
        #expect(state.replayer.position == 100)   // 1 s at 100 events/s
        _ = state.apply(.tick(now: 8_000_000_000))
        #expect(state.notice?.text == ExplorerState.welcomeHint)
        _ = state.apply(.tick(now: 8_200_000_000))
        #expect(state.notice == nil)
    }

    @Test("q with decisions in no session warns once; the second q quits")
    func quitAsksOnce() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .char("a")], on: &state)
        #expect(state.decisionCount == 1)
        #expect(ExplorerFixtures.press([.char("q")], on: &state).isEmpty)
        #expect(!state.shouldQuit)
        #expect(state.notice?.text == "1 decision is in no session and will be lost: q again quits (--session FILE keeps them)")
        #expect(ExplorerFixtures.press([.char("q")], on: &state) == [.quit])
    }

    @Test("q quits at once without decisions, or with a session that keeps them")
    func quitAtOnce() {
        var plain = ExplorerFixtures.demoState()
        #expect(ExplorerFixtures.press([.char("q")], on: &plain) == [.quit])
        var withSession = ExplorerFixtures.demoState(session: "demo.strata")
        ExplorerFixtures.press([.char("]"), .char("a")], on: &withSession)
        #expect(ExplorerFixtures.press([.char("q")], on: &withSession).contains(.quit))
    }
}
