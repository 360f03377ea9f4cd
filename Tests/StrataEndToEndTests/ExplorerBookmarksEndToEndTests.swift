import Foundation
import StrataData
import Testing

/// Issue 13, item 3 through tmux: a named bookmark is kept in the session, drawn on the
/// timeline after reopening, and reached with `m` (bookmarks) and `N`; `:` goes to a typed
/// position; `n` lands on cleo's drift alert.
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
        try first.send("b")
        #expect(try first.waitFor("bookmark name:").matched)
        try first.type("before the drift")
        try first.send("Enter")
        (screen, matched) = try first.waitFor("bookmarked position 3,000: before the drift")
        #expect(matched, "no bookmark saved:\n\(screen)")
        #expect(screen.contains("⚑"))
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
        try second.send("q")
        #expect(try second.waitFor("[exit 0]").matched)
    }
}
