import Foundation

/// A failed external command: what ran and what it said.
public struct ToolError: Error, CustomStringConvertible, Sendable {
    public var command: String
    public var message: String
    public var description: String { "\(command): \(message)" }
}

/// Runs an external tool found on `PATH` and waits for it; stderr becomes the error message.
enum ToolRunner {
    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ToolError(command: tool, message: "cannot start: \(error)")
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let lastLines = text.split(separator: "\n").suffix(3).joined(separator: " / ")
            throw ToolError(command: tool, message: "exit status \(process.terminationStatus)"
                            + (lastLines.isEmpty ? "" : ": \(lastLines)"))
        }
    }
}
