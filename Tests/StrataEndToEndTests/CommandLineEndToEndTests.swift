import Foundation
import StrataCore
import StrataData
import StrataTestSupport
import Testing

/// The real `strata` binary: exit codes, messages that name file, line and field, JSON that
/// parses, determinism, sessions, atomic outputs.
@Suite
struct CommandLineEndToEndTests {
    func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func validateExitsZeroOnAGoodFileAndOneOnABadFile() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.inter")
        try "user_id:token\titem_id:token\trating:float\ttimestamp:float\n1\t10\t4\t100\n2\t11\t3\t101\n".write(to: good, atomically: true, encoding: .utf8)
        let ok = try StrataBinary.run(["datasets", "validate", good.path])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("no problems found"))

        let bad = dir.appendingPathComponent("bad.inter")
        try "user_id:token\titem_id:token\trating:float\ttimestamp:float\n1\t10\t4\t100\n2\t11\tfour\t101\n".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try StrataBinary.run(["datasets", "validate", bad.path])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("bad.inter:3: field 'rating'"), "got: \(failed.stdout)")

        let missing = try StrataBinary.run(["datasets", "validate", dir.appendingPathComponent("nope.csv").path])
        #expect(missing.status != 0)
    }

    @Test func headlessReplayIsDeterministicAndReportsTheDrift() throws {
        let first = try StrataBinary.run(["replay", "--headless", "--scenario", "drift"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let report = try json(first.stdout)
        let hash = try #require(report["state_hash"] as? String)
        #expect(hash.count == 64)
        let second = try json(try StrataBinary.run(["replay", "--headless", "--scenario", "drift"]).stdout)
        #expect(second["state_hash"] as? String == hash)
        let counts = try #require(report["counts"] as? [String: Any])
        #expect(counts["events"] as? Int == 2000)
        let alerts = try #require(report["drift_alerts"] as? [[String: Any]])
        #expect(alerts.contains { $0["kind"] as? String == "interestShift" && ($0["rose"] as? [String])?.first == "Romance" })
        // A different setting gives a different state.
        let changed = try json(try StrataBinary.run(["replay", "--headless", "--scenario", "drift", "--set", "seed=7"]).stdout)
        #expect(changed["state_hash"] as? String != hash)
    }

    @Test func badArgumentsGiveAClearMessageAndNonZeroExit() throws {
        let every = try StrataBinary.run(["eval", "--every", "0"])
        #expect(every.status != 0)
        #expect(every.stderr.contains("--every must be at least 1"))
        let setting = try StrataBinary.run(["replay", "--headless", "--set", "ftrl_alpha=fast"])
        #expect(setting.status != 0)
        #expect(setting.stderr.contains("--set ftrl_alpha=fast: not a finite number; allowed: a number greater than 0 and at most 10"))
        let dataset = try StrataBinary.run(["replay", "--headless", "--dataset", "/no/such/ratings.csv"])
        #expect(dataset.status != 0)
        #expect(dataset.stderr.contains("/no/such/ratings.csv"))
    }

    @Test func failedExportLeavesNoFileBehind() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("trace.csv")
        let run = try StrataBinary.run(["export", "--user", "nobody", "-o", output.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--user nobody"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func simulatedStreamReadsBackAsADataset() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("steady.jsonl")
        let simulate = try StrataBinary.run(["simulate", "steady", "--output", file.path])
        #expect(simulate.status == 0, "stderr: \(simulate.stderr)")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let replay = try json(try StrataBinary.run(["replay", "--headless", "--dataset", file.path]).stdout)
        let counts = try #require(replay["counts"] as? [String: Any])
        #expect(counts["events"] as? Int == lines.count)
    }

    /// Decisions recorded in a session are replayed on reopen: the same state hash as replaying
    /// the same stream and decisions in process.
    @Test func sessionReopenReachesTheStateOfItsDecisions() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("class.strata").path
        let dataset = try Scenario.demo.makeDataset()
        var replayer = Replayer(dataset: dataset)
        let config = String(decoding: try JSONEncoder().encode(ModelConfig.standard), as: UTF8.self)
        let store = try SessionStore.open(at: path, fingerprint: dataset.fingerprint, datasetName: "scenario:demo", config: config)
        for position in [10, 250, 251, 4_000] {
            replayer.seek(to: position)
            let user = replayer.nextEvent?.user ?? 0
            let item = try #require(replayer.recommendations(for: user, count: 1).first).item
            let accepted = position % 2 == 0
            replayer.decide(user: user, item: item, accepted: accepted)
            try store.record(streamPosition: position, user: dataset.userIDs[user], item: dataset.catalogue.items[item].id, accepted: accepted)
        }
        try store.close()
        replayer.seek(to: replayer.total)
        let expected = replayer.model.stateHash

        let run = try StrataBinary.run(["replay", "--headless", "--session", path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let report = try json(run.stdout)
        #expect(report["state_hash"] as? String == expected)
        #expect((report["counts"] as? [String: Any])?["decisions"] as? Int == 4)

        // The session belongs to the demo: another dataset is refused, the file untouched.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let mismatch = try StrataBinary.run(["replay", "--headless", "--scenario", "drift", "--session", path])
        #expect(mismatch.status != 0)
        #expect(mismatch.stderr.contains(path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func evalTakesCommaSeparatedModelsAndItsHelpNamesAPathUsersHave() throws {
        let run = try StrataBinary.run(["eval", "--scenario", "drift", "--every", "20", "--models", "most-popular,item-knn"])
        #expect(run.status == 0, "\(run.stderr)")
        let models = run.stdout.split(separator: "\n").compactMap { try? json(String($0))["model"] as? String }
        #expect(models == ["MostPopular", "ItemKNN"])
        let help = try StrataBinary.run(["eval", "--help"])
        #expect(!help.stdout.contains("../shared"))
        #expect(help.stdout.contains("Docs/evaluation.md"))
    }
}

