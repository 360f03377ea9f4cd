import Testing
@testable import StrataTUI

@Suite struct ParagraphTests {
    @Test func wrapsAtSpaces() {
        let lines = TestScreen.lines(of: Paragraph("the quick brown fox"), width: 10, height: 3)
        #expect(lines == ["the quick.", "brown fox.", ".........."])
    }

    @Test func breaksWordsLongerThanTheWidth() {
        let rows = Paragraph.wrap(Line("abcdefghijkl xy"), width: 5).map(\.plainText)
        #expect(rows == ["abcde", "fghij", "kl xy"])
    }

    @Test func keepsExplicitLineBreaksAndEmptyLines() {
        let rows = Paragraph("one\n\ntwo three").rows(forWidth: 5).map(\.plainText)
        #expect(rows == ["one", "", "two", "three"])
    }

    @Test func wrapsWideCharactersByWidth() {
        let rows = Paragraph.wrap(Line("漢字漢字漢"), width: 4).map(\.plainText)
        #expect(rows == ["漢字", "漢字", "漢"])
    }

    @Test func keepsSpanStylesAcrossBreaks() {
        let bold = Style(bold: true)
        let rows = Paragraph.wrap(Line([Span("ab", style: bold), Span(" cd")]), width: 3)
        #expect(rows == [Line([Span("ab", style: bold)]), Line([Span("cd")])])
    }

    @Test(arguments: [(Alignment.left, "ab...."), (.center, "..ab.."), (.right, "....ab")])
    func aligns(alignment: Alignment, expected: String) {
        #expect(TestScreen.lines(of: Paragraph("ab", alignment: alignment), width: 6, height: 1) == [expected])
    }

    @Test func scrollsAndCutsWithoutWrapping() {
        let paragraph = Paragraph(lines: ["first line", "second line", "third"], wrap: false, scroll: 1, truncation: .ellipsis("…"))
        #expect(TestScreen.lines(of: paragraph, width: 7, height: 3) == ["second…", "third..", "......."])
    }
}
