import Foundation
import StrataCore
import StrataTestSupport
import Testing
@testable import StrataData

/// `validate` streams (Docs/datasets.md, design note 1): the same report as a load, state that
/// does not grow with the lines, estimates past the id budget, and hostile files reported by
/// file, line and field without raw bytes.
@Suite("Streaming validation")
struct StreamingValidationTests {
    /// The report of loading `path` with validate's options (what validate reported before it streamed).
    func loadReport(_ path: String) throws -> ValidationReport {
        try DatasetLoader.load(at: path, options: .validation).report
    }

    func expectSameCounts(_ streamed: ValidationReport, _ loaded: ValidationReport, _ name: String) {
        #expect(streamed.format == loaded.format, "\(name)")
        #expect(streamed.linesRead == loaded.linesRead, "\(name)")
        #expect(streamed.eventsAccepted == loaded.eventsAccepted, "\(name)")
        #expect(streamed.itemCount == loaded.itemCount, "\(name)")
        #expect(streamed.userCount == loaded.userCount, "\(name)")
        #expect(streamed.outOfOrderEvents == loaded.outOfOrderEvents, "\(name)")
        #expect(streamed.unknownItems == loaded.unknownItems, "\(name)")
        #expect(streamed.eventsWithUnknownItems == loaded.eventsWithUnknownItems, "\(name)")
        #expect(streamed.problems.map(\.description) == loaded.problems.map(\.description), "\(name)")
        #expect(streamed.problemCounts == loaded.problemCounts, "\(name)")
        #expect(streamed.sources == loaded.sources, "\(name)")
        #expect(streamed.guessedMapping == loaded.guessedMapping, "\(name)")
        #expect(!streamed.distinctCountsEstimated, "\(name)")
    }

    @Test func validateCountsWhatALoadCountsInEveryFormat() throws {
        let fixture = try FixtureDirectory()
        let taobao = try fixture.write("taobao/UserBehavior.csv", lines: [
            "1,10,5,pv,100", "2,11,5,buy,90", "1,10,5,fav,95", "3,,5,pv,101", "4,12,5,jump,102", "5,13,5,cart,1e300",
        ])
        try fixture.write("ml100k/u.item", bytes: Array("1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n2|Caf\u{E9}|01-Jan-1996||u|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n1|Again|01-Jan-1996||u|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n".utf8))
        let ml100k = try fixture.write("ml100k/u.data", lines: ["1\t1\t5\t20", "2\t9\t4\t10", "2\t9\t7\t30", "3\t2\t3\t40", "3\t9\t3\t5"])
        try fixture.write("mlcsv/movies.csv", lines: ["movieId,title,genres", "1,\"Heat, the film (1995)\",Action|Crime", "2,Up (2009),Animation"])
        let mlCSV = try fixture.write("mlcsv/ratings.csv", lines: ["userId,movieId,rating,timestamp", "1,1,4.5,10", "1,3,9,11", "2,3,3,9", "2,\"2\",2,12"])
        try fixture.write("mldat/movies.dat", lines: ["1::Heat (1995)::Action|Crime", "2::Up (2009)::Animation"])
        let mlDat = try fixture.write("mldat/ratings.dat", lines: ["1::1::4::10", "1::7::x::11", "2::7::3::9", "3::2::5::12"])
        try fixture.write("rb/rb.item", lines: ["item_id:token\tmovie_title:token_seq\tclass:token_seq", "a\tA\tToys", "b\tB\tBooks", "a\tA2\tToys"])
        let recBole = try fixture.write("rb/rb.inter", lines: [
            "user_id:token\titem_id:token\trating:float\ttimestamp:float", "u1\ta\t5\t10", "u2\tz\t4\t9", "u3\tz\t4\t11", "u1\tb\t3",
        ])
        let csv = try fixture.write("log.csv", lines: [
            "user,item,time,event,cat", "a,\"x\"\"1\",2019-10-01T00:00:00Z,view,A > B", "b,x\"1,5,buy,A", "a,y,4,pv,A>B>C>D>E", "c,y,zz,view,A",
        ])
        let jsonl = try fixture.write("log.jsonl", lines: [
            #"{"user":"a","item":"x","time":3,"value":4}"#, #"{"user":"b","item":"x","time":1}"#, "not json", #"{"user":"a","item":"y","time":"2"}"#,
        ])
        for path in [taobao, ml100k, mlCSV, mlDat, recBole, csv, jsonl] {
            let streamed = DatasetLoader.validate(at: path)
            expectSameCounts(streamed, try loadReport(path), (path as NSString).lastPathComponent)
        }
        // The fixtures reach the counts that need every id: unknown items, duplicates, order.
        let ml = DatasetLoader.validate(at: ml100k)
        #expect(ml.unknownItems == 1 && ml.eventsWithUnknownItems == 2 && ml.outOfOrderEvents == 2)
        #expect(ml.problemCounts[.duplicateItem] == 1)
        #expect(DatasetLoader.validate(at: csv).userCount == 2)
    }

