import Foundation
import StrataCore
import StrataData
import StrataTestSupport
import Testing

/// Issue 12 item 5 through the real binary: `export` and `plot` read a session (its settings
/// and decisions) without changing it, so a trace or chart is what the explorer showed, and
/// say which session and how many decisions; a missing, foreign or mismatched session is an
/// error naming the file, with nothing written. `validate` prints the mapping it guessed.
@Suite struct SessionResultsEndToEndTests {
    /// A session of the drift scenario with three decisions of its one user, `viewer`.
    func driftSession(in dir: URL, settings: [String] = []) throws -> String {
        let path = dir.appendingPathComponent("drift.strata").path
        let created = try StrataBinary.run(["replay", "--headless", "--scenario", "drift", "--session", path] + settings, in: dir)
        try #require(created.status == 0, "\(created.stderr)")
        let dataset = try #require(try BuiltInScenarios.scenario(named: "drift")).makeDataset()
        let store = try SessionStore.open(at: path, fingerprint: dataset.fingerprint, datasetName: "scenario:drift", config: "")
        defer { try? store.close() }
        let items = dataset.catalogue.items
        try store.record(streamPosition: 100, user: "viewer", item: items[3].id, accepted: true)
        try store.record(streamPosition: 300, user: "viewer", item: items[40].id, accepted: false)
        try store.record(streamPosition: 300, user: "viewer", item: items[41].id, accepted: true)
        return path
    }

