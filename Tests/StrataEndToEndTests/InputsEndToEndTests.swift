import Foundation
import StrataTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 8 items 4, 5, 9, 10, 11, 12, 13 through the real binary: bad input gets a clear error
/// naming the file and field, a non-zero exit, no output file and no raw bytes of the input;
/// nothing hangs or crashes; the numbers read back are the numbers written.
@Suite
struct InputsEndToEndTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    struct Outcome {
        /// The exit status, or minus the signal that ended the process.
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary in `directory`, killing it after `seconds`: a hang is a failure, not a
    /// stuck test run. Returns nil when it had to be killed.
    func run(_ arguments: [String], in directory: URL, seconds: Double = 60,
             executable: String = StrataBinary.path) throws -> Outcome? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return Outcome(status: process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus,
                                stdout: try String(contentsOf: out, encoding: .utf8),
                                stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// No byte a terminal acts on (C0 and C1 controls, DEL, bidi marks; line breaks aside) in
    /// what the program printed. Spelled out here rather than taken from `InputText`, so the
    /// test does not trust the code it checks.
    func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0A: return false
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }

    // MARK: Item 4

    @Test func replayCountsTheLinesItSkipped() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log.csv")
        try "user,item,time,rating\nu1,a,1,4\nu1,b,x,4\nu2,a,3,five\nu2,c,4,5\n\nu3,d,5,3\n".write(to: log, atomically: true, encoding: .utf8)
        let replay = try #require(try run(["replay", "--headless", "--dataset", log.path], in: dir))
        #expect(replay.status == 0, "\(replay.stderr)")
        let counts = try #require(try json(replay.stdout)["counts"] as? [String: Any])
        #expect(counts["skipped_lines"] as? Int == 2)
        #expect(counts["events"] as? Int == 3)
        #expect(replay.stderr.contains("log.csv:3: field 'time'"))
    }

    // MARK: Item 5

    @Test func aSimulatedStreamReadsBackWithItsRatings() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = try json(try #require(try run(["replay", "--headless", "--scenario", "drift"], in: dir)).stdout)
        let expected = try #require((scenario["counts"] as? [String: Any])?["positives"] as? Int)
        #expect(expected == 893)
        let simulate = try #require(try run(["simulate", "drift", "--output", "drift.jsonl"], in: dir))
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let replay = try json(try #require(try run(["replay", "--headless", "--dataset", "drift.jsonl"], in: dir)).stdout)
        #expect((replay["counts"] as? [String: Any])?["positives"] as? Int == expected)
    }

    // MARK: Item 9

    @Test func hostileScenarioFilesGiveLocatedErrorsNotCrashes() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try (#"{"name": "deep", "catalogue": {"categories": "# + String(repeating: "[", count: 100_000))
            .write(to: dir.appendingPathComponent("deep.json"), atomically: true, encoding: .utf8)
        let deep = try #require(try run(["simulate", "deep.json", "--output", "out.jsonl"], in: dir))
        #expect(deep.status == 1, "status \(deep.status): \(deep.stderr)")
        #expect(deep.stderr.contains("deep.json:1:76: field 'catalogue.categories[0]"), "\(deep.stderr)")
        #expect(deep.stderr.contains("nest more than 32 levels deep"))

        let huge = #"{"name": "huge", "eventsPerUser": 1e12, "catalogue": {"categories": [{"name": "A"}]}, "users": [{"id": "u", "preset": "uniform"}]}"#
        try huge.write(to: dir.appendingPathComponent("huge.json"), atomically: true, encoding: .utf8)
        let big = try #require(try run(["replay", "--headless", "--scenario", "huge.json"], in: dir))
        #expect(big.status == 1, "status \(big.status): \(big.stderr)")
        #expect(big.stderr.contains("huge.json:1: field 'eventsPerUser': must be at most 5,000,000, found 1,000,000,000,000"), "\(big.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["deep.json", "huge.json"])
    }

    // MARK: Item 10

    @Test func datasetTextNeverReachesTheTerminalRaw() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let title = "\u{1B}]0;pwned\u{07}"
        let inter = dir.appendingPathComponent("evil.inter")
        try "user_id:token\titem_id:token\trating:float\ttimestamp:float\n1\t10\t\(title)\t100\n2\t\(title)\t4\t101\n"
            .write(to: inter, atomically: true, encoding: .utf8)
        for arguments in [["datasets", "validate", inter.path], ["replay", "--headless", "--dataset", inter.path, "--strict"],
                          ["replay", "--headless", "--dataset", inter.path, "--user", title]] {
            let result = try #require(try run(arguments, in: dir))
            #expect(result.status != 0)
            #expect(isInert(result.stdout) && isInert(result.stderr), "\(arguments): \(result.stdout.debugDescription) \(result.stderr.debugDescription)")
            #expect((result.stdout + result.stderr).contains(#"\u{1B}]0;pwned\u{7}"#), "\(arguments): \(result.stderr)")
        }
    }

    @Test func argumentsNeverReachTheTerminalRawEither() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let title = "\u{1B}]0;pwned\u{07}"
        for arguments in [["plot", "--chart", title, "-o", "x.svg"], ["replay", "--headless", "--set", "ftrl_alpha=\(title)"],
                          ["replay", "--headless", "--scenario", title], ["replay", "--headless", "--dataset", title]] {
            let result = try #require(try run(arguments, in: dir))
            #expect(result.status != 0)
            #expect(isInert(result.stdout) && isInert(result.stderr), "\(arguments): \(result.stderr.debugDescription)")
            #expect(result.stderr.contains(#"\u{1B}]0;pwned\u{7}"#), "\(arguments): \(result.stderr)")
        }
    }

    // MARK: Item 11

    @Test func aTSVLogWithPathsAndAnImpossibleDateReadsAsWritten() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log.tsv")
        try """
        user\titem\ttime\tcategory
        u1\ta\t2019-10-01T00:00:00Z\tBooks > Fantasy > Epic
        u1\tb\t2019-02-30\tBooks > Fantasy > Epic
        u1\tc\t2019-10-01T00:00:00+99:99\tBooks > Fantasy > Epic
        u2\td\t2019-10-02\tMusic › Jazz

        """.write(to: log, atomically: true, encoding: .utf8)
        let replay = try #require(try run(["replay", "--headless", "--dataset", "log.tsv"], in: dir))
        #expect(replay.status == 0, "\(replay.stderr)")
        let counts = try #require(try json(replay.stdout)["counts"] as? [String: Any])
        #expect(counts["events"] as? Int == 2)
        #expect(counts["skipped_lines"] as? Int == 2)
        #expect(replay.stderr.contains("log.tsv:3: field 'time'") && replay.stderr.contains("log.tsv:4: field 'time'"), "\(replay.stderr)")
        let export = try #require(try run(["export", "--dataset", "log.tsv", "-o", "trace.csv"], in: dir))
        #expect(export.status == 0, "\(export.stderr)")
        let header = try #require(try String(contentsOf: dir.appendingPathComponent("trace.csv"), encoding: .utf8).split(separator: "\r\n").first { !$0.hasPrefix("#") })   // after the "# config:" line
        #expect(header.contains("share.short.Books,") && header.contains("share.short.Music,"), "\(header)")
    }

    @Test func aFIFOOrADeviceAsDatasetIsRefusedAtOnce() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("events.csv").path, 0o600) == 0)
        #expect(mkfifo(dir.appendingPathComponent("fifo.json").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("zero.csv").path, withDestinationPath: "/dev/zero")
        for (arguments, message) in [
            (["replay", "--headless", "--dataset", "events.csv"], "events.csv: is a FIFO (named pipe), not a regular file"),
            (["datasets", "validate", "events.csv"], "events.csv: is a FIFO (named pipe), not a regular file"),
            (["replay", "--headless", "--dataset", "zero.csv"], "zero.csv: is a character device, not a regular file"),
            (["replay", "--headless", "--scenario", "fifo.json"], "fifo.json: cannot read the file (is a FIFO (named pipe), not a regular file)"),
        ] {
            let result = try #require(try run(arguments, in: dir, seconds: 20), "\(arguments) hung")
            #expect(result.status != 0)
            #expect((result.stdout + result.stderr).contains(message), "\(arguments): \(result.stdout) \(result.stderr)")
        }
    }

    @Test func outputNamesWithAForeignExtensionAreRefused() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (arguments, message) in [
            (["plot", "--chart", "weights", "-o", "chart.png"], "--output chart.png: plot writes SVG; use a .svg file name"),
            (["replay", "--headless", "--trace", "trace.parquet"], "--trace trace.parquet: use a .csv or .jsonl file name"),
            (["simulate", "drift", "--output", "drift.csv"], "--output drift.csv: simulate writes JSON lines; use a .jsonl file name"),
            (["export", "-o", "trace.txt"], "--output trace.txt: use a .csv or .jsonl file name"),
        ] {
            let result = try #require(try run(arguments, in: dir))
            #expect(result.status != 0)
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    // MARK: Item 12

    @Test func truncatedListsSaySo() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let full = try json(try #require(try run(["replay", "--headless", "--scenario", "multi-user"], in: dir)).stdout)
        let users = try #require(full["users"] as? [[String: Any]])
        #expect(users.count == 10)
        #expect(full["users_total"] as? Int == 24)
        #expect(full["users_truncated"] as? Bool == true)
        let alerts = try #require(full["drift_alerts"] as? [[String: Any]])
        let alertTotal = try #require((full["counts"] as? [String: Any])?["drift_alerts"] as? Int)
        #expect(full["drift_alerts_total"] as? Int == alertTotal)
        #expect(full["drift_alerts_truncated"] as? Bool == (alertTotal > alerts.count))
        #expect(users.allSatisfy { $0["top_level_total"] as? Int == 8 && $0["top_level_truncated"] as? Bool == false })

        // 250 alerts and 10 top-level categories: both lists are cut, and say so.
        let many = try json(try #require(try run(["replay", "--headless", "--scenario", try manyAlertsScenario(in: dir)], in: dir)).stdout)
        let shown = try #require(many["drift_alerts"] as? [[String: Any]])
        let total = try #require(many["drift_alerts_total"] as? Int)
        #expect(shown.count == 200 && total > 200, "\(total) alerts")
        #expect(many["drift_alerts_truncated"] as? Bool == true)
        let first = try #require((many["users"] as? [[String: Any]])?.first)
        #expect((first["top_level"] as? [Any])?.count == 8)
        #expect(first["top_level_total"] as? Int == 10 && first["top_level_truncated"] as? Bool == true)

        let one = try json(try #require(try run(["replay", "--headless", "--scenario", "multi-user", "--user", "alice"], in: dir)).stdout)
        #expect(one["users_total"] as? Int == 1 && one["users_truncated"] as? Bool == false)
    }

    /// Ten top-level categories; 20 users whose interest leaves Category 1 for Category 5 for
    /// 60 events and comes back for 140, twelve times: well over 200 drift alerts.
    func manyAlertsScenario(in dir: URL) throws -> String {
        let users = (0..<20).map { #"{"id": "v\#($0)", "interests": {"Category 1": 6, "Category 3": 2, "Category 6": 1}}"# }
        var drifts: [String] = []
        var t = 1000
        for swing in 0..<24 {
            let (source, target) = swing % 2 == 0 ? ("Category 1", "Category 5") : ("Category 5", "Category 1")
            drifts.append(#"{"from": \#(t), "to": \#(t + 5), "source": "\#(source)", "target": "\#(target)", "fraction": 0.95}"#)
            t += swing % 2 == 0 ? 60 : 140
        }
        let text = """
        {"name": "swings", "seed": 3, "eventsPerUser": \(t),
         "catalogue": {"generated": {"branching": [10, 2]}, "itemsPerLeaf": 6},
         "users": [\(users.joined(separator: ", "))],
         "drift": [\(drifts.joined(separator: ", "))]}
        """
        try text.write(to: dir.appendingPathComponent("swings.json"), atomically: true, encoding: .utf8)
        return "swings.json"
    }

    // MARK: Item 13

    @Test func builtInScenariosWorkFromAnyDirectory() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // An installed copy, far from the repository: nothing to find beside it or above it.
        let installed = dir.appendingPathComponent("bin/strata")
        try FileManager.default.createDirectory(at: installed.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: StrataBinary.path, toPath: installed.path)
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        // Another test's child process, forked while the copy was open for writing, can hold
        // that descriptor until it execs: exec then fails with ETXTBSY ("Text file busy") for
        // a moment. Wait for the copy to become executable instead of failing on the race.
        for attempt in 1...50 {
            do {
                _ = try run(["--version"], in: work, executable: installed.path)
                break
            } catch let error as NSError where error.code == Int(ETXTBSY) || "\(error)".contains("busy") {
                if attempt == 50 { throw error }
                usleep(100_000)
            }
        }
        for name in ["steady", "drift", "emerging", "multi-user"] {
            let result = try #require(try run(["replay", "--headless", "--scenario", name, "--limit", "10"], in: work,
                                              executable: installed.path))
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(try json(result.stdout)["dataset"] as? String == name)
        }
        let list = try #require(try run(["datasets", "list"], in: work, executable: installed.path))
        #expect(list.stdout.contains("demo, drift, emerging, multi-user, steady"), "\(list.stdout)")
        let missing = try #require(try run(["replay", "--headless", "--scenario", "nope"], in: dir))
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope: not a built-in scenario (demo, drift, emerging, multi-user, steady) and no such file"))
    }
}
