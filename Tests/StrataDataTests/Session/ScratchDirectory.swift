import Foundation

/// A fresh directory under the system temporary directory, removed when dropped; each test
/// gets its own, so tests run in parallel.
final class ScratchDirectory {
    let path: String

    init(_ label: String = #function) throws {
        let name = "strata-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)"
        path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Names of the files in the directory, sorted.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}
