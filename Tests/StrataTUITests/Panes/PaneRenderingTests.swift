import StrataCore
import StrataTestSupport
import Testing
@testable import StrataTUI

/// Panes and their helpers on small fixtures, line by line.
@Suite("Explorer panes")
struct PaneRenderingTests {
    /// Renders into a `width`×`height` area framed by one cell of `.` markers on every side, so
    /// drawing outside the area fails; returns the area's lines, where `.` is a cell the pane
    /// left untouched (a space marker could tell neither apart from a written blank).
    static func render(width: Int, height: Int, _ draw: (inout ScreenBuffer, Rect) -> Void,
                       sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        var buffer = TestScreen.marked(width: width + 2, height: height + 2)
        draw(&buffer, Rect(x: 1, y: 1, width: width, height: height))
        let lines = buffer.lines()
        let untouched = String(repeating: ".", count: width + 2)
        #expect(lines.first == untouched && lines.last == untouched, "drew above or below its area", sourceLocation: sourceLocation)
        #expect(lines.allSatisfy { $0.first == "." && $0.last == "." }, "drew left or right of its area", sourceLocation: sourceLocation)
        return lines.dropFirst().dropLast().map { String($0.dropFirst().dropLast()) }
    }

    @Test("numbers: grouping, fixed decimals, signs, percentages")
    func numbers() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(8_200) == "8,200")
        #expect(NumberText.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberText.fixed(0.8234, decimals: 3, sign: true) == "+0.823")
        #expect(NumberText.fixed(-2, decimals: 2) == "-2.00")
        #expect(NumberText.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(NumberText.fixed(0.0451, decimals: 1) == "0.0")
        #expect(NumberText.fixed(9.96, decimals: 1) == "10.0")
        #expect(NumberText.fixed(.nan, decimals: 2) == "nan")
        #expect(NumberText.percent(0.417) == "42%")
        #expect(NumberText.percent(1.2) == "100%")
    }

    @Test("stream time: a UTC date for real data, the step for simulations")
    func streamTime() {
        #expect(StreamTime.utc(0) == "1970-01-01 00:00 UTC")
        #expect(StreamTime.utc(881_250_949) == "1997-12-04 15:55 UTC")
        #expect(StreamTime.utc(951_782_400) == "2000-02-29 00:00 UTC")
        #expect(StreamTime.utc(-86_400) == "1969-12-31 00:00 UTC")
        #expect(StreamTime.describe(4_210, simulated: true) == "step 4,210")
    }

    @Test("the weight history is a ring that forgets the future on a rewind")
    func weightHistory() {
        var history = WeightHistory(capacity: 3, dimension: 2)
        for position in 1...4 { history.append([Double(position), Double(-position)], position: position * 10) }
        #expect(history.count == 3)
        #expect(history.series(0, limit: 5) == [2, 3, 4])
        #expect(history.series(1, limit: 2) == [-3, -4])
        #expect(history.previous(0) == 3)
        #expect(history.latestEquals([4, -4]))
        history.truncate(after: 25)
        #expect(history.series(0, limit: 5) == [2])
        #expect(history.previous(0) == nil)
    }

    @Test("normalised tier weights sum to one")
    func trust() {
        let layout = FeatureLayout(tiers: 3, levels: 2)
        var weights = Array(repeating: 0.0, count: layout.dimension)
        weights[layout.share(tier: 0, level: 1)] = 1
        weights[layout.share(tier: 1, level: 2)] = -2
        weights[layout.share(tier: 2, level: 1)] = 0.5
        weights[layout.share(tier: 2, level: 2)] = 0.5
        #expect(WeightRows.trust(weights: weights, layout: layout) == [0.25, 0.5, 0.25])
        #expect(WeightRows.rows(layout: layout, tiers: TemporalTier.standard).count == WeightRows.rowCount(layout: layout))
    }

    @Test("layouts: full, compact, too small")
    func layouts() {
        #expect(ExplorerLayout.compute(width: 120, height: 40).mode == .full)
        #expect(ExplorerLayout.compute(width: 80, height: 24).mode == .compact)
        #expect(ExplorerLayout.compute(width: 60, height: 20).mode == .compact)
        #expect(ExplorerLayout.compute(width: 50, height: 15).mode == .compact)
        #expect(ExplorerLayout.compute(width: 49, height: 40).mode == .tooSmall)
        #expect(ExplorerLayout.compute(width: 120, height: 14).mode == .tooSmall)
        let full = ExplorerLayout.compute(width: 120, height: 40)
        #expect(full.recommendations.height == 13)
        #expect(full.tree.width + full.stream.width == 120)
        #expect(full.status == Rect(x: 0, y: 39, width: 120, height: 1))
    }

    @Test("the too-small notice, exactly")
    func tooSmall() {
        let lines = Self.render(width: 40, height: 5) { buffer, area in TooSmallNotice.render(in: area, into: &buffer) }
        #expect(lines == [
            "........................................",
            "...........Terminal too small...........",
            "...40x5: Strata needs at least 50x15....",
            "Enlarge the window, or press q to quit..",
            "........................................",
        ])
    }

    @Test("the stream pane: learned events, the current one, upcoming ones, a decision in line")
    func streamPane() {
        var state = ExplorerFixtures.tinyState()
        ExplorerFixtures.press([.right, .right, .right, .char("a")], on: &state)
        let lines = Self.render(width: 48, height: 7) { buffer, area in
            StreamPane.render(state, in: area, focused: false, into: &buffer, glyphs: .unicode)
        }
        #expect(lines == Self.expectedStream, "\(lines.joined(separator: "\n"))")
    }

    static let expectedStream = [
        "┌ Stream · 3 / 40 ─────────────────────────────┐",
        "│.  1.u3  .dislike  .Romance film 1-0..........│",
        "│.  2.u3  .rate 3.0 .Sci-Fi film 0-0...........│",
        "│.  3.u1  .dislike  .Sci-Fi film 1-1...........│",
        "│.    ✓ accepted by u3: Sci-Fi film 0-1........│",
        "│.  4.u3  .rate 3.0 .Sci-Fi film 1-0...........│",
        "└──────────────────────────────────────────────┘",
    ]

    /// Issue 8 item 23: ratings were coloured with 4 and 2 whatever the model's thresholds.
    @Test("the stream pane colours ratings with the model's configured thresholds")
    func ratingColoursFollowTheConfiguration() throws {
        let catalogue = StreamBuilder.catalogue(tops: 2, subs: 2, perLeaf: 2)
        let ratings: [Double] = [5, 4.5, 4, 3.5, 3, 2]
        let events = ratings.enumerated().map { Event(time: Int64(60 * $0.offset), user: 0, item: $0.offset, action: .rate, value: $0.element) }
        let dataset = Dataset(name: "ratings", catalogue: catalogue, userIDs: ["u1"], events: events)
        var config = ModelConfig.standard
        config.gains.positiveRating = 4.5
        config.gains.negativeRating = 3.5
        var state = ExplorerState(replayer: Replayer(dataset: dataset, config: config), configuration: .init(sourceLabel: "ratings"),
                                  size: TerminalSize(width: 120, height: 40))
        ExplorerFixtures.press(Array(repeating: .right, count: ratings.count), on: &state)
        var buffer = ScreenBuffer(width: 48, height: ratings.count + 2)
        StreamPane.render(state, in: buffer.area, focused: false, into: &buffer, glyphs: .unicode)
        let lines = buffer.lines()
        var colours: [Color?] = []
        for (row, rating) in ratings.enumerated() {
            let line = lines[row + 1]
            let column = try #require(line.firstRange(of: "rate " + NumberText.fixed(rating, decimals: 1)), "row \(row): \(line)")
            colours.append(buffer[line.distance(from: line.startIndex, to: column.lowerBound), row + 1].style.foreground)
        }
        // 5 and 4.5 are liked (≥ 4.5); 4 is lukewarm; 3.5 and below are disliked (≤ 3.5).
        #expect(colours == [.green, .green, nil, .red, .red, .red], "\(lines.joined(separator: "\n"))")
    }

    @Test("the tree pane: bars, shares, arrows and labels per tier")
    func treePane() {
        var state = ExplorerFixtures.tinyState()
        ExplorerFixtures.press(Array(repeating: .right, count: 12), on: &state)
        let lines = Self.render(width: 72, height: 8) { buffer, area in
            TreePane.render(state, in: area, focused: true, into: &buffer, glyphs: .unicode)
        }
        #expect(lines == Self.expectedTree, "\(lines.joined(separator: "\n"))")
    }

    static let expectedTree = [
        "┌ Interests · u3 · 7 events ───────────────────────────────────────────┐",
        "│.interest.................short......medium.......long......label.....│",
        "│.▾ Sci-Fi..............███··  60%↓.███··  60%↓.███··  60%↓..dormant...│",
        "│.  · Sub 0.............▋····  13%↓.▊····  14%↓.▊····  14%↓..core......│",
        "│.  · Sub 1.............████▍  87%↑.████▎  86%↑.████▎  86%↑..dormant...│",
        "│.▸ Romance.............██···  40%↑.██···  40%↑.██···  40%↑..core......│",
        "│......................................................................│",
        "└──────────────────────────────────────────────────────────────────────┘",
    ]

    @Test("tree columns shrink with the width and drop percentages last")
    func treeColumns() {
        let wide = TreePane.Columns(width: 70, tiers: 3)
        #expect(wide.name == 22 && wide.bar == 6 && wide.showsPercent)
        let narrow = TreePane.Columns(width: 40, tiers: 3)
        #expect(narrow.name == 12 && !narrow.showsPercent && narrow.bar >= 3)
    }

    @Test("the timeline marks decisions, and the cursor sits at the position")
    func timeline() {
        var state = ExplorerFixtures.tinyState()
        ExplorerFixtures.press(Array(repeating: .right, count: 20) + [.char("a")], on: &state)
        let (marks, accepted) = TimelineStrip.marks(state, width: 40)
        #expect(marks[19] == .decision)
        #expect(accepted[19] == true)
        let lines = Self.render(width: 40, height: 1) { buffer, area in
            TimelineStrip.render(state, in: area, into: &buffer, glyphs: .ascii)
        }
        #expect(lines[0].count == 40)
        #expect(Array(lines[0])[19] == "*")
        #expect(Array(lines[0])[39] == " ")
    }
}
