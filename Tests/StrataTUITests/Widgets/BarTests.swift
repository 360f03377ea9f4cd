import Testing
@testable import StrataTUI

@Suite struct BarTests {
    @Test(arguments: [
        (0.0, "...."), (0.5, "██.."), (1.0, "████"), (0.3, "█▎.."), (0.03125, "▏..."),
        (0.96875, "███▉"), (1.7, "████"), (-0.2, "...."), (Double.nan, "...."),
    ])
    func drawsEighthsInUnicode(fraction: Double, expected: String) {
        #expect(TestScreen.lines(of: Bar(fraction: fraction, glyphs: .unicode), width: 4, height: 1) == [expected])
    }

    @Test(arguments: [(0.3, "#..."), (0.4, "##.."), (0.5, "##.."), (1.0, "####"), (0.1, "....")])
    func drawsWholeCellsInASCII(fraction: Double, expected: String) {
        #expect(TestScreen.lines(of: Bar(fraction: fraction, glyphs: .ascii), width: 4, height: 1) == [expected])
    }

    @Test func partialGlyphForEachEighth() {
        let glyphs = (1...7).map { eighths in
            Bar(fraction: Double(eighths) / 8, glyphs: .unicode).segments(width: 1).partial
        }
        #expect(glyphs == ["▏", "▎", "▍", "▌", "▋", "▊", "▉"])
    }

    @Test func fillsTheTrack() {
        let bar = Bar(fraction: 0.25, glyphs: .ascii, style: Style(bold: true), track: "-")
        var buffer = TestScreen.marked(width: 5, height: 2)
        bar.render(into: &buffer, area: Rect(x: 1, y: 1, width: 4, height: 1))
        #expect(buffer.lines() == [".....", ".#---"])
        #expect(buffer[1, 1].style.bold)
        #expect(!buffer[2, 1].style.bold)
    }
}
