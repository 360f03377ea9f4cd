import Foundation
import StrataCore
import StrataData
import StrataLanguage
import StrataTestSupport
import Testing

/// The language model through the real binary (Docs/language-model.md): `models list`, `embed`
/// in its three formats, and item vectors in `eval` and `replay` with the report naming them.
/// all-MiniLM-L6-v2 must be in the cache (Scripts/test runs `strata models fetch minilm`);
/// missing is a failure. Runs that evaluate use the built-in demo and the tiny BERT fixture,
/// so they take seconds in a debug build.
@Suite struct LanguageModelEndToEndTests {
    static let tinyModel = StrataBinary.packageRoot.appendingPathComponent("Tests/StrataLanguageTests/Fixtures/tiny-bert").path

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A fresh cache directory whose `models/all-MiniLM-L6-v2` is the fetched model, so the
    /// embedding cache of a test starts empty.
    func cacheWithMiniLM(in dir: URL) throws -> String {
        let model: String
        do { model = try ModelRegistry().resolve("minilm") } catch {
            Issue.record("all-MiniLM-L6-v2 is needed: \(error)")
            throw error
        }
        let cache = dir.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache.appendingPathComponent("models"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cache.appendingPathComponent("models/all-MiniLM-L6-v2").path, withDestinationPath: model)
        return cache.path
    }

    @Test func modelsListShowsMiniLMInTheCache() throws {
        let run = try StrataBinary.run(["models", "list"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("minilm\t") })
        #expect(line.contains("all-MiniLM-L6-v2"))
        #expect(line.contains("available at \(try ModelRegistry().resolve("minilm"))"), "got: \(line)")
        let unknown = try StrataBinary.run(["models", "fetch", "gpt-9"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown model 'gpt-9'; known models: minilm"))
    }

    @Test func embedTextsRoundTripsInEveryFormatInInputOrder() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try cacheWithMiniLM(in: dir)
        let texts = ["He drove to the stadium.", "The weather is lovely today.", "Café crème, naïve façade", "It's so sunny outside!"]
        let ids = ["z", "3", "a", "10"]
        let lines = zip(ids, texts).map { id, text in
            id == "3" ? "{\"id\": 3, \"text\": \"\(text)\"}" : "{\"id\": \"\(id)\", \"text\": \"\(text)\"}"
        }
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("texts.jsonl"), atomically: true, encoding: .utf8)
        let expected = try SentenceEncoder(directory: try ModelRegistry().resolve("minilm")).embed(texts)
        for name in ["out.npy", "out.jsonl", "out.itememb"] {
            let run = try StrataBinary.run(["embed", "--texts", "texts.jsonl", "-o", name], in: dir, environment: ["STRATA_CACHE_DIR": cache])
            #expect(run.status == 0, "stderr: \(run.stderr)")
            #expect(run.stdout == "\(name): 4 vectors of 384 dimensions\n")
            #expect(run.stderr.contains(name == "out.npy" ? "embedded 4 texts with minilm (384 dimensions) in " : "from the cache"), "\(name): \(run.stderr)")
            let table = try EmbeddingFile.read(path: dir.appendingPathComponent(name).path)
            #expect(table.ids == (name.hasSuffix(".npy") ? nil : ids))
            #expect(table.vectors.count == 4)
            for (vector, reference) in zip(table.vectors, expected) {
                #expect(vector.count == 384)
                #expect(zip(vector, reference).allSatisfy { abs($0 - $1) <= 1e-6 }, "\(name)")
            }
        }
        // The default output name comes from the input's.
        let defaulted = try StrataBinary.run(["embed", "--texts", "texts.jsonl"], in: dir, environment: ["STRATA_CACHE_DIR": cache])
        #expect(defaulted.stdout == "texts.itememb: 4 vectors of 384 dimensions\n")
    }

