import StrataCore
import Testing
@testable import StrataTUI

/// Issue 13 items 3 and 7: going to what matters (`n`/`N`, `m`, `:`, named bookmarks) and the
/// truth overlay as numbers, as state transitions on the built-in demo (cleo is focused).
@Suite("Explorer: n/N, go to, bookmarks, truth in numbers")
struct ExplorerMarksTests {
    /// Positions of cleo's interest-shift alerts in a plain replay of the demo.
    static let cleoAlerts: [Int] = {
        let dataset = ExplorerFixtures.demo.dataset
        let cleo = dataset.userIDs.firstIndex(of: "cleo")!
        var replayer = Replayer(dataset: dataset)
        var alerts: [Int] = []
        while let observation = replayer.step() {
            if observation.driftAlerts.contains(where: { $0.user == cleo && $0.kind == .interestShift }) { alerts.append(replayer.position) }
        }
        return alerts
    }()

    static func plainHash(at position: Int) -> String {
        var replayer = Replayer(dataset: ExplorerFixtures.demo.dataset)
        replayer.seek(to: position)
        return replayer.model.stateHash
    }

    static func type(_ text: String) -> [Key] { text.map { .char($0) } }

    @Test("n lands on cleo's next drift alert, N goes back to it; the state hash equals a plain replay's")
    func nextAndPreviousDriftAlert() throws {
        let alerts = Self.cleoAlerts
        try #require(alerts.count >= 1)
        var state = ExplorerFixtures.demoState()
        #expect(state.focusedUserID == "cleo" && state.markKind == .driftAlert)
        ExplorerFixtures.press([.char("n")], on: &state)
        #expect(state.replayer.position == alerts[0])
        #expect(!state.isPlaying)
        #expect(state.notice?.text.hasPrefix("drift alert at " + NumberText.grouped(alerts[0])) == true, "\(state.notice?.text ?? "")")
        #expect(state.model.stateHash == Self.plainHash(at: alerts[0]))
        // Past it, then N: back exactly to it.
        ExplorerFixtures.press([.char("]"), .char("]"), .char("]"), .char("N")], on: &state)
        #expect(state.replayer.position == alerts[0])
        #expect(state.model.stateHash == Self.plainHash(at: alerts[0]))
        // Before the first alert, N says so and stays.
        ExplorerFixtures.press([.char("N")], on: &state)
        #expect(state.replayer.position == alerts[0])
        #expect(state.notice?.text.hasPrefix("no earlier drift alert of cleo") == true)
    }

