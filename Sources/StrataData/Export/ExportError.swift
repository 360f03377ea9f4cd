import StrataCore
/// Why an export failed. Messages are one line and name the file; on any failure the
/// destination is left as it was (no partial file).
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row carries a column the writer was not told about (so the CSV header lacks it).
    case unknownColumn(path: String, position: Int, column: String)
    /// A named column repeats a fixed one or another named column.
    case duplicateColumn(path: String, column: String)
    /// The writer was used after `commit()` or `abort()`.
    case finished(path: String)
    /// The file system refused (directory missing, disk full, permissions).
    case io(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownColumn(path, position, column):
            return "\(InputText.escaped(path)): row at stream position \(position): column \(InputText.quoted(column)) is not among the declared columns"
        case let .duplicateColumn(path, column):
            return "\(InputText.escaped(path)): column \(InputText.quoted(column)) is declared twice"
        case let .finished(path):
            return "\(InputText.escaped(path)): the trace was already committed or aborted"
        case let .io(path, operation, reason):
            return "\(InputText.escaped(path)): \(operation) failed: \(InputText.sanitized(reason))"
        }
    }
}
