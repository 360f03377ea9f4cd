#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import StrataTUI

@Suite struct TextWidthTests {
    /// Characters and the columns a terminal gives them (Docs/explorer.md design note 5).
    static let samples: [(Character, Int)] = [
        // ASCII, tab, controls (C0, DEL, C1), CRLF as one character.
        ("a", 1), (" ", 1), ("~", 1), ("\t", 1), ("\u{7}", 0), ("\u{1B}", 0), ("\n", 0), ("\r\n", 0),
        ("\u{7F}", 0), ("\u{85}", 0), ("\u{9B}", 0),
        // Latin-1 and other alphabets; NBSP; © is emoji-capable but 1 column without U+FE0F.
        ("é", 1), ("ñ", 1), ("ß", 1), ("\u{A0}", 1), ("©", 1), ("Ω", 1), ("Ж", 1), ("א", 1),
        // Combining marks add nothing; a lone mark is 0.
        ("e\u{301}", 1), ("a\u{308}\u{323}", 1), ("\u{301}", 0), ("\u{20DD}", 0),
        // East Asian Ambiguous and neutral symbols the panes draw: 1.
        ("█", 1), ("─", 1), ("┌", 1), ("→", 1), ("…", 1), ("·", 1), ("⠿", 1), ("✓", 1), ("◆", 1),
        // CJK, kana, fullwidth and halfwidth forms.
        ("漢", 2), ("字", 2), ("。", 2), ("あ", 2), ("ア", 2), ("Ａ", 2), ("！", 2), ("￦", 2), ("ｱ", 1),
        ("\u{20000}", 2), ("\u{3400}", 2),
        // Hangul: precomposed syllables, conjoining jamo as one cluster, a lone medial vowel.
        ("한", 2), ("글", 2), ("\u{1112}\u{1161}\u{11AB}", 2), ("\u{1161}", 0), ("\u{11AB}", 0), ("\u{D7B0}", 0),
        // Emoji: presentation by default, by U+FE0F, text style, keycaps, modifiers.
        ("😀", 2), ("🚀", 2), ("⌚", 2), ("⌚\u{FE0E}", 2), ("❤\u{FE0F}", 2), ("❤", 1), ("❤\u{FE0E}", 1), ("☺", 1),
        ("☺\u{FE0F}", 2), ("©\u{FE0F}", 2), ("1\u{FE0F}\u{20E3}", 2), ("#\u{FE0F}\u{20E3}", 2),
        ("a\u{FE0F}", 1), ("👍🏽", 2), ("\u{1F3FD}", 2),
        // Flags (regional indicator pairs), a lone regional indicator.
        ("🇫🇷", 2), ("🇯🇵", 2), ("\u{1F1EB}", 2),
        // ZWJ sequences: the first scalar (with its presentation selector) decides.
        ("👨‍👩‍👧", 2), ("👨‍👩‍👧‍👦", 2), ("👩‍💻", 2), ("🏳\u{FE0F}\u{200D}🌈", 2),
        // Zero width and format characters; the soft hyphen and a prepended mark are visible.
        ("\u{200B}", 0), ("\u{200D}", 0), ("\u{200E}", 0), ("\u{2060}", 0), ("\u{FEFF}", 0), ("\u{E0041}", 0),
        ("\u{AD}", 1), ("\u{600}", 1),
    ]

    @Test(arguments: samples)
    func measuresCharacters(character: Character, width: Int) {
        #expect(TextWidth.of(character) == width, "\(Self.describe(character))")
        #expect(TextWidth.of(String(character)) == width, "\(Self.describe(character))")
    }

    /// The buffer's hot loop measures clusters from bytes; it must agree with `of(Character)`.
    @Test(arguments: samples)
    func writingAdvancesByTheSameWidth(character: Character, width: Int) {
        var buffer = TestScreen.marked(width: 6, height: 1)
        #expect(buffer.write(String(character), x: 0, y: 0) == width, "\(Self.describe(character))")
        // Between two letters, when it stays a cluster of its own (a lone mark joins the `x`,
        // a prepended mark the `y`).
        let between = "x\(character)y"
        guard between.count == 3 else { return }
        #expect(buffer.write(between, x: 0, y: 0) == width + 2, "\(Self.describe(character))")
        if width == 2 {
            #expect(buffer.cells[0].width == 1 && buffer.cells[1].width == 2 && buffer.cells[2].isContinuation)
            #expect(buffer.cells[3].character == "y")
        }
    }

