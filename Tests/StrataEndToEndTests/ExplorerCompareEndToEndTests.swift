import Foundation
import StrataTestSupport
import Testing

/// Issue 12 items 1–2 with the real binary: the A/B split in tmux, an answer to one side
/// recorded in the session and replayed on reopening, and the options' errors.
@Suite("Explorer A/B end to end", .serialized)
struct ExplorerCompareEndToEndTests {
    typealias E2E = ExplorerEndToEndTests

    /// `#c60554/52dcfa`: A's and B's hash prefixes while paused.
    static func pairHash(in screen: String) -> String? {
        guard let range = screen.range(of: #"#[0-9a-f]{6}/[0-9a-f]{6}"#, options: .regularExpression) else { return nil }
        return String(screen[range].dropFirst())
    }

    /// The exit summary's full hashes: `state <A> · B item-knn state <B>`.
    static func summaryHashes(in screen: String) -> (a: String, b: String)? {
        let flat = screen.replacingOccurrences(of: "\n", with: "")
        guard let a = flat.range(of: #"· state [0-9a-f]{64}"#, options: .regularExpression),
              let b = flat.range(of: #"B item-knn state [0-9a-f]{64}"#, options: .regularExpression) else { return nil }
        return (String(flat[a].suffix(64)), String(flat[b].suffix(64)))
    }

    @Test("split view: answer B only, quit, reopen the session to the same pair of hashes")
    func answerBOnlyAndReopen() throws {
        try E2E.requirePrerequisites()
        let directory = NSTemporaryDirectory() + "strata-ab-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = directory + "/ab.strata"

        let first = try E2E.start("--compare item-knn --session \(session) --print-state-hash-on-exit", width: 120, height: 40)
        defer { first.stop() }
        #expect(try first.waitFor("A strata vs B item-knn").matched)
        try first.send("]")
        var (screen, matched) = try first.waitForSettled { E2E.position(in: $0) == 100 && Self.pairHash(in: $0) != nil }
        #expect(matched, "\(screen)")
        let before = try #require(Self.pairHash(in: screen))
        #expect(screen.contains("B item-knn · cleo"))
        #expect(screen.contains("HR@10 A "))
        try first.send("v")
        try first.send("s")
        try first.send("s")
        #expect(try first.waitFor("answers: B only").matched)
        try first.send("a")
        (screen, matched) = try first.waitForSettled {
            $0.contains("(B only)") && Self.pairHash(in: $0) != nil && Self.pairHash(in: $0) != before
        }
        #expect(matched, "\(screen)")
        let after = try #require(Self.pairHash(in: screen))
        // A did not learn the answer, B did.
        #expect(after.prefix(6) == before.prefix(6))
        #expect(after.suffix(6) != before.suffix(6))
        try first.send("q")
        (screen, matched) = try first.waitFor { Self.summaryHashes(in: $0) != nil }
        #expect(matched, "\(screen)")
        let left = try #require(Self.summaryHashes(in: screen), "\(screen)")
        first.stop()

        // Reopened without --compare: the session keeps B and its answer.
        let second = try E2E.start("--session \(session) --print-state-hash-on-exit", width: 120, height: 40)
        defer { second.stop() }
        (screen, matched) = try second.waitForSettled { E2E.position(in: $0) == 100 && Self.pairHash(in: $0) != nil }
        #expect(matched, "\(screen)")
        #expect(Self.pairHash(in: screen) == after)
        try second.send("q")
        (screen, matched) = try second.waitFor { Self.summaryHashes(in: $0) != nil }
        #expect(matched, "\(screen)")
        let reopened = try #require(Self.summaryHashes(in: screen), "\(screen)")
        #expect(reopened.a == left.a && reopened.b == left.b)
        second.stop()

        // Another B for this session is refused, and the file is left as it was.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: session))
        let third = try E2E.start("--session \(session) --compare most-popular", width: 120, height: 40)
        defer { third.stop() }
        (screen, matched) = try third.waitFor("keeps the model B it was created with")
        #expect(matched, "\(screen)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: session)) == bytes)
    }

    @Test("explore --model item-knn shows ItemKNN's list and reasons")
    func modelItemKNN() throws {
        try E2E.requirePrerequisites()
        let driver = try E2E.start("--model item-knn", width: 120, height: 40)
        defer { driver.stop() }
        #expect(try driver.waitFor("model item-knn").matched)
        // 1,000 events in: over the demo's 3,072 films ItemKNN needs co-occurrences to explain.
        for _ in 0..<10 { try driver.send("]") }
        let (screen, matched) = try driver.waitForSettled { E2E.position(in: $0) == 1_000 && $0.contains("like ") }
        #expect(matched, "\(screen)")
        #expect(screen.contains("Recommendations of item-knn"))
        #expect(screen.contains("profile of strata"))
        try driver.send("q")
        #expect(try driver.waitFor("B item-knn state").matched)
    }

    @Test("bad --model, --compare and --b-set combinations are errors naming the option",
          arguments: [
            (["--model", "nope"], "--model 'nope': unknown model"),
            (["--model", "item-knn", "--compare", "strata"], "--compare always puts B beside strata"),
            (["--compare", "item-knn", "--b-set", "features.content=false"], "--b-set: B is item-knn, which has no settings"),
            (["--compare", "no-such-file.toml"], "not a model"),
            (["--b-set", "mmr_lambda=7"], "mmr_lambda"),
          ])
    func badOptions(arguments: [String], message: String) throws {
        let run = try StrataBinary.run(["explore"] + arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
