import Foundation

/// Runs the built `strata` binary (`.build/debug/strata`, built by the test command) and
/// captures its exit status, stdout and stderr.
public enum StrataBinary {
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The package root, found from this file's path.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static var path: String { packageRoot.appendingPathComponent(".build/debug/strata").path }

    public struct Missing: Error, CustomStringConvertible { public var description: String }

    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Runs `strata ARGS` in `directory` (default: a fresh temporary directory).
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        // A missing binary is a failure, never a skip (Scripts/test builds it first).
        guard isBuilt else { throw Missing(description: "\(path) is not built: run `swift build --product strata` (Scripts/test does)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "interactive=no"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, not pipes: Foundation's `readDataToEndOfFile` is a `try!` that
        // traps on EINTR (a signal arriving in the test process while it reads), which took
        // the whole suite down once under load; files also cannot fill up and block the child.
        let capture = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout"), errURL = capture.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A new empty temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("strata-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
