import Foundation
import StrataCore
@testable import StrataData
import Testing

/// Finding a model: a known name in the cache (or a message saying how to fetch it), or a
/// directory; the digests that identify a model for the embedding cache.
@Suite struct ModelRegistryTests {
    @Test func aKnownModelResolvesInTheCacheOrSaysHowToFetchIt() throws {
        let directory = try FixtureDirectory()
        let registry = ModelRegistry(cacheDirectory: directory.path)
        let expected = directory.file("models/all-MiniLM-L6-v2")
        #expect(registry.directory(of: .minilm) == expected)
        #expect(!registry.isAvailable(.minilm))
        do {
            _ = try registry.resolve("minilm")
            Issue.record("resolved a model that is not there")
        } catch {
            #expect("\(error)" == "model 'minilm' is not in the cache (\(expected)); run `strata models fetch minilm`")
        }
        try FileManager.default.createDirectory(atPath: expected, withIntermediateDirectories: true)
        try directory.write("models/all-MiniLM-L6-v2/model.safetensors", "weights")
        #expect(try registry.resolve("minilm") == expected)
        #expect(try ModelReference.resolve("minilm", registry: registry) == ModelReference(name: "minilm", directory: expected))
    }

    @Test func unknownNamesAreErrorsThatListTheKnownOnes() throws {
        let registry = ModelRegistry(cacheDirectory: try FixtureDirectory().path)
        #expect(throws: ModelRegistryError.self) { try registry.fetch("bert-huge") }
        do {
            _ = try ModelReference.resolve("/no/such/model", registry: registry)
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
