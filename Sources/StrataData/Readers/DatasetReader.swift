import Crypto
import StrataCore

/// A role: something that reads one dataset format into a `Dataset`.
public protocol DatasetReader: Sendable {
    /// Reads the dataset. Bad lines are recorded in `report` and skipped, or thrown as a
    /// `DatasetError` in strict mode; a problem that stops reading (missing file or column,
    /// empty file) is always thrown. `report` keeps what was learnt up to that point.
    func read(options: LoadOptions, report: inout ValidationReport) throws -> Dataset

    /// Runs every check of `read` and fills `report` the same way, without building the
    /// dataset: memory stays bounded whatever the number of lines (distinct ids are counted in
    /// `options.idBudgetBytes`, then estimated; Docs/datasets.md, design note 1).
    func validate(options: LoadOptions, report: inout ValidationReport) throws
}

/// A dataset and the report of reading it.
public struct LoadedDataset: Sendable {
    public var dataset: Dataset
    public var report: ValidationReport
}

enum Fingerprint {
    /// SHA-256 (hex) of the concatenated hex SHA-256s of the source files, in reading order.
    /// One file's dataset still hashes its file's hash, so the rule has no special case.
    static func combining(_ sources: [ValidationReport.SourceFile]) -> String {
        var hasher = SHA256()
        for source in sources { hasher.update(data: Array(source.sha256.utf8)) }
        return Hex.string(hasher.finalize())
    }
}
