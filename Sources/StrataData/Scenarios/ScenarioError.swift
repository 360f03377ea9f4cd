import StrataCore

/// A scenario file that cannot be used, with where each problem is (STYLE.md: errors say
/// where), one line per problem:
///
///     drift.json:14: field 'users[0].interests': expected an object, found a string
///
/// Decoding stops at the first problem; semantic validation reports them all.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Problem: Hashable, Sendable {
        /// 1-based line, when it could be found.
        public var line: Int?
        /// 1-based column, for JSON syntax errors.
        public var column: Int?
        /// JSON key path of the offending field, when there is one.
        public var field: ScenarioFieldPath?
        public var message: String

        public init(line: Int? = nil, column: Int? = nil, field: ScenarioFieldPath? = nil, message: String) {
            self.line = line
            self.column = column
            self.field = field
            self.message = message
        }
    }

    /// The file's path as given (its last component in messages).
    public var file: String
    /// At least one.
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        precondition(!problems.isEmpty, "a ScenarioError for \(file) needs at least one problem")
        self.file = file
        self.problems = problems
    }

    public init(file: String, line: Int? = nil, column: Int? = nil, field: ScenarioFieldPath? = nil, message: String) {
        self.init(file: file, problems: [Problem(line: line, column: column, field: field, message: message)])
    }

    public var description: String {
        let name = InputText.escaped(file.split(separator: "/").last.map(String.init) ?? file)
        return problems.map { problem in
            var text = name
            if let line = problem.line {
                text += ":\(line)"
                if let column = problem.column { text += ":\(column)" }
            }
            if let field = problem.field, !field.components.isEmpty { text += ": field '\(field)'" }
            return text + ": " + InputText.sanitized(problem.message)
        }.joined(separator: "\n")
    }
}