    @Test func badTextsLinesNameFileLineAndFieldAndWriteNothing() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases = [
            ("{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"txt\": \"typo\"}\n", "bad.jsonl:2: field 'text': expected a string"),
            ("{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"a\", \"text\": \"again\"}\n", "bad.jsonl:2: field 'id': 'a' is already on line 1"),
            ("{\"id\": \"a\", \"text\": \"fine\"}\n\n{\"id\": \"\\u001b[2J\", \"text\": 1}\n", "bad.jsonl:3: field 'text': expected a string"),
            ("{\"id\": true, \"text\": \"x\"}\n", "bad.jsonl:1: field 'id': expected a non-empty string or a whole number"),
        ]
        for (text, message) in cases {
            try text.write(to: dir.appendingPathComponent("bad.jsonl"), atomically: true, encoding: .utf8)
            let run = try StrataBinary.run(["embed", "--texts", "bad.jsonl", "-o", "out.npy"], in: dir)
            #expect(run.status != 0)
            #expect(run.stderr.contains(message), "got: \(run.stderr)")
            #expect(!run.stderr.contains("\u{1B}"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bad.jsonl"])
        }
    }

    @Test func evalAndReplayReportTheItemVectorsTheyUsed() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let environment = ["STRATA_CACHE_DIR": dir.appendingPathComponent("cache").path]
        let embed = try StrataBinary.run(["embed", "--scenario", "demo", "--model", Self.tinyModel], in: dir, environment: environment)
        #expect(embed.status == 0, "stderr: \(embed.stderr)")
        #expect(embed.stdout == "demo.itememb: 3072 vectors of 16 dimensions\n")
        let file = dir.appendingPathComponent("demo.itememb").path
        let digest = try FileDigest.sha256(ofFileAt: file)

        let eval = try StrataBinary.run(["eval", "--scenario", "demo", "--models", "strata", "--resamples", "10", "--embeddings", "demo.itememb"],
                                        in: dir, environment: environment)
        #expect(eval.status == 0, "stderr: \(eval.stderr)")
        let line = try json(String(eval.stdout.split(separator: "\n")[0]))
        let vectors = try #require(line["item_vectors"] as? [String: Any])
        #expect(vectors["kind"] as? String == "embeddings")
        #expect(vectors["file"] as? String == "demo.itememb")
        #expect(vectors["sha256"] as? String == digest)
        #expect(vectors["dimension"] as? Int == 16)
        #expect(vectors["covered"] as? Int == 3_072)
        let plain = try json(String(try StrataBinary.run(["eval", "--scenario", "demo", "--models", "strata", "--resamples", "10"]).stdout.split(separator: "\n")[0]))
        #expect((plain["item_vectors"] as? [String: Any])?["kind"] as? String == "tfidf")
        #expect(plain["ranks_sha256"] as? String != line["ranks_sha256"] as? String)   // the vectors changed the ranking

        // --config of that eval line still reads.
        try eval.stdout.write(to: dir.appendingPathComponent("line.json"), atomically: true, encoding: .utf8)
        let config = try StrataBinary.run(["config", "show", "--config", "line.json"], in: dir)
        #expect(config.status == 0, "stderr: \(config.stderr)")

        // --embed computes the same vectors (from the cache embed filled) and says so.
        let computed = try StrataBinary.run(["replay", "--headless", "--scenario", "demo", "--embed", Self.tinyModel], in: dir, environment: environment)
        #expect(computed.status == 0, "stderr: \(computed.stderr)")
        let report = try #require(try json(computed.stdout)["item_vectors"] as? [String: Any])
        #expect(report["kind"] as? String == "embeddings")
        #expect(report["model"] as? String == Self.tinyModel)
        #expect(report["dimension"] as? Int == 16)
        let fromFile = try StrataBinary.run(["replay", "--headless", "--scenario", "demo", "--embeddings", "demo.itememb"], in: dir)
        #expect(try json(fromFile.stdout)["state_hash"] as? String == json(computed.stdout)["state_hash"] as? String)
    }

    @Test func aFileMissingItemsFallsBackToTFIDFWithAWarningAndBadFilesAreErrors() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let environment = ["STRATA_CACHE_DIR": dir.appendingPathComponent("cache").path]
        #expect(try StrataBinary.run(["embed", "--scenario", "demo", "--model", Self.tinyModel], in: dir, environment: environment).status == 0)
        let lines = try String(contentsOf: dir.appendingPathComponent("demo.itememb"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3_073)

        // Ten items without a vector: TF-IDF for all, a warning with the count.
        try (lines.dropLast(10).joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("partial.itememb"), atomically: true, encoding: .utf8)
        let partial = try StrataBinary.run(["eval", "--scenario", "demo", "--models", "strata", "--resamples", "10", "--embeddings", "partial.itememb"], in: dir)
        #expect(partial.status == 0, "stderr: \(partial.stderr)")
        #expect(partial.stderr.contains("partial.itememb: 10 of 3072 items have no vector; using TF-IDF item vectors for all items"), "got: \(partial.stderr)")
        let vectors = try #require(try json(String(partial.stdout.split(separator: "\n")[0]))["item_vectors"] as? [String: Any])
        #expect(vectors["kind"] as? String == "tfidf")
        #expect(vectors["covered"] as? Int == 3_062)
        #expect(vectors["file"] as? String == "partial.itememb")

        // A line with another dimension: an error naming the file and the line.
        var wrong = lines
        wrong[7] = wrong[7].split(separator: " ").dropLast().joined(separator: " ")
        try (wrong.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("wrong.itememb"), atomically: true, encoding: .utf8)
        let dimension = try StrataBinary.run(["eval", "--scenario", "demo", "--models", "strata", "--embeddings", "wrong.itememb"], in: dir)
        #expect(dimension.status != 0)
        #expect(dimension.stderr.contains("wrong.itememb:8: field 'item_emb': 15 numbers, line 2 has 16"), "got: \(dimension.stderr)")

        // An id that is not an item of the dataset: an error naming the file and the line.
        var foreign = lines
        foreign[3] = "nosuchfilm\t" + foreign[3].split(separator: "\t")[1]
        try (foreign.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("foreign.itememb"), atomically: true, encoding: .utf8)
        let unknown = try StrataBinary.run(["replay", "--headless", "--scenario", "demo", "--embeddings", "foreign.itememb"], in: dir)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("foreign.itememb:4: field 'id': 'nosuchfilm' is not an item of"), "got: \(unknown.stderr)")

        // Vectors only the strata model reads: refused without it.
        let baseline = try StrataBinary.run(["eval", "--scenario", "demo", "--models", "item-knn", "--embeddings", "partial.itememb"], in: dir)
        #expect(baseline.status != 0)
        #expect(baseline.stderr.contains("eval does not use item vectors without the strata model"))
    }
}
