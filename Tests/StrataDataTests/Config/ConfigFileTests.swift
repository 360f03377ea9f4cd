import Foundation
import StrataCore
import StrataTestSupport
import Testing
@testable import StrataData

/// Issue 12 item 3: configs as files. TOML settings and the config records of strata's own
/// outputs go through the same checks as `--set`, with the file and line in every message.
@Suite struct ConfigFileTests {
    func file(_ name: String, _ text: String) throws -> String {
        let dir = try StrataBinary.temporaryDirectory()
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func failure(_ path: String) throws -> String {
        do {
            _ = try ConfigFile.load(path: path).apply(to: ModelConfig())
        } catch {
            return error.description
        }
        Issue.record("\(path) was accepted")
        return ""
    }

    @Test("TOML settings: numbers, words, booleans, [features] as dotted keys")
    func readsTOML() throws {
        let path = try file("a.toml", """
        # an ablation
        short_half_life = 10
        cooccurrence_recency = 0.5
        tier_clock = "seconds"
        seed = 7

        [features]
        cooccurrence = false
        L2 = false
        """)
        let loaded = try ConfigFile.load(path: path)
        #expect(loaded.kind == .toml)
        #expect(loaded.entries.first { $0.key == "features.L2" }?.line == 9)
        let config = try loaded.apply(to: ModelConfig())
        #expect(config == (try ModelConfig().applying(["short_half_life=10", "cooccurrence_recency=0.5", "tier_clock=seconds", "seed=7",
                                                       "features.cooccurrence=false", "features.L2=false"])))
    }

    @Test("bad TOML input names the file, the line, the key and the allowed range",
          arguments: [
              ("short_half_life = 0.5\n", ":1: short_half_life=0.5: out of range; allowed: a number from 1 to 1000000000000"),
              ("# x\ncooccurrence_windw = 3\n", ":2: unknown setting 'cooccurrence_windw'; did you mean 'cooccurrence_window'?"),
              ("[features]\ncooccurence = false\n", ":2: unknown setting 'features.cooccurence'; did you mean 'features.cooccurrence'?"),
              ("segments = 2\nsegments = 3\n", ":2: not valid TOML"),
              ("hysteresis = 2.5\n", ":1: hysteresis=2.5: not a whole number; allowed: a whole number from 1 to 100"),
              ("sampled_negatives = [1, 2]\n", ":1: 'sampled_negatives': expected a number, true/false or a string, found array"),
              ("positive_rating = 1\nnegative_rating = 3\n", ":2: negative_rating=3: out of range; allowed: below positive_rating (1)"),
              ("mmr_lambda = \"\u{1B}]0;x\u{07}\"\n", ":1: not valid TOML"),
              ("mmr_lambda = \"\\u001B]0;x\"\n", ":1: mmr_lambda=\\u{1B}]0;x: not a finite number"),
          ])
    func errorsSayWhere(text: String, expected: String) throws {
        let path = try file("bad.toml", text)
        let message = try failure(path)
        #expect(message.hasPrefix(path + expected), "\(message)")
        #expect(!message.contains("\u{1B}"))
    }

    @Test("config show's TOML reads back to the same configuration")
    func renderedTOMLRoundTrips() throws {
        let config = try ModelConfig().applying(["short_half_life=7.25", "exploration=epsilon:0.1", "seed=18446744073709551615",
                                                 "ftrl_alpha=1e-05", "features.medium=false", "gain_skip=-0.75"])
        let path = try file("show.toml", ConfigFile.tomlText(for: config, header: ["test"]))
        #expect(try ConfigFile.load(path: path).apply(to: ModelConfig()) == config)
    }

    @Test("the config record of an eval line, a CSV trace, a JSONL trace and an SVG chart")
    func readsRecords() throws {
        let config = try ModelConfig().applying(["ftrl_beta=5", "features.content=false"])
        let object = TraceJSONLEncoder.object(config.settingsRecord)
        let sources = [
            ("eval.jsonl", "{\"model\":\"Strata\",\"config\":\(object),\"hr10\":0.5}\n{\"model\":\"MostPopular\",\"config\":{}}\n"),
            ("trace.csv", "# config: \(object)\r\nposition,time\r\n"),
            ("trace.jsonl", "{\"config\":\(object)}\n{\"position\":0}\n"),
            ("chart.svg", "<?xml version=\"1.0\"?>\n<svg>\n<title>x</title>\n<metadata class=\"config\">\(SVGDocument.escape(object))</metadata>\n</svg>\n"),
        ]
        for (name, text) in sources {
            let loaded = try ConfigFile.load(path: try file(name, text))
            #expect(loaded.kind == .record, "\(name)")
            #expect(try loaded.apply(to: ModelConfig()) == config, "\(name)")
        }
        let none = try file("none.jsonl", "{\"model\":\"MostPopular\",\"config\":{}}\n")
        #expect(try failure(none).contains("records no model configuration"))
    }
}
