import Foundation
import Testing
@testable import StrataData
import StrataCore

/// `LoadOptions.byteLimit`: the explorer's preview reads the head of a large log this way
/// (Docs/explorer.md design note 6).
@Suite("Reading the head of a file")
struct ByteLimitTests {
    @Test("reading stops after the line that reaches the limit, with whole lines only")
    func stopsAfterTheLineThatReachesTheLimit() throws {
        let fixture = try FixtureDirectory()
        // Lines of 10 bytes with their newline: the 3rd ends at byte 30.
        let text = (1...50).map { String(format: "line %04d", $0) }.joined(separator: "\n") + "\n"
        let path = try fixture.write("lines.txt", text)
        for (limit, expected) in [(1, 1), (10, 1), (11, 2), (30, 3), (31, 4)] {
            // Small chunks too, so the limit falls inside, at the end and across chunk boundaries.
            for chunk in [16, 64, 1 << 20] {
                let reader = try LineReader(path: path, chunkSize: chunk)
                reader.byteLimit = limit
                var lines: [String] = []
                try reader.forEachLine({ lines.append($0.text) }, problem: { _ in })
                #expect(lines == (1...expected).map { String(format: "line %04d", $0) }, "limit \(limit), chunk \(chunk)")
                #expect(reader.stoppedAtLimit)
                #expect(reader.linesRead == expected)
            }
        }
        let whole = try LineReader(path: path)
        whole.byteLimit = 500
        var count = 0
        try whole.forEachLine({ _ in count += 1 }, problem: { _ in })
        #expect(count == 50 && !whole.stoppedAtLimit, "a limit at the file's size reads it all")
    }

    @Test("a log loaded with a byte limit is the first events of the whole log, numbered alike")
    func headIsTheStartOfTheStream() throws {
        let fixture = try FixtureDirectory()
        var lines = ["user,item,time,action,category"]
        for k in 0..<2_000 {
            lines.append("u\(k * 7 % 97),i\(k * 13 % 389),\(1_000 + k),view,top\(k % 5)/sub\(k % 11)")
        }
        let path = try fixture.write("log.csv", lines.joined(separator: "\n") + "\n")
        var options = LoadOptions.standard
        options.byteLimit = 9_000
        let head = try DatasetLoader.load(at: path, options: options)
        let whole = try DatasetLoader.load(at: path)
        let n = head.dataset.events.count
        #expect(n > 100 && n < 2_000)
        #expect(head.report.sources.first.map { $0.bytes >= 9_000 } == true)
        #expect(Array(head.dataset.events) == Array(whole.dataset.events.prefix(n)))
        #expect(head.dataset.userIDs == Array(whole.dataset.userIDs.prefix(head.dataset.userIDs.count)))
        #expect(head.dataset.catalogue.items.map(\.id) == whole.dataset.catalogue.items.prefix(head.dataset.catalogue.count).map(\.id))
    }
}
