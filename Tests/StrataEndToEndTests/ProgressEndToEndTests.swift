import Foundation
import StrataTestSupport
import Testing

/// Issue 12 item 6: long runs show progress (rate, ETA) on stderr when asked or when stderr is
/// a terminal, and nothing otherwise; stdout is the same either way. (In these tests stderr is a
/// pipe: the default is off, `--progress` turns it on.)
@Suite struct ProgressEndToEndTests {
    func run(_ arguments: [String], in dir: URL) throws -> StrataBinary.Run {
        let result = try StrataBinary.run(arguments, in: dir)
        #expect(result.status == 0, "strata \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// The progress lines of stderr (one per update when stderr is not a terminal).
    func progressLines(_ stderr: String, _ label: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix(label + "  ") }
    }

    /// stdout without its timings: the state hash of a replay, the ranks of an eval, else all.
    func identity(_ stdout: String) throws -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else { return stdout }
        return try #require((object["state_hash"] ?? object["ranks_sha256"]) as? String)
    }

    @Test("replay, eval, validate and simulate: progress lines only with --progress, the same stdout")
    func progressOnlyWhenAsked() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try run(["simulate", "--shape", "ml10m", "--events", "3000", "--output", "log.csv", "--progress"], in: dir)
        let simulated = progressLines(made.stderr, "simulate ml10m")
        #expect(simulated.last?.hasPrefix("simulate ml10m  100% 3,000/3,000 events") == true, "\(made.stderr)")
        let quiet = try run(["simulate", "--shape", "ml10m", "--events", "3000", "--output", "quiet.csv"], in: dir)
        #expect(progressLines(quiet.stderr, "simulate ml10m").isEmpty)
        #expect(try Data(contentsOf: dir.appendingPathComponent("log.csv")) == Data(contentsOf: dir.appendingPathComponent("quiet.csv")))

        let cases: [(arguments: [String], label: String, last: String)] = [
            (["replay", "--headless", "--dataset", "log.csv"], "replay", "replay  100% 3,000/3,000 events"),
            (["replay", "--headless", "--dataset", "log.csv"], "reading log.csv", "reading log.csv  100% 1/1 MB"),
            (["eval", "--dataset", "log.csv", "--models", "most-popular"], "eval most-popular", "eval most-popular  100% 3,000/3,000 events"),
            (["datasets", "validate", "log.csv"], "reading log.csv", "reading log.csv  100% 1/1 MB"),
        ]
        for (arguments, label, last) in cases {
            let shown = try run(arguments + ["--progress"], in: dir)
            let lines = progressLines(shown.stderr, label)
            #expect(lines.last?.hasPrefix(last) == true, "\(arguments): \(shown.stderr)")
            let plain = try run(arguments, in: dir)
            #expect(progressLines(plain.stderr, label).isEmpty, "\(arguments): progress without a terminal")
            let off = try run(arguments + ["--no-progress"], in: dir)
            #expect(progressLines(off.stderr, label).isEmpty)
            // Replay reports and eval lines carry their timings: compare what identifies the run.
            #expect(try identity(shown.stdout) == identity(plain.stdout), "\(arguments): progress changed stdout")
        }
    }
}
