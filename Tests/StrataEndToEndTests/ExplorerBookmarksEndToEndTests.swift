import Foundation
import StrataData
import StrataTestSupport
import Testing

/// Issue 13, item 3 through tmux: a named bookmark is kept in the session with its view,
/// drawn on the timeline after reopening, reached with `m` (bookmarks) and `N`, and picked with
/// `B`, which brings back its user, speed and truth overlay; `:` goes to a typed position; `n`
/// lands on cleo's drift alert.
extension ExplorerEndToEndTests {
    @Test("a named bookmark round-trips through a session; : and n go where they should")
    func bookmarksRoundTrip() throws {
        try Self.requirePrerequisites()
        let directory = NSTemporaryDirectory() + "strata-e2e-bookmark-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = directory + "/demo.strata"

        let first = try Self.start("--session \(session)")
        defer { first.stop() }
        #expect(try first.waitFor("Interests · cleo").matched)
        try first.send(":")
        #expect(try first.waitFor("go to position:").matched)
        try first.type("3000")
        try first.send("Enter")
        var (screen, matched) = try first.waitForSettled { Self.position(in: $0) == 3_000 }
        #expect(matched, ": did not go to 3,000:\n\(screen)")
        // The view kept with the bookmark: ada focused, 100 ev/s, the truth overlay on.
        try first.send("u")
        #expect(try first.waitFor("Pick a user").matched)
        try first.type("ada")
        try first.send("Enter")
        #expect(try first.waitFor("Interests · ada").matched)
        try first.send("+", "t")   // 50 → 100 events/s
        #expect(try first.waitFor("truth JS").matched)
        try first.send("b")
        #expect(try first.waitFor("bookmark name:").matched)
        try first.type("before the drift")
        try first.send("Enter")
        (screen, matched) = try first.waitFor("bookmarked position 3,000: before the drift")
        #expect(matched, "no bookmark saved:\n\(screen)")
        #expect(screen.contains("⚑"))
        try first.send("t", "-", "u")
        #expect(try first.waitFor("Pick a user").matched)
        try first.type("cleo")
        try first.send("Enter")
        #expect(try first.waitFor("Interests · cleo").matched)
        try first.send("n")
        (screen, matched) = try first.waitForSettled { $0.contains("drift alert at 4,005") && Self.position(in: $0) == 4_005 }
        #expect(matched, "n did not land on cleo's drift alert:\n\(screen)")
        try first.send("q")
        #expect(try first.waitFor("[exit 0]").matched)
        first.stop()

        #expect(try SessionStore.inspect(session).bookmarkCount == 1)
        let second = try Self.start("--session \(session)")
        defer { second.stop() }
        (screen, matched) = try second.waitForSettled { Self.position(in: $0) == 4_005 && $0.contains("⚑") }
        #expect(matched, "the reopened session does not show its bookmark:\n\(screen)")
        try second.send("m", "m", "m", "N")
        (screen, matched) = try second.waitForSettled { $0.contains("bookmark at 3,000: before the drift") && Self.position(in: $0) == 3_000 }
        #expect(matched, "N did not go back to the bookmark:\n\(screen)")
        // The picker brings back the bookmark's view as well as its position.
        try second.send(":")
        try second.type("5000")
        try second.send("Enter")
        (screen, matched) = try second.waitForSettled { Self.position(in: $0) == 5_000 }
        #expect(matched, ": did not go to 5,000:\n\(screen)")
        try second.send("B")
        (screen, matched) = try second.waitFor("before the drift  · ada · 100 ev/s · truth")
        #expect(matched, "the picker does not list the bookmark with its view:\n\(screen)")
        try second.send("Enter")
        (screen, matched) = try second.waitForSettled {
            Self.position(in: $0) == 3_000 && $0.contains("Interests · ada") && $0.contains("truth JS") && $0.contains("100 ev/s")
        }
        #expect(matched, "picking the bookmark did not bring back position, user, truth overlay and speed:\n\(screen)")
        try second.send("q")
        #expect(try second.waitFor("[exit 0]").matched)
    }
}

/// Issue 13, item 2 through tmux: `strata lesson drift` reaches its first stops with their notes.
extension ExplorerEndToEndTests {
    @Test("strata lesson drift shows its notes and goes on with space; a bad lesson file is an error")
    func lessonInTmux() throws {
        try Self.requirePrerequisites()
        let tmux = try TmuxDriver(command: Self.binary + " lesson drift", width: 120, height: 40, environment: Self.environment)
        defer { tmux.stop() }
        var (screen, matched) = try tmux.waitFor(timeout: 30) { $0.contains("Lesson 1/4 · Steady") && Self.position(in: $0) == 2_000 }
        #expect(matched, "no first stop:\n\(screen)")
        #expect(screen.contains("▼ Status line"))
        try tmux.send("Space")
        (screen, matched) = try tmux.waitFor(timeout: 30) { $0.contains("Lesson 2/4 · The drift alert") && Self.position(in: $0) == 4_005 }
        #expect(matched, "no drift-alert stop:\n\(screen)")
        #expect(screen.contains("DRIFT cos"))
        try tmux.send("q")
        #expect(try tmux.waitFor("[exit 0]").matched)

        let bad = NSTemporaryDirectory() + "strata-bad-lesson-\(getpid()).toml"
        try "title = \"x\"\nuser = \"cleo\"\n[[stop]]\nwhen = \"soon\"\npane = \"tree\"\ntitle = \"a\"\ntext = \"b\"\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let run = try StrataBinary.run(["lesson", bad])
        #expect(run.status != 0)
        #expect(run.stderr.contains(":4: stop 1, 'when': unknown trigger 'soon'"), "\(run.stderr)")
        let list = try StrataBinary.run(["lesson", "--list"])
        #expect(list.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) } == ["tiers", "drift", "feedback"])
    }
}
