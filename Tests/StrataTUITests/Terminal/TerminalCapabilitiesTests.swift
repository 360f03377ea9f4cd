#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import StrataTUI

@Suite struct TerminalCapabilitiesTests {
    private func evaluate(_ environment: [String: String], stdout: Bool = true, stdin: Bool = true) -> TerminalCapabilities {
        TerminalCapabilities.evaluate(stdinIsTTY: stdin, stdoutIsTTY: stdout, environment: environment)
    }

    @Test func usableTerminal() {
        let capabilities = evaluate(["TERM": "xterm-256color", "LANG": "en_US.UTF-8"])
        #expect(capabilities.isUsable)
        #expect(capabilities.isUTF8)
        #expect(!capabilities.noColor)
        #expect(capabilities.glyphs == .unicode)
    }

    @Test func refusesPipesAndDumbTerminals() {
        #expect(evaluate(["TERM": "xterm"], stdout: false).problem == .notInteractive(reason: "stdout is not a terminal"))
        #expect(evaluate(["TERM": "xterm"], stdin: false).problem == .notInteractive(reason: "stdin is not a terminal"))
        #expect(evaluate(["TERM": "dumb"]).problem == .notInteractive(reason: "TERM is 'dumb'"))
        #expect(evaluate(["TERM": ""]).problem == .notInteractive(reason: "TERM is not set"))
        #expect(evaluate([:]).problem?.description.contains("strata replay --headless") == true)
    }

    @Test(arguments: [
        (["LANG": "C.UTF-8"], true), (["LANG": "en_US.utf8"], true), (["LANG": "C"], false), ([:], false),
        (["LC_ALL": "", "LANG": "C.UTF-8"], true), (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
        (["LC_CTYPE": "de_DE.UTF-8@euro", "LANG": "C"], true), (["LANG": "de_DE.ISO-8859-1"], false),
    ] as [([String: String], Bool)])
    func detectsUTF8Locales(environment: [String: String], isUTF8: Bool) {
        #expect(evaluate(environment.merging(["TERM": "xterm"]) { $1 }).isUTF8 == isUTF8)
        #expect(evaluate(environment).glyphs == (isUTF8 ? .unicode : .ascii))
        #expect(evaluate(environment).glyphs.isASCII == !isUTF8)
    }

    @Test func honoursNoColor() {
        #expect(evaluate(["TERM": "xterm", "NO_COLOR": "1"]).noColor)
        #expect(!evaluate(["TERM": "xterm", "NO_COLOR": ""]).noColor)
    }

    @Test func colorsFoldOntoSmallPalettes() {
        #expect(Color.brightRed.paletteIndex(forColorCount: 256) == 9)
        #expect(Color.brightRed.paletteIndex(forColorCount: 8) == 1)
        #expect(Color.indexed(200).paletteIndex(forColorCount: 16) == nil)
        #expect(Color.indexed(200).paletteIndex(forColorCount: 256) == 200)
    }

    @Test func allocatesColorPairsLazily() {
        var defined: [[Int16]] = []
        var table = ColorPairTable(pairLimit: 3) { pair, foreground, background in defined.append([pair, foreground, background]) }
        #expect(table.pair(foreground: -1, background: -1) == 0)
        #expect(table.pair(foreground: 1, background: -1) == 1)
        #expect(table.pair(foreground: 1, background: -1) == 1)
        #expect(table.pair(foreground: 2, background: 4) == 2)
        #expect(table.pair(foreground: 3, background: -1) == 0)
        #expect(defined == [[1, 1, -1], [2, 2, 4]])
        #expect(table.count == 2)
    }
}

@Suite struct SignalMonitorTests {
    @Test func recordsTheFirstQuitSignal() throws {
        let monitor = SignalMonitor()
        try monitor.install()
        defer {
            monitor.uninstall()
            monitor.clear()
        }
        monitor.clear()
        #expect(monitor.pendingSignal == nil)
        // The test runner blocks these signals in its threads; unblock them here only, and send
        // them to this thread, so the C handler (not the runner) sees them.
        var quitSignals = sigset_t()
        var previousMask = sigset_t()
        sigemptyset(&quitSignals)
        sigaddset(&quitSignals, SIGTERM)
        sigaddset(&quitSignals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &quitSignals, &previousMask)
        raise(SIGTERM)
        raise(SIGINT)
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        #expect(monitor.pendingSignal == .terminate)
        monitor.clear()
        #expect(monitor.pendingSignal == nil)
        #expect(SignalMonitor.signal(number: SIGHUP) == .hangup)
        #expect(SignalMonitor.signal(number: 0) == nil)
    }
}
