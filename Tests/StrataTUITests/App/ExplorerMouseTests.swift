import StrataCore
import Testing
@testable import StrataTUI

/// Issue 13 item 5: mouse reports → `.mouse` actions → the state, through the same commands the
/// keys run. Coordinates come from the state's own layout (120×40 unless said otherwise).
@Suite("Explorer mouse")
struct ExplorerMouseTests {
    static let second: UInt64 = 1_000_000_000

    /// Applies a left press (and its release) at a zero-based cell at time `now`.
    @discardableResult
    static func click(_ x: Int, _ y: Int, at now: UInt64 = second, on state: inout ExplorerState) -> [ExplorerEffect] {
        let host = NoSessionHost()
        let effects = host.dispatch(.mouse(MouseEvent(button: .left, column: x, row: y), now: now), to: &state)
        return effects + host.dispatch(.mouse(MouseEvent(button: .release, column: x, row: y), now: now + 50_000_000), to: &state)
    }

    static func wheel(_ button: MouseEvent.Button, _ x: Int, _ y: Int, on state: inout ExplorerState) {
        NoSessionHost().dispatch(.mouse(MouseEvent(button: button, column: x, row: y), now: second), to: &state)
    }

    /// The screen row of data row `index` in a bordered pane with a header row (scrolled to the top).
    static func tableRow(_ index: Int, in block: Rect) -> Int { block.y + 2 + index }

