import Foundation
import StrataTestSupport
import Testing

/// Issue 12 item 5 through tmux: `x` writes the view on screen to two files in the current
/// directory and says so; a file that cannot be written is reported in the title bar and the
/// explorer goes on.
extension ExplorerEndToEndTests {
    @Test("x writes strata-view-cleo-100.json and .csv to the current directory; a path in the way is reported")
    func viewExport() throws {
        try Self.requirePrerequisites()
        let directory = NSTemporaryDirectory() + "strata-e2e-view-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Through sh, so the explorer's current directory is the test's.
        let tmux = try TmuxDriver(command: "sh -c 'cd \(directory) && exec \(Self.binary) --session demo.strata'",
                                  environment: Self.environment)
        defer { tmux.stop() }
        #expect(try tmux.waitFor("Interests · cleo").matched)
        try tmux.send("]")
        var (screen, matched) = try tmux.waitForSettled { Self.position(in: $0) == 100 && Self.hash(in: $0) != nil }
        #expect(matched, "no jump to 100:\n\(screen)")
        let shownHash = try #require(Self.hash(in: screen))

        try tmux.send("x")
        (screen, matched) = try tmux.waitFor { $0.contains("wrote strata-view-cleo-100.json and .csv") }
        #expect(matched, "no message:\n\(screen)")
        let json = try Data(contentsOf: URL(fileURLWithPath: directory + "/strata-view-cleo-100.json"))
        let view = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(view["user"] as? String == "cleo")
        #expect(view["position"] as? Int == 100)
        #expect(view["session"] as? String == "demo.strata")
        #expect(view["source"] as? String == "scenario:demo")
        #expect((view["state_hash"] as? String)?.hasPrefix(shownHash) == true)
        #expect((view["config"] as? [String: String])?["seed"] != nil)
        let recommendations = try #require(view["recommendations"] as? [[String: Any]])
        #expect(recommendations.count == 10)
        let title = try #require(recommendations.first?["title"] as? String)
        #expect(screen.contains("  1 " + title.prefix(18)), "the first recommendation on screen is not \(title):\n\(screen)")
        let csv = try String(contentsOfFile: directory + "/strata-view-cleo-100.csv", encoding: .utf8)
        #expect(csv.hasPrefix("# config: {"))
        #expect(csv.contains("\r\ntable,model,rank,item,title,score,p_accept,feature,value,weight,contribution,path,depth,tier,share,label\r\n"))

        // A directory where the next file should go: the explorer says why and goes on.
        try FileManager.default.createDirectory(atPath: directory + "/strata-view-cleo-200.json", withIntermediateDirectories: false)
        try tmux.send("]")
        (screen, matched) = try tmux.waitForSettled { Self.position(in: $0) == 200 }
        #expect(matched)
        try tmux.send("x")
        (screen, matched) = try tmux.waitFor { $0.contains("view not exported: strata-view-cleo-200.json") }
        #expect(matched, "no error shown:\n\(screen)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(!names.contains("strata-view-cleo-200.csv"))
        #expect(!names.contains { $0.hasPrefix(".strata-view") }, "a temporary file was left: \(names)")
        try tmux.send("Right")
        #expect(try tmux.waitForSettled { Self.position(in: $0) == 201 }.matched, "the explorer stopped")
        try tmux.send("q")
        #expect(try tmux.waitFor("strata: stopped at 201/8200").matched)
    }
}
