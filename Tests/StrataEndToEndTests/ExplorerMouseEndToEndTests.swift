import Foundation
import StrataTestSupport
import Testing

/// Issue 13 item 5: the mouse in the real binary under tmux — a click on a recommendation
/// selects it and `a` accepts that one; mouse reporting is on while the explorer runs and off
/// after every way out (q, Ctrl-C, a fatal signal, Ctrl-Z while stopped), never with
/// `--no-mouse`. tmux's pane flags say which mouse modes the program left set.
///
/// Needs tmux and the built binary: a missing one fails (ExplorerEndToEndTests.requirePrerequisites).
@Suite("Explorer mouse end to end (tmux)", .serialized)
struct ExplorerMouseEndToEndTests {
    /// `standard sgr` as tmux sees the pane: "1 1" when modes 1000 and 1006 are set.
    static func mouseModes(_ tmux: TmuxDriver) throws -> String {
        try tmux.format("#{mouse_standard_flag} #{mouse_sgr_flag}")
    }

    /// The SGR report of a left press and release at zero-based `column`, `row`.
    static func click(column: Int, row: Int) -> String {
        "\u{1B}[<0;\(column + 1);\(row + 1)M\u{1B}[<0;\(column + 1);\(row + 1)m"
    }

    /// The screen row and title of recommendation `rank` in a capture (`│  3 Escape from … -2.38`).
    static func recommendationRow(rank: Int, in screen: String) -> (row: Int, title: String)? {
        let lines = screen.components(separatedBy: "\n")
        guard let top = lines.firstIndex(where: { $0.contains("┌ Recommendations") }) else { return nil }
        let pattern = try? NSRegularExpression(pattern: #"^│ +\#(rank) (.+?) +[-+]?[0-9]+\.[0-9]{2} "#)
        for (offset, line) in lines[(top + 1)...].prefix(13).enumerated() {
            let text = line as NSString
            if let match = pattern?.firstMatch(in: line, range: NSRange(location: 0, length: text.length)) {
                return (top + 1 + offset, text.substring(with: match.range(at: 1)))
            }
        }
        return nil
    }

    @Test("a click on a recommendation selects it; a accepts the clicked one")
    func clickAndAccept() throws {
        try ExplorerEndToEndTests.requirePrerequisites()
        let tmux = try ExplorerEndToEndTests.start()
        defer { tmux.stop() }
        var (screen, matched) = try tmux.waitFor { $0.contains("Interests · cleo") && ExplorerEndToEndTests.hash(in: $0) != nil }
        #expect(matched, "no first frame:\n\(screen)")
        #expect(try Self.mouseModes(tmux) == "1 1", "mouse reporting (1000 + 1006) is not on")
        try tmux.send("]")
        (screen, matched) = try tmux.waitForSettled { ExplorerEndToEndTests.position(in: $0) == 100 && Self.recommendationRow(rank: 3, in: $0) != nil }
        #expect(matched, "] did not jump 100 events:\n\(screen)")
        let (row, shown) = try #require(Self.recommendationRow(rank: 3, in: screen), "no third recommendation:\n\(screen)")
        // A title cut to the column ends in an ellipsis; the notice has it whole.
        let title = shown.hasSuffix("…") ? String(shown.dropLast()) : shown
        try tmux.sendBytes(Self.click(column: 10, row: row))
        try tmux.send("a")
        (screen, matched) = try tmux.waitFor { $0.contains("accepted " + title) && $0.contains(" for cleo") }
        #expect(matched, "the accepted item is not the clicked \(title):\n\(screen)")
        let notice = screen.components(separatedBy: "\n").first ?? ""
        #expect(notice.contains("accepted \(title)") && notice.contains("for cleo"), "title bar: \(notice)")
        // The accept is in no session: the first q warns, the second quits.
        try tmux.send("q")
        #expect(try tmux.waitFor("1 decision is in no session").matched)
        try tmux.send("q")
        (screen, matched) = try tmux.waitFor("[exit 0]")
        #expect(matched, "no exit after q:\n\(screen)")
        #expect(try Self.mouseModes(tmux) == "0 0", "q left mouse reporting on")
    }

    @Test("a click on the timeline jumps there and pauses; a double-click opens details")
    func timelineAndDoubleClick() throws {
        try ExplorerEndToEndTests.requirePrerequisites()
        let tmux = try ExplorerEndToEndTests.start()
        defer { tmux.stop() }
        #expect(try tmux.waitFor("Interests · cleo").matched)
        // 120 columns over 8,200 events: column 59 ends at position ⌈60 · 8200 / 120⌉ = 4,100.
        try tmux.sendBytes(Self.click(column: 59, row: 37))
        var (screen, matched) = try tmux.waitForSettled { ExplorerEndToEndTests.position(in: $0) == 4_100 }
        #expect(matched, "the timeline click did not jump to 4,100:\n\(screen)")
        guard let (row, _) = Self.recommendationRow(rank: 2, in: screen) else {
            Issue.record("no second recommendation:\n\(screen)")
            return
        }
        try tmux.sendBytes(Self.click(column: 10, row: row) + Self.click(column: 10, row: row))
        (screen, matched) = try tmux.waitForSettled { $0.contains("Esc, q or Enter closes") }
        #expect(matched, "a double-click opened no details:\n\(screen)")
        try tmux.sendBytes(Self.click(column: 0, row: 0))
        (screen, matched) = try tmux.waitForSettled { !$0.contains("Esc, q or Enter closes") }
        #expect(matched, "a click outside did not close the details:\n\(screen)")
    }

    @Test("Ctrl-C and SIGSEGV switch mouse reporting off")
    func offOnQuitSignals() throws {
        try ExplorerEndToEndTests.requirePrerequisites()
        var tmux = try ExplorerEndToEndTests.start()
        #expect(try tmux.waitFor("Interests · cleo").matched)
        try tmux.send("C-c")
        var (screen, matched) = try tmux.waitFor("[exit 130]")
        #expect(matched, "no exit after Ctrl-C:\n\(screen)")
        #expect(try Self.mouseModes(tmux) == "0 0", "Ctrl-C left mouse reporting on")
        tmux.stop()

        let pidFile = NSTemporaryDirectory() + "strata-e2e-\(getpid())-mouse.pid"
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        tmux = try ExplorerEndToEndTests.start(pidFile: pidFile)
        defer { tmux.stop() }
        #expect(try tmux.waitFor("Interests · cleo").matched)
        #expect(try Self.mouseModes(tmux) == "1 1")
        let pid = try #require(Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGSEGV)
        (screen, matched) = try tmux.waitFor("[exit 139]", timeout: 15)
        #expect(matched, "SIGSEGV did not end the process:\n\(screen)")
        #expect(try Self.mouseModes(tmux) == "0 0", "the crash handler left mouse reporting on")
    }

    /// Ctrl-Z needs a shell with job control (in a pane's plain `sh -c` the stop is discarded:
    /// an orphaned process group), so the explorer is typed into an interactive `sh -i`.
    @Test("Ctrl-Z: mouse reporting off while stopped, on again after fg, off after q")
    func suspend() throws {
        try ExplorerEndToEndTests.requirePrerequisites()
        let tmux = try TmuxDriver(command: "sh -i", environment: ExplorerEndToEndTests.environment)
        defer { tmux.stop() }
        _ = try tmux.waitFor { $0.contains("#") || $0.contains("$") }
        try tmux.type(ExplorerEndToEndTests.binary)
        try tmux.send("Enter")
        #expect(try tmux.waitFor("Interests · cleo").matched)
        #expect(try Self.waitForModes("1 1", tmux))
        try tmux.send("C-z")
        var (screen, matched) = try tmux.waitFor("Stopped")
        #expect(matched, "Ctrl-Z did not stop the explorer:\n\(screen)")
        #expect(try Self.mouseModes(tmux) == "0 0", "Ctrl-Z left mouse reporting on for the shell")
        try tmux.type("fg")
        try tmux.send("Enter")
        (screen, matched) = try tmux.waitFor("Interests · cleo")
        #expect(matched, "no repaint after fg:\n\(screen)")
        #expect(try Self.waitForModes("1 1", tmux), "mouse reporting did not come back after fg")
        try tmux.send("q")
        (screen, matched) = try tmux.waitFor("strata: stopped at")
        #expect(matched, "no exit after q:\n\(screen)")
        #expect(try Self.mouseModes(tmux) == "0 0")
    }

    @Test("--no-mouse: the terminal is asked for no mouse mode")
    func noMouse() throws {
        try ExplorerEndToEndTests.requirePrerequisites()
        let tmux = try ExplorerEndToEndTests.start("--no-mouse")
        defer { tmux.stop() }
        #expect(try tmux.waitFor("Interests · cleo").matched)
        #expect(try Self.mouseModes(tmux) == "0 0", "--no-mouse asked for mouse reports")
        try tmux.send("q")
        #expect(try tmux.waitFor("[exit 0]").matched)
    }

    /// Polls the pane's mouse modes until they are `expected` (bounded, like `waitFor`).
    static func waitForModes(_ expected: String, _ tmux: TmuxDriver, timeout: Double = 10) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try mouseModes(tmux) == expected { return true }
            usleep(50_000)
        }
        return false
    }
}
