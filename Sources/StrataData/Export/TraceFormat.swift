/// The file formats a trace can be exported to.
public enum TraceFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV with a header line, CRLF line endings.
    case csv
    /// One JSON object per line (`\n`), keys in column order.
    case jsonl

    /// The format a path's extension names (`.csv`, `.jsonl`, `.ndjson`), if any.
    public init?(pathExtension path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") {
            self = .csv
        } else if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") {
            self = .jsonl
        } else {
            return nil
        }
    }
}
