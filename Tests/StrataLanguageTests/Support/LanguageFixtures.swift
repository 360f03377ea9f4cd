import Foundation
import StrataData
import Testing

/// The committed fixtures (made once by Scripts/make-language-fixtures) and the fetched model.
enum LanguageFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    static var tinyModel: String { (directory as NSString).appendingPathComponent("tiny-bert") }

    struct Case: Decodable {
        var text: String
        var ids: [Int32]
        var words: [String]?
        var embedding: [Float]
    }

    struct Expected: Decodable {
        var max_seq_length: Int
        var model_card_similarities: [Double]?
        var cases: [Case]
    }

    static func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    /// The fetched all-MiniLM-L6-v2 directory. Missing is a failure, never a skip: Scripts/test
    /// runs `strata models fetch minilm` first.
    static func miniLM() throws -> String {
        do {
            return try ModelRegistry().resolve("minilm")
        } catch {
            Issue.record("all-MiniLM-L6-v2 is needed: \(error)")
            throw error
        }
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        for k in a.indices { dot += Double(a[k]) * Double(b[k]); na += Double(a[k]) * Double(a[k]); nb += Double(b[k]) * Double(b[k]) }
        return dot / max((na * nb).squareRoot(), 1e-30)
    }

    /// A copy of the tiny model in a fresh temporary directory, for tests that break it.
    static func tinyCopy() throws -> String {
        let target = NSTemporaryDirectory() + "strata-tiny-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: tinyModel, toPath: target)
        return target
    }
}
