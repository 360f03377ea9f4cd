import Foundation
import StrataTestSupport
import Testing

/// Issue 12 item 4 through the real binary: `eval --compare`, `--window`, `--per-user` and the
/// prequential chart agree with each other and with the plain eval line (the same positives,
/// counted the same way), on the drift scenario and on the demo's eight users.
@Suite struct ResearchBenchEndToEndTests {
    func json(_ text: Substring) throws -> [String: Any] {
        do {
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        } catch {
            Issue.record("not a JSON object: \(text.prefix(120))")
            throw error
        }
    }

    func lines(_ arguments: [String], in dir: URL? = nil) throws -> [[String: Any]] {
        let result = try StrataBinary.run(arguments, in: dir)
        #expect(result.status == 0, "strata \(arguments.joined(separator: " ")): \(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try json($0) }
    }

    /// JSON numbers as Double whether they were written as `0` or `0.5`.
    func number(_ object: [String: Any], _ key: String) throws -> Double {
        try #require((object[key] as? NSNumber)?.doubleValue, "no number \(key) in \(object.keys.sorted())")
    }

    func pair(_ object: [String: Any], _ key: String) throws -> [Double] {
        try #require((object[key] as? [NSNumber])?.map(\.doubleValue), "no [low, high] \(key)")
    }

    @Test("eval --compare FILE prints A, B and their paired difference, whose interval holds it")
    func compareWithAConfigFile() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[features]\ncooccurrence = false\n".write(to: dir.appendingPathComponent("no-cooc.toml"), atomically: true, encoding: .utf8)
        let out = try lines(["eval", "--scenario", "demo", "--models", "strata", "--compare", "no-cooc.toml"], in: dir)
        try #require(out.count == 3)
        let a = out[0], b = out[1], diff = out[2]
        #expect((a["config"] as? [String: String])?["features.cooccurrence"] == "true")
        #expect((b["config"] as? [String: String])?["features.cooccurrence"] == "false")
        #expect(diff["compare"] as? String == "A - B")
        #expect(diff["evaluated"] as? Int == a["evaluated"] as? Int)
        for metric in ["hr10", "ndcg10", "mrr"] {
            let d = try #require(diff[metric] as? [String: Any])
            let value = try number(d, "diff")
            #expect(abs(value - ((try number(a, metric)) - (try number(b, metric)))) < 1e-12, "\(metric)")
            let ci = try pair(d, "ci95")
            #expect(ci.count == 2 && ci[0] <= value && value <= ci[1], "\(metric): \(value) outside \(ci)")
            let p = try number(d, "p_bootstrap")
            #expect(p > 0 && p <= 1)
        }
        let sign = try #require(diff["hr10_sign_test"] as? [String: Any])
        let aOnly = try #require(sign["a_only"] as? Int), bOnly = try #require(sign["b_only"] as? Int)
        let evaluated = Double(try #require(a["evaluated"] as? Int))
        // Hits of A − hits of B = (A only) − (B only): the sign test counts the same positives.
        let hitDifference = ((try number(a, "hr10")) - (try number(b, "hr10"))) * evaluated
        #expect(abs(hitDifference - Double(aOnly - bOnly)) < 1e-6)
    }

    @Test("a model compared with itself differs by exactly zero")
    func compareWithItself() throws {
        let out = try lines(["eval", "--scenario", "demo", "--models", "strata", "--b-set", "seed=42"])
        try #require(out.count == 3)
        #expect(out[0]["ranks_sha256"] as? String == out[1]["ranks_sha256"] as? String)
        let hr = try #require(out[2]["hr10"] as? [String: Any])
        #expect(try number(hr, "diff") == 0)
        #expect(try pair(hr, "ci95") == [0, 0])
        #expect(try number(hr, "p_bootstrap") == 1)
    }

    @Test("--window N: contiguous windows whose positives and hits add up to the whole")
    func windowsAddUp() throws {
        let out = try lines(["eval", "--scenario", "demo", "--models", "strata", "--window", "1000"])
        let line = try #require(out.first)
        let windows = try #require(line["windows"] as? [[String: Any]])
        #expect(windows.count == 9, "8,200 events in windows of 1,000")
        var expectedStart = 0, evaluated = 0, hits = 0.0
        for window in windows {
            #expect(window["start"] as? Int == expectedStart)
            let end = try #require(window["end"] as? Int)
            #expect(end == min(expectedStart + 1000, 8200))
            expectedStart = end
            let n = try #require(window["evaluated"] as? Int)
            evaluated += n
            hits += (try number(window, "hr10")) * Double(n)
        }
        #expect(evaluated == line["evaluated"] as? Int)
        #expect(abs(hits / Double(evaluated) - (try number(line, "hr10"))) < 1e-9)
    }

    @Test("--per-user .csv and .jsonl: the config first, then users whose counts add up to the eval line")
    func perUserFiles() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["users.csv", "users.jsonl"] {
            let out = try lines(["eval", "--scenario", "demo", "--models", "strata", "--per-user", name], in: dir)
            let line = try #require(out.first)
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            // CSV rows end in CRLF (RFC 4180), one Character in Swift; JSON lines in LF.
            var rows = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            let first = String(rows.removeFirst())
            let config = line["config"] as? [String: String]
            var evaluated = 0, hits = 0
            if name.hasSuffix(".csv") {
                #expect(first.hasPrefix("# config: "))
                let written = try json(first.dropFirst("# config: ".count))
                #expect(written as? [String: String] == config, "\(first.prefix(80))")
                #expect(rows.removeFirst() == "model,user,evaluated,hits,hr10,ndcg10,mrr")
                for row in rows {
                    let fields = row.split(separator: ",", omittingEmptySubsequences: false)
                    try #require(fields.count == 7, "\(row)")
                    #expect(fields[0] == "Strata")
                    evaluated += Int(fields[2]) ?? -1
                    hits += Int(fields[3]) ?? -1
                }
            } else {
                let header = try json(Substring(first))
                #expect(header["config"] as? [String: String] == config)
                for row in rows {
                    let user = try json(row)
                    evaluated += try #require(user["evaluated"] as? Int)
                    hits += try #require(user["hits"] as? Int)
                }
            }
            #expect(rows.count == 8, "\(name): the demo's eight users")
            #expect(evaluated == line["evaluated"] as? Int)
            #expect(abs(Double(hits) / Double(evaluated) - (try number(line, "hr10"))) < 1e-12)
        }
    }

    @Test("plot --chart prequential draws both models' curves and embeds both configs")
    func prequentialChart() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try StrataBinary.run(["plot", "--scenario", "demo", "--chart", "prequential", "--window", "1000",
                                           "--b-set", "features.content=false", "-o", "p.svg"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("p.svg"), encoding: .utf8)
        #expect(svg.contains("<path class=\"series\" data-series=\"A (base)\""))
        #expect(svg.contains("<path class=\"series\" data-series=\"B (features.content=false)\""))
        #expect(svg.contains("<metadata class=\"config\">") && svg.contains("<metadata class=\"config_b\">"))
        #expect(svg.contains("features.content&quot;:&quot;false"), "B's config in the metadata")
    }
}
