import Foundation
import Testing
import StrataTestSupport
@testable import StrataData

/// Environment variable that turns the test binary, re-executed, into a session writer.
let childWriterVariable = "STRATA_CHILD_SESSION_WRITER"
private let killFingerprint = String(repeating: "0f", count: 32)

/// The decision the writer records at `sequence`, so the parent can check contents too.
func childDecision(_ sequence: Int) -> Decision {
    Decision(
        streamPosition: sequence / 2, user: "u\(sequence % 7)", item: "item-\(sequence)",
        accepted: sequence % 3 != 0, sequence: sequence)
}

#if os(Linux)
extension SessionTests {
    @Test("every decision reported committed survives kill -9 of the writer", .timeLimit(.minutes(2)))
    func killNine() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("killed.strata")
        let child = try ChildProcess(
            executable: try ChildProcess.currentExecutable(),
            arguments: ["--testing-library", "swift-testing", "--filter", "SessionChildWriter"],
            environment: [childWriterVariable: path],
            stderrPath: directory.file("child.stderr"))
        var reported: [Int] = []
        while reported.count < 200, let line = child.readLine() {
            guard line.hasPrefix("committed "), let sequence = Int(line.dropFirst(10)) else { continue }
            reported.append(sequence)
            if reported.count == 100 {
                // While the child lives, its session is in use, and the message names its pid.
                #expect(throws: SessionError.inUse(path: path, pid: child.pid)) {
                    try SessionStore.open(at: path, fingerprint: killFingerprint, datasetName: "kill", config: "{}")
                }
            }
        }
        child.send(SIGKILL)
        // Lines already in the pipe were committed before the kill too.
        while let line = child.readLine() {
            if line.hasPrefix("committed "), let sequence = Int(line.dropFirst(10)) { reported.append(sequence) }
        }
        let status = child.waitForExit()
        let stderr = (try? String(contentsOfFile: directory.file("child.stderr"), encoding: .utf8)) ?? ""
        try #require(reported.count >= 200, "child reported \(reported.count) decisions; stderr: \(stderr)")
        #expect(ChildProcess.wasKilled(status, by: SIGKILL))
        #expect(reported == Array(0..<reported.count))

        let store = try SessionStore.open(at: path, fingerprint: killFingerprint, datasetName: "kill", config: "{}")
        defer { try? store.close() }
        let decisions = try store.decisions()
        #expect(decisions.count >= reported.count)
        #expect(decisions == (0..<decisions.count).map(childDecision))
    }
}
#endif

/// Not a test of its own: the body of the child process `SessionKillTests` spawns. Runs only
/// when `STRATA_CHILD_SESSION_WRITER` names a session file; records decisions until killed,
/// writing `committed N` to stdout (unbuffered) after each commit returns.
@Suite("SessionChildWriter")
struct SessionChildWriter {
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childWriterVariable] != nil))
    func recordUntilKilled() throws {
        let path = try #require(ProcessInfo.processInfo.environment[childWriterVariable])
        let store = try SessionStore.open(at: path, fingerprint: killFingerprint, datasetName: "kill", config: "{}")
        for sequence in 0..<100_000 {
            try store.record(childDecision(sequence))
            let line = Array("committed \(sequence)\n".utf8)
            _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        }
        try store.close()
    }
}
