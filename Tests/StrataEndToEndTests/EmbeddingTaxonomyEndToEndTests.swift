import Foundation
import StrataTestSupport
import Testing

/// Issue 10 item 6 with the binary: a generic log without categories gets its interest tree
/// from the item vectors (`--taxonomy embeddings`), deterministically, and says so.
@Suite("Taxonomy from embeddings end to end")
struct EmbeddingTaxonomyEndToEndTests {
    /// 24 items in two groups of vectors (space titles, love titles), 200 events of 4 users.
    static func writeFixture(in directory: URL) throws {
        var log = "user,item,time,title,rating\n"
        var vectors = ""
        for i in 0..<24 {
            let space = i < 12
            let vector = space ? [1.0, 0.05 * Double(i % 4), 0] : [0.05 * Double(i % 4), 1.0, 0]
            vectors += "{\"id\": \"i\(i)\", \"embedding\": [\(vector.map { String($0) }.joined(separator: ", "))]}\n"
        }
        for e in 0..<200 {
            let user = (e / 3) % 4
            let item = e % 24
            let title = item < 12 ? "Star Voyage \(item)" : "Love Letters \(item)"
            log += "u\(user),i\(item),\(1_000 + e * 60),\(title),\(4 + e % 2)\n"
        }
        try log.write(to: directory.appendingPathComponent("log.csv"), atomically: true, encoding: .utf8)
        try vectors.write(to: directory.appendingPathComponent("vectors.jsonl"), atomically: true, encoding: .utf8)
    }

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("strata-taxonomy-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try writeFixture(in: url)
        return url
    }

    @Test func aLogWithoutCategoriesGetsClustersNamedByTitles() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = ["export", "--dataset", "log.csv", "--embeddings", "vectors.jsonl", "--taxonomy", "embeddings",
                         "--taxonomy-branching", "2", "--kind", "tier-changes", "-o", "changes.csv"]
        let run = try StrataBinary.run(arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let changes = try String(contentsOf: dir.appendingPathComponent("changes.csv"), encoding: .utf8)
        // The tree's nodes are the clusters, named by their title words.
        #expect(changes.contains("star") || changes.contains("voyage"), "\(changes.prefix(600))")
        #expect(changes.contains("love") || changes.contains("letters"), "\(changes.prefix(600))")
        #expect(!changes.contains("Uncategorised"))
        // The trace names the vectors and the taxonomy that made it.
        #expect(changes.contains("# item_vectors: {") && changes.contains("\"taxonomy\":\"embeddings, 2 levels, branching 2, seed 42\""),
                "\(changes.prefix(300))")
        // The same run again: byte for byte the same file.
        let again = try StrataBinary.run(arguments.dropLast(2) + ["-o", "again.csv"], in: dir)
        #expect(again.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("again.csv"), encoding: .utf8) == changes)

        let plot = try StrataBinary.run(["plot", "--dataset", "log.csv", "--embeddings", "vectors.jsonl", "--taxonomy", "embeddings",
                                         "--chart", "shares", "-o", "shares.svg"], in: dir)
        #expect(plot.status == 0, "\(plot.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("shares.svg"), encoding: .utf8)
        #expect(svg.contains("<metadata class=\"item_vectors\">") && svg.contains("embeddings, 2 levels, branching 8, seed 42"))