    @Test func retainedStateDoesNotGrowWithTheNumberOfLines() throws {
        let fixture = try FixtureDirectory()
        // Every 100th line is bad: 21,000 problems, more than the 10,000 a report keeps.
        let bad: (Int) -> String? = { $0 % 100 == 99 ? "\($0),1,1,pv,soon" : nil }
        let long = fixture.file("long.csv"), short = fixture.file("short.csv")
        try TaobaoLogFile.write(to: long, lines: 2_100_000, users: 3_001, items: 7_001, badLine: bad)
        try TaobaoLogFile.write(to: short, lines: 21_000, users: 3_001, items: 7_001, badLine: bad)
        let longReport = DatasetLoader.validate(at: long)
        let shortReport = DatasetLoader.validate(at: short)
        #expect(longReport.linesRead == 2_100_000)
        #expect(longReport.eventsAccepted == 2_079_000)
        #expect(longReport.userCount == 3_001 && longReport.itemCount == 7_001)
        #expect(!longReport.distinctCountsEstimated)
        // The same ids, a hundred times the lines: the same bytes held.
        #expect(longReport.idStateBytes == shortReport.idStateBytes)
        #expect(longReport.idStateBytes > 0 && longReport.idStateBytes < 1 << 20)
        #expect(longReport.problemCount == 21_000)
        #expect(longReport.problems.count == LoadOptions.validation.problemLimit)
        #expect(longReport.problems.first?.description == "long.csv:100: field 'timestamp': expected a number, found 'soon'")
        // The reader's buffer is fixed by the options, not by the file.
        let reader = try LineReader(path: long, options: .validation)
        #expect(reader.bufferCapacity == LoadOptions.validation.chunkSize + LoadOptions.validation.maximumLineLength + 2)
    }

    @Test func distinctCountsPastTheBudgetAreEstimatesWithinTheirError() throws {
        let fixture = try FixtureDirectory()
        let path = fixture.file("many.csv")
        try TaobaoLogFile.write(to: path, lines: 100_000, users: 100_000, items: 50_003)
        var options = LoadOptions.validation
        options.idBudgetBytes = 256 << 10
        let estimated = DatasetLoader.validate(at: path, options: options)
        #expect(estimated.distinctCountsEstimated)
        #expect(abs(Double(estimated.userCount) / 100_000 - 1) < 0.03, "users ≈ \(estimated.userCount)")
        #expect(abs(Double(estimated.itemCount) / 50_003 - 1) < 0.03, "items ≈ \(estimated.itemCount)")
        let batches = 2 * ValidationTally.batchSize * 8, sketches = 2 * DistinctEstimate().byteCount
        #expect(estimated.idStateBytes <= options.idBudgetBytes + sketches + batches + HashedIDSet().byteCount)
        #expect(estimated.renderedLines()[1].contains("items: ≈"))
        #expect(estimated.renderedLines().contains { $0.contains("are estimates") })
        #expect(!estimated.hasProblems)
        // Within the default budget the same file is counted exactly.
        let exact = DatasetLoader.validate(at: path)
        #expect(!exact.distinctCountsEstimated && exact.userCount == 100_000 && exact.itemCount == 50_003)
    }

