import Testing
@testable import StrataTUI

@Suite struct SparklineTests {
    @Test func mapsTheRangeOntoEightLevels() {
        let sparkline = Sparkline(values: (0...7).map(Double.init), glyphs: .unicode)
        #expect(TestScreen.lines(of: sparkline, width: 8, height: 1) == ["▁▂▃▄▅▆▇█"])
    }

    @Test func mapsOntoFiveASCIILevels() {
        let sparkline = Sparkline(values: [0, 1, 2, 3, 4], glyphs: .ascii)
        #expect(TestScreen.lines(of: sparkline, width: 6, height: 1) == ["_.-=#."])
    }

    @Test func usesAFixedRangeClampsAndSkipsNaN() {
        let sparkline = Sparkline(values: [0, 0.5, 1, .nan, 2, -1], range: 0...1, glyphs: .unicode)
        #expect(TestScreen.lines(of: sparkline, width: 6, height: 1) == ["▁▅█ █▁"])
    }

    @Test func showsTheMostRecentValues() {
        let sparkline = Sparkline(values: (0...9).map(Double.init), glyphs: .unicode)
        #expect(TestScreen.lines(of: sparkline, width: 3, height: 1) == ["▁▅█"])
    }

    @Test func flatSeriesSitsOnTheLowestLevel() {
        #expect(TestScreen.lines(of: Sparkline(values: [5, 5, 5], glyphs: .unicode), width: 4, height: 1) == ["▁▁▁."])
        #expect(Sparkline.level(of: 0.5, in: 0...1, levels: 8) == 4)
        #expect(Sparkline.level(of: .infinity, in: 0...1, levels: 8) == nil)
    }
}
