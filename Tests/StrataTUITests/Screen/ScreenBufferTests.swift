import Testing
@testable import StrataTUI

@Suite struct ScreenBufferTests {
    @Test func writesASCIIAtAPosition() {
        var buffer = TestScreen.marked(width: 6, height: 2)
        let end = buffer.write("abc", x: 1, y: 0)
        #expect(end == 4)
        #expect(buffer.lines() == [".abc..", "......"])
    }

    @Test func clipsToARectangle() {
        var buffer = TestScreen.marked(width: 7, height: 2)
        buffer.write("abcdef", x: 1, y: 1, clip: Rect(x: 2, y: 1, width: 3, height: 1))
        buffer.write("hidden", x: 0, y: 0, clip: Rect(x: 0, y: 1, width: 7, height: 1))
        #expect(buffer.lines() == [".......", "..bcd.."])
    }

    @Test func keepsStyleOnWrittenCellsOnly() {
        var buffer = TestScreen.marked(width: 4, height: 1)
        buffer.write("ab", x: 1, y: 0, style: Style(foreground: .red, bold: true))
        #expect(buffer[1, 0].style == Style(foreground: .red, bold: true))
        #expect(buffer[2, 0].style.bold)
        #expect(buffer[3, 0].style == .plain)
    }

    @Test func wideCharactersTakeTwoColumns() {
        var buffer = TestScreen.marked(width: 6, height: 1)
        let end = buffer.write("漢😀a", x: 0, y: 0)
        #expect(end == 5)
        #expect(buffer.lines() == ["漢😀a."])
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].character == "😀")
        #expect(buffer[3, 0].isContinuation)
        #expect(buffer[4, 0].character == "a")
    }

    @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
        var buffer = TestScreen.marked(width: 5, height: 1)
        buffer.write("ab漢z", x: 2, y: 0)
        #expect(buffer.lines() == ["..ab "])
        var clipped = TestScreen.marked(width: 6, height: 1)
        clipped.write("a漢", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 2, height: 1))
        #expect(clipped.lines() == ["a ...."])
    }

    @Test func wideCharacterCutByTheLeftEdgeShowsASpace() {
        var buffer = TestScreen.marked(width: 5, height: 1)
        buffer.write("漢ab", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 4, height: 1))
        #expect(buffer.lines() == [". ab."])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var right = TestScreen.marked(width: 5, height: 1)
        right.write("漢", x: 0, y: 0)
        right.write("x", x: 1, y: 0)
        #expect(right.lines() == [" x..."])

        var left = TestScreen.marked(width: 5, height: 1)
        left.write("漢", x: 1, y: 0)
        left.write("x", x: 1, y: 0)
        #expect(left.lines() == [".x .."])

        var shifted = TestScreen.marked(width: 5, height: 1)
        shifted.write("漢", x: 2, y: 0)
        shifted.write("字", x: 1, y: 0)
        #expect(shifted.lines() == [".字 ."])
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = TestScreen.marked(width: 4, height: 1)
        buffer.write("e\u{301}x", x: 0, y: 0)
        #expect(buffer.lines() == ["e\u{301}x.."])
        #expect(buffer[0, 0].width == 1)
    }

    @Test func controlCharactersAreSkippedAndTabsAreSpaces() {
        var buffer = TestScreen.marked(width: 5, height: 1)
        buffer.write("a\u{7}\tb", x: 0, y: 0)
        #expect(buffer.lines() == ["a b.."])
    }

    @Test(arguments: [
        ("abcdefgh", "…", "abcd…"),
        ("abcdefgh", "~", "abcd~"),
        ("abcde", "…", "abcde"),
        ("漢字漢字", "…", "漢字…"),
        ("a漢字漢", "…", "a漢 …"),
        ("ab漢字", "…", "ab漢…"),
    ])
    func truncatesWithAnEllipsis(text: String, ellipsis: String, expected: String) {
        var buffer = TestScreen.marked(width: 5, height: 1)
        buffer.write(text, x: 0, y: 0, truncation: .ellipsis(ellipsis))
        #expect(buffer.lines() == [expected])
    }

    @Test func ellipsisUsesTheStyleOfTheLastSpan() {
        var buffer = TestScreen.marked(width: 4, height: 1)
        let line = Line([Span("ab"), Span("cdef", style: Style(bold: true))])
        buffer.write(line, x: 0, y: 0, truncation: .ellipsis("…"))
        #expect(buffer.lines() == ["abc…"])
        #expect(buffer[3, 0].style.bold)
        #expect(!buffer[1, 0].style.bold)
    }

    @Test func fillAndPatchStyle() {
        var buffer = TestScreen.marked(width: 4, height: 3)
        buffer.fill(Rect(x: 1, y: 1, width: 2, height: 5), with: Cell(character: "#"))
        buffer.patchStyle(Style(reverse: true), in: Rect(x: 0, y: 2, width: 2, height: 1))
        #expect(buffer.lines() == ["....", ".##.", ".##."])
        #expect(buffer[0, 2].style.reverse && buffer[1, 2].style.reverse)
        #expect(!buffer[2, 2].style.reverse)
    }

    @Test func resizeKeepsTheTopLeftCorner() {
        var buffer = TestScreen.marked(width: 4, height: 2)
        buffer.write("ab漢", x: 0, y: 0)
        buffer.resize(width: 3, height: 3, filledWith: Cell(character: "-"))
        #expect(buffer.lines() == ["ab ", "...", "---"])
    }

    @Test func reportsOnlyChangedCells() {
        let old = TestScreen.marked(width: 4, height: 2)
        var new = old
        new.write("x", x: 1, y: 0)
        new.write("y", x: 3, y: 1, style: Style(bold: true))
        var changes: [String] = []
        new.forEachChange(from: old) { x, y, cell in changes.append("\(x),\(y),\(cell.character)") }
        #expect(changes == ["1,0,x", "3,1,y"])

        var all = 0
        new.forEachChange(from: nil) { _, _, _ in all += 1 }
        #expect(all == 8)
    }

    @Test func aChangedContinuationReportsItsWideCell() {
        var old = TestScreen.marked(width: 4, height: 1)
        old.write("漢", x: 0, y: 0)
        var new = old
        new[1, 0].style = Style(bold: true)
        var changes: [Int] = []
        new.forEachChange(from: old) { x, _, _ in changes.append(x) }
        #expect(changes == [0])
    }
}
