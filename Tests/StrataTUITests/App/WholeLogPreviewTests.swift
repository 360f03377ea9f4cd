import Foundation
import StrataCore
import StrataTestSupport
import Testing
@testable import StrataTUI

/// The explorer on the head of a large log while the whole log loads behind it
/// (`WholeLogLoader`, Docs/explorer.md design note 6).
@Suite("Explorer preview of a large log")
struct WholeLogPreviewTests {
    /// The demo's stream, and its first `events` as their own dataset: items and users numbered
    /// in order of first appearance (as a reader of the log's head numbers them), so indices
    /// differ from the whole dataset's and decisions must be translated by id.
    static func previewAndWhole(events: Int) -> (preview: Dataset, whole: Dataset) {
        let whole = ExplorerFixtures.demo.dataset
        var catalogue = Catalogue()
        var users: [String] = []
        var userIndex: [String: Int] = [:]
        var head: [Event] = []
        for event in whole.events.prefix(events) {
            var moved = event
            moved.item = catalogue.add(whole.catalogue.items[event.item])
            let id = whole.userIDs[event.user]
            if userIndex[id] == nil { userIndex[id] = users.count; users.append(id) }
            moved.user = userIndex[id]!
            head.append(moved)
        }
        return (Dataset(name: "head", catalogue: catalogue, userIDs: users, events: head), whole)
    }

    /// Follows the loader once a frame until it hands over, stepping the preview meanwhile.
    static func followUntilAdopted(_ state: inout ExplorerState, loader: WholeLogLoader,
                                   between: (inout ExplorerState, Int) -> Void) -> Bool {
        for frame in 0..<20_000 {
            if state.follow(wholeLog: loader.follow(position: state.replayer.position, decisions: state.replayer.decisions)) { return true }
            between(&state, frame)
            usleep(500)
        }
        return false
    }

    @Test("the whole log takes the preview's place at the same position, with the decisions, exactly")
    func adoptsAtTheSamePositionWithTheDecisions() throws {
        let (preview, whole) = Self.previewAndWhole(events: 3_000)
        #expect(preview.catalogue.count < whole.catalogue.count)
        var state = ExplorerState(replayer: Replayer(dataset: preview), configuration: .init(sourceLabel: "head"),
                                  size: TerminalSize(width: 120, height: 40), previewOfEvents: preview.events.count)
        #expect(state.preview?.label == "preview: first 3,000 events · loading all 0 %")
        #expect(state.stateHash == nil, "a preview's hash is not computed for the first frame")
        let started = DispatchSemaphore(value: 0)
        let loader = WholeLogLoader(preview: preview, config: .standard, batch: 50) { progress in
            progress(0.5)
            started.wait()
            return .init(dataset: whole, warnings: ["1 line skipped"])
        }
        loader.start()
        // Decisions on the preview while the whole log is still loading, one after a rewind.
        state.replayer.step(count: 400)
        let user = state.replayer.dataset.events[399].user
        let first = state.recommendations.first?.item ?? 0
        state.replayer.decide(user: user, item: first, accepted: true)
        state.replayer.step(count: 300)
        state.replayer.seek(to: 250)
        state.replayer.decide(user: user, item: state.replayer.recommendations(for: user, count: 1)[0].item, accepted: false)
        state.replayer.step(count: 600)
        _ = state.follow(wholeLog: loader.follow(position: state.replayer.position, decisions: state.replayer.decisions))
        #expect(state.preview?.phase == .loading(fraction: 0.5))
        started.signal()
        // While it catches up the preview moves on, rewinds and takes one more decision.
        let adopted = Self.followUntilAdopted(&state, loader: loader) { state, frame in
            if frame == 3 { state.replayer.seek(to: 700) }
            if frame == 5 { state.replayer.decide(user: user, item: state.recommendations.last?.item ?? 1, accepted: true) }
            if frame < 40 { state.replayer.step(count: 20) }
        }
        #expect(adopted)
        #expect(state.preview == nil)
        #expect(state.notice?.text.hasPrefix("the whole log is in: 8,200 events, at the same position, your 3 decisions kept") == true)
        #expect(state.replayer.total == whole.events.count)
        #expect(state.eventsPerUser.reduce(0, +) == whole.events.count)
        #expect(state.focusedUserID == ExplorerFixtures.demo.dataset.userIDs[state.focusedUser])
        #expect(loader.warnings == ["1 line skipped"])
        // The same as replaying the whole log with the decisions translated by id.
        let decisions = state.replayer.decisions
        #expect(decisions.count == 3)
        var plain = Replayer(dataset: whole)
        plain.load(decisions: decisions)
        plain.seek(to: state.replayer.position)
        #expect(plain.model.stateHash == state.model.stateHash)
        #expect(whole.catalogue.items[decisions[0].item].id == preview.catalogue.items[first].id)
        if case .finished = loader.follow(position: 0, decisions: []) {} else { Issue.record("handed over once only") }
    }

