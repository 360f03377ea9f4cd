import Foundation
import Testing
@testable import StrataData

@Suite("ExportTests")
struct ExportTests {
    private let rows = [
        TraceRow(position: 0, time: 874_965_758, user: "196", item: "242",
                 values: ["weight": .number(0.25), "tier": .text("core"), "accepted": .bool(true)]),
        TraceRow(position: 1, time: 874_965_800, user: "u,2", item: "say \"hi\"",
                 values: ["weight": .number(.nan), "count": .integer(-3)]),
        TraceRow(position: 2, time: 874_965_900, user: "line\nbreak", item: "cr\rhere",
                 values: ["tier": .text("tab\tand \u{1} control"), "weight": .number(1e-5)]),
    ]
    private let columns = ["weight", "tier", "count", "accepted"]

    @Test("CSV fields are quoted exactly when RFC 4180 requires", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""), ("cr\r", "\"cr\r\""), ("", ""), (" spaced ", " spaced "),
        // A quote with a combining mark is one Character, and still a quote to double.
        ("\"\u{301}x", "\"\"\"\u{301}x\""),
    ])
    func csvQuoting(_ raw: String, _ expected: String) {
        #expect(TraceCSVEncoder.field(raw) == expected)
    }

    @Test("a CSV trace has a header, CRLF lines, empty cells for missing or non-finite values")
    func csvFile() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("trace.csv")
        try TraceWriter.write(rows, to: path, format: .csv, columns: columns)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = [
            "position,time,user,item,weight,tier,count,accepted",
            "0,874965758,196,242,0.25,core,,true",
            #"1,874965800,"u,2","say ""hi""",,,-3,"#,
            "2,874965900,\"line\nbreak\",\"cr\rhere\",1e-05,tab\tand \u{1} control,,",
        ].map { $0 + "\r\n" }.joined()
        #expect(text == expected)
        #expect(try directory.listing() == ["trace.csv"])
    }

    @Test("a JSONL trace parses back to the same values")
    func jsonlRoundTrip() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("trace.jsonl")
        try TraceWriter.write(rows, to: path, format: .jsonl, columns: columns)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == rows.count)
        for (line, row) in zip(lines, rows) {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["position"] as? Int == row.position)
            #expect((object["time"] as? NSNumber)?.int64Value == row.time)
            #expect(object["user"] as? String == row.user)
            #expect(object["item"] as? String == row.item)
            for (name, value) in row.values {
                switch value {
                case .number(let number) where number.isFinite:
                    #expect((object[name] as? NSNumber)?.doubleValue == number)
                case .number: #expect(object[name] is NSNull)
                case .integer(let integer): #expect((object[name] as? NSNumber)?.int64Value == integer)
                case .text(let text): #expect(object[name] as? String == text)
                case .bool(let flag): #expect(object[name] as? Bool == flag)
                }
            }
            #expect(Set(object.keys) == Set(TraceRow.fixedColumns + row.values.keys))
        }
        #expect(lines.first?.hasPrefix(#"{"position":0,"time":874965758,"user":"196","item":"242","weight":0.25"#) == true)
    }

    @Test("abort leaves no file, and an existing destination untouched")
    func abortLeavesNothing() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("trace.csv")
        let writer = try TraceWriter(path: path, format: .csv, columns: columns)
        try writer.append(contentsOf: rows)
        writer.abort()
        #expect(try directory.listing().isEmpty)
        #expect(throws: ExportError.finished(path: path)) { try writer.append(rows[0]) }

        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let second = try TraceWriter(path: path, format: .jsonl, columns: columns)
        try second.append(rows[0])
        second.abort()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try directory.listing() == ["trace.csv"])
    }

    @Test("a writer dropped without commit removes its temporary file")
    func dropRemovesTemporary() throws {
        let directory = try ScratchDirectory()
        do {
            let writer = try TraceWriter(path: directory.file("t.jsonl"), format: .jsonl, columns: columns)
            try writer.append(rows[0])
            #expect(try directory.listing().count == 1)
        }
        #expect(try directory.listing().isEmpty)
    }

    @Test("a row with an undeclared column is refused; the writer stays usable")
    func unknownColumn() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("t.csv")
        let writer = try TraceWriter(path: path, format: .csv, columns: ["weight"])
        // The first stray column in name order is named, so the message is deterministic.
        #expect(throws: ExportError.unknownColumn(path: path, position: 0, column: "accepted")) {
            try writer.append(rows[0])
        }
        try writer.append(TraceRow(position: 5, time: 1, user: "u", item: "i", values: ["weight": .integer(2)]))
        try writer.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "position,time,user,item,weight\r\n5,1,u,i,2\r\n")
        #expect(throws: ExportError.duplicateColumn(path: path, column: "user")) {
            try TraceWriter(path: path, format: .csv, columns: ["user"])
        }
    }

    @Test("a long trace streams through the 64 KiB buffer intact")
    func longTrace() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("long.csv")
        let writer = try TraceWriter(path: path, format: .csv, columns: ["score"])
        for position in 0..<20_000 {
            try writer.append(TraceRow(position: position, time: Int64(position), user: "u", item: "i\(position)",
                                       values: ["score": .number(Double(position) / 8)]))
        }
        try writer.commit()
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(lines.count == 20_002)
        #expect(lines[20_000] == "19999,19999,u,i19999,2499.875")
        #expect(try directory.listing() == ["long.csv"])
    }

    @Test("the format follows the file extension", arguments: [
        ("a.csv", TraceFormat.csv), ("A.CSV", .csv), ("b.jsonl", .jsonl), ("c.ndjson", .jsonl), ("d.txt", nil),
    ])
    func formatFromExtension(_ path: String, _ format: TraceFormat?) {
        #expect(TraceFormat(pathExtension: path) == format)
    }

    @Test("a missing directory is a clear error naming the file")
    func missingDirectory() {
        let error = #expect(throws: ExportError.self) {
            try TraceWriter(path: "/nonexistent-strata-dir/t.csv", format: .csv)
        }
        #expect(error?.description.hasPrefix("/nonexistent-strata-dir/t.csv: create a temporary file failed") == true)
    }
}

/// Metadata records beside the config (`export --session` records `session`).
@Suite("Trace metadata")
struct TraceMetadataTests {
    static let config = ["seed": "7", "short_half_life": "20"]
    static let session = ["file": "s.strata", "decisions": "3"]

    @Test("CSV: one # NAME: line per record after the config, then the header")
    func csv() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("t.csv")
        try TraceWriter.write([TraceRow(position: 0, time: 1, user: "u", item: "i", values: [:])], to: path, format: .csv,
                              config: Self.config, metadata: ["session": Self.session, "b": ["k": "v"]])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "# config: {\"seed\":\"7\",\"short_half_life\":\"20\"}\r\n# b: {\"k\":\"v\"}\r\n"
                + "# session: {\"decisions\":\"3\",\"file\":\"s.strata\"}\r\nposition,time,user,item\r\n0,1,u,i\r\n")
        #expect(Set(try ConfigFile.load(path: path).entries.map(\.key)) == ["seed", "short_half_life"])
    }

    @Test("JSONL: the records are members of the first object, the config first")
    func jsonl() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("t.jsonl")
        try TraceWriter.write([], to: path, format: .jsonl, config: Self.config, metadata: ["session": Self.session])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "{\"config\":{\"seed\":\"7\",\"short_half_life\":\"20\"},\"session\":{\"decisions\":\"3\",\"file\":\"s.strata\"}}\n")
        #expect(try ConfigFile.load(path: path).entries.count == 2)
    }
}
