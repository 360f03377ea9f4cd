import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 10 item 5: ranking by meaning and profiles in words, on vectors with known answers.
@Suite struct LanguageInTheExplorerTests {
    /// Four items on two axes: x = "space", y = "romance"; item 3 leans to both.
    static func catalogue() -> Catalogue {
        let vectors: [[Float]] = [[1, 0], [0.9, 0.1], [0, 1], [0.6, 0.8]]
        let paths = [["Sci-Fi", "Space"], ["Sci-Fi", "Space"], ["Romance"], ["Romance"]]
        let titles = ["Star Voyage", "Star Harbour", "Love Letters", "Love Among the Stars"]
        return Catalogue(items: (0..<4).map { Item(id: "i\($0)", title: titles[$0], paths: [paths[$0]], embedding: vectors[$0]) })
    }

    @Test func nearestItemsAndNodesByCosine() throws {
        let catalogue = Self.catalogue()
        let index = try #require(SemanticIndex(catalogue: catalogue))
        let items = index.nearestItems(to: [1, 0.05], count: 3)
        #expect(items.map(\.item) == [0, 1, 3])
        #expect(abs(items[0].cosine - 1 / (1 + 0.0025).squareRoot()) < 1e-6)
        let nodes = index.nearestNodes(to: [0, 1], count: 2)
        let names = nodes.map { catalogue.taxonomy.names[$0.node] }
        // Romance's centroid is the unit mean of (0,1) and (0.6,0.8): nearer to y than Sci-Fi's.
        #expect(names.first == "Romance")
        #expect(!nodes.contains { $0.node == Taxonomy.root })
        #expect(index.nearestItems(to: [1, 0, 0], count: 3).isEmpty, "a query of another dimension matches nothing")
    }

    @Test func noIndexWithoutVectorsOfOneLength() {
        #expect(SemanticIndex(catalogue: Catalogue(items: [Item(id: "a", title: "A", paths: [["X"]])])) == nil)
        let mixed = Catalogue(items: [Item(id: "a", title: "A", paths: [["X"]], embedding: [1, 0]),
                                      Item(id: "b", title: "B", paths: [["X"]], embedding: [1, 0, 0])])
        #expect(SemanticIndex(catalogue: mixed) == nil)
    }

    @Test func aProfileOfVectorsIsSaidWithTheNearestItemsTitleWords() throws {
        let catalogue = Self.catalogue()
        var model = StrataModel(catalogue: catalogue, userCount: 1)
        for (t, item) in [0, 1, 0].enumerated() {
            model.observe(Event(time: Int64(t * 60), user: 0, item: item, action: .rate, value: 5))
        }
        let said = model.profilesInWords(user: 0, wordCount: 2, itemCount: 2)
        #expect(said.count == model.tiers.count)
        for profile in said {
            #expect(profile.items == [0, 1])
            // "star" is in every near title; "voyage" in the nearest one.
            #expect(profile.words.first == "star")
        }
    }

    @Test func aTFIDFProfileIsSaidWithItsHeaviestTerms() throws {
        let items = [Item(id: "a", title: "Quantum Station", paths: [["Sci-Fi"]]), Item(id: "b", title: "Quantum Garden", paths: [["Drama"]]),
                     Item(id: "c", title: "Rose Garden", paths: [["Drama"]])]
        var model = StrataModel(catalogue: Catalogue(items: items), userCount: 1)
        model.observe(Event(time: 0, user: 0, item: 0, action: .rate, value: 5))
        let said = try #require(model.profilesInWords(user: 0, wordCount: 2, itemCount: 1).first)
        #expect(said.words.contains("station"))
        #expect(said.items == [0])
        #expect(model.profilesInWords(user: 5).isEmpty, "an unknown user has no profile")
    }

    @Test func titleWordsDropShortAndStopWords() {
        #expect(StrataModel.words(in: "The Lord of the Rings (2001)") == ["lord", "rings"])
    }
}