    @Test("a whole log that fails to load leaves the preview, says why, and keeps it")
    func failureKeepsThePreview() {
        let (preview, _) = Self.previewAndWhole(events: 500)
        var state = ExplorerState(replayer: Replayer(dataset: preview), configuration: .init(sourceLabel: "head"),
                                  size: TerminalSize(width: 120, height: 40), previewOfEvents: 500)
        struct Broken: Error, CustomStringConvertible { var description: String { "log.csv line 7,000,001: bad time" } }
        let loader = WholeLogLoader(preview: preview, config: .standard) { _ in throw Broken() }
        loader.start()
        for _ in 0..<2_000 where loader.phase == .loading(fraction: 0) { usleep(1_000) }
        let adopted = state.follow(wholeLog: loader.follow(position: 0, decisions: []))
        #expect(!adopted)
        #expect(state.preview?.phase == .failed("log.csv line 7,000,001: bad time"))
        #expect(state.notice?.isError == true)
        #expect(state.notice?.text.contains("line 7,000,001") == true)
        #expect(state.preview?.label == "preview only: the whole log did not load")
    }

    @Test("while the whole log catches up, full speed plays at most 200 events a frame")
    func catchUpCapsFullSpeed() {
        let (preview, _) = Self.previewAndWhole(events: 3_000)
        var state = ExplorerState(replayer: Replayer(dataset: preview), configuration: .init(sourceLabel: "head"),
                                  size: TerminalSize(width: 120, height: 40), previewOfEvents: 3_000)
        state.preview?.phase = .catchingUp(position: 10, target: 100)
        ExplorerFixtures.press([.char(" ")], on: &state)
        while !state.isFullSpeed { ExplorerFixtures.press([.char("+")], on: &state) }
        _ = state.apply(.measured(events: 1_000, nanoseconds: 1_000_000))   // 1 µs an event: 20,000 a frame
        _ = state.apply(.tick(now: 1_000_000_000))
        #expect(state.lastTickSteps == 200)
        state.preview?.phase = .loading(fraction: 0.2)
        _ = state.apply(.tick(now: 1_040_000_000))
        #expect(state.lastTickSteps > 200)
    }
}

extension WholeLogPreviewTests {
    @Test("at the preview's last event it keeps playing for the whole log, and plays on in it")
    func playsOnThroughTheEndOfThePreview() throws {
        let (preview, whole) = Self.previewAndWhole(events: 300)
        var state = ExplorerState(replayer: Replayer(dataset: preview), configuration: .init(sourceLabel: "head"),
                                  size: TerminalSize(width: 120, height: 40), previewOfEvents: 300)
        ExplorerFixtures.press([.char(" ")], on: &state)
        while !state.isFullSpeed { ExplorerFixtures.press([.char("+")], on: &state) }
        var now: UInt64 = 1_000_000_000
        for _ in 0..<50 where !state.replayer.isAtEnd {
            now += 33_000_000
            _ = state.apply(.tick(now: now))
        }
        #expect(state.replayer.isAtEnd)
        now += 33_000_000
        _ = state.apply(.tick(now: now))
        #expect(state.isPlaying, "the head's end is not the stream's")
        #expect(state.notice?.text == "the preview's last event: playing on when the whole log is in")
        let loader = WholeLogLoader(preview: preview, config: .standard) { _ in .init(dataset: whole, warnings: []) }
        loader.start()
        #expect(Self.followUntilAdopted(&state, loader: loader) { _, _ in })
        now += 33_000_000
        _ = state.apply(.tick(now: now))
        #expect(state.isPlaying)
        #expect(state.replayer.position > 300)
    }
}

extension WholeLogPreviewTests {
    @Test("a model over the paused-hash limit shows no hash while paused, so a step back does not wait for it")
    func noPausedHashOnALargeModel() {
        var small = ExplorerFixtures.tinyState()
        ExplorerFixtures.press([.char("]")], on: &small)
        #expect(small.stateHash != nil)
        var configuration = ExplorerState.Configuration(sourceLabel: "tiny")
        configuration.pausedHashLimit = 10
        var large = ExplorerState(replayer: Replayer(dataset: ExplorerFixtures.tinyDataset()), configuration: configuration,
                                  size: TerminalSize(width: 120, height: 40))
        ExplorerFixtures.press([.char("]"), .left], on: &large)
        #expect(!large.isPlaying && large.replayer.position > 0)
        #expect(large.stateHash == nil)
        let onDemand = large.currentHash()
        #expect(onDemand == large.model.stateHash, "computed when asked (exit line, session, x)")
    }
}
