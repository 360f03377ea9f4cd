import CNcursesw
import StrataCore
import Testing
@testable import StrataTUI

/// Issue 8 item 21: raw mouse reports (`Esc [ M b x y`, SGR `Esc [ < b;x;y M`) and other escape
/// sequences ncurses does not know reached the explorer byte by byte — Esc, then `[` (jump 100
/// events back), then the rest as keys. They are consumed whole.
@Suite("Input decoder")
struct InputDecoderTests {
    /// Every key `units` decode to when they arrive together.
    static func keys(_ units: [RawInput], tail: InputDecoder.MouseReportTail = .x10) -> [Key] {
        var decoder = InputDecoder(mouseReportTail: tail)
        var queue = units[...]
        var keys: [Key] = []
        while let key = decoder.nextKey(timeoutMilliseconds: 0, read: { _ in queue.popFirst() }) { keys.append(key) }
        #expect(queue.isEmpty && !decoder.hasPendingInput, "input left undecoded")
        return keys
    }

    static func keys(_ text: String, tail: InputDecoder.MouseReportTail = .x10) -> [Key] {
        keys(text.unicodeScalars.map { .character($0.value) }, tail: tail)
    }

    @Test("mouse reports and unknown sequences give no key", arguments: [
        "\u{1B}[M !!",                  // X10 press, button 1 at 1,1
        "\u{1B}[M#\u{7F}\u{7F}",        // X10 release far right
        "\u{1B}[<0;10;5M",              // SGR press
        "\u{1B}[<0;10;5m",              // SGR release
        "\u{1B}[<64;120;40M",           // SGR wheel
        "\u{1B}[I", "\u{1B}[O",         // focus in / out
        "\u{1B}[200~",                  // bracketed paste start
        "\u{1B}[1;5A",                  // Ctrl-Up: not a key the explorer binds
        "\u{1B}[?1;2c",                 // a device-attributes reply
        "\u{1B}OX",                     // unknown SS3
    ])
    func sequencesAreDropped(sequence: String) {
        #expect(Self.keys(sequence).isEmpty, "\(sequence.debugDescription) became keys")
    }

    @Test("several reports in a row, then keys: only the keys")
    func reportsThenKeys() {
        #expect(Self.keys("\u{1B}[M !!\u{1B}[<0;3;4M\u{1B}[<0;3;4mq ") == [.char("q"), .char(" ")])
    }

    @Test("cursor and editing keys of other terminal types map to their keys")
    func knownSequences() {
        #expect(Self.keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(Self.keys("\u{1B}OA\u{1B}OD\u{1B}OH\u{1B}OF") == [.up, .left, .home, .end])
        #expect(Self.keys("\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[1~\u{1B}[4~\u{1B}[Z") == [.pageUp, .pageDown, .delete, .home, .end, .backTab])
        #expect(Self.keys("\u{1B}OP") == [.function(1)])
    }

    @Test("Esc alone is Esc; Esc before a plain key is Esc, then the key")
    func escape() {
        #expect(Self.keys("\u{1B}") == [.escape])
        #expect(Self.keys("\u{1B}q") == [.escape, .char("q")])
        #expect(Self.keys("\u{1B}\u{1B}") == [.escape, .escape])
        #expect(Self.keys([.character(0x1B), .keyCode(KEY_UP)]) == [.escape, .up])
    }

    @Test("a sequence cut short or broken by a control character yields nothing of it")
    func brokenSequences() {
        #expect(Self.keys("\u{1B}[<0;1").isEmpty)
        #expect(Self.keys("\u{1B}[1;\u{0D}") == [.enter], "the control character is not part of the sequence")
        #expect(Self.keys("\u{1B}[" + String(repeating: "1", count: 100) + "A").count < 40, "an endless sequence is cut off")
    }

    @Test("what ncurses leaves after KEY_MOUSE is dropped: X10 bytes or SGR parameters")
    func keyMouseTail() {
        #expect(Self.keys([.keyCode(KEY_MOUSE)] + " !!q".unicodeScalars.map { .character($0.value) }) == [.char("q")])
        #expect(Self.keys([.keyCode(KEY_MOUSE)] + "0;10;5Mq".unicodeScalars.map { .character($0.value) }, tail: .sgr) == [.char("q")])
        #expect(InputDecoder.mouseReportTail(kmous: "\u{1B}[<") == .sgr)
        #expect(InputDecoder.mouseReportTail(kmous: "\u{1B}[M") == .x10)
        #expect(InputDecoder.mouseReportTail(kmous: nil) == .x10)
    }

    @Test("plain input decodes as before: characters, control keys, key codes")
    func plainInput() {
        #expect(Self.keys("q ]\t\r") == [.char("q"), .char(" "), .char("]"), .tab, .enter])
        #expect(Self.keys([.keyCode(KEY_RESIZE), .keyCode(KEY_LEFT), .character(0x0C)]) == [.resize, .left, .ctrl("l")])
    }

    @Test("mouse reports never act as keys: no rewind, no play, no overlay")
    func explorerIgnoresMouseReports() {
        let reports = "\u{1B}[M !!\u{1B}[M#!!\u{1B}[<0;10;5M\u{1B}[<0;10;5m\u{1B}[<65;3;3M"
        let result = ExplorerFixtures.runOnTerminal(ExplorerFixtures.demoState(), keys: [.char("]")], input: reports,
                                                    width: 120, height: 40)
        #expect(result.state.replayer.position == 100, "a report rewound or stepped the stream")
        #expect(!result.state.isPlaying)
        #expect(result.state.overlay == nil)
        #expect(result.state.focus == .tree)
    }
}
