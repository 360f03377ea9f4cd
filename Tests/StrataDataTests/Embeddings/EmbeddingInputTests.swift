import Foundation
import StrataCore
@testable import StrataData
import Testing

/// What `strata embed` embeds: the text built from an item's fields, `--texts` files (errors
/// naming file, line and field), and the cache key that keeps an unchanged input from being
/// embedded twice.
@Suite struct EmbeddingInputTests {
    static let film = Item(id: "1", title: "Toy Story (1995)", paths: [["Animation"], ["Children's", "Comedy"]],
                           tags: ["Animation", "Children's", "Comedy"], text: "  A cowboy doll.  ")

    @Test func itemTextJoinsTheFieldsInOrder() throws {
        #expect(ItemTextFields.standard.text(of: Self.film) == "Toy Story (1995). Animation, Children's, Comedy")
        #expect(try ItemTextFields(parsing: "text,title").text(of: Self.film) == "A cowboy doll. Toy Story (1995)")
        #expect(try ItemTextFields(parsing: "paths").text(of: Self.film) == "Animation, Children's > Comedy")
        let bare = Item(id: "2", title: "Heat", paths: [])
        #expect(ItemTextFields.standard.text(of: bare) == "Heat")   // empty parts are left out
    }

    @Test func fieldListErrors() {
        #expect(throws: ItemTextFieldsError.self) { try ItemTextFields(parsing: "title,genre") }
        #expect(throws: ItemTextFieldsError.self) { try ItemTextFields(parsing: "title,title") }
        #expect(throws: ItemTextFieldsError.self) { try ItemTextFields(parsing: "") }
        do {
            _ = try ItemTextFields(parsing: "title,genre")
        } catch {
            #expect("\(error)" == "--fields: unknown field 'genre'; known: title, tags, text, paths")
        }
    }

    @Test func textsFileKeepsInputOrderAndAcceptsNumberIDs() throws {
        let directory = try FixtureDirectory()
        let path = try directory.write("t.jsonl", "{\"id\": \"b\", \"text\": \"second\"}\n\n{\"id\": 7, \"text\": \"\"}\n{\"text\": \"x\", \"id\": \"a\"}\n")
        #expect(try TextsFile.read(path: path) == [IdentifiedText(id: "b", text: "second"), IdentifiedText(id: "7", text: ""),
                                                   IdentifiedText(id: "a", text: "x")])
    }

    @Test(arguments: [
        ("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n", 2, "text", "expected a string"),
        ("{\"id\": \"a\", \"text\": \"x\"}\n{\"text\": \"y\"}\n", 2, "id", "expected a non-empty string or a whole number"),
        ("{\"id\": 1.5, \"text\": \"x\"}\n", 1, "id", "expected a non-empty string or a whole number"),
        ("{\"id\": \"a\", \"text\": 3}\n", 1, "text", "expected a string"),
        ("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n", 2, "id", "'a' is already on line 1"),
        ("{\"id\": \"a\", \"text\": \"x\"}\nnot json\n", 2, nil, "not a JSON object"),
    ] as [(String, Int, String?, String)])
    func textsFileErrorsNameLineAndField(text: String, line: Int, field: String?, message: String) throws {
        let directory = try FixtureDirectory()
        let path = try directory.write("bad.jsonl", text)
        do {
            _ = try TextsFile.read(path: path)
            Issue.record("no error for \(text)")
        } catch let error as DatasetError {
            #expect(error.line == line)
            #expect(error.field == field)
            #expect(error.message == message)
            #expect(error.description.hasPrefix("bad.jsonl:\(line): "))
        }
    }

    @Test func cacheKeyChangesWithTheTextsAndTheModelAndEntriesRoundTrip() throws {
        let texts = [IdentifiedText(id: "1", text: "a"), IdentifiedText(id: "2", text: "b")]
        let key = EmbeddingCache.key(modelDigests: ["model.safetensors": "aa"], texts: texts)
        #expect(key.count == 64)
        #expect(key == EmbeddingCache.key(modelDigests: ["model.safetensors": "aa"], texts: texts))
        #expect(key != EmbeddingCache.key(modelDigests: ["model.safetensors": "ab"], texts: texts))
        #expect(key != EmbeddingCache.key(modelDigests: ["model.safetensors": "aa"], texts: [texts[0], IdentifiedText(id: "2", text: "c")]))
        #expect(key != EmbeddingCache.key(modelDigests: ["model.safetensors": "aa"], texts: texts.reversed()))

        let directory = try FixtureDirectory()
        let cache = EmbeddingCache(directory: directory.file("embeddings"))
        #expect(cache.lookup(key, ids: ["1", "2"]) == nil)
        let table = EmbeddingTable(ids: ["1", "2"], vectors: [[0.25, -1], [3, 0.125]])
        try cache.store(table, key: key)
        #expect(cache.lookup(key, ids: ["1", "2"]) == table)
        #expect(cache.lookup(key, ids: ["2", "1"]) == nil)   // another order is another input
    }
}
