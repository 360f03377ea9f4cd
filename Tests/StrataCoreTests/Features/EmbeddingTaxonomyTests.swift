import Testing
@testable import StrataCore

/// Issue 10 item 6: a taxonomy from item vectors, on clusters with a known answer.
@Suite struct EmbeddingTaxonomyTests {
    /// Three tight groups of 12 items around three axes, titled after their group.
    static func catalogue() -> Catalogue {
        var items: [Item] = []
        let groups: [(axis: Int, words: String)] = [(0, "Star Voyage"), (1, "Love Letters"), (2, "Haunted Manor")]
        for (g, group) in groups.enumerated() {
            for k in 0..<12 {
                var vector = [Float](repeating: 0.02 * Float(k % 3), count: 4)
                vector[group.axis] = 1
                vector[3] = Float(k) * 0.01
                items.append(Item(id: "g\(g)-\(k)", title: group.words + " \(k + 1)", paths: [], embedding: vector))
            }
        }
        return Catalogue(items: items)
    }

    @Test func clustersFollowTheVectorsAndAreNamedByTheirTitles() throws {
        let catalogue = Self.catalogue()
        let refiled = try #require(EmbeddingTaxonomy(levels: 2, branching: 3, minimumSize: 4, seed: 7).apply(to: catalogue))
        #expect(refiled.count == catalogue.count)
        #expect(refiled.items.map(\.id) == catalogue.items.map(\.id), "items keep their order, so events keep their indices")
        let topLevel = refiled.items.map { $0.paths[0][0] }
        // Every group lands in one top-level cluster of its own, named by its title words.
        for g in 0..<3 {
            let names = Set(topLevel[(g * 12)..<(g * 12 + 12)])
            #expect(names.count == 1, "group \(g) split across \(names)")
        }
        #expect(Set(topLevel).count == 3)
        #expect(topLevel[0].contains("star") || topLevel[0].contains("voyage"))
        #expect(topLevel[12].contains("love") || topLevel[12].contains("letters"))
        #expect(refiled.items.allSatisfy { $0.paths.count == 1 && $0.paths[0].count == 2 })
    }

    @Test func theSameSeedGivesTheSameTaxonomy() throws {
        let catalogue = Self.catalogue()
        let a = try #require(EmbeddingTaxonomy(levels: 3, branching: 2, minimumSize: 2, seed: 1).apply(to: catalogue))
        let b = try #require(EmbeddingTaxonomy(levels: 3, branching: 2, minimumSize: 2, seed: 1).apply(to: catalogue))
        #expect(a.items.map(\.paths) == b.items.map(\.paths))
        #expect(a.items.allSatisfy { $0.paths[0].count == 3 })
    }

    @Test func noTaxonomyWithoutVectors() {
        #expect(EmbeddingTaxonomy().apply(to: Catalogue(items: [Item(id: "a", title: "A", paths: [])])) == nil)
    }

    @Test func siblingNamesAreUnique() {
        let catalogue = Catalogue(items: (0..<4).map { Item(id: "\($0)", title: "Same Words", paths: [], embedding: [1, 0]) })
        let names = EmbeddingTaxonomy.names(of: [[0, 1], [2, 3]], catalogue: catalogue)
        #expect(names.count == 2 && Set(names).count == 2)
    }
}