    @Test("m cycles what n/N jump to; decisions are reached both ways")
    func decisionsAndKinds() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("m")], on: &state)
        #expect(state.markKind == .labelChange)
        ExplorerFixtures.press([.char("m")], on: &state)
        #expect(state.markKind == .decision)
        ExplorerFixtures.press([.char("]"), .char("a"), .char("]"), .char("]")], on: &state)
        #expect(state.replayer.decisions.map(\.position) == [100])
        ExplorerFixtures.press([.char("N")], on: &state)
        #expect(state.replayer.position == 100)
        ExplorerFixtures.press([.char(":")] + Self.type("0") + [.enter, .char("n")], on: &state)
        #expect(state.replayer.position == 100)
        let hash = state.model.stateHash
        ExplorerFixtures.press([.char("]"), .char("N")], on: &state)
        #expect(state.model.stateHash == hash)
        ExplorerFixtures.press([.char("m"), .char("m")], on: &state)
        #expect(state.markKind == .driftAlert)
    }

    @Test("n replays on to the next tier change of the focused user")
    func nextLabelChange() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("m"), .char("n")], on: &state)
        let cleo = state.focusedUser
        let first = try #require(state.model.labelChanges.first { $0.user == cleo })
        // Recorded with its event's index; shown at the position after that event.
        #expect(state.replayer.position == first.position + 1)
        #expect(state.model.stateHash == Self.plainHash(at: first.position + 1))
    }

    @Test(": goes to a typed position; letters are not typed; past the end is refused")
    func goToPosition() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char(":")] + Self.type("4,0x05") + [.enter], on: &state)
        #expect(state.replayer.position == 4_005)
        #expect(state.overlay == nil)
        #expect(state.model.stateHash == Self.plainHash(at: 4_005))
        ExplorerFixtures.press([.char(":")] + Self.type("1200") + [.enter], on: &state)
        #expect(state.replayer.position == 1_200)
        ExplorerFixtures.press([.char(":")] + Self.type("99999") + [.enter], on: &state)
        #expect(state.replayer.position == 1_200)
        #expect(state.notice?.isError == true)
        #expect(state.notice?.text == "no position 99999: the stream has 8,200 events")
        ExplorerFixtures.press([.char(":")] + Self.type("12") + [.escape], on: &state)
        #expect(state.replayer.position == 1_200 && state.overlay == nil)
    }

    @Test("b asks for a name; the saved bookmark is drawn on the timeline and reached with n/N")
    func namedBookmarks() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .char("]")], on: &state)
        _ = ExplorerFixtures.press([.char("b")], on: &state)
        #expect(state.overlay == .prompt(ExplorerPrompt(kind: .bookmarkName)))
        var effects = ExplorerFixtures.press(Self.type("before the drift"), on: &state)
        effects += state.apply(.key(.enter))
        let view = ExplorerBookmark.View(user: "cleo", speedIndex: PlaybackSpeed.defaultIndex, showsTruth: false)
        let saved = ExplorerBookmark(position: 200, label: "before the drift", view: view)
        #expect(effects == [.bookmark(saved)])
        _ = state.apply(.feedback(.bookmarked(saved)))
        #expect(state.bookmarks == [saved])
        // An empty name gets the default label.
        ExplorerFixtures.press([.char("]")], on: &state)
        _ = state.apply(.key(.char("b")))
        #expect(state.apply(.key(.enter)) == [.bookmark(ExplorerBookmark(position: 300, label: "position 300 · cleo", view: view))])
        // On the timeline.
        var buffer = ScreenBuffer(width: 120, height: 40)
        ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
        let timeline = buffer.lines()[state.layout.timeline.y]
        #expect(timeline.contains("⚑"))
        #expect(buffer.lines()[state.layout.timeline.y + 1].contains("bookmark"))
        // Reached with m m m, then N / n.
        ExplorerFixtures.press([.char("m"), .char("m"), .char("m")], on: &state)
        #expect(state.markKind == .bookmark)
        ExplorerFixtures.press([.char("N")], on: &state)
        #expect(state.replayer.position == 200)
        #expect(state.notice?.text == "bookmark at 200: before the drift")
        ExplorerFixtures.press([.char(":")] + Self.type("0") + [.enter, .char("n")], on: &state)
        #expect(state.replayer.position == 200)
    }

    @Test("B lists the bookmarks with their view; Enter goes there and brings back the user, speed and truth overlay")
    func bookmarkPicker() throws {
        var state = ExplorerFixtures.demoState()
        let view = ExplorerBookmark.View(user: "ada", speedIndex: 6, showsTruth: true)
        state.adoptBookmarks([ExplorerBookmark(position: 3_000, label: "before the drift", view: view),
                              ExplorerBookmark(position: 1_200, label: "old, no view")])
        ExplorerFixtures.press([.char(":")] + Self.type("5000") + [.enter, .char("B")], on: &state)
        guard case .bookmarks(let picker) = state.overlay else {
            Issue.record("B did not open the bookmarks")
            return
        }
        // Stream order; the one at or before the position is selected.
        #expect(picker.matches.map { state.bookmarks[$0].label } == ["old, no view", "before the drift"])
        #expect(picker.selected == 1)
        var buffer = ScreenBuffer(width: 120, height: 40)
        ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
        let text = buffer.lines().joined(separator: "\n")
        #expect(text.contains("Bookmarks"))
        #expect(text.contains("3,000  before the drift  · ada · 100 ev/s · truth"), "\(text)")
        ExplorerFixtures.press([.enter], on: &state)
        #expect(state.overlay == nil)
        #expect(state.replayer.position == 3_000)
        #expect(state.model.stateHash == Self.plainHash(at: 3_000))
        #expect(state.focusedUserID == "ada" && !state.followsStream)
        #expect(state.speedLabel == "100 ev/s")
        #expect(state.showsTruth && state.truthDistance != nil)
        #expect(!state.isPlaying)
        #expect(state.notice?.text == "bookmark at 3,000: before the drift  · ada · 100 ev/s · truth")
        // Typing filters by name; a bookmark without a view keeps the current one.
        ExplorerFixtures.press([.char("B")] + Self.type("old") + [.enter], on: &state)
        #expect(state.replayer.position == 1_200)
        #expect(state.focusedUserID == "ada" && state.speedLabel == "100 ev/s" && state.showsTruth)
        // A user the dataset does not have is said, not a crash.
        state.adoptBookmarks([ExplorerBookmark(position: 10, label: "elsewhere", view: .init(user: "zoe", speedIndex: 99, showsTruth: false))])
        ExplorerFixtures.press([.char("B"), .enter], on: &state)
        #expect(state.replayer.position == 10 && state.focusedUserID == "ada")
        #expect(state.isFullSpeed)
        #expect(state.notice?.text.hasSuffix("(user zoe is not in this dataset)") == true, "\(state.notice?.text ?? "")")
    }

    @Test("B without bookmarks says how to make one; Esc closes it")
    func emptyBookmarkPicker() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("B")], on: &state)
        var buffer = ScreenBuffer(width: 80, height: 24)
        ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
        #expect(buffer.lines().joined(separator: "\n").contains("no bookmarks yet: b makes one (with --session)"))
        #expect(ExplorerFixtures.press([.enter], on: &state).isEmpty)
        ExplorerFixtures.press([.escape], on: &state)
        #expect(state.overlay == nil)
    }

    @Test("the timeline's legend underlines what n/N jump to; clicking an entry chooses it")
    func legendChoosesTheKind() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]")], on: &state)
        let area = state.layout.timeline
        let placed = try #require(TimelineStrip.legendPlacement(state, in: area, glyphs: .unicode))
        #expect(placed.showsLegend)
        var x = placed.legendX
        var columns: [MarkKind: Int] = [:]
        for entry in placed.entries {
            if let kind = entry.kind { columns[kind] = x + 2 }   // on the entry's word
            x += entry.width
        }
        #expect(Set(columns.keys) == [.decision, .driftAlert, .labelChange])
        var buffer = ScreenBuffer(width: 120, height: 40)
        ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
        #expect(buffer[try #require(columns[.driftAlert]), area.y + 1].style.underline)
        #expect(!buffer[try #require(columns[.decision]), area.y + 1].style.underline)
        #expect(ExplorerHit.at(column: try #require(columns[.labelChange]), row: area.y + 1, in: state) == .legend(.labelChange))
        _ = ExplorerMouseTests.click(try #require(columns[.labelChange]), area.y + 1, on: &state)
        #expect(state.markKind == .labelChange)
        #expect(state.replayer.position == 100)   // choosing is not a jump
        ExplorerFixtures.press([.char("n")], on: &state)
        #expect(state.notice?.text.hasPrefix("tier change at ") == true, "\(state.notice?.text ?? "")")
        // The cursor's label row elsewhere still jumps.
        #expect(ExplorerHit.at(column: area.x + 1, row: area.y, in: state) != .none)
    }

    @Test("the truth overlay shows each node's true share as a number and the JS distance in the status line")
    func truthAsNumbers() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char(":")] + Self.type("4500") + [.enter, .char("t")], on: &state)
        let distance = try #require(state.truthDistance)
        let world = ExplorerFixtures.demo.world
        let cleo = state.focusedUser
        let events = Int(state.model.users[cleo].interest.eventCount)
        #expect(distance == world.trackingError(user: cleo, atEvent: events, estimatedTopLevelShares: state.model.topLevelShares(user: cleo, tier: 1)))
        var buffer = ScreenBuffer(width: 120, height: 40)
        ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
        let lines = buffer.lines()
        #expect(lines[39].contains("truth JS " + NumberText.fixed(distance, decimals: 2)), "\(lines[39])")
        // The Romance row of the tree carries its true share among the top-level genres.
        let romance = try #require(state.model.taxonomy.existingNode(forPath: ["Romance"]))
        let truth = try #require(state.truthSiblingShares)[romance]
        let row = try #require(lines.first { $0.contains("▸ Romance") })
        #expect(row.contains(NumberText.percent(truth)), "\(row)")
        #expect(lines.contains { $0.contains(" true") })
        // Off again: no numbers, no distance.
        ExplorerFixtures.press([.char("t")], on: &state)
        #expect(state.truthDistance == nil && state.truthSiblingShares == nil)
    }
}

