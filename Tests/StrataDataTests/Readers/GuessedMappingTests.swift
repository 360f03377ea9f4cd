import Testing
@testable import StrataData

/// Issue 12 item 5: `validate` says which columns it guessed, and how to map them otherwise.
@Suite("Guessed column mapping")
struct GuessedMappingTests {
    @Test func validateReportsTheMappingGuessedFromTheHeader() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("shop.csv", lines: ["uid,sku,ts,event,cat", "u1,a,10,view,Toys/Cars", "u2,b,11,purchase,Books"])
        let report = DatasetLoader.validate(at: path)
        #expect(!report.hasProblems, "\(report.problems)")
        #expect(report.guessedMapping == ColumnMapping(user: "uid", item: "sku", time: "ts", action: "event", path: "cat"))
        let lines = report.renderedLines()
        #expect(lines[1].hasPrefix("  lines read: 3"))
        #expect(lines[2] == "  mapping (guessed from the header): user=uid item=sku time=ts action=event value=- path=cat title=-")
        #expect(lines[3] == "  to map the columns otherwise: --map 'user=uid,item=sku,time=ts,action=event,path=cat'")
    }

    @Test func theGuessIsReportedWhenReadingStopsAfterTheHeader() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("header-only.csv", lines: ["user_id,item_id,timestamp,rating"])
        let report = DatasetLoader.validate(at: path)
        #expect(report.problemCounts[.emptyFile] == 1)
        #expect(report.guessedMapping?.value == "rating")
    }

    @Test func aGivenMappingIsNotCalledAGuess() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("shop.csv", lines: ["uid,sku,ts", "u1,a,10"])
        let report = DatasetLoader.validate(at: path, mapping: try ColumnMapping(parsing: "user=uid,item=sku,time=ts"))
        #expect(report.guessedMapping == nil)
        #expect(!report.renderedLines().contains { $0.contains("guessed") })
        // Formats with fixed columns guess nothing either.
        let recbole = try fixture.write("x.inter", lines: ["user_id:token\titem_id:token\ttimestamp:float", "1\t2\t3"])
        #expect(DatasetLoader.validate(at: recbole).guessedMapping == nil)
    }

    @Test func jsonLinesSayTheMappingCameFromTheKeys() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("log.jsonl", lines: [#"{"user":"u","item":"i","time":1,"action":"view"}"#,
                                                          #"{"user":"u","item":"j","time":2,"action":"rate","value":4}"#])
        let report = DatasetLoader.validate(at: path)
        #expect(report.guessedMapping == ColumnMapping(user: "user", item: "item", time: "time", action: "action", value: "value"))
        #expect(report.renderedLines().contains("  mapping (guessed from the keys): user=user item=item time=time action=action value=value path=- title=-"))
    }

    @Test(arguments: [
        ColumnMapping(user: "uid", item: "sku", time: "ts"),
        ColumnMapping(user: "user_id", item: "product_id", time: "event_time", action: "event_type", path: "category_code", pathSeparator: "."),
        ColumnMapping(user: "u", item: "i", time: "t", value: "stars", path: "c", pathSeparator: "", title: "name", delimiter: 0x09, timeDivisor: 1000),
        ColumnMapping(user: "user, id", item: "i", time: "t", path: "c", pathSeparator: " > ", delimiter: UInt8(ascii: "|")),
    ])
    func theMapArgumentReadsBackToTheSameMapping(mapping: ColumnMapping) throws {
        #expect(try ColumnMapping(parsing: mapping.mapArgument) == mapping, "\(mapping.mapArgument)")
    }

    @Test func columnNamesAreEscapedInTheSummary() {
        let mapping = ColumnMapping(user: "u\u{1B}[2J", item: "i", time: "t")
        #expect(!mapping.roleSummary.contains("\u{1B}"))
        #expect(mapping.roleSummary.hasPrefix("user=u\\u{1B}[2J item=i time=t action=-"))
    }
}
