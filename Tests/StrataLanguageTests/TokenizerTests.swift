import Foundation
import StrataLanguage
import Testing

/// The BERT tokenizer against Hugging Face `tokenizers` (fixtures from Scripts/make-language-fixtures):
/// the rules alone (normalisation + pre-tokenisation, no vocabulary) and the ids on the real
/// all-MiniLM-L6-v2 vocabulary for a probe set with accents, upper case, CJK, emoji, numbers,
/// punctuation, control characters, special tokens, empty and over-long texts.
@Suite struct TokenizerTests {
    @Test func normalisationAndPreTokenisationMatchTheReference() throws {
        let tokenizer = try BertTokenizer.load(directory: LanguageFixtures.tinyModel)
        let expected = try LanguageFixtures.expected("minilm-expected.json")
        for item in expected.cases {
            #expect(tokenizer.words(item.text) == item.words, "\(item.text.prefix(60))")
        }
    }

    @Test func miniLMTokenIDsMatchTheReference() throws {
        let encoder = try SentenceEncoder(directory: try LanguageFixtures.miniLM())
        let expected = try LanguageFixtures.expected("minilm-expected.json")
        #expect(encoder.maxSequenceLength == 256)
        #expect(expected.cases.count >= 25)
        for item in expected.cases {
            #expect(encoder.tokenize(item.text) == item.ids, "\(item.text.prefix(60))")
        }
    }

    @Test func wordPieceRules() throws {
        let vocabulary: [String: Int32] = ["[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4,
                                           "un": 5, "##aff": 6, "##able": 7, "run": 8, "##ning": 9, ",": 10, "cafe": 11]
        let tokenizer = try BertTokenizer(vocabulary: vocabulary)
        #expect(tokenizer.encode("Unaffable") == [2, 5, 6, 7, 3])          // longest match first, ## pieces
        #expect(tokenizer.encode("running,unx") == [2, 8, 9, 10, 1, 3])     // no full cover → one [UNK]
        #expect(tokenizer.encode("CAFÉ") == [2, 11, 3])                     // lower-cased, accent stripped
        #expect(tokenizer.encode(String(repeating: "un", count: 51)) == [2, 1, 3])   // > 100 characters → [UNK]
        #expect(tokenizer.encode("run run run run", maxLength: 4) == [2, 8, 8, 3])   // truncation keeps [SEP]
        #expect(tokenizer.encode("[MASK]run") == [2, 4, 8, 3])              // special tokens kept whole
        #expect(tokenizer.encode("") == [2, 3])
    }

    @Test func vocabTxtWithTokenizerConfigLoadsTheSameTokenizer() throws {
        let directory = try LanguageFixtures.tinyCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fromJSON = try BertTokenizer.load(directory: directory)
        let vocab = fromJSON.vocabulary.sorted { $0.value < $1.value }.map(\.key).joined(separator: "\n") + "\n"
        try vocab.write(toFile: directory + "/vocab.txt", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: directory + "/tokenizer.json")
        let fromVocab = try BertTokenizer.load(directory: directory)
        for text in ["The cat sat, running!", "Café 東京", "[CLS] mat"] {
            #expect(fromVocab.encode(text) == fromJSON.encode(text))
        }
    }
}
