import Foundation
import StrataCore
import Testing
@testable import StrataData

/// Issue 9 item 5: benchmark-sized logs streamed by Strata, deterministic and readable back.
@Suite struct ShapedLogTests {
    static let small = ShapedLog.Size(events: 20_000, users: 500, items: 4_000, topCategories: 20, subCategories: 10, seconds: 86_400)

    static func text(_ log: ShapedLog, _ layout: ShapedLogWriter.Layout) throws -> (String, chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        try ShapedLogWriter.write(log, layout: layout) { bytes.append(contentsOf: $0); chunks += 1 }
        return (String(decoding: bytes, as: UTF8.self), chunks)
    }

    @Test func sameSeedSameLogOtherSeedOtherLog() throws {
        let a = try Self.text(ShapedLog(shape: .ml10m, size: Self.small, seed: 1), .csv).0
        let b = try Self.text(ShapedLog(shape: .ml10m, size: Self.small, seed: 1), .csv).0
        let c = try Self.text(ShapedLog(shape: .ml10m, size: Self.small, seed: 2), .csv).0
        #expect(a == b)
        #expect(a != c)
    }

    @Test func rowsStayInRangeAndTimeNeverGoesBack() {
        for shape in ShapedLog.Shape.allCases {
            let log = ShapedLog(shape: shape, size: Self.small)
            var cursor = log.start()
            var last = Int64.min, count = 0
            var actions: [Action: Int] = [:]
            while let row = log.next(&cursor) {
                #expect(row.time >= last)
                last = row.time
                #expect((0..<Self.small.users).contains(row.user))
                #expect((0..<log.itemCount).contains(row.item))
                #expect(row.item / (log.itemCount / (Self.small.topCategories * Self.small.subCategories)) == row.top * Self.small.subCategories + row.sub)
                actions[row.action, default: 0] += 1
                count += 1
            }
            #expect(count == Self.small.events)
            if shape == .taobao {
                // pv dominates as in UserBehavior (89.6 % there).
                #expect(Double(actions[.view] ?? 0) / Double(count) > 0.85)
                #expect((actions[.purchase] ?? 0) > 0 && (actions[.cart] ?? 0) > 0 && (actions[.favourite] ?? 0) > 0)
            } else {
                #expect(actions[.rate] == count)
            }
        }
    }

    @Test func writerStreamsInBoundedChunks() throws {
        let (text, chunks) = try Self.text(ShapedLog(shape: .taobao, size: Self.small), .taobao)
        #expect(chunks > 5)   // ~600 KB written in 64 KiB pieces, never held whole by the writer
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.split(separator: ",").count == 5)
    }

    @Test(arguments: [(ShapedLog.Shape.ml10m, ShapedLogWriter.Layout.csv), (.taobao, .csv), (.taobao, .taobao)])
    func logsReadBackWithTheirCategories(shape: ShapedLog.Shape, layout: ShapedLogWriter.Layout) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shaped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(layout == .taobao ? "UserBehavior.csv" : "log.csv")
        try Self.text(ShapedLog(shape: shape, size: Self.small), layout).0.write(to: file, atomically: true, encoding: .utf8)
        let loaded = try DatasetLoader.load(at: directory.path)
        #expect(loaded.dataset.events.count == Self.small.events)
        #expect(!loaded.report.hasProblems)
        // The generic layout keeps both category levels.
        #expect(loaded.dataset.catalogue.taxonomy.depth == (layout == .csv ? 2 : 1))
        if shape == .ml10m {
            #expect(loaded.dataset.events.allSatisfy { $0.action == .rate && (1...5).contains($0.value ?? 0) })
        }
    }
}
