import Foundation
import StrataCore
@testable import StrataData
import Testing

/// Finding a model: a known name in the cache (or a message saying how to fetch it), or a
/// directory; the digests that identify a model for the embedding cache.
@Suite struct ModelCatalogTests {
    @Test func aKnownModelResolvesInTheCacheOrSaysHowToFetchIt() throws {
        let directory = try FixtureDirectory()
        let catalog = ModelCatalog(cacheDirectory: directory.path)
        let expected = directory.file("models/all-MiniLM-L6-v2")
        #expect(catalog.directory(of: .minilm) == expected)
        #expect(!catalog.isAvailable(.minilm))
        do {
            _ = try catalog.resolve("minilm")
            Issue.record("resolved a model that is not there")
        } catch {
            #expect("\(error)" == "model 'minilm' is not in the cache (\(expected)); run `strata models fetch minilm`")
        }
        try FileManager.default.createDirectory(atPath: expected, withIntermediateDirectories: true)
        try directory.write("models/all-MiniLM-L6-v2/model.safetensors", "weights")
        #expect(try catalog.resolve("minilm") == expected)
        #expect(try ModelReference.resolve("minilm", catalog: catalog) == ModelReference(name: "minilm", directory: expected))
    }

    @Test func unknownNamesAreErrorsThatListTheKnownOnes() throws {
        let catalog = ModelCatalog(cacheDirectory: try FixtureDirectory().path)
        #expect(throws: ModelCatalogError.self) { try catalog.fetch("bert-huge") }
        do {
            _ = try ModelReference.resolve("/no/such/model", catalog: catalog)
            Issue.record("resolved a missing directory")
        } catch {
            #expect("\(error)" == "unknown model '/no/such/model'; known models: minilm (or give --model DIR, a sentence-transformers BERT directory)")
        }
    }

    @Test func aDirectoryIsItsOwnModelAndItsFilesIdentifyIt() throws {
        let directory = try FixtureDirectory()
        try directory.write("config.json", "{}")
        try directory.write("model.safetensors", "weights")
        try directory.write("README.md", "not identifying")
        let model = try ModelReference.resolve(directory.path)
        #expect(model.directory == directory.path)
        let digests = try model.digests()
        #expect(Set(digests.keys) == ["config.json", "model.safetensors"])
        #expect(digests["config.json"] == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")   // SHA-256 of "{}"
    }

    @Test func theKnownWheelAndFilesHaveFullDigests() {
        for model in KnownModel.all {
            #expect(model.wheelSHA256.count == 64)
            #expect(model.files.allSatisfy { $0.sha256.count == 64 && $0.sha256.allSatisfy(\.isHexDigit) })
            #expect(model.files.contains { $0.name == "model.safetensors" })
        }
    }
}