        let report = try StrataBinary.run(["replay", "--headless", "--dataset", "log.csv", "--embeddings", "vectors.jsonl",
                                           "--taxonomy", "embeddings"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"embeddings, 2 levels, branching 8, seed 42\""), "\(report.stdout.prefix(800))")
    }

    @Test("--taxonomy errors name the option", arguments: [
        (["--taxonomy", "embeddings"], "give --embed MODEL or --embeddings FILE"),
        (["--taxonomy", "clusters"], "expected data or embeddings"),
        (["--taxonomy", "embeddings", "--embeddings", "vectors.jsonl", "--taxonomy-levels", "4"], "--taxonomy-levels must be 2 or 3"),
        (["--taxonomy", "embeddings", "--embeddings", "vectors.jsonl", "--taxonomy-branching", "1"], "--taxonomy-branching must be from 2 to 64"),
    ])
    func errors(extra: [String], message: String) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try StrataBinary.run(["replay", "--headless", "--dataset", "log.csv"] + extra, in: dir)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// Issue 10 item 4: a RecBole `.item` with an `item_emb:float_seq` column carries the
    /// items' vectors; a bad number in it is an error naming file, line and field.
    @Test func aRecBoleItemFileCarriesItsVectors() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recbole = dir.appendingPathComponent("rb")
        try FileManager.default.createDirectory(at: recbole, withIntermediateDirectories: true)
        var inter = "user_id:token\titem_id:token\trating:float\ttimestamp:float\n"
        for e in 0..<120 { inter += "u\(e % 5)\ti\(e % 10)\t\(4 + e % 2)\t\(1_000 + e * 60)\n" }
        var item = "item_id:token\tmovie_title:token_seq\tclass:token_seq\titem_emb:float_seq\n"
        for i in 0..<10 { item += "i\(i)\tFilm \(i)\t\(i < 5 ? "Drama" : "Comedy")\t\(i < 5 ? "1 0.\(i) 0" : "0.\(i) 1 0")\n" }
        try inter.write(to: recbole.appendingPathComponent("tiny.inter"), atomically: true, encoding: .utf8)
        try item.write(to: recbole.appendingPathComponent("tiny.item"), atomically: true, encoding: .utf8)
        let run = try StrataBinary.run(["replay", "--headless", "--dataset", "rb"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let flat = run.stdout.replacingOccurrences(of: " ", with: "")
        #expect(flat.contains("\"kind\":\"embeddings\""), "\(run.stdout.prefix(1200))")
        #expect(flat.contains("\"dimension\":3") && flat.contains("\"covered\":10"))

        try item.replacingOccurrences(of: "0.3 0", with: "0.3 zero").write(to: recbole.appendingPathComponent("tiny.item"), atomically: true, encoding: .utf8)
        let bad = try StrataBinary.run(["replay", "--headless", "--dataset", "rb"], in: dir)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("tiny.item:5") && bad.stderr.contains("item_emb"), "\(bad.stderr)")
        #expect(bad.stdout.isEmpty)
    }
}

/// Issue 10: a session keeps which item vectors its model used; replaying it without them
/// (or with others) is refused before anything is written.
@Suite("Sessions keep their item vectors")
struct SessionItemVectorsEndToEndTests {
    @Test func aSessionMadeWithVectorsNeedsThemToReplay() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tiny = StrataBinary.packageRoot.appendingPathComponent("Tests/StrataLanguageTests/Fixtures/tiny-bert").path
        let embedded = try StrataBinary.run(["embed", "--scenario", "demo", "--model", tiny, "-o", "tiny.itememb"], in: dir)
        #expect(embedded.status == 0, "\(embedded.stderr)")
        let made = try StrataBinary.run(["replay", "--headless", "--session", "s.strata", "--embeddings", "tiny.itememb", "--limit", "200"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let session = dir.appendingPathComponent("s.strata")
        let bytes = try Data(contentsOf: session)
        for arguments in [["replay", "--headless", "--session", "s.strata"], ["export", "--session", "s.strata", "-o", "t.csv"]] {
            let refused = try StrataBinary.run(arguments, in: dir)
            #expect(refused.status != 0, "\(arguments)")
            #expect(refused.stderr.contains("s.strata was recorded with item vectors of 16 dimensions"), "\(refused.stderr)")
            #expect(refused.stderr.contains("give the same --embeddings or --embed"))
        }
        #expect(try Data(contentsOf: session) == bytes, "a refused replay leaves the session as it was")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.csv").path))
        let again = try StrataBinary.run(["replay", "--headless", "--session", "s.strata", "--embeddings", "tiny.itememb", "--limit", "200"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
    }
}
