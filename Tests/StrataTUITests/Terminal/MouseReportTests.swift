import CNcursesw
import Testing
@testable import StrataTUI

/// Issue 13 item 5: mouse reports decoded from the raw bytes a terminal sends — SGR (mode
/// 1006) and X10 (mode 1000) — into `MouseEvent`s; anything malformed is consumed and dropped,
/// and never becomes keys.
@Suite("Mouse reports")
struct MouseReportTests {
    /// Everything `units` decode to when they arrive together.
    static func inputs(_ units: [RawInput], tail: InputDecoder.MouseReportTail = .x10) -> [InputEvent] {
        var decoder = InputDecoder(mouseReportTail: tail)
        var queue = units[...]
        var inputs: [InputEvent] = []
        while let input = decoder.nextInput(timeoutMilliseconds: 0, read: { _ in queue.popFirst() }) { inputs.append(input) }
        #expect(queue.isEmpty && !decoder.hasPendingInput, "input left undecoded")
        return inputs
    }

    static func inputs(_ text: String, tail: InputDecoder.MouseReportTail = .x10) -> [InputEvent] {
        inputs(units(text), tail: tail)
    }

    static func units(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    static func mouse(_ button: MouseEvent.Button, _ column: Int, _ row: Int, _ modifiers: MouseEvent.Modifiers = [],
                      motion: Bool = false) -> InputEvent {
        .mouse(MouseEvent(button: button, column: column, row: row, modifiers: modifiers, isMotion: motion))
    }

    @Test("SGR: buttons, wheel, release, modifiers, drags; coordinates become zero-based")
    func sgr() {
        #expect(Self.inputs("\u{1B}[<0;10;5M") == [Self.mouse(.left, 9, 4)])
        #expect(Self.inputs("\u{1B}[<1;1;1M") == [Self.mouse(.middle, 0, 0)])
        #expect(Self.inputs("\u{1B}[<2;120;40M") == [Self.mouse(.right, 119, 39)])
        #expect(Self.inputs("\u{1B}[<0;10;5m") == [Self.mouse(.release, 9, 4)])
        #expect(Self.inputs("\u{1B}[<64;3;7M\u{1B}[<65;3;7M") == [Self.mouse(.wheelUp, 2, 6), Self.mouse(.wheelDown, 2, 6)])
        #expect(Self.inputs("\u{1B}[<66;1;1M\u{1B}[<67;1;1M") == [Self.mouse(.wheelLeft, 0, 0), Self.mouse(.wheelRight, 0, 0)])
        #expect(Self.inputs("\u{1B}[<4;2;2M") == [Self.mouse(.left, 1, 1, .shift)])
        #expect(Self.inputs("\u{1B}[<24;2;2M") == [Self.mouse(.left, 1, 1, [.meta, .control])])
        #expect(Self.inputs("\u{1B}[<32;5;5M") == [Self.mouse(.left, 4, 4, motion: true)])
        #expect(Self.inputs("\u{1B}[<128;5;5M") == [Self.mouse(.extra(8), 4, 4)])
        // Beyond X10's 223 columns: what SGR is for.
        #expect(Self.inputs("\u{1B}[<0;300;250M") == [Self.mouse(.left, 299, 249)])
    }

    @Test("X10: the three bytes after Esc [ M, each the value plus 32")
    func x10() {
        #expect(Self.inputs("\u{1B}[M !!") == [Self.mouse(.left, 0, 0)])
        #expect(Self.inputs("\u{1B}[M\u{21}\u{2A}\u{25}") == [Self.mouse(.middle, 9, 4)])
        #expect(Self.inputs("\u{1B}[M#**") == [Self.mouse(.release, 9, 9)])
        #expect(Self.inputs("\u{1B}[M`!!\u{1B}[Ma!!") == [Self.mouse(.wheelUp, 0, 0), Self.mouse(.wheelDown, 0, 0)])
        #expect(Self.inputs("\u{1B}[M0!!") == [Self.mouse(.left, 0, 0, .control)])
        #expect(Self.inputs("\u{1B}[M \u{FF}\u{FF}") == [Self.mouse(.left, 222, 222)])
    }

    @Test("after ncurses' KEY_MOUSE (terminfo kmous): the rest of an X10 or SGR report")
    func keyMouseTail() {
        #expect(Self.inputs([.keyCode(KEY_MOUSE)] + Self.units(" +&q")) == [Self.mouse(.left, 10, 5), .key(.char("q"))])
        #expect(Self.inputs([.keyCode(KEY_MOUSE)] + Self.units("0;10;5Mq"), tail: .sgr) == [Self.mouse(.left, 9, 4), .key(.char("q"))])
        #expect(Self.inputs([.keyCode(KEY_MOUSE)] + Self.units("65;2;3m"), tail: .sgr) == [Self.mouse(.release, 1, 2)])
        #expect(Self.inputs([.keyCode(KEY_MOUSE)] + Self.units("0;0;5M"), tail: .sgr).isEmpty, "column 0 is out of range")
        #expect(Self.inputs([.keyCode(KEY_MOUSE)] + Self.units(String(repeating: "9", count: 200) + "Mq"), tail: .sgr)
                == [.key(.char("q"))], "an overlong tail is consumed whole")
    }

