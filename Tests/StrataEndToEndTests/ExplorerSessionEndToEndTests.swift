import Foundation
import StrataData
import Testing

/// Issue 8 item 16 through tmux: a position reached by hand survives an immediate `kill -9`
/// (it used to be saved only every 3 s).
extension ExplorerEndToEndTests {
    @Test("kill -9 right after two jumps: the session reopens at the position jumped to")
    func positionSurvivesKillRightAfterJumps() throws {
        try Self.requirePrerequisites()
        let directory = NSTemporaryDirectory() + "strata-e2e-jump-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = directory + "/demo.strata"
        let pidFile = directory + "/pid"

        let first = try Self.start("--session \(session)", pidFile: pidFile)
        defer { first.stop() }
        #expect(try first.waitFor("Interests · cleo").matched)
        try first.send("]")
        try first.send("]")
        let (_, reached) = try first.waitForSettled { Self.position(in: $0) == 200 }
        #expect(reached)
        let pid = try #require(Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGKILL)
        #expect(try first.waitFor("[exit 137]").matched)
        first.stop()

        // The file says so without opening the explorer again…
        #expect(try SessionStore.inspect(session).header.lastPosition == 200)
        // …and the explorer comes back there.
        let second = try Self.start("--session \(session)")
        defer { second.stop() }
        let (screen, matched) = try second.waitForSettled { Self.position(in: $0) == 200 && Self.hash(in: $0) != nil }
        #expect(matched, "the reopened session is not at position 200:\n\(screen)")
        try second.send("q")
        #expect(try second.waitFor("strata: stopped at 200/8200 · 0 decisions").matched)
    }
}
