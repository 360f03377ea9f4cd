import CNcursesw
import Testing
@testable import StrataTUI

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (0x71, Key.char("q")), (0x20, .char(" ")), (0x3F, .char("?")), (0x2B, .char("+")),
        (0x09, .tab), (0x0A, .enter), (0x0D, .enter), (0x1B, .escape), (0x7F, .backspace), (0x08, .backspace),
        (0x0C, .ctrl("l")), (0x03, .ctrl("c")), (0x1A, .ctrl("z")), (0x01, .ctrl("a")),
        (0x6F22, .char("漢")), (0x1F600, .char("😀")), (0xE9, .char("é")),
    ] as [(UInt32, Key)])
    func decodesCharacters(code: UInt32, key: Key) {
        #expect(KeyDecoder.decode(character: code) == key)
    }

    @Test func rejectsInvalidCharacters() {
        #expect(KeyDecoder.decode(character: 0xD800) == nil)
        #expect(KeyDecoder.decode(character: 0x9B) == nil)
    }

    @Test(arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_BTAB, .backTab),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_RESIZE, .resize), (KEY_F0 + 1, .function(1)), (KEY_F0 + 12, .function(12)),
    ] as [(Int32, Key)])
    func decodesKeyCodes(code: Int32, key: Key) {
        #expect(KeyDecoder.decode(keyCode: code) == key)
    }

    @Test func knowsTheNcursesNumbers() {
        // The values ncurses 6 assigns (curses.h), so the table cannot drift unnoticed.
        #expect([KEY_DOWN, KEY_UP, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_BACKSPACE, KEY_F0] == [258, 259, 260, 261, 262, 263, 264])
        #expect([KEY_NPAGE, KEY_PPAGE, KEY_ENTER, KEY_BTAB, KEY_END, KEY_RESIZE] == [338, 339, 343, 353, 360, 410])
        #expect(KeyDecoder.decode(keyCode: 9999) == nil)
        #expect(KeyDecoder.decode(keyCode: KEY_F0) == nil)
    }

    @Test func namesKeysForHelp() {
        #expect(Key.ctrl("l").description == "Ctrl-L")
        #expect(Key.char(" ").description == "Space")
        #expect(Key.right.description == "→")
        #expect(Key.function(5).description == "F5")
        #expect(Key.char("q").description == "q")
    }
}