    @Test("malformed, out-of-range and overlong reports give nothing: no event, no key", arguments: [
        "\u{1B}[<0;0;5M",                   // column 0: SGR is 1-based
        "\u{1B}[<0;5;0M",                   // row 0
        "\u{1B}[<0;10001;5M",               // beyond any terminal
        "\u{1B}[<0;99999999999999999999;5M",// would overflow Int
        "\u{1B}[<256;5;5M",                 // no such button code
        "\u{1B}[<0;5M",                     // two fields
        "\u{1B}[<0;5;5;5M",                 // four fields
        "\u{1B}[<;5;5M",                    // an empty field
        "\u{1B}[<0;-5;5M",                  // a sign
        "\u{1B}[<0:5;5M",                   // a colon
        "\u{1B}[<0;5;5X",                   // another final byte
        "\u{1B}[<a;5;5M",
        "\u{1B}[<0;5;5",                    // cut short
        "\u{1B}[<",
        "\u{1B}[M !",                       // X10 cut short
        "\u{1B}[M",
        "\u{1B}[M\u{10}!!",                 // X10 byte below 32
        "\u{1B}[M  !",                      // X10 column 0 (byte 32 is −1 + 32 + 1)
        "\u{1B}[M !\u{100}",                // X10 byte above 255
        "\u{1B}[0;5;5M",                    // urxvt's 1015 (no `<`): not asked for, dropped
    ])
    func malformed(report: String) {
        #expect(Self.inputs(report).isEmpty, "\(report.debugDescription) decoded to something")
    }

    @Test("an overlong report is consumed whole: not one of its bytes becomes a key")
    func overlong() {
        let long = "\u{1B}[<" + String(repeating: "1", count: 500) + ";5;5M"
        #expect(Self.inputs(long + "q") == [.key(.char("q"))])
        let garbage = "\u{1B}[<" + String(repeating: ";", count: 70) + "m"
        #expect(Self.inputs(garbage).isEmpty)
    }

    @Test("reports between keys keep their order; a control byte ends a broken report")
    func mixed() {
        #expect(Self.inputs("j\u{1B}[<0;2;3Mk\u{1B}[<0;2;3mq")
                == [.key(.char("j")), Self.mouse(.left, 1, 2), .key(.char("k")), Self.mouse(.release, 1, 2), .key(.char("q"))])
        #expect(Self.inputs("\u{1B}[<0;2\u{0D}") == [.key(.enter)])
    }

    @Test("nextKey skips mouse reports, so key-only callers see only keys")
    func keysOnly() {
        var decoder = InputDecoder()
        var queue = Self.units("\u{1B}[<0;2;3Mq")[...]
        #expect(decoder.nextKey(timeoutMilliseconds: 0) { _ in queue.popFirst() } == .char("q"))
    }

    @Test("the in-memory terminal delivers a queued click as a mouse report, keys as keys")
    func inMemoryTerminal() {
        let terminal = InMemoryTerminal(width: 40, height: 10)
        terminal.click(column: 3, row: 4)
        terminal.enqueue(.char("a"))
        #expect(terminal.readInput(timeoutMilliseconds: 0) == Self.mouse(.left, 3, 4))
        #expect(terminal.readInput(timeoutMilliseconds: 0) == .key(.char("a")))
        #expect(terminal.readInput(timeoutMilliseconds: 0) == nil)
    }
}
