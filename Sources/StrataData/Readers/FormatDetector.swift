import StrataCore
import Foundation

/// Decides a dataset's format from a path (a file or a directory), by file names, extensions
/// and, for plain CSV, the first line (Docs/datasets.md "Format detection").
public enum FormatDetector {
    public static func detect(at path: String) throws -> DatasetFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError(file: path, kind: .fileNotFound, message: "no such file or directory")
        }
        if isDirectory.boolValue { return try detectDirectory(path) }
        // Before the first line is peeked at: opening a FIFO would block, a device never end.
        if let problem = RegularFile.check(path) {
            throw DatasetError(file: path, kind: .unreadableFile, message: problem.message)
        }
        return try detectFile(path)
    }

    static func detectFile(_ path: String) throws -> DatasetFiles {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let fileName = url.lastPathComponent
        let lowerName = fileName.lowercased()
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension.lowercased()
        func sibling(_ name: String) -> String? {
            let candidate = (directory as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }
        let directoryName = url.deletingLastPathComponent().lastPathComponent
        switch (lowerName, ext) {
        case (_, "inter"):
            return DatasetFiles(format: .recBoleAtomic, name: stem, events: path,
                                items: sibling(stem + ".item"), users: sibling(stem + ".user"))
        case (_, "item"), (_, "user"):
            if let events = sibling(stem + ".inter") { return try detectFile(events) }
        case ("u.data", _), ("u.item", _):
            if let events = sibling("u.data") {
                return DatasetFiles(format: .movieLens100k, name: directoryName, events: events, items: sibling("u.item"))
            }
        case ("ratings.dat", _), ("movies.dat", _):
            if let events = sibling("ratings.dat") {
                return DatasetFiles(format: .movieLensDat, name: directoryName, events: events, items: sibling("movies.dat"))
            }
        case ("ratings.csv", _), ("movies.csv", _):
            if let events = sibling("ratings.csv"), firstLine(of: events)?.contains("movieId") == true {
                return DatasetFiles(format: .movieLensCSV, name: directoryName, events: events, items: sibling("movies.csv"))
            }
        case (_, "jsonl"), (_, "ndjson"), (_, "json"):
            return DatasetFiles(format: .eventJSONL, name: stem, events: path)
        default:
            break
        }
        if ["csv", "tsv", "tab", "txt", "log"].contains(ext) {
            if let line = firstLine(of: path), looksLikeTaobao(line) {
                return DatasetFiles(format: .taobaoUserBehavior, name: stem, events: path)
            }
            return DatasetFiles(format: .eventCSV, name: stem, events: path)
        }
        throw DatasetError(file: path, kind: .unknownFormat,
                           message: "cannot tell the format from the name \(InputText.quoted(fileName)); expected NAME.inter, u.data, "
                           + "ratings.dat, ratings.csv, a .csv or a .jsonl event log")
    }

    static func detectDirectory(_ path: String) throws -> DatasetFiles {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        let directoryName = URL(fileURLWithPath: path).lastPathComponent
        func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        let inters = names.filter { $0.hasSuffix(".inter") }
        if inters.count == 1 { return try detectFile(file(inters[0])) }
        if inters.count > 1 {
            if inters.contains(directoryName + ".inter") { return try detectFile(file(directoryName + ".inter")) }
            throw DatasetError(file: path, kind: .unknownFormat,
                               message: "several RecBole event files (\(inters.map { InputText.quoted($0) }.joined(separator: ", "))); name one of them")
        }
        for marker in ["u.data", "ratings.dat", "ratings.csv"] where names.contains(marker) {
            if let files = try? detectFile(file(marker)) { return files }
        }
        if let taobao = names.first(where: { $0.lowercased() == "userbehavior.csv" }) {
            return DatasetFiles(format: .taobaoUserBehavior, name: directoryName, events: file(taobao))
        }
        let logs = names.filter { ["csv", "jsonl", "ndjson"].contains(($0 as NSString).pathExtension.lowercased()) }
        if logs.count == 1 { return try detectFile(file(logs[0])) }
        throw DatasetError(file: path, kind: .unknownFormat,
                           message: logs.count > 1
                               ? "several event logs (\(logs.map { InputText.quoted($0) }.joined(separator: ", "))); name one of them"
                               : "no dataset found; expected NAME.inter, u.data, ratings.dat, ratings.csv, UserBehavior.csv or one .csv/.jsonl log")
    }

    /// `1,2268318,2520377,pv,1511544070`: five fields, a known behaviour, the rest integers.
    static func looksLikeTaobao(_ line: String) -> Bool {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingBlanks }
        guard fields.count == 5, ["pv", "cart", "fav", "buy"].contains(fields[3].lowercased()) else { return false }
        return [0, 1, 2, 4].allSatisfy { index in
            !fields[index].isEmpty && fields[index].allSatisfy { $0.isASCII && $0.isNumber || $0 == "-" }
        }
    }

    /// The first line of a file (up to 64 KiB), or nil when it cannot be read.
    static func firstLine(of path: String) -> String? {
        guard let descriptor = try? RegularFile.open(path) else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { return nil }
        bytes.removeSubrange(count...)
        let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
        var line = String(decoding: bytes[..<end], as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        return line
    }
}
