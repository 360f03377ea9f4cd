import Testing
@testable import StrataTUI

/// Issue 11 item 2: "is ASCII" is a property of the glyph set, decided where the set is chosen,
/// not guessed from `barPartials.isEmpty`.
@Suite struct GlyphSetTests {
    /// Every character a set draws with.
    static func characters(of glyphs: GlyphSet) -> [Character] {
        [glyphs.horizontal, glyphs.vertical, glyphs.topLeft, glyphs.topRight, glyphs.bottomLeft, glyphs.bottomRight,
         glyphs.barFull, glyphs.tabDivider, glyphs.selectionMarker, glyphs.arrowUp, glyphs.arrowDown, glyphs.arrowLeft,
         glyphs.arrowRight] + glyphs.barPartials + glyphs.sparkLevels + Array(glyphs.ellipsis)
    }

    @Test func eachSetSaysWhetherItIsASCII() {
        #expect(GlyphSet.ascii.isASCII)
        #expect(!GlyphSet.unicode.isASCII)
        #expect(GlyphSet.forUTF8(false).isASCII)
        #expect(!GlyphSet.forUTF8(true).isASCII)
        // The property agrees with the characters themselves.
        #expect(Self.characters(of: .ascii).allSatisfy { $0.isASCII })
        #expect(!Self.characters(of: .unicode).allSatisfy { $0.isASCII })
    }

    @Test func thePaneMarksFollowTheDecisionNotTheBarGlyphs() {
        // A Unicode set that draws whole bar cells only is still Unicode.
        var wholeCells = GlyphSet.unicode
        wholeCells.barPartials = []
        #expect(!wholeCells.isASCII)
        #expect(PaneGlyphs(wholeCells).play == PaneGlyphs(.unicode).play)
        #expect(PaneGlyphs(.unicode).play == "▶")
        #expect(PaneGlyphs(.ascii).play == ">")
    }
}
