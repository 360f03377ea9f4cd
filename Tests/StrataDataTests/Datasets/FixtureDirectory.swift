import Foundation
@testable import StrataData

/// A fresh temporary directory holding fixture files that a test writes itself; removed when
/// the value is dropped. A class: it owns the directory on disk.
final class FixtureDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("strata-data-tests-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, lines: [String]) throws -> String {
        try write(name, lines.joined(separator: "\n") + "\n")
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let target = file(name)
        let directory = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

    func contents() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}

/// The 1-based line number of the only line holding `marker`: error tests put a marker on the
/// bad line and check that the error points at it.
func lineNumber(of marker: String, in lines: [String]) -> Int? {
    lines.firstIndex { $0.contains(marker) }.map { $0 + 1 }
}

/// Loads with the given mode and returns the error thrown, if any.
func loadError(_ path: String, mapping: ColumnMapping? = nil, options: LoadOptions = .strict) -> DatasetError? {
    do {
        _ = try DatasetLoader.load(at: path, mapping: mapping, options: options)
        return nil
    } catch let error as DatasetError {
        return error
    } catch {
        return nil
    }
}
