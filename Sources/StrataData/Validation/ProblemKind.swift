/// The kinds of problem a dataset file can have; `ValidationReport` counts each kind.
public enum ProblemKind: String, CaseIterable, Sendable, Comparable {
    case fileNotFound = "file not found"
    case unreadableFile = "unreadable file"
    case emptyFile = "empty file"
    case missingColumn = "missing column"
    case invalidUTF8 = "invalid UTF-8"
    case lineTooLong = "line too long"
    case wrongFieldCount = "wrong number of fields"
    case emptyField = "empty field"
    case invalidNumber = "invalid number"
    case outOfRange = "value out of range"
    case unknownAction = "unknown action"
    case invalidPath = "invalid category path"
    case malformedLine = "malformed line"
    case duplicateItem = "duplicate item"
    case unknownFormat = "unknown format"
    case invalidMapping = "invalid column mapping"

    public static func < (lhs: ProblemKind, rhs: ProblemKind) -> Bool {
        let order = Self.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