/// The focused user's marks kept as the logs grow (issue 11, item 2: the timeline reads them
/// instead of scanning every user's tier changes on every frame).
@Suite("Explorer: the focused user's marks")
struct FocusedUserMarksTests {
    @Test("the same marks as a scan of the whole logs, through playing, rewinds and focus changes")
    func matchesAFullScan() {
        var state = ExplorerFixtures.demoState()
        func expectMatches(_ step: String) {
            let model = state.model
            let user = state.focusedUser
            #expect(state.focusedMarks.labelChanges == model.labelChanges.filter { $0.user == user }, "\(step)")
            #expect(state.focusedMarks.driftAlerts == model.driftAlerts.filter { $0.user == user }, "\(step)")
        }
        ExplorerFixtures.press(Array(repeating: .char("]"), count: 45), on: &state)
        expectMatches("4,500 forwards")
        #expect(!state.focusedMarks.driftAlerts.isEmpty)
        ExplorerFixtures.press(Array(repeating: .char("["), count: 12), on: &state)
        expectMatches("after a rewind to 3,300")
        ExplorerFixtures.press([.char("u")] + "ada".map { .char($0) } + [.enter], on: &state)
        #expect(state.focusedUserID == "ada")
        expectMatches("ada focused")
        ExplorerFixtures.press(Array(repeating: .char("]"), count: 10), on: &state)
        expectMatches("ada, 1,000 more")
    }
}
