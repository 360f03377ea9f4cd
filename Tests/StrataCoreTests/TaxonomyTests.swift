import Testing
@testable import StrataCore

@Suite struct CatalogueTests {
    @Test func multiPathItemSharesEvidenceEqually() {
        let catalogue = Catalogue(items: [
            Item(id: "a", title: "A", paths: [["Sci-Fi", "1990s"], ["Action", "1990s"]]),
            Item(id: "b", title: "B", paths: [["Sci-Fi", "1980s"]]),
        ])
        let refs = catalogue.nodeRefs(of: 0)
        let shares = refs.map { (catalogue.taxonomy.displayPath(of: catalogue.nodeRefNode[$0]), catalogue.nodeRefShare[$0]) }
        #expect(shares.map(\.0) == ["Sci-Fi", "Sci-Fi › 1990s", "Action", "Action › 1990s"])
        #expect(shares.map(\.1) == [0.5, 0.5, 0.5, 0.5])
        #expect(catalogue.taxonomy.topLevel.count == 2)
        #expect(catalogue.itemsUnder[catalogue.taxonomy.existingNode(forPath: ["Sci-Fi"])!] == [0, 1])
        #expect(catalogue.topLevelNodes[0].count == 2)
    }
}
