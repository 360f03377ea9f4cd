import Foundation
import StrataCore
import StrataData

extension Benchmarks {
    /// Streaming `validate` on a Taobao-shaped UserBehavior log of 2 M events (1 M users, 4 M
    /// items: most ids are new, the hard case for the id set), written to a temporary directory
    /// first and removed after.
    static func streamingValidate() throws -> ValidateBenchmark {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strata-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("UserBehavior.csv").path
        var size = ShapedLog.standardSize(.taobao)
        size.events = 2_000_000
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try ShapedLogWriter.write(ShapedLog(shape: .taobao, size: size), layout: .taobao) { try handle.write(contentsOf: $0) }
        try handle.close()
        return DatasetLoader.benchmarkValidate(at: path)
    }
}
