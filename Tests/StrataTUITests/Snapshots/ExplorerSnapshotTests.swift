import StrataCore
import Testing
@testable import StrataTUI

/// Whole screens of the explorer on the demo, drawn by the real loop on the in-memory
/// terminal, against golden text files (SPEC §8; issue 3 "tests that must exist").
@Suite("Explorer screens (golden snapshots)")
struct ExplorerSnapshotTests {
    static let sizes: [(width: Int, height: Int)] = [(120, 40), (80, 24)]

    static func snapshot(_ name: String, keys: [Key], width: Int, height: Int) {
        let result = ExplorerFixtures.runOnTerminal(ExplorerFixtures.demoState(width: width, height: height),
                                                    keys: keys, width: width, height: height)
        GoldenFile.assertMatches(result.lines, named: "\(name)-\(width)x\(height)")
    }

    /// 100 events in: `]` jumps 100 forward.
    static let hundred: [Key] = [.char("]")]

    @Test("first frame", arguments: [0, 1])
    func firstFrame(size: Int) {
        Self.snapshot("first-frame", keys: [], width: Self.sizes[size].width, height: Self.sizes[size].height)
    }

    @Test("after 100 events", arguments: [0, 1])
    func afterHundredEvents(size: Int) {
        Self.snapshot("after-100-events", keys: Self.hundred, width: Self.sizes[size].width, height: Self.sizes[size].height)
    }

    @Test("after accepting the first recommendation", arguments: [0, 1])
    func afterAccept(size: Int) {
        Self.snapshot("after-accept", keys: Self.hundred + [.char("a")], width: Self.sizes[size].width, height: Self.sizes[size].height)
    }

    @Test("help overlay", arguments: [0, 1])
    func help(size: Int) {
        Self.snapshot("help", keys: Self.hundred + [.char("?")], width: Self.sizes[size].width, height: Self.sizes[size].height)
    }

    @Test("details of the first recommendation", arguments: [0, 1])
    func details(size: Int) {
        Self.snapshot("details", keys: Self.hundred + [.tab, .enter], width: Self.sizes[size].width, height: Self.sizes[size].height)
    }

    /// Issue 12 item 1: the A/B split (ItemKNN beside the adaptive model) after an answer
    /// given to B only.
    @Test("A/B split after answering B", arguments: [0, 1])
    func split(size: Int) {
        let (width, height) = Self.sizes[size]
        let result = ExplorerFixtures.runOnTerminal(ExplorerFixtures.demoPair(.itemKNN, width: width, height: height),
                                                    keys: Self.hundred + [.char("v"), .char("s"), .char("s"), .char("a")],
                                                    width: width, height: height)
        GoldenFile.assertMatches(result.lines, named: "split-\(width)x\(height)")
    }

    @Test("terminal too small", arguments: [(40, 12), (49, 20)])
    func tooSmall(width: Int, height: Int) {
        Self.snapshot("too-small", keys: [], width: width, height: height)
    }

    @Test("the minimum working size, 60x20")
    func minimum() {
        Self.snapshot("compact", keys: Self.hundred, width: 60, height: 20)
    }

    @Test("ASCII glyphs when the locale is not UTF-8")
    func ascii() {
        let result = ExplorerFixtures.runOnTerminal(ExplorerFixtures.demoState(width: 120, height: 40), keys: Self.hundred,
                                                    width: 120, height: 40, glyphs: .ascii)
        GoldenFile.assertMatches(result.lines, named: "ascii-120x40")
        #expect(result.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }
}
