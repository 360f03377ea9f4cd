import Foundation
import Testing
@testable import StrataData

/// A download source that writes fixed files (or fails), so fetching is tested without a network.
struct FixtureSource: DatasetDownloadSource {
    var contents: [String: String]
    var failure: String?
    var files: [KnownDataset.ExpectedFile]
    var summary: String { "fixture" }

    func download(into directory: String, log: (String) -> Void) throws {
        if let failure { throw ToolError(command: "fixture", message: failure) }
        for (name, text) in contents {
            try Data(text.utf8).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
        }
    }
}

@Suite("Dataset registry")
struct DatasetRegistryTests {
    static let inter = "user_id:token\titem_id:token\trating:float\ttimestamp:float\nu\ti\t4\t1\n"
    static let item = "item_id:token\tclass:token_seq\ni\tDrama\n"

    func dataset(_ sources: [any DatasetDownloadSource]) -> KnownDataset {
        KnownDataset(name: "tiny", summary: "a tiny fixture", sources: sources)
    }

    func source(interSHA: String?, failure: String? = nil) -> FixtureSource {
        FixtureSource(contents: ["tiny.inter": Self.inter, "tiny.item": Self.item], failure: failure,
                      files: [.init(name: "tiny.inter", sha256: interSHA, isOptional: false),
                              .init(name: "tiny.item", sha256: nil, isOptional: false),
                              .init(name: "tiny.user", sha256: nil, isOptional: true)])
    }

    @Test func cacheDirectoryFollowsTheEnvironment() {
        #expect(CacheLocation.directory(environment: ["STRATA_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/c")
        #expect(CacheLocation.directory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/strata")
        #expect(CacheLocation.directory(environment: ["HOME": "/h"]) == "/h/.cache/strata")
        let registry = DatasetRegistry(environment: ["STRATA_CACHE_DIR": "/c"])
        #expect(registry.directory(of: "ml-100k") == "/c/datasets/ml-100k")
    }

    @Test func listsFetchableAndLocalDatasets() throws {
        let fixture = try FixtureDirectory()
        try fixture.write("datasets/mine/log.csv", "user,item,time\na,b,1\n")
        let registry = DatasetRegistry(cacheDirectory: fixture.path)
        let listings = registry.list()
        #expect(listings.map(\.name) == ["ml-100k", "mine"])
        #expect(listings[0].canFetch && !listings[0].isAvailable)
        #expect(listings[1].isAvailable && !listings[1].canFetch && listings[1].format == .eventCSV)
    }

    @Test func resolveTellsHowToFetch() throws {
        let fixture = try FixtureDirectory()
        let registry = DatasetRegistry(cacheDirectory: fixture.path)
        do {
            _ = try registry.resolve("ml-100k")
            Issue.record("resolved a dataset that is not there")
        } catch let error as DatasetRegistryError {
            #expect("\(error)".contains("run `strata datasets fetch ml-100k`"))
        }
        #expect(throws: DatasetRegistryError.self) { try registry.resolve("ml-1b") }
        #expect(throws: DatasetRegistryError.self) { try registry.fetch("ml-1b") }
    }

    @Test func fetchFallsBackAndStoresAtomically() throws {
        let fixture = try FixtureDirectory()
        let sha = Self.sha256(Self.inter)
        let registry = DatasetRegistry(cacheDirectory: fixture.path, known: [
            dataset([source(interSHA: sha, failure: "Could not resolve host"), source(interSHA: sha)]),
        ])
        var log: [String] = []
        let files = try registry.fetch("tiny") { log.append($0) }
        #expect(files.format == .recBoleAtomic)
        #expect(files.events == fixture.file("datasets/tiny/tiny.inter"))
        #expect(log.contains { $0.contains("Could not resolve host") })
        #expect(fixture.contents() == ["datasets"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.file("datasets")) == ["tiny"])
        #expect(try registry.resolve("tiny") == files)
        #expect(registry.list().first?.isAvailable == true)
        // Fetching again replaces the copy and leaves nothing else behind.
        _ = try registry.fetch("tiny")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.file("datasets")) == ["tiny"])
    }

    @Test func checksumMismatchStoresNothing() throws {
        let fixture = try FixtureDirectory()
        let registry = DatasetRegistry(cacheDirectory: fixture.path, known: [dataset([source(interSHA: String(repeating: "0", count: 64))])])
        do {
            _ = try registry.fetch("tiny")
            Issue.record("stored a file with the wrong checksum")
        } catch let error as DatasetRegistryError {
            #expect("\(error)".contains("tiny.inter: SHA-256 is"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.file("datasets")).isEmpty)
    }

    @Test func movieLens100kSourcesAreGroupLensThenRecBole() {
        let sources = KnownDataset.movieLens100k.sources
        #expect(sources.count == 2)
        #expect(sources[0].summary.contains("files.grouplens.org"))
        #expect(sources[1].summary.contains("recbole==1.2.1"))
        #expect(sources[1].files.first?.sha256 == "4edb74e2a81178c2ba9ff381495f754f996c4aea351b1272ca36b43da0935eff")
    }

    static func sha256(_ text: String) -> String {
        let fixture = try? FixtureDirectory()
        guard let fixture, let path = try? fixture.write("hash-me", text) else { return "" }
        return (try? FileDigest.sha256(ofFileAt: path)) ?? ""
    }
}
