import Foundation
import StrataTestSupport
import Testing

/// Issue 10 item 5 with the binary in tmux: `strata embed` then `strata explore --embeddings`
/// searches by meaning (the fetched MiniLM embeds the query) and says the tiers in words.
/// Needs tmux, the binary and all-MiniLM-L6-v2 in the cache (Scripts/test fetches it).
@Suite("Search by meaning end to end (tmux)", .serialized)
struct MeaningSearchEndToEndTests {
    typealias E2E = ExplorerEndToEndTests

    @Test("embed the demo, explore with --embeddings, / by meaning, tiers in words")
    func searchByMeaning() throws {
        try E2E.requirePrerequisites()
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let embedded = try StrataBinary.run(["embed", "--scenario", "demo", "-o", "demo.itememb"], in: dir)
        #expect(embedded.status == 0, "\(embedded.stderr)")
        let file = dir.appendingPathComponent("demo.itememb").path

        let driver = try E2E.start("--embeddings \(file)", width: 120, height: 40)
        defer { driver.stop() }
        #expect(try driver.waitFor("Interests · cleo").matched)
        try driver.send("]")
        var (screen, matched) = try driver.waitForSettled { E2E.position(in: $0) == 100 && $0.contains("in words:") }
        #expect(matched, "the tiers in words are missing:\n\(screen)")
        try driver.send("/")
        for character in "haunted house" { try driver.send(String(character)) }
        (screen, matched) = try driver.waitForSettled { $0.contains("by meaning (minilm)") && $0.contains("· near ") }
        #expect(matched, "\(screen)")
        // No title holds "haunted house": a title search would find nothing.
        #expect(!screen.contains("nothing matches"))
        try driver.send("Escape")
        try driver.send("q")
        #expect(try driver.waitFor("strata: stopped at 100/8200").matched)
    }

    @Test("--query-model none searches titles; a model of another dimension is an error")
    func queryModelChoices() throws {
        try E2E.requirePrerequisites()
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tiny = StrataBinary.packageRoot.appendingPathComponent("Tests/StrataLanguageTests/Fixtures/tiny-bert").path
        let embedded = try StrataBinary.run(["embed", "--scenario", "demo", "--model", tiny, "-o", "tiny.itememb"], in: dir)
        #expect(embedded.status == 0, "\(embedded.stderr)")
        let file = dir.appendingPathComponent("tiny.itememb").path
        // The tiny model's 16 dimensions are not MiniLM's 384: asking for MiniLM is refused.
        let driver = try E2E.start("--embeddings \(file) --query-model minilm", width: 120, height: 40)
        defer { driver.stop() }
        #expect(try driver.waitFor("its vectors have 384 dimensions, the items' 16").matched)
        driver.stop()
        let plain = try E2E.start("--embeddings \(file) --query-model none", width: 120, height: 40)
        defer { plain.stop() }
        #expect(try plain.waitFor("Interests · cleo").matched)
        try plain.send("/")
        for character in "haunted" { try plain.send(String(character)) }
        let (screen, matched) = try plain.waitForSettled { $0.contains("> haunted_") }
        #expect(matched)
        #expect(!screen.contains("by meaning"))
        try plain.send("Escape")
        try plain.send("q")
    }
}
