import Testing
@testable import StrataData

@Suite("Validation")
struct ValidationTests {
    @Test func validateReportsEveryProblemWithFileLineAndField() throws {
        let fixture = try FixtureDirectory()
        try fixture.write("shop.item", lines: ["item_id:token\tclass:token_seq", "a\tToys", "b\tBooks"])
        try fixture.write("shop.inter", lines: [
            "user_id:token\titem_id:token\trating:float\ttimestamp:float",
            "u1\ta\t5\t10",
            "u2\t\t5\t11",
            "u3\tb\tfive\t12",
            "u4\tb\t4\t1e300",
            "u5\tzz\t4\t9",
        ])
        try fixture.write("shop.user", lines: ["user_id:token\tage:token", "u1\t30", "\t40"])
        let report = DatasetLoader.validate(at: fixture.path)
        #expect(report.format == .recBoleAtomic)
        #expect(report.problems.map(\.description) == [
            "shop.inter:3: field 'item_id': expected an id, found an empty field",
            "shop.inter:4: field 'rating': expected a number, found 'five'",
            "shop.inter:5: field 'timestamp': timestamp '1e300' does not fit in 64 bits",
            "shop.user:3: field 'user_id': expected an id, found an empty field",
        ])
        #expect(report.problemCounts == [.emptyField: 2, .invalidNumber: 1, .outOfRange: 1])
        #expect(report.eventsAccepted == 2)
        #expect(report.unknownItems == 1)
        #expect(report.outOfOrderEvents == 1)
        #expect(report.sources.count == 3)

        let text = report.renderedLines()
        #expect(text.contains("4 problems:"))
        #expect(text.contains("  shop.inter:4: field 'rating': expected a number, found 'five'"))
        #expect(text.last == "by kind: empty field 2, invalid number 1, value out of range 1")
        #expect(text.contains { $0.contains("unknown items: 1 ids in 1 events") })
    }

    @Test func validateTurnsStoppingProblemsIntoTheReport() throws {
        let fixture = try FixtureDirectory()
        let report = DatasetLoader.validate(at: fixture.file("missing.inter"))
        #expect(report.hasProblems)
        #expect(report.problems.first?.kind == .fileNotFound)
        let empty = try fixture.write("empty.csv", "")
        let emptyReport = DatasetLoader.validate(at: empty)
        #expect(emptyReport.problemCounts[.emptyFile] == 1)
    }

    @Test func cleanDatasetRendersNoProblems() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("log.csv", lines: ["user,item,time", "a,x,1", "b,y,2"])
        let report = DatasetLoader.validate(at: path)
        #expect(!report.hasProblems)
        let text = report.renderedLines()
        #expect(text.first == "log.csv (CSV event log)")
        #expect(text[1] == "  lines read: 3, events accepted: 2, items: 2, users: 2")
        #expect(text.last == "no problems found")
    }

    @Test func reportKeepsOnlyTheLimitButCountsAll() {
        var report = ValidationReport(problemLimit: 2)
        for line in 1...5 { report.record(DatasetError(file: "f", line: line, kind: .emptyField, message: "m")) }
        #expect(report.problems.count == 2)
        #expect(report.problemCount == 5)
        #expect(report.renderedLines().contains("  … and 3 more not shown"))
        #expect(ValidationReport.grouped(1_234_567) == "1,234,567")
    }

    @Test func errorDescriptionLeavesOutUnknownParts() {
        #expect(DatasetError(file: "/d/ratings.csv", line: 17, field: "rating", kind: .outOfRange,
                             message: "expected a number from 1 to 5, found '7'").description
                == "ratings.csv:17: field 'rating': expected a number from 1 to 5, found '7'")
        #expect(DatasetError(file: "a/b.csv", kind: .emptyFile, message: "the file is empty").description
                == "b.csv: the file is empty")
    }
}
