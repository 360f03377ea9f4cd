import Foundation
import Testing
@testable import StrataData
import StrataCore

/// Issue 8 item 11, reading side: tab-separated files, category path separators, impossible
/// dates, and files that are not regular files.
@Suite("Reader inputs")
struct ReaderInputTests {
    func date(_ text: String) -> Int64? { TimeText.date(text)?.0 }

    @Test func aTSVFileIsSplitOnTabs() throws {
        let dir = try FixtureDirectory()
        let path = try dir.write("log.tsv", lines: ["user\titem\ttime\trating", "u1\ta,b\t10\t4", "u2\tc\t11\t2"])
        let dataset = try DatasetLoader.load(at: path).dataset
        #expect(dataset.catalogue.items.map(\.id) == ["a,b", "c"])
        #expect(dataset.events.map(\.value) == [4, 2])
        #expect(dataset.events.map(\.action) == [.rate, .rate])
        // A mapping's delimiter still wins over the extension.
        let csv = try dir.write("log2.tsv", lines: ["user;item;time", "u1;x;1"])
        let mapped = try DatasetLoader.load(at: csv, mapping: try ColumnMapping(parsing: "user=user,item=item,time=time,delimiter=semicolon"))
        #expect(mapped.dataset.catalogue.items.map(\.id) == ["x"])
    }

    @Test(arguments: [
        ("Books > Fantasy > Epic", ["Books", "Fantasy", "Epic"]),
        ("Sci-Fi › 1990s", ["Sci-Fi", "1990s"]),
        ("Books/Fantasy", ["Books", "Fantasy"]),
        // The first separator of the preference order wins; the others stay in the names.
        ("Books > Sci-Fi/Fantasy", ["Books", "Sci-Fi/Fantasy"]),
        ("Plain", ["Plain"]),
    ])
    func categoryPathsSplitOnTheDocumentedSeparators(text: String, expected: [String]) throws {
        let dir = try FixtureDirectory()
        let path = try dir.write("log.csv", lines: ["user,item,time,category", "u1,i1,10,\(text)"])
        let dataset = try DatasetLoader.load(at: path).dataset
        #expect(dataset.catalogue.items[0].paths == [expected])
    }

    @Test func separatorNoneKeepsTheValueWhole() throws {
        let dir = try FixtureDirectory()
        let path = try dir.write("log.csv", lines: ["user,item,time,category", "u1,i1,10,A > B"])
        let mapping = try ColumnMapping(parsing: "user=user;item=item;time=time;path=category;separator=none")
        #expect(try DatasetLoader.load(at: path, mapping: mapping).dataset.catalogue.items[0].paths == [["A > B"]])
    }

    @Test(arguments: ["2019-02-30", "2019-02-29", "2100-02-29", "2019-04-31", "2019-13-01", "2019-00-10",
                      "2019-10-01T12:00:00+99:99", "2019-10-01T12:00:00+19:00", "2019-10-01T12:00:00+02:60",
                      "2019-10-01T12:00:00+2:00", "2019-10-01T12:00:00+02:0", "2019-10-01T12:00:00+0a:00"])
    func impossibleDatesAndOffsetsAreRefused(text: String) {
        #expect(date(text) == nil, "\(text) was accepted")
    }

    @Test func possibleDatesAreRead() {
        #expect(date("2020-02-29") == 1_582_934_400)
        #expect(date("2000-02-29") == 951_782_400)
        #expect(date("2019-10-01T02:00:00+02:00") == 1_569_888_000)
        #expect(date("2019-10-01T02:00:00+0200") == 1_569_888_000)
        #expect(date("2019-09-30T14:00:00-10:00") == 1_569_888_000)
        #expect(date("2019-10-01T12:00:00+18:00") == 1_569_866_400)
    }

    @Test func anImpossibleDateIsALineErrorNamingTheField() throws {
        let dir = try FixtureDirectory()
        let path = try dir.write("log.csv", lines: ["user,item,time", "u1,i1,2019-02-28", "u1,i2,2019-02-30"])
        let loaded = try DatasetLoader.load(at: path)
        #expect(loaded.dataset.events.count == 1)
        #expect(loaded.report.skippedLines == 1)
        #expect(loaded.report.problems.first?.description.hasPrefix("log.csv:3: field 'time': ") == true)
    }

    @Test func aFIFOADirectoryAndADeviceAreRefusedWithoutBlocking() throws {
        let dir = try FixtureDirectory()
        let fifo = dir.file("events.csv")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(RegularFile.check(fifo) == .notRegular("a FIFO (named pipe)"))
        #expect(throws: RegularFile.Problem.notRegular("a FIFO (named pipe)")) { _ = try RegularFile.open(fifo) }
        let error = try #require(throws: DatasetError.self) { try DatasetLoader.load(at: fifo) }
        #expect(error.kind == .unreadableFile)
        #expect(error.description == "events.csv: is a FIFO (named pipe), not a regular file")
        #expect(throws: RegularFile.Problem.notRegular("a directory")) { _ = try RegularFile.open(dir.path) }
        #expect(throws: RegularFile.Problem.notRegular("a character device")) { _ = try RegularFile.open("/dev/zero") }

        // A device behind a dataset-looking name would be read for ever.
        let zero = dir.file("zero.csv")
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        let device = try #require(throws: DatasetError.self) { try DatasetLoader.load(at: zero) }
        #expect(device.description == "zero.csv: is a character device, not a regular file")
        #expect(throws: DatasetError.self) { try LineReader(path: zero) }
    }

    @Test func aScenarioFileMustBeARegularFileOfBoundedSize() throws {
        let dir = try FixtureDirectory()
        let fifo = dir.file("s.json")
        #expect(mkfifo(fifo, 0o600) == 0)
        let error = try #require(throws: ScenarioError.self) { try ScenarioFile.load(path: fifo) }
        #expect(error.description == "s.json: cannot read the file (is a FIFO (named pipe), not a regular file)")
        let big = try dir.write("big.json", String(repeating: " ", count: ScenarioFile.maximumBytes + 1))
        let tooBig = try #require(throws: ScenarioError.self) { try ScenarioFile.load(path: big) }
        #expect(tooBig.description.contains("larger than the limit of \(ScenarioFile.maximumBytes) bytes"))
    }
}