    @Test func measuresStrings() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("漢字") == 4)
        #expect(TextWidth.of("漢字 ok") == 7)
        #expect(TextWidth.of("") == 0)
        #expect(TextWidth.of("e\u{301}te\u{301}") == 3)
        #expect(TextWidth.of("🇫🇷🇩🇪") == 4)
        #expect(TextWidth.of("a\u{200B}b") == 2)
        #expect(TextWidth.of("👨‍👩‍👧 ok") == 5)
        #expect(TextWidth.of("❤️❤") == 3)
        #expect(TextWidth.of("한국어") == 6)
        #expect(TextWidth.of("ＡＢＣ") == 6)
        #expect(TextWidth.of("Ame\u{301}lie — 東京") == 13)
    }

    @Test func truncatesStrings() {
        #expect(TextWidth.truncate("Hello world", toWidth: 8) == "Hello w…")
        #expect(TextWidth.truncate("Hello world", toWidth: 8, ellipsis: "~") == "Hello w~")
        #expect(TextWidth.truncate("Hello", toWidth: 5) == "Hello")
        #expect(TextWidth.truncate("Hello", toWidth: 1) == "H")
        #expect(TextWidth.truncate("Hello", toWidth: 0) == "")
    }

    @Test func truncatesWideText() {
        #expect(TextWidth.truncate("漢字漢字", toWidth: 8) == "漢字漢字")
        #expect(TextWidth.truncate("漢字漢字", toWidth: 7) == "漢字漢…")
        #expect(TextWidth.truncate("漢字漢字", toWidth: 5) == "漢字…")
        // A wide character that does not fit beside the ellipsis leaves a column unused.
        #expect(TextWidth.truncate("漢字漢字", toWidth: 4) == "漢…")
        #expect(TextWidth.truncate("漢字漢字", toWidth: 1) == "")
        #expect(TextWidth.truncate("😀😀😀", toWidth: 5) == "😀😀…")
        #expect(TextWidth.truncate("🇫🇷🇩🇪🇯🇵", toWidth: 5) == "🇫🇷🇩🇪…")
        #expect(TextWidth.truncate("e\u{301}e\u{301}e\u{301}", toWidth: 2) == "e\u{301}…")
        #expect(TextWidth.truncate("👨‍👩‍👧👨‍👩‍👧", toWidth: 3) == "👨‍👩‍👧…")
    }

    @Test func prefixesWideText() {
        #expect(TextWidth.prefix(of: "a漢b", fitting: 2) == ("a", 1))
        #expect(TextWidth.prefix(of: "a漢b", fitting: 3) == ("a漢", 3))
        #expect(TextWidth.prefix(of: "🇫🇷🇩🇪", fitting: 3) == ("🇫🇷", 2))
        #expect(TextWidth.prefix(of: "e\u{301}漢", fitting: 1) == ("e\u{301}", 1))
        #expect(TextWidth.prefix(of: "❤️❤", fitting: 2) == ("❤️", 2))
        #expect(TextWidth.prefix(of: "❤️❤", fitting: 3) == ("❤️❤", 3))
        #expect(TextWidth.prefix(of: "한글", fitting: 1) == ("", 0))
        #expect(TextWidth.prefix(of: "\u{200B}漢", fitting: 0) == ("\u{200B}", 0))
    }

    /// The answer never depends on the C library's locale: measured in "C" (where `wcwidth`
    /// knows no non-ASCII), "POSIX" and "C.UTF-8", it is the expected width every time.
    @Test func sameAnswerWhateverTheLocale() throws {
        let saved = try #require(setlocale(LC_ALL, nil).map { String(cString: $0) })
        defer { setlocale(LC_ALL, saved) }
        let expected = Self.samples.map(\.1)
        var measuredLocales: [String] = []
        for locale in ["C", "POSIX", "C.UTF-8", ""] {
            guard setlocale(LC_ALL, locale) != nil else { continue }
            measuredLocales.append(locale)
            let measured = Self.samples.map { TextWidth.of($0.0) }
            #expect(measured == expected, "locale '\(locale)'")
            #expect(TextWidth.of("漢字 ❤️ 🇫🇷 e\u{301}") == 12, "locale '\(locale)'")
        }
        #expect(measuredLocales.contains("C"))
    }

    /// The generated table is a step function: sorted, starting at U+0000, each run a
    /// different value, widths 0 to 2.
    @Test func tableIsWellFormed() {
        let runs = TextWidth.widthRuns
        #expect(runs.first == 0)
        #expect(runs.count > 1000)
        var previous: UInt32?
        for entry in runs {
            #expect(entry & TextWidth.widthMask != 3, "0x\(String(entry, radix: 16))")
            #expect(entry & ~UInt32(0x7) & 0xF == 0, "0x\(String(entry, radix: 16))")
            if let previous {
                #expect(entry >> 4 > previous >> 4, "0x\(String(entry, radix: 16))")
                #expect(entry & 0xF != previous & 0xF, "0x\(String(entry, radix: 16))")
            }
            previous = entry
        }
        #expect((runs.last ?? 0) >> 4 <= 0x10FFFF)
    }

    /// An independent check of the generator: for every code point assigned by Unicode 15.0,
    /// the standard library's properties agree with the table's zero and emoji widths.
    @Test func tableAgreesWithTheStandardLibrary() {
        let visibleFormat: Set<UInt32> = [0xAD, 0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD]
        var disagreements: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age,
                  age.major < 15 || (age.major == 15 && age.minor == 0) else { continue }
            let width = TextWidth.of(scalar)
            let expected: Int?
            switch scalar.properties.generalCategory {
            case .control: expected = 0
            case .nonspacingMark, .enclosingMark, .format: expected = visibleFormat.contains(value) ? 1 : 0
            default: expected = scalar.properties.isEmojiPresentation ? 2 : nil
            }
            if let expected, width != expected {
                disagreements.append("U+\(String(value, radix: 16, uppercase: true)) \(width) not \(expected)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    /// A binary search hit at every boundary: each run's first code point and the one before it.
    @Test func lookupFindsEveryRunBoundary() {
        let runs = TextWidth.widthRuns
        for (index, entry) in runs.enumerated() {
            let first = entry >> 4
            #expect(TextWidth.run(containing: first) == entry & 0xF)
            if index > 0 {
                #expect(TextWidth.run(containing: first - 1) == runs[index - 1] & 0xF)
            }
        }
        #expect(TextWidth.run(containing: 0x10FFFF) == (runs.last ?? 0) & 0xF)
    }

    static func describe(_ character: Character) -> String {
        character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}
