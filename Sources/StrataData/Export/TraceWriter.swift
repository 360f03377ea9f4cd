/// Streams trace rows to a CSV or JSONL file without buffering the whole trace: rows go to a
/// temporary file beside the destination, `commit()` renames it into place, `abort()` (or
/// dropping the writer) removes it, so a failed export leaves no partial file.
///
/// A class because it owns an `AtomicFileWriter` (a file descriptor and a temporary file).
public final class TraceWriter {
    /// The destination file.
    public var path: String { output.path }
    /// The format written.
    public let format: TraceFormat
    /// Named columns after the fixed ones (`TraceRow.fixedColumns`), in order.
    public let columns: [String]
    private let output: AtomicFileWriter
    private let known: Set<String>
    /// Number of rows appended so far.
    public private(set) var rowCount = 0
    /// Set by `commit()` and `abort()`; later writes throw `ExportError.finished`.
    private var finished = false

    /// Starts a trace at `path`; for CSV the header is written at once. A non-empty `config`
    /// (the model's `settingsRecord`) goes first, so the file says what produced it:
    /// `# config: {…}` before the CSV header, `{"config":{…}}` as the first JSONL line.
    /// `metadata` are further named records (e.g. `session`: the session replayed and how many
    /// decisions), after the config and in name order: one `# NAME: {…}` line each in CSV,
    /// members of the same first JSONL object.
    /// - Throws: `ExportError.duplicateColumn` or `.io`.
    public init(path: String, format: TraceFormat, columns: [String] = [], config: [String: String] = [:],
                metadata: [String: [String: String]] = [:]) throws(ExportError) {
        var seen = Set(TraceRow.fixedColumns)
        for column in columns where !seen.insert(column).inserted {
            throw .duplicateColumn(path: path, column: column)
        }
        self.format = format
        self.columns = columns
        self.known = Set(columns)
        self.output = try Self.io(path, "create a temporary file") { try AtomicFileWriter(path: path) }
        // The config first: `--config FILE` looks for it there (ConfigFile.record).
        let records = (config.isEmpty ? [] : [("config", config)])
            + metadata.filter { $0.key != "config" }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if !records.isEmpty {
            switch format {
            case .csv:
                try write(records.map { "# \($0.0): \(TraceJSONLEncoder.object($0.1))\r\n" }.joined())
            case .jsonl:
                try write("{" + records.map { TraceJSONLEncoder.string($0.0) + ":" + TraceJSONLEncoder.object($0.1) }.joined(separator: ",") + "}\n")
            }
        }
        if format == .csv {
            try write(TraceCSVEncoder(columns: columns).header())
        }
    }

    /// Appends one row.
    /// - Throws: `ExportError.unknownColumn` if the row has a column not declared at `init`;
    ///   the writer stays usable.
    public func append(_ row: TraceRow) throws(ExportError) {
        if let stray = row.values.keys.filter({ !known.contains($0) }).min() {
            throw .unknownColumn(path: path, position: row.position, column: stray)
        }
        switch format {
        case .csv: try write(TraceCSVEncoder(columns: columns).encode(row))
        case .jsonl: try write(TraceJSONLEncoder(columns: columns).encode(row))
        }
        rowCount += 1
    }

    /// Appends every row of a sequence.
    public func append(contentsOf rows: some Sequence<TraceRow>) throws(ExportError) {
        for row in rows { try append(row) }
    }

    /// Moves the finished trace into place.
    public func commit() throws(ExportError) {
        guard !finished else { throw .finished(path: path) }
        finished = true
        try Self.io(path, "commit") { try output.commit() }
    }

    /// Drops the trace; the destination is left as it was. Idempotent.
    public func abort() {
        finished = true
        output.discard()
    }

    private func write(_ text: String) throws(ExportError) {
        guard !finished else { throw .finished(path: path) }
        try Self.io(path, "write") { try output.write(text) }
    }

    /// Runs a file operation, naming it in the `ExportError` if it fails.
    private static func io<T>(_ path: String, _ operation: String, _ body: () throws -> T) throws(ExportError) -> T {
        do {
            return try body()
        } catch let error as FileWriteError {
            throw .io(path: path, operation: operation, reason: error.reason)
        } catch {
            throw .io(path: path, operation: operation, reason: "\(error)")
        }
    }

    /// Writes `rows` to `path` in one call, atomically.
    public static func write(
        _ rows: some Sequence<TraceRow>, to path: String, format: TraceFormat, columns: [String] = [],
        config: [String: String] = [:], metadata: [String: [String: String]] = [:]
    ) throws(ExportError) {
        let writer = try TraceWriter(path: path, format: format, columns: columns, config: config, metadata: metadata)
        do {
            try writer.append(contentsOf: rows)
        } catch {
            writer.abort()
            throw error
        }
        try writer.commit()
    }
}
