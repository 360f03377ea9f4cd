extension ProblemKind {
    /// Problems after which a file cannot be read on (no usable header, no file).
    var isFatal: Bool {
        switch self {
        case .fileNotFound, .unreadableFile, .emptyFile, .missingColumn, .unknownFormat, .invalidMapping: return true
        default: return false
        }
    }
}

extension LineReader {
    /// Calls `body` with every non-blank line and returns how many there were.
    ///
    /// A `DatasetError` thrown by `body` is a problem with that line: it is recorded (or thrown,
    /// in strict mode) and reading goes on. Fatal kinds always stop reading, and so does an
    /// unreadable first line when the file has a header. Afterwards the file's line count and
    /// SHA-256 are added to `report`.
    @discardableResult
    func forEachRecord(sink: ProblemSink, report: inout ValidationReport, hasHeader: Bool,
                       _ body: (RawLine) throws -> Void) throws -> Int {
        var records = 0
        try forEachLine({ line in
            if line.isBlank { return }
            records += 1
            do {
                try body(line)
            } catch let problem as DatasetError where !problem.kind.isFatal {
                try sink.record(problem, in: &report)
            }
        }, problem: { problem in
            if hasHeader && problem.line == 1 {
                throw DatasetError(file: problem.file, line: 1, kind: problem.kind,
                                   message: "header line: \(problem.message)")
            }
            records += 1
            try sink.record(problem, in: &report)
        })
        report.linesRead += linesRead
        report.sources.append(.init(path: path, sha256: sha256(), lines: linesRead, bytes: bytesRead))
        return records
    }
}
