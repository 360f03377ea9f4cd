import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drives a real program in a detached tmux session for end-to-end tests (NCURSES.md
/// "Testing in tmux"): start it at a size, send keys, capture the pane, wait for text with
/// a bounded poll, check whether the alternate screen is on. The session is killed by `stop()`
/// (also on deinit), so a failing test never leaves one behind.
///
/// A class because it owns a tmux session.
public final class TmuxDriver {
    public let session: String
    /// Each driver runs its own tmux server (`tmux -L`), so tests never share or race one.
    public let socket: String
    private var running = false

    /// Why a driver could not start.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The tmux executable, or nil when tmux is not installed.
    public static var tmuxPath: String? {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin"] {
            let path = directory + "/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Starts `command` (a shell command line) in a new session `width`×`height`. With
    /// `keepShell`, the pane runs an interactive `sh` that runs the command, so the pane
    /// survives the program and the test can see what it printed and type into the shell.
    public init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:],
                keepShell: Bool = true) throws {
        session = "strata-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        socket = session
        var exports = environment
        exports["SWIFT_BACKTRACE"] = exports["SWIFT_BACKTRACE"] ?? "interactive=no"
        exports["TERM"] = exports["TERM"] ?? "tmux-256color"
        let prefix = exports.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let line = keepShell ? "\(prefix) \(command); echo \"[exit $?]\"; exec sh" : "\(prefix) \(command)"
        let result = try Self.tmux(["-L", socket] + ["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), line])
        guard result.status == 0 else { throw Failure(description: "tmux new-session failed: \(result.output)") }
        running = true
    }

    deinit { stop() }

    /// Kills the session (idempotent).
    public func stop() {
        guard running else { return }
        running = false
        _ = try? Self.tmux(["-L", socket] + ["kill-session", "-t", session])
    }

    /// Sends `bytes` into the pane as they are (`send-keys -H`): what a terminal sends, such as
    /// a mouse report, without tmux reading key names in it.
    public func sendBytes(_ bytes: String) throws {
        let hex = bytes.utf8.map { String($0, radix: 16) }
        _ = try Self.tmux(["-L", socket] + ["send-keys", "-t", session, "-H"] + hex)
    }

    /// A tmux format for the pane (`#{mouse_sgr_flag}`: whether the program in it asked for
    /// SGR mouse reports), trimmed.
    public func format(_ format: String) throws -> String {
        try Self.tmux(["-L", socket] + ["display", "-p", "-t", session, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sends keys as tmux names them (`Space`, `Right`, `C-c`, `q`, `Escape`).
    public func send(_ keys: String...) throws {
        _ = try Self.tmux(["-L", socket] + ["send-keys", "-t", session] + keys)
    }

    /// Sends text literally.
    public func type(_ text: String) throws {
        _ = try Self.tmux(["-L", socket] + ["send-keys", "-t", session, "-l", text])
    }

    /// The pane's text now.
    public func capture() throws -> String {
        try Self.tmux(["-L", socket] + ["capture-pane", "-p", "-t", session]).output
    }

    public func resize(width: Int, height: Int) throws {
        let result = try Self.tmux(["-L", socket] + ["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
        guard result.status == 0 else { throw Failure(description: "tmux resize-window failed (\(result.status)): \(result.output)") }
    }

    /// `#{alternate_on}`: true while a full-screen program holds the alternate screen.
    public func alternateScreenIsOn() throws -> Bool {
        try Self.tmux(["-L", socket] + ["display", "-p", "-t", session, "#{alternate_on}"]).output.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls every 50 ms until `condition` holds for a capture, up to `timeout` seconds;
    /// returns the last capture and whether it matched.
    @discardableResult
    public func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> (screen: String, matched: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !condition(screen) {
            if Date() >= deadline { return (screen, false) }
            usleep(50_000)
            screen = try capture()
        }
        return (screen, true)
    }

    /// Waits for `text` to appear.
    @discardableResult
    /// Like `waitFor(_:)`, then waits until two captures 50 ms apart are identical, so a frame
    /// caught half written (tmux can capture mid-write) is never read.
    public func waitForSettled(timeout: Double = 10, _ condition: (String) -> Bool) throws -> (screen: String, matched: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var (screen, matched) = try waitFor(timeout: timeout, condition)
        while matched && Date() < deadline {
            usleep(50_000)
            let again = try capture()
            if again == screen { return (screen, condition(screen)) }
            screen = again
            matched = condition(again)
            if !matched { (screen, matched) = try waitFor(timeout: max(0.1, deadline.timeIntervalSinceNow), condition) }
        }
        return (screen, matched)
    }

    public func waitFor(_ text: String, timeout: Double = 10) throws -> (screen: String, matched: Bool) {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Runs tmux with `arguments`; returns its exit status and output.
    ///
    /// Spawned with an empty signal mask and default dispositions: test threads (dispatch
    /// workers) block most signals, and a tmux server started from one would pass that mask
    /// on, so the program under test would never see Ctrl-C or SIGTERM. The output goes to a
    /// file, not a pipe, because the server that `new-session` starts keeps its stdout open.
    @discardableResult
    public static func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let path = tmuxPath else { throw Failure(description: "tmux is not installed") }
        let outputPath = NSTemporaryDirectory() + "strata-tmux-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD, SIGWINCH, SIGTSTP, SIGCONT, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "posix_spawn tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return ((status >> 8) & 0xFF, output)
    }

    /// Single-quotes `text` for the shell.
    public static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// The package root (the directory with Package.swift) above `filePath`.
    public static func packageRoot(from filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
