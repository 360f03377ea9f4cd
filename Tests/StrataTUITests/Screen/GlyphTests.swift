import Testing
@testable import StrataTUI

@Suite struct GlyphTests {
    @Test(arguments: ["a", " ", "é", "e\u{301}", "漢", "😀", "👍🏽", "🇫🇷"] as [Character])
    func roundTrips(character: Character) {
        let glyph = Glyph(character)
        #expect(glyph.character == character)
        #expect(glyph.utf8Count == character.utf8.count)
    }

    @Test func asciiIsOneByte() {
        #expect(Glyph(ascii: 0x41) == Glyph("A"))
        #expect(Glyph("A").isASCII)
        #expect(!Glyph("é").isASCII)
        #expect(Glyph.space.character == " ")
    }

    @Test func longClustersKeepTheirFirstScalar() {
        let family: Character = "👨‍👩‍👧‍👦"
        #expect(family.utf8.count > 15)
        #expect(Glyph(family).character == "👨")
    }

    @Test func longClustersKeepThePresentationSelectorAfterTheirFirstScalar() {
        let flag: Character = "🏳\u{FE0F}\u{200D}⚧\u{FE0F}"
        #expect(flag.utf8.count > 15)
        #expect(Glyph(flag).character == "🏳\u{FE0F}")
        var buffer = TestScreen.marked(width: 4, height: 1)
        #expect(buffer.write("\(flag)x", x: 0, y: 0) == 3)
        #expect(buffer.lines() == ["🏳\u{FE0F}x."])
        #expect(buffer.cells[0].width == 2)
    }

    @Test func listsScalarsForBackends() {
        var scalars: [UInt32] = []
        Glyph("e\u{301}").forEachScalar { scalars.append($0) }
        #expect(scalars == [0x65, 0x301])
    }

    @Test func writingALongClusterKeepsItsFirstScalar() {
        var buffer = TestScreen.marked(width: 4, height: 1)
        buffer.write("👨‍👩‍👧‍👦x", x: 0, y: 0)
        #expect(buffer.lines() == ["👨x."])
    }

    @Test func tabsAreOneColumnEverywhere() {
        #expect(TextWidth.of("a\tb") == 3)
        var buffer = TestScreen.marked(width: 5, height: 1)
        buffer.write("\t漢", x: 0, y: 0)
        #expect(buffer.lines() == [" 漢.."])
    }
}
