import Foundation
import StrataCore
@testable import StrataData
import Testing

/// The three embedding formats (RecBole atomic, .npy, JSON lines): exact round trips, errors
/// that name file, line and field, and attaching vectors to a dataset's items.
@Suite struct EmbeddingFileTests {
    static let table = EmbeddingTable(ids: ["1", "item two", "3"],
                                      vectors: [[0.1, -2.5e-8, 3], [Float.leastNonzeroMagnitude, -0, 1e30], [0.33333334, 7, -1]])

    @Test(arguments: ["vectors.itememb", "vectors.npy", "vectors.jsonl"])
    func roundTripIsExact(name: String) throws {
        let directory = try FixtureDirectory()
        try EmbeddingFile.write(Self.table, to: directory.file(name))
        let back = try EmbeddingFile.read(path: directory.file(name))
        #expect(back.vectors.map { $0.map(\.bitPattern) } == Self.table.vectors.map { $0.map { ($0 == 0 ? Float(0) : $0).bitPattern } })
        #expect(back.ids == (name.hasSuffix(".npy") ? nil : Self.table.ids))
        #expect(directory.contents() == [name])   // the temporary file was renamed, nothing else left
    }

    @Test func npyHeaderIsNumPys() throws {
        let header = EmbeddingFile.npyHeader(rows: 1682, columns: 384)
        #expect(header.count % 64 == 0)
        let text = String(decoding: header[10...], as: UTF8.self)
        #expect(text.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (1682, 384), }"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func recBoleErrorsNameLineAndField() throws {
        let directory = try FixtureDirectory()
        let bad = try directory.write("bad.itememb", lines: ["item_id:token\titem_emb:float_seq", "1\t0.5 1", "2\t0.5 nan", "3\t1 2"])
        #expect(throws: DatasetError(file: bad, line: 3, field: "item_emb", kind: .invalidNumber,
                                     message: "number 2: expected a finite number, found 'nan'")) { try EmbeddingFile.read(path: bad) }
        let short = try directory.write("short.itememb", lines: ["item_id:token\titem_emb:float_seq", "1\t0.5 1", "2\t0.5"])
        #expect(throws: DatasetError(file: short, line: 3, field: "item_emb", kind: .wrongFieldCount,
                                     message: "1 numbers, line 2 has 2")) { try EmbeddingFile.read(path: short) }
        let noColumn = try directory.write("none.itememb", lines: ["item_id:token\ttitle:token_seq", "1\tx"])
        #expect(throws: DatasetError.self) { try EmbeddingFile.read(path: noColumn) }
        let duplicate = try directory.write("dup.itememb", lines: ["item_id:token\titem_emb:float_seq", "1\t1 2", "1\t3 4"])
        #expect(throws: DatasetError(file: duplicate, line: 3, field: "id", kind: .duplicateItem,
                                     message: "item '1' already has a vector (line 2)")) { try EmbeddingFile.read(path: duplicate) }
    }

    @Test func jsonlAndNPYErrors() throws {
        let directory = try FixtureDirectory()
        let jsonl = try directory.write("v.jsonl", lines: [#"{"id": "a", "embedding": [1, 2]}"#, #"{"id": "b", "embedding": [1, "x"]}"#])
        #expect(throws: DatasetError(file: jsonl, line: 2, field: "embedding", kind: .invalidNumber,
                                     message: "element 2 is not a finite number")) { try EmbeddingFile.read(path: jsonl) }
        let notJSON = try directory.write("w.jsonl", lines: [#"{"id": "a", "embedding": [1, 2]}"#, "{oops"])
        #expect(throws: DatasetError(file: notJSON, line: 2, kind: .malformedLine, message: "not a JSON object")) { try EmbeddingFile.read(path: notJSON) }
        var npy = EmbeddingFile.npyHeader(rows: 2, columns: 3)
        npy += [UInt8](repeating: 0, count: 4 * 5)   // one float short
        let truncated = try directory.write("t.npy", bytes: npy)
        #expect(throws: DatasetError(file: truncated, field: "shape", kind: .wrongFieldCount,
                                     message: "shape (2, 3) needs 24 data bytes, the file has 20")) { try EmbeddingFile.read(path: truncated) }
        let foreign = try directory.write("f.npy", "not numpy")
        #expect(throws: DatasetError.self) { try EmbeddingFile.read(path: foreign) }
    }

    static func tinyDataset() -> Dataset {
        Dataset(name: "tiny", catalogue: Catalogue(items: [
            Item(id: "1", title: "A", paths: [["X"]]), Item(id: "2", title: "B", paths: [["Y"]]), Item(id: "3", title: "C", paths: [["X", "Z"]]),
        ]), userIDs: ["u"], events: [])
    }

    @Test func attachingMatchesByIDWhenEveryItemHasAVector() throws {
        var dataset = Self.tinyDataset()
        let before = dataset.catalogue.taxonomy.nodeCount
        let table = EmbeddingTable(ids: ["3", "1", "2"], vectors: [[0, 1], [1, 0], [2, 2]])
        let attachment = try EmbeddingAttachment.attach(table, source: "v.itememb", to: &dataset)
        #expect(attachment == EmbeddingAttachment(source: "v.itememb", dimension: 2, matched: 3, missing: 0))
        #expect(attachment.fallbackWarning == nil)
        #expect(dataset.catalogue.items.map(\.embedding) == [[1, 0], [2, 2], [0, 1]])
        #expect(dataset.catalogue.taxonomy.nodeCount == before)
        #expect(ItemVectors(catalogue: dataset.catalogue).usesEmbeddings)
    }

    @Test func aFileMissingItemsAttachesNothingAndSaysSo() throws {
        var dataset = Self.tinyDataset()
        let table = EmbeddingTable(ids: ["3", "1"], vectors: [[0, 1], [1, 0]])
        let attachment = try EmbeddingAttachment.attach(table, source: "v.itememb", to: &dataset)
        #expect(attachment == EmbeddingAttachment(source: "v.itememb", dimension: 2, matched: 2, missing: 1))
        #expect(attachment.fallbackWarning == "v.itememb: 1 of 3 items have no vector; using TF-IDF item vectors for all items (Docs/language-model.md §6)")
        #expect(dataset.catalogue.items.allSatisfy { $0.embedding == nil })
        #expect(!ItemVectors(catalogue: dataset.catalogue).usesEmbeddings)
    }

    @Test func anIDNotInTheDatasetNamesTheFileAndLine() throws {
        var dataset = Self.tinyDataset()
        let foreign = EmbeddingTable(ids: ["1", "99"], vectors: [[1], [2]])
        #expect(throws: DatasetError(file: "other.itememb", line: 3, field: "id", kind: .outOfRange,
                                     message: "'99' is not an item of 'tiny' (3 items): is it another dataset's file?")) {
            try EmbeddingAttachment.attach(foreign, source: "other.itememb", to: &dataset)
        }
        let rows = EmbeddingTable(ids: nil, vectors: [[1], [2]])
        #expect(throws: DatasetError.self) { try EmbeddingAttachment.attach(rows, source: "v.npy", to: &dataset) }
    }
}