    func lines(_ path: URL) throws -> [String] {
        // By newline, so a CSV's CRLF (one Character) ends a line too.
        try String(contentsOf: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
    }

    func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// The bytes of every file in `dir`, by name: what "left untouched" means.
    func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            var isDirectory: ObjCBool = false
            let path = dir.appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory)
            files[name] = isDirectory.boolValue ? Data("directory".utf8) : try Data(contentsOf: path)
        }
        return files
    }

    @Test("export --session replays the session's decisions, says so, and leaves the session as it was")
    func exportReplaysTheSession() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try driftSession(in: dir)
        let before = try snapshot(dir)

        let export = try StrataBinary.run(["export", "--scenario", "drift", "--session", session, "-o", "with.jsonl"], in: dir)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("wrote with.jsonl (replayed 3 decisions of \(session))"), "\(export.stdout)")
        var after = try snapshot(dir)
        after["with.jsonl"] = nil
        #expect(after == before, "the session directory changed: \(after.keys.sorted()) vs \(before.keys.sorted())")

        let with = try lines(dir.appendingPathComponent("with.jsonl"))
        let head = try object(with[0])
        let record = try #require(head["session"] as? [String: String])
        #expect(record["file"] == session)
        #expect(record["decisions"] == "3")
        #expect(record["accepted"] == "2")
        #expect(record["fingerprint"] == "scenario:drift:seed=7")
        #expect((head["config"] as? [String: String])?["seed"] != nil)

        // The same rows as the headless replay of the session, which the explorer matches.
        let replay = try StrataBinary.run(["replay", "--headless", "--scenario", "drift", "--session", session, "--trace", "replay.jsonl"], in: dir)
        #expect(replay.status == 0, "\(replay.stderr)")
        let replayed = try lines(dir.appendingPathComponent("replay.jsonl"))
        #expect(with.count == replayed.count)
        #expect(with.dropFirst().elementsEqual(replayed.dropFirst()), "export --session and replay --session --trace differ")

        // Without the session: identical up to the first decision, different after it.
        let plain = try StrataBinary.run(["export", "--scenario", "drift", "-o", "without.jsonl"], in: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        let without = try lines(dir.appendingPathComponent("without.jsonl"))
        #expect(try object(without[0])["session"] == nil)
        try #require(with.count == without.count && with.count == 2_001)
        // A row is the state after its event and the decisions made at the position after it:
        // the row of event 99 is the first to hold the accept made at position 100.
        let first = (1..<with.count).first { with[$0] != without[$0] }
        #expect(first == 100, "first differing line \(String(describing: first))")
    }

    @Test("a decision given to model B alone (an A/B session) is not in A's trace, and is counted apart")
    func decisionsForBAlone() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try driftSession(in: dir)
        let plain = try StrataBinary.run(["export", "--scenario", "drift", "--session", session, "-o", "a.jsonl"], in: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        do {
            let dataset = try #require(try BuiltInScenarios.scenario(named: "drift")).makeDataset()
            let store = try SessionStore.open(at: session, fingerprint: dataset.fingerprint, datasetName: "scenario:drift", config: "")
            defer { try? store.close() }
            try store.record(streamPosition: 150, user: "viewer", item: dataset.catalogue.items[7].id, accepted: true, side: "b")
        }
        let withB = try StrataBinary.run(["export", "--scenario", "drift", "--session", session, "-o", "b.jsonl"], in: dir)
        #expect(withB.status == 0, "\(withB.stderr)")
        #expect(withB.stdout.contains("(replayed 3 decisions of"))
        let a = try lines(dir.appendingPathComponent("a.jsonl")), b = try lines(dir.appendingPathComponent("b.jsonl"))
        #expect(a.count == b.count && a.dropFirst().elementsEqual(b.dropFirst()), "a decision for B alone changed A's trace")
        let record = try #require(try object(b[0])["session"] as? [String: String])
        #expect(record["decisions"] == "3")
        #expect(record["decisions_b_only"] == "1")
        #expect(try object(a[0])["session"].flatMap { $0 as? [String: String] }?["decisions_b_only"] == nil)
    }

    @Test("export --kind tier-changes --session in CSV carries a # session: line after the config")
    func tierChangesCarryTheSession() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try driftSession(in: dir)
        let run = try StrataBinary.run(["export", "--scenario", "drift", "--session", session, "--kind", "tier-changes", "-o", "changes.csv"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try lines(dir.appendingPathComponent("changes.csv"))
        #expect(text[0].hasPrefix("# config: {"))
        #expect(text[1].hasPrefix("# session: {"))
        #expect(text[1].contains(#""decisions":"3""#))
        #expect(text[2].hasPrefix("position,time,user,item,node,from,to"))
        // Still a --config file: the settings read back.
        let config = try StrataBinary.run(["config", "show", "--json", "--config", "changes.csv"], in: dir)
        #expect(config.status == 0, "\(config.stderr)")
    }

    @Test("plot --session draws the session's run and records it in the SVG's metadata")
    func plotReplaysTheSession() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try driftSession(in: dir)
        let before = try snapshot(dir)
        let with = try StrataBinary.run(["plot", "--scenario", "drift", "--session", session, "--chart", "weights", "-o", "with.svg"], in: dir)
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("(replayed 3 decisions of \(session))"))
        let svg = try String(contentsOf: dir.appendingPathComponent("with.svg"), encoding: .utf8)
        let metadata = try #require(svg.split(whereSeparator: \.isNewline).first { $0.hasPrefix("<metadata class=\"session\">") })
        #expect(metadata.contains("&quot;decisions&quot;:&quot;3&quot;"), "\(metadata)")
        #expect(svg.contains("<metadata class=\"config\">"))
        var after = try snapshot(dir)
        after["with.svg"] = nil
        #expect(after == before)

        let plain = try StrataBinary.run(["plot", "--scenario", "drift", "--chart", "weights", "-o", "without.svg"], in: dir)
        #expect(plain.status == 0)
        let without = try String(contentsOf: dir.appendingPathComponent("without.svg"), encoding: .utf8)
        #expect(!without.contains("class=\"session\""))
        let paths = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("<path class=\"series\"") } }
        #expect(paths(svg) != paths(without), "the decisions did not move any weight")

        // A prequential chart replays no decisions: refused, not silently ignored.
        let ab = try StrataBinary.run(["plot", "--scenario", "drift", "--session", session, "--chart", "ab", "--b-set", "seed=3", "-o", "ab.svg"], in: dir)
        #expect(ab.status == 64)
        #expect(ab.stderr.contains("--session: --chart ab evaluates the stream prequentially"), "\(ab.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ab.svg").path))
    }

    /// One hostile session: the command fails naming the file, and the directory is as it was.
    func expectRefused(_ arguments: [String], in dir: URL, naming file: String, saying words: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot(dir)
        let run = try StrataBinary.run(arguments, in: dir)
        #expect(run.status != 0, "strata \(arguments.joined(separator: " ")) succeeded", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(file), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(words), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(try snapshot(dir) == before, "something was written or changed", sourceLocation: sourceLocation)
    }

    @Test("a missing, damaged or foreign session, or one of another dataset, is an error and nothing is written")
    func hostileSessions() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try driftSession(in: dir)
        for command in [["export", "-o", "out.csv"], ["plot", "--chart", "drift", "-o", "out.svg"]] {
            try expectRefused(command + ["--scenario", "drift", "--session", "missing.strata"], in: dir,
                              naming: "missing.strata", saying: "does not exist")
            try "user,item,time\n".write(to: dir.appendingPathComponent("notes.strata"), atomically: true, encoding: .utf8)
            try expectRefused(command + ["--scenario", "drift", "--session", "notes.strata"], in: dir,
                              naming: "notes.strata", saying: "damaged and was left untouched")
            try expectRefused(command + ["--scenario", "steady", "--session", session], in: dir,
                              naming: session, saying: "was recorded on another dataset")
            try expectRefused(command + ["--scenario", "drift", "--session", session, "--set", "short_half_life=7"], in: dir,
                              naming: session, saying: "keeps the settings it was recorded with")
            try FileManager.default.removeItem(at: dir.appendingPathComponent("notes.strata"))
        }
        // The settings it was recorded with are accepted.
        let same = try StrataBinary.run(["export", "--scenario", "drift", "--session", session, "--set", "seed=42", "-o", "same.csv"], in: dir)
        #expect(same.status == 0, "\(same.stderr)")
    }

    @Test("an output that cannot be written is an error and leaves nothing behind")
    func unwritableOutput() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try driftSession(in: dir)
        try expectRefused(["export", "--scenario", "drift", "--session", session, "-o", "no/such/dir/out.csv"], in: dir,
                          naming: "no/such/dir/out.csv", saying: "No such file or directory")
        // A directory where the file should go.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("taken.svg"), withIntermediateDirectories: false)
        try expectRefused(["plot", "--scenario", "drift", "--session", session, "--chart", "drift", "-o", "taken.svg"], in: dir,
                          naming: "taken.svg", saying: "cannot write")
    }

    @Test("validate prints the column mapping it guessed and a --map that gives it")
    func validatePrintsTheGuessedMapping() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("shop.csv")
        try "visitorid,itemid,timestamp,event,rating\nv1,i1,10,view,\nv2,i2,11,rate,4\n".write(to: file, atomically: true, encoding: .utf8)
        let guessed = try StrataBinary.run(["datasets", "validate", file.path])
        #expect(guessed.status == 0, "\(guessed.stdout)\(guessed.stderr)")
        #expect(guessed.stdout.contains("mapping (guessed from the header): user=visitorid item=itemid time=timestamp action=event value=rating path=- title=-"),
                "\(guessed.stdout)")
        let hint = try #require(guessed.stdout.split(separator: "\n").first { $0.contains("--map '") })
        let map = String(hint.split(separator: "'")[1])
        #expect(map == "user=visitorid,item=itemid,time=timestamp,action=event,value=rating")
        let given = try StrataBinary.run(["datasets", "validate", file.path, "--map", map])
        #expect(given.status == 0)
        #expect(!given.stdout.contains("guessed"), "\(given.stdout)")
        #expect(given.stdout.contains("events accepted: 2"))
    }
}
