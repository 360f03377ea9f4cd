import Foundation
import StrataCore
import Testing
@testable import StrataData

/// The generic CSV reader parses fields as bytes (Docs/datasets.md design note 2); a generated
/// log with every awkward spelling must still load to the dataset a plain reading of the
/// records it was written from expects.
@Suite("Generic CSV against a reference")
struct GenericCSVReferenceTests {
    /// One generated line, as values before they are written out.
    struct Record {
        var user: String
        var item: String
        var time: Int64
        var timeAsDate: Bool
        var action: String
        var value: Double?
        var category: String
        var title: String
    }

    static let users = ["u1", "\u{FC}2", "\u{7528}\u{6237}3", "u 4", "o\"brien", "a,b", "u7"]
    static let items = (1...40).map { "i\($0)" } + ["\u{ED}tem", "x\"1", "\u{5546}\u{54C1},7", "i\"\"2"]
    static let actions: [(String, Action)] = [("view", .view), ("pv", .view), ("buy", .purchase),
                                              ("ADDTOCART", .cart), (" fav ", .favourite), ("rate", .rate)]
    static let categories = ["Books \u{203A} Fiction \u{203A} SF", "Books > Fantasy/SF > Epic", "Books/Cooking", "Toys", "",
                             " A >> B ", "\u{C9}lectronique \u{203A} T\u{E9}l\u{E9}phones", "a/b/c/d", "x > y, z > w"]
    static let titles = ["Dune", "  Caf\u{E9} Noir  ", "Salt, Fat", "He said \"hi\"", "", "\u{65E5}\u{672C}\u{8A9E}", "\t"]

    /// A fixed pseudo-random log: ties and out-of-order times, every spelling above.
    static func records(count: Int) -> [Record] {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            let action = actions[next(actions.count)]
            return Record(user: users[next(users.count)], item: items[next(items.count)],
                          time: 1_000_000_000 + Int64(next(200)), timeAsDate: next(4) == 0, action: action.0,
                          value: action.1 == .rate ? Double(next(10)) / 2 : nil,
                          category: categories[next(categories.count)], title: titles[next(titles.count)])
        }
    }

    /// A field as CSV writes it: quoted (quotes doubled) when it must be, and now and then anyway.
    static func csv(_ text: String, forceQuotes: Bool) -> String {
        let needs = text.contains(",") || text.contains("\"")
        return needs || forceQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func date(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Header `title,category,time,user,value,item,action` (not the usual order), CRLF on some lines.
    static func file(_ records: [Record]) -> String {
        var text = "title,category,time,user,value,item,action\r\n"
        for (index, record) in records.enumerated() {
            let fields = [record.title, record.category, record.timeAsDate ? date(record.time) : String(record.time),
                          record.user, record.value.map { String($0) } ?? "", record.item, record.action]
            text += fields.enumerated().map { csv($1, forceQuotes: (index + $0) % 5 == 0) }.joined(separator: ",")
            text += index % 3 == 0 ? "\r\n" : "\n"
        }
        return text
    }

    /// The default rule read plainly: the first of `›`, `>`, `/` the value holds, levels trimmed.
    static func expectedPath(_ category: String) -> [String] {
        let blanks = CharacterSet(charactersIn: " \t")
        guard let separator = ["\u{203A}", ">", "/"].first(where: { category.contains($0) }) else {
            let whole = category.trimmingCharacters(in: blanks)
            return whole.isEmpty ? [] : [whole]
        }
        return category.components(separatedBy: separator).map { $0.trimmingCharacters(in: blanks) }.filter { !$0.isEmpty }
    }

    static func expectedDataset(_ records: [Record]) -> (items: [Item], users: [String], events: [Event]) {
        var items: [Item] = []
        var itemIndex: [String: Int] = [:]
        for record in records where itemIndex[record.item] == nil {
            itemIndex[record.item] = items.count
            let title = record.title.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            let path = expectedPath(record.category)
            items.append(Item(id: record.item, title: title.isEmpty ? "item \(record.item)" : title,
                              paths: path.isEmpty ? [["Uncategorised"]] : [path]))
        }
        let order = records.indices.sorted { (records[$0].time, $0) < (records[$1].time, $1) }
        var users: [String] = []
        var userIndex: [String: Int] = [:]
        var events: [Event] = []
        for position in order {
            let record = records[position]
            if userIndex[record.user] == nil {
                userIndex[record.user] = users.count
                users.append(record.user)
            }
            let action = actions.first { $0.0 == record.action }!.1
            events.append(Event(time: record.time, user: userIndex[record.user]!, item: itemIndex[record.item]!,
                                action: action, value: record.value))
        }
        return (items, users, events)
    }

    @Test func loadsWhatAPlainReadingExpects() throws {
        let records = Self.records(count: 3_000)
        let fixture = try FixtureDirectory()
        let path = try fixture.write("generated-log.csv", Self.file(records))
        let loaded = try DatasetLoader.load(at: path)
        #expect(loaded.report.format == .eventCSV)
        #expect(loaded.report.problems.isEmpty)
        let expected = Self.expectedDataset(records)
        let dataset = loaded.dataset
        #expect(dataset.catalogue.items == expected.items)
        #expect(dataset.userIDs == expected.users)
        #expect(Array(dataset.events) == expected.events)
        // Spot checks that the generator made what this test is about.
        #expect(dataset.catalogue.items.contains { $0.id == "x\"1" && $0.paths.count == 1 })
        #expect(dataset.catalogue.items.contains { $0.paths == [["Books", "Fantasy/SF", "Epic"]] })
        #expect(dataset.catalogue.items.contains { $0.paths == [["\u{C9}lectronique", "T\u{E9}l\u{E9}phones"]] })
        #expect(dataset.catalogue.items.contains { $0.title == "He said \"hi\"" })
        #expect(Set(dataset.userIDs) == Set(Self.users))

        let streamed = DatasetLoader.validate(at: path)
        #expect(streamed.eventsAccepted == records.count)
        #expect(streamed.itemCount == expected.items.count)
        #expect(streamed.userCount == expected.users.count)
        #expect(streamed.outOfOrderEvents == loaded.report.outOfOrderEvents)
    }

    /// Depth and separator rules on single values, as bytes: the first default separator the
    /// value holds wins, a given separator may be several bytes, "" keeps the value whole.
    @Test func pathSeparatorSplitsOnBytes() {
        func levels(_ text: String, _ separator: String?) -> [String] {
            var text = text
            return text.withUTF8 { PathSeparator(separator).levels(in: $0) }
        }
        // `defaultSeparator(in:)` is written for exactly these bytes.
        #expect(PathSeparator.defaults == [[0xE2, 0x80, 0xBA], [0x3E], [0x2F]])
        #expect(levels("Sci-Fi \u{203A} 1990s", nil) == ["Sci-Fi", "1990s"])
        #expect(levels("a/b > c \u{203A} d", nil) == ["a/b > c", "d"])
        #expect(levels("a/b > c", nil) == ["a/b", "c"])
        #expect(levels("x\u{E2}", nil) == ["x\u{E2}"])
        #expect(levels("Books > Fantasy/SF > Epic", nil) == ["Books", "Fantasy/SF", "Epic"])
        #expect(levels("Books/Fantasy", nil) == ["Books", "Fantasy"])
        #expect(levels(" \t ", nil) == [])
        #expect(levels("a > > b >", nil) == ["a", "b"])
        #expect(levels("a :: b ::: c", "::") == ["a", "b", ": c"])
        #expect(levels(" a/b ", "") == ["a/b"])
        #expect(levels("électronique.téléphones", ".") == ["électronique", "téléphones"])
    }
}
