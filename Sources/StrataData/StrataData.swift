// Reading and writing: dataset formats, validation, session store (SPEC §1).
// Docs/datasets.md describes every format, the bad-input policy and the dataset cache.
import StrataCore

/// The entry points the command line calls: detect, load and validate a dataset at a path.
///
///     let loaded = try DatasetLoader.load(at: "ml-100k/")       // skips and counts bad lines
///     for line in loaded.report.renderedLines() { print(line) }
///     let report = DatasetLoader.validate(at: "ratings.csv")    // every problem, never throws
public enum DatasetLoader {
    /// The format and files of the dataset at `path` (a file or a directory).
    public static func detect(at path: String) throws -> DatasetFiles {
        try FormatDetector.detect(at: path)
    }

    /// Detects and reads the dataset at `path`. Throws a `DatasetError` when reading cannot go
    /// on (or at the first problem with `LoadOptions.strict`).
    public static func load(at path: String, mapping: ColumnMapping? = nil,
                            options: LoadOptions = .standard) throws -> LoadedDataset {
        try load(detect(at: path), mapping: mapping, options: options)
    }

    public static func load(_ files: DatasetFiles, mapping: ColumnMapping? = nil,
                            options: LoadOptions = .standard) throws -> LoadedDataset {
        var report = ValidationReport(problemLimit: options.problemLimit)
        let dataset = try files.reader(mapping: mapping).read(options: options, report: &report)
        return LoadedDataset(dataset: dataset, report: report)
    }

    /// Reads everything at `path` (a RecBole `.user` file too) and reports every problem with
    /// its file, line and field; the problems that stop reading are in the report as well.
    /// Streams: the dataset is never built, so memory does not grow with the number of lines
    /// (Docs/datasets.md, design note 1).
    public static func validate(at path: String, mapping: ColumnMapping? = nil,
                                options: LoadOptions = .validation) -> ValidationReport {
        var options = options
        options.mode = .skipBadLines
        var report = ValidationReport(problemLimit: options.problemLimit)
        do {
            let files = try detect(at: path)
            report.format = files.format
            try files.reader(mapping: mapping).validate(options: options, report: &report)
            if files.format == .recBoleAtomic {
                try RecBoleAtomicReader(name: files.name, interactionsPath: files.events, usersPath: files.users)
                    .validateUsers(options: options, report: &report)
            }
        } catch let problem as DatasetError {
            report.record(problem)
        } catch {
            report.record(DatasetError(file: path, kind: .unreadableFile, message: "\(error)"))
        }
        return report
    }
}
