import Foundation
import StrataLanguage
import Testing

/// The real all-MiniLM-L6-v2 (fetched by `strata models fetch minilm`, which Scripts/test runs;
/// missing is a failure): the model card's similarities and every probe vector against
/// sentence-transformers.
@Suite struct MiniLMTests {
    @Test func modelCardSimilarities() throws {
        let encoder = try SentenceEncoder(directory: try LanguageFixtures.miniLM())
        let v = encoder.embed(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."])
        func dot(_ a: [Float], _ b: [Float]) -> Double { zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) } }
        #expect(abs(dot(v[0], v[1]) - 0.6660) < 5e-5)
        #expect(abs(dot(v[0], v[2]) - 0.1046) < 5e-5)
        #expect(abs(dot(v[1], v[2]) - 0.1411) < 5e-5)
    }

    @Test func everyProbeVectorMatchesSentenceTransformers() throws {
        let encoder = try SentenceEncoder(directory: try LanguageFixtures.miniLM())
        let expected = try LanguageFixtures.expected("minilm-expected.json")
        let vectors = encoder.embed(expected.cases.map(\.text))
        for (item, vector) in zip(expected.cases, vectors) {
            #expect(vector.count == 384)
            #expect(LanguageFixtures.cosine(vector, item.embedding) >= 0.9999, "\(item.text.prefix(60))")
        }
    }
}
