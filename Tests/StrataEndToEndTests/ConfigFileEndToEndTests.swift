import Foundation
import StrataCore
import StrataTestSupport
import Testing

/// Issue 12 item 3 through the real binary: `--config` of any output reproduces the run bit
/// for bit (same ranks_sha256, same state hash); `config show` is a config file; bad files
/// exit 64 naming file, line, key and range and leave no output behind.
@Suite struct ConfigFileEndToEndTests {
    static let ablation = ["--set", "features.cooccurrence=false", "--set", "short_half_life=10", "--set", "ftrl_beta=3"]

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func run(_ arguments: [String], in dir: URL? = nil) throws -> StrataBinary.Run {
        let result = try StrataBinary.run(arguments, in: dir)
        #expect(result.status == 0, "strata \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    func stateHash(_ arguments: [String], in dir: URL) throws -> String {
        let report = try json(try run(["replay", "--headless", "--scenario", "drift"] + arguments, in: dir).stdout)
        return try #require(report["state_hash"] as? String)
    }

    @Test("eval --config of an eval output gives the same ranks_sha256 and config")
    func evalRoundTrip() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try run(["eval", "--scenario", "drift", "--models", "strata"] + Self.ablation)
        let path = dir.appendingPathComponent("eval.jsonl").path
        try first.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let again = try run(["eval", "--scenario", "drift", "--models", "strata", "--config", path])
        let a = try json(first.stdout), b = try json(again.stdout)
        #expect(a["ranks_sha256"] as? String == b["ranks_sha256"] as? String)
        #expect(a["config"] as? [String: String] == b["config"] as? [String: String])
        let plain = try json(try run(["eval", "--scenario", "drift", "--models", "strata"]).stdout)
        #expect(plain["ranks_sha256"] as? String != a["ranks_sha256"] as? String, "the ablation changed nothing")
    }

    @Test("replay --config of a report, a CSV and a JSONL export, an SVG chart, a session and config show: the same state hash")
    func everyOutputReproducesTheState() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try stateHash(Self.ablation, in: dir)
        #expect(expected != (try stateHash([], in: dir)))

        let report = dir.appendingPathComponent("report.json").path
        try run(["replay", "--headless", "--scenario", "drift"] + Self.ablation).stdout.write(toFile: report, atomically: true, encoding: .utf8)
        var sources = [report]
        for name in ["trace.csv", "trace.jsonl"] {
            _ = try run(["export", "--scenario", "drift", "--kind", "drift-alerts", "-o", name] + Self.ablation, in: dir)
            sources.append(dir.appendingPathComponent(name).path)
        }
        _ = try run(["plot", "--scenario", "drift", "--chart", "drift", "-o", "chart.svg"] + Self.ablation, in: dir)
        sources.append(dir.appendingPathComponent("chart.svg").path)
        _ = try run(["replay", "--headless", "--scenario", "drift", "--session", "s.strata"] + Self.ablation, in: dir)
        sources.append(dir.appendingPathComponent("s.strata").path)
        let shown = dir.appendingPathComponent("shown.toml").path
        try run(["config", "show"] + Self.ablation).stdout.write(toFile: shown, atomically: true, encoding: .utf8)
        sources.append(shown)

        for source in sources {
            #expect(try stateHash(["--config", source], in: dir) == expected, "--config \(source)")
        }
        // --set applies on top of the file.
        #expect(try stateHash(["--config", shown, "--set", "short_half_life=20", "--set", "ftrl_beta=1", "--set", "features.cooccurrence=true"], in: dir)
                == (try stateHash([], in: dir)))
    }

    @Test("a bad config file exits 64 naming file, line, key and range, and writes nothing")
    func badFile() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.toml").path
        try "# ablation\n[features]\ncooccurrence = false\n\n[x]\n".write(toFile: path, atomically: true, encoding: .utf8)
        try "seed = 1\nsegments = 65\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try StrataBinary.run(["export", "--config", path, "-o", "out.csv"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--config \(path):2: segments=65: out of range; allowed: a whole number from 1 to 64"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path))

        try "mmr_lambda = 0.5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let unused = try StrataBinary.run(["eval", "--config", path, "--models", "strata"], in: dir)
        #expect(unused.status == 64)
        #expect(unused.stderr.contains("\(path):1: mmr_lambda: eval does not use this setting"), "\(unused.stderr)")

        let missing = try StrataBinary.run(["replay", "--headless", "--config", "nope.toml"], in: dir)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("nope.toml: no such file"), "\(missing.stderr)")
    }

    @Test("config show prints every key with its default and range; --json too")
    func show() throws {
        let text = try run(["config", "show", "--set", "segments=3"]).stdout
        #expect(text.contains("segments = 3                         # default 8 · a whole number from 1 to 64 · used by all"))
        #expect(text.contains("[features]\ncooccurrence = true"))
        let object = try json(try run(["config", "show", "--json"]).stdout)
        for key in ModelConfig.settingKeys { #expect(object[key] != nil, "\(key) missing") }
        let segments = try #require(object["segments"] as? [String: String])
        #expect(segments == ["value": "8", "default": "8", "allowed": "a whole number from 1 to 64", "used_by": "all"])
    }
}
