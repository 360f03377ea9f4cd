import Testing
@testable import StrataCore

/// Issue 8 item 26: TF-IDF item vectors against hand-computed values (Docs/model.md §7).
@Suite struct ItemVectorTests {
    @Test func tfIdfIsTermFrequencyTimesLogInverseDocumentFrequencyNormalised() {
        let catalogue = Catalogue(items: [
            Item(id: "a", title: "Red red planet", paths: [["X"]]),
            Item(id: "b", title: "Blue planet", paths: [["X"]]),
            Item(id: "c", title: "Green moon", paths: [["X"]], tags: ["space"]),
        ])
        let vectors = ItemVectors(catalogue: catalogue)
        #expect(!vectors.usesEmbeddings)
        func weights(_ item: Int) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: vectors.range(of: item).map { (vectors.vocabulary[Int(vectors.terms[$0])], vectors.weights[$0]) })
        }
        let ln3 = strataLog(3.0), ln32 = strataLog(1.5)
        // a: red tf 2 · ln 3, planet tf 1 · ln 1.5.
        let aNorm = ((2 * ln3) * (2 * ln3) + ln32 * ln32).squareRoot()
        #expect(abs(weights(0)["red"]! - 2 * ln3 / aNorm) < 1e-12)
        #expect(abs(weights(0)["planet"]! - ln32 / aNorm) < 1e-12)
        // c: green, moon and the tag #space, each ln 3: 1/√3 each.
        let c = weights(2)
        #expect(c.keys.sorted() == ["#space", "green", "moon"])   // tags are kept apart from title words
        #expect(c.values.allSatisfy { abs($0 - 1 / 3.0.squareRoot()) < 1e-12 })
        // Every vector has unit length.
        for item in 0..<3 {
            let norm = vectors.range(of: item).reduce(0.0) { $0 + vectors.weights[$1] * vectors.weights[$1] }
            #expect(abs(norm - 1) < 1e-12)
        }
    }

    @Test func embeddingsWhenEveryItemHasOne() {
        let catalogue = Catalogue(items: [
            Item(id: "a", title: "A", paths: [["X"]], embedding: [3, 4]),
            Item(id: "b", title: "B", paths: [["X"]], embedding: [0, 2]),
        ])
        let vectors = ItemVectors(catalogue: catalogue)
        #expect(vectors.usesEmbeddings && vectors.dimension == 2)
        #expect(Array(vectors.weights[vectors.range(of: 0)]) == [0.6, 0.8])
        #expect(Array(vectors.weights[vectors.range(of: 1)]) == [1.0])
    }
}