    @Test("a click on a recommendation focuses the pane and selects that row; a accepts it")
    func clickSelectsRecommendation() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        #expect(state.focus == .tree)
        let block = state.layout.recommendations
        Self.click(block.x + 10, Self.tableRow(3, in: block), on: &state)
        #expect(state.focus == .recommendations)
        #expect(state.recommendationSelection == 3)
        let chosen = state.recommendations[3].item
        let effects = ExplorerFixtures.press([.char("a")], on: &state)
        #expect(effects == [.persist(ReplayDecision(position: 100, user: state.focusedUser, item: chosen, accepted: true))])
    }

    @Test("a click selects the row under it in the tree, the stream and the weights")
    func clickSelectsRows() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .tab], on: &state)
        let tree = state.layout.tree
        let rows = state.visibleTreeRows()
        try #require(rows.count > 2)
        Self.click(tree.x + 4, Self.tableRow(2, in: tree), on: &state)
        #expect(state.focus == .tree)
        #expect(state.selectedNode == rows[2].node)

        let stream = state.layout.stream
        let shown = StreamPane.visibleRows(state, height: stream.height - 2)
        guard case .event(let first) = shown[0] else { Issue.record("the first stream row is no event"); return }
        Self.click(stream.x + 5, stream.y + 1, at: 2 * Self.second, on: &state)
        #expect(state.focus == .stream)
        #expect(state.streamSelection == first)

        let weights = state.layout.weights
        Self.click(weights.x + 3, Self.tableRow(5, in: weights), at: 3 * Self.second, on: &state)
        #expect(state.focus == .weights)
        #expect(state.weightSelection == 5)
    }

    @Test("a click on a header, a border or a blank row focuses the pane and selects nothing new")
    func clickOnHeader() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        let block = state.layout.recommendations
        Self.click(block.x + 10, block.y + 1, on: &state)
        #expect(state.focus == .recommendations)
        #expect(state.recommendationSelection == 0)
        Self.click(0, 0, at: 2 * Self.second, on: &state)            // the title bar
        Self.click(5, state.layout.status.y, at: 3 * Self.second, on: &state)
        #expect(state.focus == .recommendations)
        #expect(state.replayer.position == 100)
    }

    @Test("a double-click (same cell, within 400 ms) opens the details of the clicked row, as Enter does")
    func doubleClickOpensDetails() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        let block = state.layout.recommendations
        let y = Self.tableRow(2, in: block)
        Self.click(block.x + 10, y, at: Self.second, on: &state)
        Self.click(block.x + 10, y, at: Self.second + 300_000_000, on: &state)
        guard case .details(let details, _) = state.overlay else { Issue.record("no details open"); return }
        #expect(details.item == state.recommendations[2].item)
        #expect(state.recommendationSelection == 2)
    }

    @Test("two clicks too slow or on different cells are two clicks, not a double-click")
    func notDoubleClicks() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        let block = state.layout.recommendations
        let y = Self.tableRow(2, in: block)
        Self.click(block.x + 10, y, at: Self.second, on: &state)
        Self.click(block.x + 10, y, at: Self.second + 500_000_000, on: &state)
        #expect(state.overlay == nil, "500 ms apart")
        Self.click(block.x + 11, y, at: Self.second + 600_000_000, on: &state)
        #expect(state.overlay == nil, "a different cell")
        // A third press after a double-click starts over.
        Self.click(block.x + 11, y, at: 5 * Self.second, on: &state)
        Self.click(block.x + 11, y, at: 5 * Self.second + 100_000_000, on: &state)
        #expect(state.overlay != nil)
        ExplorerFixtures.press([.escape], on: &state)
        Self.click(block.x + 11, y, at: 5 * Self.second + 200_000_000, on: &state)
        #expect(state.overlay == nil)
    }

    @Test("a double-click on a stream event opens its item; on a tree node folds it, as Enter does")
    func doubleClickStreamAndTree() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        let stream = state.layout.stream
        Self.click(stream.x + 5, stream.y + 1, at: Self.second, on: &state)
        let selected = try #require(state.streamSelection)
        Self.click(stream.x + 5, stream.y + 1, at: Self.second + 200_000_000, on: &state)
        guard case .details(let details, _) = state.overlay else { Issue.record("no details open"); return }
        #expect(details.item == state.dataset.events[selected].item)

        ExplorerFixtures.press([.escape], on: &state)
        let tree = state.layout.tree
        let node = try #require(state.visibleTreeRows().first { $0.hasChildren }).node
        let index = try #require(state.visibleTreeRows().firstIndex { $0.node == node })
        let wasExpanded = state.expanded.contains(node)
        Self.click(tree.x + 4, Self.tableRow(index, in: tree), at: 3 * Self.second, on: &state)
        Self.click(tree.x + 4, Self.tableRow(index, in: tree), at: 3 * Self.second + 100_000_000, on: &state)
        #expect(state.expanded.contains(node) != wasExpanded)
        #expect(state.overlay == nil)
    }

    @Test("the wheel moves in the pane under the pointer as ↑/↓ do, and focuses it")
    func wheelScrolls() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        let block = state.layout.recommendations
        Self.wheel(.wheelDown, block.x + 10, block.y + 3, on: &state)
        Self.wheel(.wheelDown, block.x + 10, block.y + 3, on: &state)
        #expect(state.focus == .recommendations)
        #expect(state.recommendationSelection == 2)
        Self.wheel(.wheelUp, block.x + 10, block.y + 3, on: &state)
        #expect(state.recommendationSelection == 1)

        var keyed = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .tab, .down, .down, .up], on: &keyed)
        #expect(keyed.recommendationSelection == state.recommendationSelection)

        let weights = state.layout.weights
        for _ in 0..<30 { Self.wheel(.wheelDown, weights.x + 3, weights.y + 3, on: &state) }
        #expect(state.focus == .weights)
        #expect(state.weightSelection == WeightRows.rowCount(layout: state.model.layout) - 1)
    }

    @Test("a click on the timeline jumps there: the state hash is a plain replay's, forwards and back")
    func timelineSeeks() throws {
        var state = ExplorerFixtures.demoState()
        let timeline = state.layout.timeline
        let total = state.dataset.events.count
        for column in [60, 100, 20, 0, timeline.width - 1] {
            Self.click(timeline.x + column, timeline.y, at: UInt64(column + 1) * Self.second, on: &state)
            let target = try #require(ExplorerHit.timelinePosition(column: column, width: timeline.width, total: total))
            #expect(state.replayer.position == target)
            #expect(!state.isPlaying)
            var plain = Replayer(dataset: ExplorerFixtures.demo.dataset)
            _ = plain.step(count: target)
            #expect(state.stateHash == plain.model.stateHash, "column \(column)")
        }
        #expect(state.replayer.position == total, "the last column is the end of the stream")
    }

    @Test("a timeline column jumps to the last position it stands for, where the strip puts the cursor")
    func timelinePositions() {
        #expect(ExplorerHit.timelinePosition(column: 0, width: 120, total: 8_200) == 69)
        #expect(ExplorerHit.timelinePosition(column: 119, width: 120, total: 8_200) == 8_200)
        #expect(ExplorerHit.timelinePosition(column: 5, width: 100, total: 10) == 1)
        #expect(ExplorerHit.timelinePosition(column: 0, width: 120, total: 0) == nil)
        #expect(ExplorerHit.timelinePosition(column: 120, width: 120, total: 8_200) == nil)
        for column in [0, 7, 59, 119] {
            let position = ExplorerHit.timelinePosition(column: column, width: 120, total: 8_200)!
            #expect((position - 1) * 120 / 8_200 == column, "TimelineStrip's cursor column for the position")
        }
    }

    @Test("a timeline click over a decision rewinds exactly: the decision is replayed, the hash comes back")
    func timelineRewindOverDecision() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .char("a"), .char("]")], on: &state)
        let timeline = state.layout.timeline
        let column = 1
        let target = try #require(ExplorerHit.timelinePosition(column: column, width: timeline.width, total: state.dataset.events.count))
        try #require(target > 100 && target < 200)
        Self.click(timeline.x + column, timeline.y + 1, on: &state)
        #expect(state.replayer.position == target)
        var keyed = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .char("a")] + Array(repeating: .right, count: target - 100), on: &keyed)
        #expect(state.stateHash == keyed.stateHash)
        #expect(state.decisionCount == 1)
    }

    @Test("overlays: a click outside closes, inside does nothing, the wheel scrolls help")
    func overlays() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("?")], on: &state)
        let box = ExplorerScreen.overlayBox(state, size: state.size)!
        Self.click(box.x + 2, box.y + 2, on: &state)
        #expect(state.overlay == .help(scroll: 0))
        Self.wheel(.wheelDown, box.x + 2, box.y + 2, on: &state)
        #expect(state.overlay == .help(scroll: 1))
        Self.click(0, state.size.height - 1, at: 2 * Self.second, on: &state)
        #expect(state.overlay == nil)
        #expect(state.focus == .tree, "the click that closed the overlay did nothing else")

        ExplorerFixtures.press([.char("u")], on: &state)
        guard case .userPicker(let before) = state.overlay else { Issue.record("no picker"); return }
        Self.wheel(.wheelDown, 60, 20, on: &state)
        guard case .userPicker(let picker) = state.overlay else { Issue.record("no picker"); return }
        #expect(picker.selected == before.selected + 1, "as ↓ moves it")
        Self.click(0, 1, at: 3 * Self.second, on: &state)
        #expect(state.overlay == nil)
    }

    @Test("compact layout: a click on a tab shows that pane, a click in the block focuses it")
    func compactTabs() throws {
        var state = ExplorerFixtures.demoState(width: 80, height: 24)
        ExplorerFixtures.press([.char("]")], on: &state)
        let block = state.layout.tabbed
        let tabs = try #require(ExplorerScreen.tabsArea(in: block))
        // ` Recs │ Stream │ Weights `: "Stream" starts 8 columns in.
        Self.click(tabs.x + 9, block.y, on: &state)
        #expect(state.focus == .stream)
        #expect(state.visibleTab == .stream)
        Self.click(tabs.x + 2, block.y, at: 2 * Self.second, on: &state)
        #expect(state.visibleTab == .recommendations)
        Self.click(block.x + 10, Self.tableRow(1, in: block), at: 3 * Self.second, on: &state)
        #expect(state.recommendationSelection == 1)
    }

    @Test("right and middle clicks, releases and drags do nothing")
    func otherButtons() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        let block = state.layout.recommendations
        let y = Self.tableRow(3, in: block)
        let host = NoSessionHost()
        for event in [MouseEvent(button: .right, column: block.x + 5, row: y), MouseEvent(button: .middle, column: block.x + 5, row: y),
                      MouseEvent(button: .release, column: block.x + 5, row: y),
                      MouseEvent(button: .left, column: block.x + 5, row: y, isMotion: true)] {
            host.dispatch(.mouse(event, now: Self.second), to: &state)
        }
        #expect(state.focus == .tree)
        #expect(state.recommendationSelection == 0)
    }

    @Test("through the real loop: raw SGR bytes select a row and a accepts it")
    func realLoop() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        let block = state.layout.recommendations
        let y = Self.tableRow(4, in: block)
        let chosen = state.recommendations[4]
        let title = state.dataset.catalogue.items[chosen.item].title
        let result = ExplorerFixtures.runOnTerminal(state, keys: [], input: "\u{1B}[<0;\(block.x + 11);\(y + 1)M\u{1B}[<0;\(block.x + 11);\(y + 1)ma",
                                                    width: 120, height: 40)
        #expect(result.state.decisionCount == 1)
        #expect(result.state.replayer.decisions.last?.item == chosen.item)
        #expect(result.lines[0].contains("accepted \(title) for cleo"))
    }
}
