import StrataCore
import StrataTestSupport
@testable import StrataTUI

/// States and a harness for the explorer tests: the built-in demo (what `strata` opens) and
/// a tiny real-data-like stream.
enum ExplorerFixtures {
    /// The demo world and its dataset, built once (a few hundred ms in debug builds).
    static let demo: (world: ScenarioWorld, dataset: Dataset) = {
        do {
            let world = try ScenarioWorld(scenario: .demo)
            return (world, world.makeDataset())
        } catch {
            preconditionFailure("the built-in demo must be valid: \(error)")
        }
    }()

    static func demoState(width: Int = 120, height: Int = 40, session: String? = nil) -> ExplorerState {
        ExplorerState(replayer: Replayer(dataset: demo.dataset), world: demo.world,
                      configuration: .init(sourceLabel: "scenario:demo", sessionName: session), size: TerminalSize(width: width, height: height))
    }

    /// 3 users over a 2×2×2 catalogue, 40 events a minute apart from unix time 1,000.
    static func tinyDataset() -> Dataset {
        let catalogue = StreamBuilder.catalogue(tops: 2, subs: 2, perLeaf: 2)
        let events = StreamBuilder.events(catalogue: catalogue, users: 3, count: 40, seed: 7)
        return Dataset(name: "tiny", catalogue: catalogue, userIDs: ["u1", "u2", "u3"], events: events, fingerprint: "tiny")
    }

    static func tinyState(width: Int = 120, height: Int = 40) -> ExplorerState {
        ExplorerState(replayer: Replayer(dataset: tinyDataset()), configuration: .init(sourceLabel: "tiny"),
                      size: TerminalSize(width: width, height: height))
    }

    /// Applies keys one by one, collecting the effects.
    @discardableResult
    /// Through a host without a session, which commits every decision at once (as the
    /// explorer's loop does), so decisions are applied.
    static func press(_ keys: [Key], on state: inout ExplorerState) -> [ExplorerEffect] {
        let host = NoSessionHost()
        return keys.flatMap { host.dispatch(.key($0), to: &state) }
    }

    /// Runs the real loop on an in-memory terminal with `keys` queued, then `input` as raw
    /// terminal bytes, and returns the screen and the final state once they are handled and
    /// drawn. It stops the loop as a hang-up would (a signal, not `q`, which closes an open
    /// overlay instead of quitting). Time is a fake clock advanced by every wait, so nothing
    /// sleeps.
    static func runOnTerminal(_ state: ExplorerState, keys: [Key], input: String = "", width: Int, height: Int,
                              glyphs: GlyphSet = .unicode) -> (lines: [String], state: ExplorerState, terminal: InMemoryTerminal) {
        let terminal = InMemoryTerminal(width: width, height: height, glyphs: glyphs)
        for key in keys { terminal.enqueue(key) }
        terminal.send(input)
        let clock = FakeClock()
        terminal.onWait = { [unowned terminal] milliseconds in
            clock.now += UInt64(max(1, milliseconds)) * 1_000_000
            // The first wait ends the drain after the last key; the loop renders, then waits
            // again: stop there, with the frame after every key on the screen.
            if clock.idleWaits > 0 { terminal.pendingSignal = .hangup }
            clock.idleWaits += 1
        }
        let outcome = ExplorerLauncher.run(state, on: terminal, host: NoSessionHost(), framesPerSecond: 30, clock: { clock.now })
        return (terminal.screen.lines(), outcome.state, terminal)
    }

    /// A clock the test advances; a class so the loop and the terminal's wait share it.
    final class FakeClock {
        var now: UInt64 = 1_000_000_000
        var idleWaits = 0
    }
}

extension ExplorerFixtures {
    /// The demo with model B beside (split) or instead of (shown) the adaptive model.
    static func demoPair(_ kind: RecommenderKind, config: ModelConfig = .standard, mode: ComparisonSetup.Mode = .split,
                         width: Int = 120, height: Int = 40) -> ExplorerState {
        let replayer = Replayer(dataset: demo.dataset, companion: kind.make(for: demo.dataset, config: config))
        return ExplorerState(replayer: replayer, world: demo.world,
                             configuration: .init(sourceLabel: "scenario:demo", comparison: ComparisonSetup(mode: mode, label: kind.rawValue)),
                             size: TerminalSize(width: width, height: height))
    }
}
