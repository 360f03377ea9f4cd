/// Where in a scenario something is, as a JSON key path (`users[0].interests`), so loaders and
/// validation can name the field that is wrong (STYLE.md: errors say where).
public enum ScenarioPathComponent: Hashable, Sendable, ExpressibleByStringLiteral {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
}

public struct ScenarioFieldPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    public var components: [ScenarioPathComponent]

    public init(_ components: [ScenarioPathComponent] = []) { self.components = components }
    public init(arrayLiteral elements: ScenarioPathComponent...) { self.components = elements }

    /// A path from decoder coding keys (an integer key is an array index).
    public init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if let index = key.intValue { return .index(index) }
            return .key(key.stringValue)
        }
    }

    public func appending(_ key: String) -> ScenarioFieldPath { ScenarioFieldPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> ScenarioFieldPath { ScenarioFieldPath(components + [.index(index)]) }

    /// `users[0].interests["Sci-Fi/Space"]`: plain keys joined by dots, other keys quoted.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if Self.isPlain(key) {
                    text += text.isEmpty ? key : ".\(key)"
                } else {
                    text += "[\"\(InputText.escaped(key))\"]"
                }
            }
        }
        return text.isEmpty ? "(top level)" : text
    }

    private static func isPlain(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !(first >= "0" && first <= "9") else { return false }
        return key.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
    }
}

/// One semantic problem in a scenario (unknown category, negative count, …).
public struct ScenarioIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: ScenarioFieldPath
    public var message: String

    public init(path: ScenarioFieldPath, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "field '\(path)': \(message)" }
}

/// Thrown by `ScenarioWorld(scenario:)` when `Scenario.validationIssues()` is not empty.
public struct ScenarioValidationError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]

    public init(issues: [ScenarioIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
