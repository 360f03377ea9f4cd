import Testing
@testable import StrataData
import StrataCore

@Suite("Event log readers")
struct EventLogReaderTests {
    @Test func readsTaobaoUserBehavior() throws {
        let fixture = try FixtureDirectory()
        try fixture.write("UserBehavior.csv", lines: [
            "1,2268318,2520377,pv,1511544070",
            "1,2333346,2520771,buy,1511561733",
            "2,2268318,2520377,cart,1511544000",
            "2,9,77,fav,1511544001",
        ])
        let loaded = try DatasetLoader.load(at: fixture.path)
        #expect(loaded.report.format == .taobaoUserBehavior)
        let dataset = loaded.dataset
        #expect(dataset.events.map(\.action) == [.cart, .favourite, .view, .purchase])
        #expect(dataset.catalogue.items[0] == Item(id: "2268318", title: "item 2268318", paths: [["cat 2520377"]], tags: ["cat 2520377"]))
        #expect(dataset.userIDs == ["2", "1"])
        #expect(loaded.report.unknownItems == 0)
    }

    @Test func taobaoUnknownBehaviorNamesTheField() throws {
        let fixture = try FixtureDirectory()
        let lines = ["1,2268318,2520377,pv,1511544070", "1,5,6,teleport,1511544071"]
        let path = try fixture.write("UserBehavior.csv", lines: lines)
        let error = try #require(loadError(path))
        #expect(error.kind == .unknownAction)
        #expect(error.field == "behavior")
        #expect(error.line == lineNumber(of: "teleport", in: lines))
        #expect(error.description.hasPrefix("UserBehavior.csv:2: field 'behavior': unknown action 'teleport'"))
    }

    static let csvLines = [
        "uid,sku,ts,event,cat,name",
        "alice,b1,2019-10-01T00:00:10Z,View,Books/Fiction/SF,Dune",
        "bob,b2,1569888000,ADDTOCART,Books/Cooking,\"Salt, Fat\"",
        "alice,b1,1569888020,purchase,Books/Fiction/SF,Dune",
    ]

    @Test func readsCSVThroughAMapping() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("log.csv", lines: Self.csvLines)
        let mapping = try ColumnMapping(parsing: "user=uid,item=sku,time=ts,action=event,path=cat,separator=/,title=name")
        let loaded = try DatasetLoader.load(at: path, mapping: mapping)
        #expect(loaded.report.format == .eventCSV)
        let dataset = loaded.dataset
        #expect(dataset.events.map(\.action) == [.cart, .view, .purchase])
        #expect(dataset.events.map(\.time) == [1_569_888_000, 1_569_888_010, 1_569_888_020])
        #expect(dataset.catalogue.items.map(\.title) == ["Dune", "Salt, Fat"])
        #expect(dataset.catalogue.items[0].paths == [["Books", "Fiction", "SF"]])
        #expect(dataset.userIDs == ["bob", "alice"])
    }

    @Test func guessesTheMappingFromUsualColumnNames() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("ratings-log.csv", lines: ["user_id,item_id,timestamp,rating", "a,x,5,4", "b,y,6,2"])
        let dataset = try DatasetLoader.load(at: path).dataset
        #expect(dataset.events.map(\.action) == [.rate, .rate])
        #expect(dataset.events.map(\.value) == [4, 2])
    }

    @Test func unknownActionNamesTheMappedField() throws {
        let fixture = try FixtureDirectory()
        let lines = Self.csvLines + ["carol,b3,1569888030,teleport,Books,X"]
        let path = try fixture.write("log.csv", lines: lines)
        let mapping = try ColumnMapping(parsing: "user=uid,item=sku,time=ts,action=event")
        let error = try #require(loadError(path, mapping: mapping))
        #expect(error.field == "event")
        #expect(error.line == lineNumber(of: "teleport", in: lines))
        #expect(error.kind == .unknownAction)
    }

    @Test func missingMappedColumnIsNamed() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("log.csv", lines: Self.csvLines)
        let mapping = try ColumnMapping(parsing: "user=uid,item=product,time=ts")
        let error = try #require(loadError(path, mapping: mapping, options: .standard))
        #expect(error.kind == .missingColumn)
        #expect(error.field == "product")
        #expect(error.description.contains("the header has no column 'product' (mapped to item"))
    }

    @Test func unmappableHeaderAsksForAMapping() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("odd.csv", lines: ["a,b,c", "1,2,3"])
        let error = try #require(loadError(path, options: .standard))
        #expect(error.kind == .missingColumn)
        #expect(error.description.contains("--map"))
    }

    @Test func deepPathsAndBadTimesAreLineErrors() throws {
        let fixture = try FixtureDirectory()
        let lines = ["uid,sku,ts,cat", "a,x,5,A/B/C/D/E", "a,y,soon,A", "a,z,7,A"]
        let path = try fixture.write("log.csv", lines: lines)
        let mapping = try ColumnMapping(parsing: "user=uid,item=sku,time=ts,path=cat,separator=/")
        let loaded = try DatasetLoader.load(at: path, mapping: mapping)
        #expect(loaded.dataset.events.count == 1)
        #expect(loaded.report.problems.map(\.kind) == [.invalidPath, .invalidNumber])
        #expect(loaded.report.problems.map(\.line) == [2, 3])
        #expect(loaded.report.problems.map(\.field) == ["cat", "ts"])
    }

    @Test func readsJSONLines() throws {
        let fixture = try FixtureDirectory()
        let lines = [
            #"{"uid": "u1", "sku": 10, "ts": 100, "event": "click", "cat": "Shoes > Running"}"#,
            #"{"uid": "u2", "sku": 11, "ts": 50, "event": "buy", "cat": "Shoes > Trail", "extra": [1, 2]}"#,
            "",
            #"{"uid": "u1", "sku": 11, "ts": "1970-01-01T00:02:00Z", "event": "Skip"}"#,
        ]
        let path = try fixture.write("events.jsonl", lines: lines)
        let mapping = try ColumnMapping(parsing: "user=uid;item=sku;time=ts;action=event;path=cat;separator= > ")
        let loaded = try DatasetLoader.load(at: path, mapping: mapping)
        #expect(loaded.report.format == .eventJSONL)
        let dataset = loaded.dataset
        #expect(dataset.events.map(\.action) == [.purchase, .click, .skip])
        #expect(dataset.events.map(\.time) == [50, 100, 120])
        #expect(dataset.catalogue.items.map(\.id) == ["10", "11"])
        #expect(dataset.catalogue.items[0].paths == [["Shoes", "Running"]])
    }

    @Test func badJSONLineIsReportedAndSkipped() throws {
        let fixture = try FixtureDirectory()
        let lines = [#"{"user": "a", "item": "x", "time": 1}"#, #"{"user": "MARK", "item": "#, #"{"user": "b", "item": "y", "time": 2}"#]
        let path = try fixture.write("events.jsonl", lines: lines)
        let loaded = try DatasetLoader.load(at: path)
        #expect(loaded.dataset.events.count == 2)
        #expect(loaded.report.problems.first?.kind == .malformedLine)
        #expect(loaded.report.problems.first?.line == lineNumber(of: "MARK", in: lines))
    }

    @Test func jsonMissingKeyNamesIt() throws {
        let fixture = try FixtureDirectory()
        let lines = [#"{"user": "a", "item": "x", "time": 1}"#, #"{"user": "MARK", "time": 2}"#]
        let path = try fixture.write("events.jsonl", lines: lines)
        let error = try #require(loadError(path))
        #expect(error.field == "item")
        #expect(error.line == 2)
        #expect(error.kind == .emptyField)
    }
}
