import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process spawned with `posix_spawn`, its stdout readable line by line, for tests
/// that must kill a real process (e.g. `kill -9` durability of sessions).
///
/// A class because it owns a pid and a pipe descriptor.
public final class ChildProcess {
    /// The child's pid.
    public let pid: pid_t
    private let output: Int32
    private var pending: [UInt8] = []
    private var reachedEnd = false
    private var exitStatus: Int32?

    /// Errors spawning a child.
    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The running test binary (`/proc/self/exe`), to re-execute it as a child.
    public static func currentExecutable() throws -> String {
        #if os(Linux)
        return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        #else
        return CommandLine.arguments[0]
        #endif
    }

    /// Starts `executable` with `arguments`, the current environment plus `environment`, stdout
    /// on a pipe and stderr appended to `stderrPath` (or discarded).
    public init(
        executable: String, arguments: [String], environment: [String: String] = [:],
        stderrPath: String? = nil
    ) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(
            &actions, 2, stderrPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)

        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(fds[1])
        guard status == 0 else {
            close(fds[0])
            throw SpawnError(description: "posix_spawn \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        output = fds[0]
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = waitForExit()
        }
        close(output)
    }

    /// The next line of stdout without its newline, or nil at end of file. Blocks.
    public func readLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            if reachedEnd {
                guard !pending.isEmpty else { return nil }
                defer { pending = [] }
                return String(decoding: pending, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                reachedEnd = true
            } else {
                pending.append(contentsOf: chunk[0..<count])
            }
        }
    }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the child to end; returns the raw `waitpid` status.
    @discardableResult
    public func waitForExit() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exitStatus = status
        return status
    }

    /// Whether a `waitpid` status means "killed by `signal`".
    public static func wasKilled(_ status: Int32, by signal: Int32) -> Bool {
        (status & 0x7f) == signal
    }
}
