import Testing
@testable import StrataTUI

@Suite struct TabsTests {
    @Test func highlightsTheSelectedTitle() {
        var buffer = TestScreen.marked(width: 14, height: 1)
        Tabs(titles: ["A", "BB", "C"], selected: 1, glyphs: .unicode).render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == [" A │ BB │ C .."])
        #expect(buffer[5, 0].style == Style(bold: true, reverse: true))
        #expect(buffer[1, 0].style == .plain)
        #expect(TestScreen.lines(of: Tabs(titles: ["A", "BB", "C"], selected: 0, glyphs: .ascii), width: 14, height: 1) == [" A | BB | C .."])
    }

    @Test func clipsAtTheRightEdge() {
        #expect(TestScreen.lines(of: Tabs(titles: ["Stream", "Tree"], selected: 0, glyphs: .ascii), width: 10, height: 1) == [" Stream | "])
    }
}

@Suite struct OverlayTests {
    @Test func centresABoxOverTheScreen() {
        let overlay = Overlay(title: "Hi", content: Paragraph("ab cd ef"), width: 8, height: 5, glyphs: .unicode)
        #expect(TestScreen.lines(of: overlay, width: 12, height: 7) == [
            "............",
            "..┌ Hi ──┐..",
            "..│ ab   │..",
            "..│ cd   │..",
            "..│ ef   │..",
            "..└──────┘..",
            "............",
        ])
    }

    @Test func shrinksToASmallScreen() {
        let overlay = Overlay(title: nil, content: Paragraph("x"), width: 40, height: 20, glyphs: .ascii)
        #expect(overlay.box(in: Rect(x: 0, y: 0, width: 5, height: 3)) == Rect(x: 0, y: 0, width: 5, height: 3))
        #expect(TestScreen.lines(of: overlay, width: 5, height: 3) == ["+---+", "| x |", "+---+"])
    }
}

@Suite struct StatusLineTests {
    @Test func keepsTheRightSideAndCutsTheLeft() {
        var buffer = TestScreen.marked(width: 20, height: 2)
        StatusLine(left: "position 120/5000", right: "HR 0.3", glyphs: .unicode).render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == ["position 120… HR 0.3", "...................."])
        #expect((0..<20).allSatisfy { buffer[$0, 0].style.reverse })
    }

    @Test func padsAShortLine() {
        let status = StatusLine(left: "ok", right: "1/2", style: .plain, glyphs: .ascii)
        #expect(TestScreen.lines(of: status, width: 10, height: 1) == ["ok     1/2"])
    }
}
