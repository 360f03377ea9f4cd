import Foundation
import StrataCore

/// Reads scenario JSON files (Docs/scenarios.md): checks the file's size and nesting depth,
/// decodes with `JSONDecoder`, then validates the semantics (counts and sizes within
/// `ScenarioLimits` included), and turns every problem into a `ScenarioError` naming the file,
/// the line and the field.
public enum ScenarioFile {
    /// Larger files are refused before they are read (the largest shipped one is 16 KB).
    public static let maximumBytes = 4 << 20
    /// Arrays and objects nest at most this deep. A valid scenario needs 11 levels (four
    /// levels of categories); the limit keeps recursive parsers far from the stack's end.
    public static let maximumDepth = 32

    /// - Throws: `ScenarioError`: an unreadable, non-regular or too large file, bad JSON, too
    ///   deep nesting, a wrong type or unknown field (one problem), or every validation issue.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.readAll(path, limit: maximumBytes)
        } catch {
            throw ScenarioError(file: path, message: "cannot read the file (\(error.message))")
        }
        return try decode(bytes, file: path)
    }

    /// Decodes and validates `data`; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws(ScenarioError) -> Scenario {
        try decode([UInt8](data), file: file)
    }

    /// Decodes and validates `bytes`; `file` names it in errors.
    public static func decode(_ bytes: [UInt8], file: String) throws(ScenarioError) -> Scenario {
        guard bytes.count <= maximumBytes else {
            throw ScenarioError(file: file, message: RegularFile.Problem.tooLarge(limit: maximumBytes).message)
        }
        if let deep = JSONDepthScan.firstTooDeep(in: bytes, limit: maximumDepth) {
            throw ScenarioError(file: file, line: deep.location.line, column: deep.location.column, field: deep.path,
                                message: "arrays and objects nest more than \(maximumDepth) levels deep")
        }
        let scenario: Scenario
        do {
            scenario = try JSONDecoder().decode(Scenario.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error, file: file, bytes: bytes)
        } catch {
            throw ScenarioError(file: file, message: "\(error)")
        }
        let issues = scenario.validationIssues()
        guard issues.isEmpty else {
            throw ScenarioError(file: file, problems: issues.map { issue in
                ScenarioError.Problem(line: JSONLocation.line(of: issue.path, in: bytes), field: issue.path, message: issue.message)
            })
        }
        return scenario
    }

    /// Words a decoding error as "expected …, found …" at a field and line.
    static func describe(_ error: DecodingError, file: String, bytes: [UInt8]) -> ScenarioError {
        func located(_ path: ScenarioFieldPath, _ message: String) -> ScenarioError {
            ScenarioError(file: file, line: JSONLocation.line(of: path, in: bytes), field: path, message: message)
        }
        switch error {
        case .typeMismatch(let type, let context):
            let path = ScenarioFieldPath(codingPath: context.codingPath)
            let found = JSONLocation.kind(of: path, in: bytes).map { ", found \($0)" } ?? ""
            return located(path, "expected \(describe(type))\(found)")
        case .valueNotFound(let type, let context):
            let path = ScenarioFieldPath(codingPath: context.codingPath)
            return located(path, "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            let path = ScenarioFieldPath(codingPath: context.codingPath + [key])
            let line = JSONLocation.line(of: ScenarioFieldPath(codingPath: context.codingPath), in: bytes)
            let detail = context.debugDescription.hasPrefix("No value") || context.debugDescription.isEmpty ? "" : " (\(context.debugDescription))"
            return ScenarioError(file: file, line: line, field: path, message: "missing required field \(InputText.quoted(key.stringValue))\(detail)")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                // Foundation gives no position for syntax errors on Linux: find it ourselves.
                if let failure = JSONSyntaxCheck.firstError(in: bytes) {
                    return ScenarioError(file: file, line: failure.location.line, column: failure.location.column,
                                         message: "not valid JSON: \(failure.message)")
                }
                return ScenarioError(file: file, message: "not valid JSON: \(context.debugDescription)")
            }
            return located(ScenarioFieldPath(codingPath: context.codingPath), context.debugDescription)
        @unknown default:
            return ScenarioError(file: file, message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is UInt64.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.contains("UnkeyedDecodingContainer") { return "an array" }
            return "an object"
        }
    }
}
