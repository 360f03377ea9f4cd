import Foundation
import StrataLanguage
import Testing

/// The encoder against sentence-transformers on a tiny randomly initialised BERT
/// (2 layers, 16-d, 2 heads; Fixtures/tiny-bert, made by Scripts/make-language-fixtures).
@Suite struct EncoderTests {
    @Test func tinyModelTokenIDsMatchTheReferenceTokenizer() throws {
        let encoder = try SentenceEncoder(directory: LanguageFixtures.tinyModel)
        let expected = try LanguageFixtures.expected("tiny-bert-expected.json")
        #expect(encoder.maxSequenceLength == expected.max_seq_length)
        for item in expected.cases {
            #expect(encoder.tokenize(item.text) == item.ids, "\(item.text)")
        }
    }

    @Test func tinyModelVectorsMatchSentenceTransformers() throws {
        let encoder = try SentenceEncoder(directory: LanguageFixtures.tinyModel)
        let expected = try LanguageFixtures.expected("tiny-bert-expected.json")
        let vectors = encoder.embed(expected.cases.map(\.text))
        for (item, vector) in zip(expected.cases, vectors) {
            #expect(vector.count == 16)
            let worst = zip(vector, item.embedding).map { abs(Double($0) - Double($1)) }.max() ?? 1
            #expect(worst < 2e-5, "\(item.text): max |Δ| \(worst)")
            #expect(LanguageFixtures.cosine(vector, item.embedding) > 0.99999)
        }
    }

    /// The same texts give the same bits; another batching (BLAS kernels for another row
    /// count) changes a vector by at most a few float32 ulps (design note 2).
    @Test func batchingAndOrderDoNotChangeTheVectors() throws {
        let encoder = try SentenceEncoder(directory: LanguageFixtures.tinyModel)
        let texts = try LanguageFixtures.expected("tiny-bert-expected.json").cases.map(\.text)
        let together = encoder.embed(texts, batchTokens: 4096)
        let again = encoder.embed(texts, batchTokens: 4096)
        let oneByOne = encoder.embed(texts, batchTokens: 1)
        let reversed = encoder.embed(texts.reversed(), batchTokens: 7)
        #expect(together == again)
        for k in texts.indices {
            let a = zip(together[k], oneByOne[k]).map { abs($0 - $1) }.max() ?? 1
            let b = zip(together[k], reversed[texts.count - 1 - k]).map { abs($0 - $1) }.max() ?? 1
            #expect(a < 1e-6 && b < 1e-6, "\(texts[k]): \(a), \(b)")
        }
    }

    @Test func outputIsUnitLengthAndDeterministic() throws {
        let encoder = try SentenceEncoder(directory: LanguageFixtures.tinyModel)
        let a = encoder.embed(["the cat sat on the mat"])[0]
        let b = encoder.embed(["the cat sat on the mat"])[0]
        #expect(a == b)
        let norm = a.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        #expect(abs(norm - 1) < 1e-6)
    }
}
