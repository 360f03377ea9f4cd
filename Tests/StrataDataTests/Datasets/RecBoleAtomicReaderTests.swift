import Testing
@testable import StrataData
import StrataCore

@Suite("RecBole atomic reader")
struct RecBoleAtomicReaderTests {
    static let itemLines = [
        "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq",
        "10\tAlien\t1979\tHorror Sci-Fi",
        "20\tHeat\t1995\tAction Crime Thriller",
        "30\tClueless\t1995\tComedy Romance",
        "40\tMystery Film\tunkonwn\t",
    ]
    static let header = "user_id:token\titem_id:token\trating:float\ttimestamp:float"

    func fixture(inter: [String], items: [String] = itemLines) throws -> FixtureDirectory {
        let fixture = try FixtureDirectory()
        try fixture.write("tiny.item", lines: items)
        try fixture.write("tiny.inter", lines: inter)
        return fixture
    }

    @Test func followsTheCatalogueOrderAndStableSortRules() throws {
        let fixture = try fixture(inter: [
            Self.header,
            "u2\t20\t5\t300",
            "u1\t99\t4\t100",
            "u1\t10\t3\t300",   // same second as line 2: keeps file order after it
            "u3\t30\t2\t200",
            "u2\t98\t4.5\t40",  // unknown item first in the stream, second in the file
            "u1\t99\t1\t50",
        ])
        let loaded = try DatasetLoader.load(at: fixture.path)
        let dataset = loaded.dataset
        #expect(dataset.name == "tiny")
        #expect(dataset.catalogue.items.map(\.id) == ["10", "20", "30", "40", "99", "98"])
        #expect(dataset.userIDs == ["u2", "u1", "u3"])
        let expected = [
            Event(time: 40, user: 0, item: 5, action: .rate, value: 4.5),
            Event(time: 50, user: 1, item: 4, action: .rate, value: 1),
            Event(time: 100, user: 1, item: 4, action: .rate, value: 4),
            Event(time: 200, user: 2, item: 2, action: .rate, value: 2),
            Event(time: 300, user: 0, item: 1, action: .rate, value: 5),
            Event(time: 300, user: 1, item: 0, action: .rate, value: 3),
        ]
        #expect(Array(dataset.events) == expected)
        #expect(loaded.report.outOfOrderEvents == 3)
        #expect(loaded.report.unknownItems == 2)
        #expect(loaded.report.eventsWithUnknownItems == 3)
        #expect(loaded.report.eventsAccepted == 6)
        #expect(loaded.report.linesRead == 12)
        #expect(!loaded.report.hasProblems)
        #expect(loaded.report.format == .recBoleAtomic)
    }

    @Test func mapsItemsToGenreAndDecadePaths() throws {
        let fixture = try fixture(inter: [Self.header, "u1\t10\t4\t1"])
        let catalogue = try DatasetLoader.load(at: fixture.file("tiny.inter")).dataset.catalogue
        let alien = catalogue.items[0]
        #expect(alien.title == "Alien")
        #expect(alien.paths == [["Horror", "1970s"], ["Sci-Fi", "1970s"]])
        #expect(alien.tags == ["Horror", "Sci-Fi"])
        #expect(catalogue.items[3].paths == [["Unknown genre", "Unknown year"]])
        #expect(catalogue.taxonomy.existingNode(forPath: ["Sci-Fi", "1970s"]) != nil)
    }

    @Test func fingerprintHashesTheSourceFiles() throws {
        let fixture = try fixture(inter: [Self.header, "u1\t10\t4\t1"])
        let loaded = try DatasetLoader.load(at: fixture.path)
        #expect(loaded.report.sources.map(\.path) == [fixture.file("tiny.item"), fixture.file("tiny.inter")])
        #expect(loaded.dataset.fingerprint.count == 64)
        #expect(loaded.dataset.fingerprint == Fingerprint.combining(loaded.report.sources))
        let interHash = try FileDigest.sha256(ofFileAt: fixture.file("tiny.inter"))
        #expect(loaded.report.sources[1].sha256 == interHash)
    }

    @Test func fractionalTimestampsSortByTheirFullValue() throws {
        let fixture = try fixture(inter: [Self.header, "a\t10\t4\t1.7", "b\t20\t4\t1.2"])
        let events = try DatasetLoader.load(at: fixture.path).dataset.events
        #expect(events.map(\.item) == [1, 0])
        #expect(events.map(\.time) == [1, 1])
    }

    @Test func implicitFeedbackWithoutRatingIsClicks() throws {
        let fixture = try fixture(inter: ["user_id:token\titem_id:token\ttimestamp:float", "a\t10\t5"])
        let events = try DatasetLoader.load(at: fixture.path).dataset.events
        #expect(events == [Event(time: 5, user: 0, item: 0, action: .click)])
    }