    @Test func hashedIDSetAgreesWithASetAndStopsAtItsBudget() {
        var generator = Xoshiro256StarStar(seed: 9)
        var set = HashedIDSet()
        var reference = Set<UInt64>()
        for _ in 0..<200_000 {
            let hash = generator.next() % 150_000 &* 0x9E37_79B9_7F4A_7C15
            let inserted = set.insert(hash) == .inserted
            #expect(inserted == reference.insert(hash).inserted)
        }
        #expect(set.count == reference.count)
        #expect(reference.allSatisfy { set.contains($0) })
        #expect(set.byteCount <= reference.count * 16 + 256 * 16 * 8)
        var small = HashedIDSet(byteBudget: 64 << 10)
        var outcomes: [HashedIDSet.Insertion] = []
        for value in 1...20_000 { outcomes.append(small.insert(IDHash.of("\(value)"))) }
        #expect(outcomes.contains(.full))
        #expect(small.byteCount <= 64 << 10)
        #expect(small.insert(IDHash.of("1")) == .present)
    }

    @Test func estimateIsWithinThreeStandardErrors() {
        for count in [1_000, 300_000] {
            var sketch = DistinctEstimate()
            for value in 0..<count { sketch.add(IDHash.of("id-\(value)")) }
            for value in 0..<count where value % 3 == 0 { sketch.add(IDHash.of("id-\(value)")) }
            #expect(abs(Double(sketch.estimate) / Double(count) - 1) < 0.025, "\(count): \(sketch.estimate)")
        }
    }

    @Test func bytesAndTextOfAnIDHashAlike() {
        let text = "user-00012345678901234"
        let bytes = Array(text.utf8)
        let fromBytes = bytes.withUnsafeBufferPointer { IDText.bytes($0).hash }
        #expect(fromBytes == IDText.text(text).hash)
        #expect(IDHash.of("1") != IDHash.of("01"))
        #expect(Array(" PV\t".utf8).withUnsafeBufferPointer { ActionNames.action(named: $0) } == .view)
        #expect(Array("Add_To_Cart".utf8).withUnsafeBufferPointer { ActionNames.action(named: $0) } == .cart)
        #expect(Array("pv\0".utf8).withUnsafeBufferPointer { ActionNames.action(named: $0) } == nil)
    }

    /// Hostile files: the problem names file, line and field, the text has no raw control
    /// bytes, and nothing crashes or reads a line whole.
    @Test func hostileFilesAreReportedByFileLineAndFieldWithoutRawBytes() throws {
        let fixture = try FixtureDirectory()
        let good = "1,2,3,pv,100\n"
        let cases: [(name: String, bytes: [UInt8], expected: String)] = [
            ("number.csv", Array((good + "1,2,3,pv,12x\n").utf8), "number.csv:2: field 'timestamp': expected a number, found '12x'"),
            ("escape.csv", Array((good + "1,2,3,pv,\u{1B}]0;pwned\u{7}\n").utf8),
             "escape.csv:2: field 'timestamp': expected a number, found '\\u{1B}]0;pwned\\u{7}'"),
            ("utf8.csv", Array(good.utf8) + Array("1,2,3,pv,".utf8) + [0xFF, 0xFE, 0x0A], "utf8.csv:2: invalid UTF-8 at byte 10 of the line"),
            ("field.csv", Array((good + "1,2,3,pv\n").utf8), "field.csv:2: expected 5 comma-separated fields, found 4"),
            ("long.csv", Array(good.utf8) + [UInt8](repeating: 0x31, count: 3 << 20) + [0x0A],
             "long.csv:2: line too long (more than 1048576 bytes)"),
            ("empty.csv", [], "empty.csv: the file is empty"),
            ("binary.csv", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }, "binary.csv:1: header line: invalid UTF-8"),
        ]
        for hostile in cases {
            let path = try fixture.write(hostile.name, bytes: hostile.bytes)
            let report = DatasetLoader.validate(at: path)
            #expect(report.hasProblems, "\(hostile.name)")
            #expect(report.problems.contains { $0.description.hasPrefix(hostile.expected) },
                    "\(hostile.name): \(report.problems.map(\.description))")
            for line in report.renderedLines() {
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) },
                        "\(hostile.name): raw control in \(line.debugDescription)")
            }
        }
    }
}
