import Foundation
import Testing
@testable import StrataData

/// The real MovieLens 100k in RecBole's atomic format, when it is in the cache
/// (`strata datasets fetch ml-100k`, which Scripts/test runs): missing is a failure, not a skip.
@Suite("MovieLens 100k in the cache")
struct MovieLens100kDataTests {
    static let directory = DatasetRegistry().directory(of: "ml-100k")
    static let inter = (directory as NSString).appendingPathComponent("ml-100k.inter")
    static var isCached: Bool { FileManager.default.fileExists(atPath: inter) }

    @Test func readsTheWholeDatasetExactly() throws {
        try #require(Self.isCached, "ml-100k is not in the cache; run `strata datasets fetch ml-100k`")
        let loaded = try DatasetLoader.load(at: Self.directory, options: .strict)
        let dataset = loaded.dataset
        #expect(dataset.events.count == 100_000)
        #expect(dataset.userIDs.count == 943)
        #expect(dataset.catalogue.count == 1_682)
        #expect(dataset.events.filter { ($0.value ?? 0) >= 4 }.count == 55_375)
        #expect(loaded.report.unknownItems == 0)
        #expect(loaded.report.sources.map(\.sha256) == [KnownDataset.movieLens100kItemSHA256, KnownDataset.movieLens100kInterSHA256])
        #expect(zip(dataset.events, dataset.events.dropFirst()).allSatisfy { $0.time <= $1.time })
        #expect(dataset.catalogue.items[0].title == "Toy Story")
        #expect(dataset.catalogue.items[0].paths.first == ["Animation", "1990s"])
        #expect(dataset.catalogue.items.contains { $0.title == "Misérables, Les" })
    }
}