    @Test func badFieldErrorNamesFileLineAndField() throws {
        let lines = [Self.header, "u1\t10\t4\t1", "MARK\t20\tfour\t2", "u2\t30\t3\t3"]
        let fixture = try fixture(inter: lines)
        let error = try #require(loadError(fixture.path))
        #expect(error.line == lineNumber(of: "MARK", in: lines))
        #expect(error.field == "rating")
        #expect(error.kind == .invalidNumber)
        #expect(error.description == "tiny.inter:3: field 'rating': expected a number, found 'four'")
    }

    @Test func skipModeCountsAndKeepsTheFirstTen() throws {
        var lines = [Self.header, "u1\t10\t4\t1"]
        for index in 0..<15 { lines.append("u\(index)\t20\t\(index)\tnot-a-time") }
        lines.append("u9\t30\t3\t3")
        let fixture = try fixture(inter: lines)
        let loaded = try DatasetLoader.load(at: fixture.path)
        #expect(loaded.dataset.events.count == 2)
        #expect(loaded.report.problemCount == 15)
        #expect(loaded.report.problemCounts[.invalidNumber] == 15)
        #expect(loaded.report.problems.count == 10)
        #expect(loaded.report.problems.first?.line == 3)
        #expect(loaded.report.problems.first?.field == "timestamp")
        let strict = try #require(loadError(fixture.path, options: .strict))
        #expect(strict.line == 3)
    }

    @Test func missingColumnNamesTheColumn() throws {
        let fixture = try fixture(inter: ["user_id:token\titem_id:token\trating:float", "u1\t10\t4"])
        let error = try #require(loadError(fixture.path, options: .standard))
        #expect(error.kind == .missingColumn)
        #expect(error.field == "timestamp")
        #expect(error.line == 1)
        #expect(error.description.hasPrefix("tiny.inter:1: field 'timestamp': the header has no column 'timestamp'"))
    }

    @Test func wrongFieldCountIsALineProblem() throws {
        let lines = [Self.header, "u1\t10\t4\t1", "MARK\t20\t4", "u1\t30\t4\t2"]
        let fixture = try fixture(inter: lines)
        let loaded = try DatasetLoader.load(at: fixture.path)
        #expect(loaded.dataset.events.count == 2)
        #expect(loaded.report.problems.first?.kind == .wrongFieldCount)
        #expect(loaded.report.problems.first?.line == lineNumber(of: "MARK", in: lines))
        #expect(loaded.report.problems.first?.description == "tiny.inter:3: expected 4 tab-separated fields, found 3")
    }

    @Test func emptyFilesAreErrors() throws {
        let empty = try fixture(inter: [])
        try empty.write("tiny.inter", "")
        #expect(loadError(empty.path, options: .standard)?.kind == .emptyFile)
        let headerOnly = try fixture(inter: [Self.header])
        let error = try #require(loadError(headerOnly.path, options: .standard))
        #expect(error.kind == .emptyFile)
        #expect(error.description == "tiny.inter: the file has a header but no events")
    }

    @Test func duplicateItemIsReported() throws {
        let items = Self.itemLines + ["20\tHeat again\t1995\tAction"]
        let fixture = try fixture(inter: [Self.header, "u1\t20\t4\t1"], items: items)
        let loaded = try DatasetLoader.load(at: fixture.path)
        #expect(loaded.report.problems.first?.kind == .duplicateItem)
        #expect(loaded.report.problems.first?.line == 6)
        #expect(loaded.dataset.catalogue.items[1].title == "Heat")
    }

    @Test func invalidUTF8InAnEventLineIsSkipped() throws {
        let fixture = try fixture(inter: [])
        let bytes = Array((Self.header + "\nu1\t10\t4\t1\n").utf8) + [0x75, 0xFF] + Array("\t20\t4\t2\nu2\t30\t5\t3\n".utf8)
        try fixture.write("tiny.inter", bytes: bytes)
        let loaded = try DatasetLoader.load(at: fixture.path)
        #expect(loaded.dataset.events.count == 2)
        #expect(loaded.report.problems.map(\.kind) == [.invalidUTF8])
        #expect(loaded.report.problems.first?.line == 3)
        #expect(loadError(fixture.path)?.kind == .invalidUTF8)
    }

    @Test func unreadableHeaderStopsReading() throws {
        let fixture = try fixture(inter: [])
        try fixture.write("tiny.inter", bytes: [0xFF, 0x0A] + Array("u1\t10\t4\t1\n".utf8))
        let error = try #require(loadError(fixture.path, options: .standard))
        #expect(error.line == 1)
        #expect(error.message.hasPrefix("header line"))
    }
}
