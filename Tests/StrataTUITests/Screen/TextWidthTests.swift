import Testing
@testable import StrataTUI

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("\u{7}", 0), ("\u{7F}", 0), ("é", 1), ("e\u{301}", 1), ("█", 1), ("→", 1),
        ("⠿", 1), ("漢", 2), ("😀", 2), ("Ａ", 2), ("한", 2),
    ] as [(Character, Int)])
    func measuresCharacters(character: Character, width: Int) {
        #expect(TestScreen.utf8Locale)
        #expect(TextWidth.of(character) == width)
    }

    @Test func measuresStrings() {
        #expect(TestScreen.utf8Locale)
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("漢字 ok") == 7)
        #expect(TextWidth.of("") == 0)
    }

    @Test func fallbackAgreesForCommonCharacters() {
        let samples: [(Unicode.Scalar, Int)] = [("é", 1), ("\u{301}", 0), ("漢", 2), ("😀", 2), ("한", 2), ("█", 1), ("\u{9B}", 0)]
        for (scalar, width) in samples {
            #expect(TextWidth.fallbackWidth(of: scalar) == width, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func truncatesStrings() {
        #expect(TestScreen.utf8Locale)
        #expect(TextWidth.truncate("Hello world", toWidth: 8) == "Hello w…")
        #expect(TextWidth.truncate("Hello world", toWidth: 8, ellipsis: "~") == "Hello w~")
        #expect(TextWidth.truncate("Hello", toWidth: 5) == "Hello")
        #expect(TextWidth.truncate("漢字漢字", toWidth: 4) == "漢…")
        #expect(TextWidth.truncate("Hello", toWidth: 1) == "H")
        #expect(TextWidth.truncate("Hello", toWidth: 0) == "")
    }
}
