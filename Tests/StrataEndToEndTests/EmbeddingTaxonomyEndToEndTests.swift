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
        // The same run again: byte for byte the same file.
        let again = try StrataBinary.run(arguments.dropLast(2) + ["-o", "again.csv"], in: dir)
        #expect(again.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("again.csv"), encoding: .utf8) == changes)

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
}
