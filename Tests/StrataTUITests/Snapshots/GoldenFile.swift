import Foundation
import Testing

/// Golden text snapshots of whole screens in `Snapshots/Golden/NAME.txt` (found through
/// `#filePath`, so no resources are bundled). Run with `STRATA_RECORD_SNAPSHOTS=1` to
/// (re)write them; a missing file is written and reported as a failure.
enum GoldenFile {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["STRATA_RECORD_SNAPSHOTS"] == "1" }

    static func url(_ name: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name + ".txt")
    }

    /// The state hash changes with any change to the model's code; it is checked by other
    /// tests, so snapshots mask it to keep them about the screen.
    static func normalised(_ lines: [String]) -> String {
        lines.map { line in
            var text = line
            if let range = text.range(of: "#[0-9a-f]{12}", options: .regularExpression) { text.replaceSubrange(range, with: "#<statehash12>") }
            return text
        }.joined(separator: "\n") + "\n"
    }

    static func assertMatches(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = normalised(lines)
        let file = url(name)
        if isRecording || !FileManager.default.fileExists(atPath: file.path) {
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not write \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            if !isRecording { Issue.record("recorded a new snapshot \(name).txt; check it and run again", sourceLocation: sourceLocation) }
            return
        }
        let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        if expected != text {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = firstDifference.map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "different line count"
            Issue.record("screen differs from \(name).txt at \(where_)\n(re-record with STRATA_RECORD_SNAPSHOTS=1)\n\(text)", sourceLocation: sourceLocation)
        }
    }
}
