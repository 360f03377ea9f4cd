import Foundation
import StrataCore
import StrataData
import StrataTestSupport
import Testing

/// Issue 8 items 7, 8, 15 and 17 through the real binary: every output records the whole
/// config, bad or unused settings are refused, sessions are read as they are.
@Suite
struct SettingsEndToEndTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("eval, replay, export and plot all record settings that change results (ftrl_beta, segments)")
    func everyOutputRecordsTheWholeConfig() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = ["--set", "ftrl_beta=5", "--set", "segments=2"]
        func expectRecorded(_ config: [String: Any]?, _ what: String) {
            #expect(config?["ftrl_beta"] as? String == "5", "\(what): \(String(describing: config))")
            #expect(config?["segments"] as? String == "2", "\(what)")
            #expect(config?.count == ModelConfig.standard.settingsRecord.count, "\(what): not the whole config")
        }

        let eval = try StrataBinary.run(["eval", "--models", "strata", "--every", "20"] + set)
        #expect(eval.status == 0, "stderr: \(eval.stderr)")
        expectRecorded(try json(eval.stdout)["config"] as? [String: Any], "eval")

        let replay = try StrataBinary.run(["replay", "--headless", "--limit", "300"] + set)
        #expect(replay.status == 0, "stderr: \(replay.stderr)")
        expectRecorded(try json(replay.stdout)["config"] as? [String: Any], "replay")

        for name in ["trace.csv", "trace.jsonl"] {
            let output = dir.appendingPathComponent(name).path
            let export = try StrataBinary.run(["export", "--kind", "drift-alerts", "-o", output] + set)
            #expect(export.status == 0, "stderr: \(export.stderr)")
            // CRLF is one Character in Swift: split on any newline.
            let first = try #require(try String(contentsOfFile: output, encoding: .utf8).split(whereSeparator: \.isNewline).first)
            let object = name.hasSuffix(".csv")
                ? try json(String(first.dropFirst("# config: ".count)).trimmingCharacters(in: .whitespacesAndNewlines))
                : try #require(try json(String(first))["config"] as? [String: Any])
            #expect(first.hasPrefix(name.hasSuffix(".csv") ? "# config: {" : "{\"config\":{"))
            expectRecorded(object, name)
        }

        let svg = dir.appendingPathComponent("weights.svg").path
        let plot = try StrataBinary.run(["plot", "--chart", "weights", "-o", svg] + set)
        #expect(plot.status == 0, "stderr: \(plot.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        let metadata = try #require(text.split(separator: "\n").first { $0.hasPrefix("<metadata class=\"config\">") })
        let body = metadata.dropFirst("<metadata class=\"config\">".count).dropLast("</metadata>".count)
            .replacingOccurrences(of: "&quot;", with: "\"")
        expectRecorded(try json(body), "plot")
    }

    @Test("out-of-range and unused settings and options exit non-zero naming key, value and range",
          arguments: [
              (["replay", "--headless", "--set", "mmr_lambda=1.5"], "--set mmr_lambda=1.5: out of range; allowed: a number from 0 to 1"),
              (["replay", "--headless", "--set", "segments=1000000000"], "--set segments=1000000000: out of range; allowed: a whole number from 1 to 64"),
              (["eval", "--half-life", "0"], "--half-life=0: out of range; allowed: a number from 1 to 1000000000000"),
              (["eval", "--set", "exploration=thompson"], "--set exploration: eval does not use this setting"),
              (["eval", "--positives", "purchase,view"], "--positives: 'view' is not a positive action; allowed: click, cart, favourite, purchase, rate, accept (comma-separated)"),
              (["eval", "--repeats", "sometimes"], "--repeats 'sometimes': expected skip or allow"),
              (["eval", "--set", "mmr_lambda=0.5"], "--set mmr_lambda: eval does not use this setting"),
              (["eval", "--models", "item-knn", "--half-life", "100"], "--half-life: eval does not use it without the decayed-popular model"),
              (["plot", "--chart", "weights", "--nodes", "Drama", "-o", "/tmp/never.svg"], "--nodes: only --chart shares uses it"),
              (["plot", "--chart", "shares", "--b-set", "seed=2", "-o", "/tmp/never.svg"], "--b-set: only --chart ab and prequential use it"),
          ])
    func refusals(arguments: [String], message: String) throws {
        let run = try StrataBinary.run(arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// A session on the demo with `config` stored and the position left at 100.
    func makeSession(at path: String, config: String) throws {
        let dataset = try Scenario.demo.makeDataset()
        let store = try SessionStore.open(at: path, fingerprint: dataset.fingerprint, datasetName: "scenario:demo", config: config)
        try store.updateLastState(position: 100, stateHash: "left-here")
        try store.close()
    }

    @Test("replay --headless --session reads the session and leaves its saved position")
    func headlessReplayKeepsThePosition() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.strata").path
        try makeSession(at: path, config: String(decoding: try JSONEncoder().encode(ModelConfig.standard), as: UTF8.self))
        let run = try StrataBinary.run(["replay", "--headless", "--session", path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try json(run.stdout)["counts"].flatMap { ($0 as? [String: Any])?["events"] as? Int } == 8_200)
        let summary = try SessionStore.inspect(path)
        #expect(summary.header.lastPosition == 100)
        #expect(summary.header.lastStateHash == "left-here")

        // Other settings on a reopened session would be ignored: refused instead.
        let overridden = try StrataBinary.run(["replay", "--headless", "--session", path, "--set", "seed=9"])
        #expect(overridden.status != 0)
        #expect(overridden.stderr.contains("keeps the settings it was created with"), "stderr: \(overridden.stderr)")
    }

    @Test("a session whose config is not a usable model config is refused, not replayed with defaults",
          arguments: ["not json", "{}", #"{"seed": 1}"#, "mmr"])
    func badSessionConfig(config: String) throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.strata").path
        var text = config
        if config == "mmr" {
            var out = ModelConfig.standard
            out.mmrLambda = 1.5
            text = String(decoding: try JSONEncoder().encode(out), as: UTF8.self)
        }
        try makeSession(at: path, config: text)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try StrataBinary.run(["replay", "--headless", "--session", path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(path) has a config Strata cannot use and was left untouched"), "stderr: \(run.stderr)")
        if config == "mmr" { #expect(run.stderr.contains("mmr_lambda=1.5: out of range")) }
        #expect(run.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
