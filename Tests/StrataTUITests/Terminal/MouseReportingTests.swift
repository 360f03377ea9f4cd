import Testing
@testable import StrataTUI

/// Issue 13 item 5: when the explorer switches mouse reporting on, and with which modes.
@Suite("Mouse reporting")
struct MouseReportingTests {
    @Test("on where the terminal has a mouse: terminfo kmous, or an xterm-like TERM; never with --no-mouse")
    func whenEnabled() {
        #expect(MouseReporting.shouldEnable(requested: true, term: "xterm-256color", kmous: "\u{1B}[<"))
        #expect(MouseReporting.shouldEnable(requested: true, term: "tmux-256color", kmous: "\u{1B}[M"))
        #expect(MouseReporting.shouldEnable(requested: true, term: "screen", kmous: nil), "screen's entry has no kmous")
        #expect(MouseReporting.shouldEnable(requested: true, term: "some-terminal", kmous: "\u{1B}[M"), "kmous alone is enough")
        #expect(MouseReporting.shouldEnable(requested: true, term: "st-256color", kmous: nil))
        #expect(!MouseReporting.shouldEnable(requested: true, term: "linux", kmous: nil), "the Linux console")
        #expect(!MouseReporting.shouldEnable(requested: true, term: "vt100", kmous: nil))
        #expect(!MouseReporting.shouldEnable(requested: true, term: "stupid", kmous: nil), "st- is a prefix, st only whole")
        #expect(!MouseReporting.shouldEnable(requested: true, term: nil, kmous: nil))
        #expect(!MouseReporting.shouldEnable(requested: false, term: "xterm-256color", kmous: "\u{1B}[<"), "--no-mouse")
    }

    @Test("press/release tracking in SGR form, no motion modes; off undoes exactly what on did")
    func sequences() {
        #expect(MouseReporting.enable == "\u{1B}[?1000h\u{1B}[?1006h")
        #expect(MouseReporting.disable == "\u{1B}[?1006l\u{1B}[?1000l")
        #expect(!MouseReporting.enable.contains("1002") && !MouseReporting.enable.contains("1003"))
    }
}
