import Testing
@testable import StrataTUI

@Suite struct TableTests {
    private func table(selected: Int?, scrollOffset: Int = 0, glyphs: GlyphSet = .unicode) -> Table {
        Table(
            columns: [TableColumn("Name", width: .fill), TableColumn("Score", width: .length(5), alignment: .right)],
            rows: (0..<10).map { TableRow([Line("item\($0)"), Line("\($0 * 10)")]) },
            selected: selected, scrollOffset: scrollOffset, glyphs: glyphs
        )
    }

    @Test func scrollsToKeepTheSelectionVisibleAndHighlightsIt() {
        let table = table(selected: 5)
        #expect(table.visibleOffset(height: 4) == 3)
        var buffer = TestScreen.marked(width: 12, height: 4)
        table.render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == [
            "Name...Score",
            "item3.....30",
            "item4.....40",
            "item5     50",
        ])
        #expect(buffer[0, 0].style.bold)
        #expect((0..<12).allSatisfy { buffer[$0, 3].style.reverse })
        #expect(!buffer[0, 2].style.reverse)
    }

    @Test func keepsThePreviousOffsetWhileTheSelectionIsVisible() {
        #expect(table(selected: 4, scrollOffset: 3).visibleOffset(height: 4) == 3)
        #expect(table(selected: 1, scrollOffset: 3).visibleOffset(height: 4) == 1)
        #expect(table(selected: 9, scrollOffset: 0).visibleOffset(height: 4) == 7)
        #expect(table(selected: nil, scrollOffset: 50).visibleOffset(height: 4) == 7)
    }

    @Test func cutsWideCellsWithTheEllipsis() {
        let table = Table(
            columns: [TableColumn("N", width: .length(6)), TableColumn("S", width: .fill)],
            rows: [TableRow([Line("a very long name"), Line("1")])], glyphs: .ascii, showsHeader: false
        )
        #expect(TestScreen.lines(of: table, width: 9, height: 2) == ["a ver~.1.", "........."])
    }
}

@Suite struct ScrollingTests {
    @Test func offsets() {
        #expect(Scrolling.offset(keeping: 9, previous: 0, visibleRows: 3, rowCount: 10) == 7)
        #expect(Scrolling.offset(keeping: 0, previous: 5, visibleRows: 3, rowCount: 10) == 0)
        #expect(Scrolling.offset(keeping: 6, previous: 5, visibleRows: 3, rowCount: 10) == 5)
        #expect(Scrolling.offset(keeping: nil, previous: 100, visibleRows: 3, rowCount: 10) == 7)
        #expect(Scrolling.offset(keeping: 2, previous: 4, visibleRows: 5, rowCount: 3) == 0)
        #expect(Scrolling.offset(keeping: 2, previous: 4, visibleRows: 0, rowCount: 3) == 0)
    }
}

@Suite struct ListViewTests {
    private let items: [Line] = ["a", "b", "c", "d", "e", "f"]

    @Test func marksAndHighlightsTheSelection() {
        let list = ListView(items: items, selected: 4, glyphs: .unicode, showsMarker: true)
        var buffer = TestScreen.marked(width: 5, height: 3)
        list.render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == ["  c..", "  d..", "▶ e  "])
        #expect(buffer[4, 2].style.reverse)
        #expect(list.visibleOffset(height: 3) == 2)
    }

    @Test func drawsInASCIIWithoutMarker() {
        let list = ListView(items: items, selected: 0, glyphs: .ascii)
        #expect(TestScreen.lines(of: list, width: 3, height: 2) == ["a  ", "b.."])
        let marked = ListView(items: items, selected: 1, glyphs: .ascii, showsMarker: true)
        #expect(TestScreen.lines(of: marked, width: 4, height: 2) == ["  a.", "> b "])
    }
}
