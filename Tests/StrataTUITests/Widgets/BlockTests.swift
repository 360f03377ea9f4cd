import Testing
@testable import StrataTUI

@Suite struct BlockTests {
    @Test func drawsABorderWithATitle() {
        let block = Block(title: "Hi", glyphs: .unicode)
        #expect(TestScreen.lines(of: block, width: 10, height: 3) == [
            "┌ Hi ────┐",
            "│........│",
            "└────────┘",
        ])
        #expect(block.inner(of: Rect(x: 0, y: 0, width: 10, height: 3)) == Rect(x: 1, y: 1, width: 8, height: 1))
    }

    @Test func drawsInASCII() {
        #expect(TestScreen.lines(of: Block(title: "Hi", glyphs: .ascii), width: 10, height: 3) == [
            "+ Hi ----+",
            "|........|",
            "+--------+",
        ])
    }

    @Test func cutsALongTitle() {
        #expect(TestScreen.lines(of: Block(title: "Weights", glyphs: .unicode), width: 8, height: 2) == [
            "┌ Wei…─┐",
            "└──────┘",
        ])
    }

    @Test func drawsOnlyInsideItsArea() {
        let lines = TestScreen.lines(of: Block(glyphs: .ascii), width: 6, height: 4, area: Rect(x: 1, y: 1, width: 4, height: 2))
        #expect(lines == ["......", ".+--+.", ".+--+.", "......"])
    }

    @Test func fillsItsInsideWhenAskedTo() {
        let block = Block(glyphs: .ascii, fillStyle: Style(background: .blue))
        var buffer = TestScreen.marked(width: 4, height: 3)
        block.render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == ["+--+", "|  |", "+--+"])
        #expect(buffer[1, 1].style.background == .blue)
    }
}
