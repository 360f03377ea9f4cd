import StrataCore
/// A problem in a dataset file, saying where it is: file, line and field.
///
/// `description` reads `ratings.csv:17: field 'rating': expected a number from 1 to 5, found '7'`;
/// the parts that are unknown (no line for a missing file, no field for a bad line) are left out.
public struct DatasetError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The path as given by the caller.
    public var file: String
    /// 1-based line number, or nil for a problem with the whole file.
    public var line: Int?
    /// The column or field name, or nil when the problem is not in one field.
    public var field: String?
    public var kind: ProblemKind
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, kind: ProblemKind, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.kind = kind
        self.message = message
    }

    /// The last component of `file`, used in messages so they stay short.
    public var fileName: String {
        guard let slash = file.lastIndex(of: "/") else { return file }
        let name = file[file.index(after: slash)...]
        return name.isEmpty ? file : String(name)
    }

    public var description: String {
        var text = InputText.escaped(fileName)
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "field \(InputText.quoted(field)): " }
        return InputText.sanitized(text + message)
    }
}

extension DatasetError {
    /// Quotes a found value for a message: escaped and shortened (`InputText.quoted`).
    static func quoted(_ value: String, limit: Int = InputText.defaultLimit) -> String {
        InputText.quoted(value, limit: limit)
    }
}
