import Foundation
import Testing
@testable import StrataData

/// Issue 8 item 7: traces and charts say which configuration produced them.
@Suite("ConfigRecordTests")
struct ConfigRecordTests {
    let record = ["segments": "2", "ftrl_beta": "5", "tiers": "short,\"odd\" name"]

    @Test func csvTraceStartsWithTheConfigComment() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("t.csv")
        let writer = try TraceWriter(path: path, format: .csv, columns: ["w"], config: record)
        try writer.append(TraceRow(position: 0, time: 1, user: "u", item: "i", values: ["w": .number(0.5)]))
        try writer.commit()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "# config: {\"ftrl_beta\":\"5\",\"segments\":\"2\",\"tiers\":\"short,\\\"odd\\\" name\"}\r\n"
            + "position,time,user,item,w\r\n0,1,u,i,0.5\r\n")
    }

    @Test func jsonlTraceStartsWithAConfigObject() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("t.jsonl")
        try TraceWriter.write([TraceRow(position: 0, time: 1, user: "u", item: "i", values: [:])], to: path, format: .jsonl, config: record)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: [String: String]])
        #expect(header["config"] == record)
    }

    @Test func withoutAConfigTheFormatIsUnchanged() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("t.csv")
        try TraceWriter.write([], to: path, format: .csv)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "position,time,user,item\r\n")
    }

    @Test func svgCarriesTheConfigAsMetadata() throws {
        let svg = SVGChart.lines(title: "w", xLabel: "x", yLabel: "y", series: [.init(name: "s", pairs: [(0, 1), (1, 2)])],
                                 layout: SVGChart.Layout(metadata: ["config": record]))
        let lines = svg.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("<metadata class=\"config\">") })
        #expect(lines[index - 1] == "<title>w</title>")
        let body = lines[index].dropFirst("<metadata class=\"config\">".count).dropLast("</metadata>".count)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: String])
        #expect(decoded == record)
        #expect(!SVGChart.lines(title: "w", xLabel: "x", yLabel: "y", series: []).contains("<metadata"))
    }
}
