import Foundation
import Testing
import StrataTestSupport
@testable import StrataData

/// Issue 8 item 15: sessions that cannot be written, or whose disk fills, leave nothing behind
/// and lose nothing that was reported committed.
private let fingerprint = String(repeating: "ab", count: 32)
/// Environment variable that turns the re-executed test binary into a writer on a "full disk"
/// (a file-size limit: writes past it fail with EFBIG, as on a full file system).
let childFullDiskVariable = "STRATA_CHILD_FULL_DISK"

@Suite("SessionFailureTests")
struct SessionFailureTests {
    @Test("a read-only session is refused and its directory left exactly as it was")
    func readOnlySession() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        do {
            let store = try SessionStore.open(at: path, fingerprint: fingerprint, datasetName: "d", config: "{}")
            try store.record(streamPosition: 1, user: "u", item: "i", accepted: true)
            try store.close()
        }
        #expect(chmod(path, 0o444) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let listing = try directory.listing()
        #expect(listing == ["s.strata"])
        let error = #expect(throws: SessionError.self) {
            try SessionStore.open(at: path, fingerprint: fingerprint, datasetName: "d", config: "{}")
        }
        #expect(error == .readOnly(path: path))
        #expect(error?.description.contains("read-only") == true)
        #expect(try directory.listing() == listing, "no -wal, -shm or lock file left")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    #if os(Linux)
    @Test("on a full disk: a new session leaves no file; a failed commit is reported and not stored", .timeLimit(.minutes(1)))
    func fullDisk() throws {
        let directory = try ScratchDirectory()
        let child = try ChildProcess(
            executable: try ChildProcess.currentExecutable(),
            arguments: ["--testing-library", "swift-testing", "--filter", "SessionChildFullDisk"],
            environment: [childFullDiskVariable: directory.path],
            stderrPath: directory.file("child.stderr"))
        var lines: [String] = []
        while let line = child.readLine() { lines.append(line) }
        _ = child.waitForExit()
        let stderr = (try? String(contentsOfFile: directory.file("child.stderr"), encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: directory.file("child.stderr"))

        let creation = try #require(lines.first { $0.hasPrefix("create failed: ") }, "child said \(lines); stderr: \(stderr)")
        #expect(creation.contains("new.strata"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("new.strata")), "an empty session file was left")

        let committed = lines.compactMap { $0.hasPrefix("committed ") ? Int($0.dropFirst(10)) : nil }
        let failure = try #require(lines.first { $0.hasPrefix("record failed: ") }, "child said \(lines); stderr: \(stderr)")
        #expect(failure.contains("full.strata"))
        #expect(!committed.isEmpty)
        // Reopened with room again: exactly the decisions reported committed are there.
        let store = try SessionStore.open(at: directory.file("full.strata"), fingerprint: fingerprint, datasetName: "d", config: "{}")
        defer { try? store.close() }
        #expect(try store.decisions().map(\.sequence) == committed)
        #expect(try directory.listing().filter { $0.hasPrefix("new.strata") } == [])
    }
    #endif
}

/// Not a test of its own: the child `SessionFailureTests.fullDisk` spawns.
@Suite("SessionChildFullDisk")
struct SessionChildFullDisk {
    #if os(Linux)
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childFullDiskVariable] != nil))
    func writeUntilFull() throws {
        let directory = try #require(ProcessInfo.processInfo.environment[childFullDiskVariable])
        signal(SIGXFSZ, SIG_IGN)
        var original = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &original)
        func limitFileSize(to bytes: rlim_t) {
            var limit = original
            limit.rlim_cur = bytes
            setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
        }
        func say(_ text: String) {
            let line = Array((text.replacingOccurrences(of: "\n", with: " ") + "\n").utf8)
            _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        }
        // 1. Creating a session with room for 1 KiB: the database header does not fit.
        limitFileSize(to: 1024)
        do {
            let store = try SessionStore.open(at: directory + "/new.strata", fingerprint: fingerprint, datasetName: "d", config: "{}")
            say("create succeeded")
            try store.close()
        } catch {
            say("create failed: \(error)")
        }
        // 2. A session created with room, then the disk fills while decisions are recorded.
        limitFileSize(to: original.rlim_cur)
        let path = directory + "/full.strata"
        let store = try SessionStore.open(at: path, fingerprint: fingerprint, datasetName: "d", config: "{}")
        var info = stat()
        stat(path + "-wal", &info)
        limitFileSize(to: rlim_t(info.st_size) + 64 * 1024)
        for sequence in 0..<100_000 {
            do {
                try store.record(streamPosition: sequence, user: "u", item: "i\(sequence)", accepted: true)
                say("committed \(sequence)")
            } catch {
                say("record failed: \(error)")
                break
            }
        }
        limitFileSize(to: original.rlim_cur)
        try store.close()
    }
    #endif
}
