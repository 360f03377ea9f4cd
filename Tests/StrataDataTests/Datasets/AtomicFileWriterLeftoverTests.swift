import Foundation
import Testing
import StrataTestSupport
@testable import StrataData

/// Issue 8 item 15: a `kill -9` mid-write leaves a temporary file the next write removes, and
/// replacing a file keeps its permission bits.
@Suite("AtomicFileWriterLeftoverTests")
struct AtomicFileWriterLeftoverTests {
    /// The pid of a process that has exited (and was reaped), so it names nobody.
    static func deadPID() throws -> pid_t {
        let child = try ChildProcess(executable: "/bin/true", arguments: [])
        _ = child.waitForExit()
        try #require(kill(child.pid, 0) != 0 && errno == ESRCH)
        return child.pid
    }

    @Test func aKilledWritersTemporaryFileIsRemovedByTheNextWrite() throws {
        let fixture = try FixtureDirectory()
        let path = fixture.file("trace.csv")
        let dead = try Self.deadPID()
        let stale = try fixture.write(".trace.csv.tmp-\(dead)-12345", "half a trace")
        // A live writer's file (this process, another destination) stays.
        let live = try fixture.write(".trace.csv.tmp-\(getpid())-777", "being written")
        let otherName = try fixture.write(".other.csv.tmp-\(dead)-1", "not ours to judge")
        let foreign = try fixture.write(".trace.csv.tmp-notapid", "not our pattern")
        try AtomicFileWriter.write("position\n", to: path)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: otherName))
        #expect(FileManager.default.fileExists(atPath: foreign))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "position\n")
    }

    @Test(arguments: [0o600, 0o640, 0o755] as [mode_t])
    func replacingAFileKeepsItsMode(mode: mode_t) throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("private.csv", "old")
        #expect(chmod(path, mode) == 0)
        try AtomicFileWriter.write("new", to: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o7777 == mode)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test func aNewFileGetsTheUsualModeLessTheUmask() throws {
        let fixture = try FixtureDirectory()
        let path = fixture.file("new.csv")
        let mask = umask(0o022)
        defer { umask(mask) }
        try AtomicFileWriter.write("x", to: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o644)
    }
}
