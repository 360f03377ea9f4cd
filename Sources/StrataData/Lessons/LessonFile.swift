import Foundation
import StrataCore
import TOMLKit

/// Reads a lesson file (TOML; the format is Docs/lessons.md). Every problem is an error that
/// names the file, the line when known, the stop and the field; unknown keys are refused so
/// a misspelt trigger never silently becomes a stop at position 0.
public enum LessonFile {
    /// Largest lesson file read (a lesson is a page of text).
    public static let maximumBytes = 256 * 1024
    public static let maximumStops = 100
    /// Four lines of a note at its widest (110 columns).
    public static let maximumTextLength = 440
    static let topKeys: Set<String> = ["title", "scenario", "user", "speed", "stop"]
    static let stopKeys: Set<String> = ["position", "when", "node", "label", "top", "pane", "title", "text", "see", "autopilot"]
    /// The `when` values, as written in files.
    public static let triggerNames = ["drift alert", "tier change", "recommendation", "decision"]

    public static func parse(name: String, path: String, text: String) throws(LessonFileError) -> Lesson {
        guard text.utf8.count <= maximumBytes else {
            throw LessonFileError(path: path, line: nil, message: "larger than \(maximumBytes / 1024) KiB: not a lesson")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw LessonFileError(path: path, line: error.source.begin.line,
                                  message: "not valid TOML (column \(error.source.begin.column)): \(InputText.escaped(error.description, limit: 120))")
        } catch {
            throw LessonFileError(path: path, line: nil, message: "not valid TOML")
        }
        let lines = LessonLines(text: text)
        func fail(_ message: String, stop: Int? = nil, key: String? = nil) -> LessonFileError {
            let line = stop.map { lines.line(ofKey: key, inStop: $0) } ?? key.flatMap { lines.topLine(ofKey: $0) }
            let place = stop.map { "stop \($0 + 1)" + (key.map { ", " + InputText.quoted($0) } ?? "") + ": " } ?? key.map { InputText.quoted($0) + ": " } ?? ""
            return LessonFileError(path: path, line: line, message: place + message)
        }
        for key in table.keys where !topKeys.contains(key) {
            throw fail("unknown key (expected one of: \(topKeys.sorted().joined(separator: ", ")))", key: key)
        }
        guard let title = table["title"]?.string, !title.isEmpty else { throw fail("a lesson needs a title (a non-empty string)", key: "title") }
        guard let user = table["user"]?.string, !user.isEmpty else { throw fail("a lesson needs the user it follows (a string, e.g. \"cleo\")", key: "user") }
        var scenario = "demo"
        if let value = table["scenario"] {
            guard let text = value.string, !text.isEmpty else { throw fail("expected the name of a built-in scenario", key: "scenario") }
            scenario = text
        }
        var speed = 200
        if let value = table["speed"] {
            guard let number = value.int, (1...10_000).contains(number) else { throw fail("expected events per second from 1 to 10000", key: "speed") }
            speed = number
        }
        guard let array = table["stop"]?.array, array.count > 0 else { throw fail("a lesson needs at least one [[stop]]") }
        guard array.count <= maximumStops else { throw fail("more than \(maximumStops) stops") }
        var stops: [LessonStop] = []
        for index in 0..<array.count {
            guard let stop = array[index].table else { throw fail("expected a [[stop]] table", stop: index) }
            stops.append(try parseStop(stop, index: index, fail: fail))
        }
        return Lesson(name: name, title: InputText.sanitized(title), scenario: scenario, user: user, speed: speed, stops: stops)
    }

    private static func parseStop(_ stop: TOMLTable, index: Int,
                                  fail: (String, Int?, String?) -> LessonFileError) throws(LessonFileError) -> LessonStop {
        for key in stop.keys where !stopKeys.contains(key) {
            throw fail("unknown key (expected one of: \(stopKeys.sorted().joined(separator: ", ")))", index, key)
        }
        func string(_ key: String) throws(LessonFileError) -> String? {
            guard let value = stop[key] else { return nil }
            guard let text = value.string else { throw fail("expected a string", index, key) }
            return text
        }
        let node = try string("node").map { $0.split(separator: "/").map { String($0) } }
        let trigger: LessonTrigger
        switch (stop["position"], try string("when")) {
        case (.some, .some): throw fail("give either position or when, not both", index, "when")
        case (nil, nil): throw fail("a stop needs a position or a when (\(triggerNames.joined(separator: ", ")))", index, nil)
        case (let position?, nil):
            guard let number = position.int, number >= 0, number <= 1_000_000_000 else {
                throw fail("expected a stream position from 0 to 1000000000", index, "position")
            }
            trigger = .position(number)
        case (nil, let when?):
            switch when {
            case "drift alert": trigger = .driftAlert
            case "decision": trigger = .decision
            case "tier change":
                guard let node else { throw fail("a tier change needs the node it watches (node = \"Romance\")", index, "node") }
                var label: InterestLabel?
                if let text = try string("label") {
                    guard let parsed = InterestLabel(rawValue: text) else {
                        throw fail("expected one of: \(InterestLabel.allCases.map(\.rawValue).joined(separator: ", "))", index, "label")
                    }
                    label = parsed
                }
                trigger = .labelChange(path: node, label: label)
            case "recommendation":
                guard let node else { throw fail("a recommendation trigger needs the node it waits for (node = \"Romance\")", index, "node") }
                var top = 10
                if let value = stop["top"] {
                    guard let number = value.int, (1...50).contains(number) else { throw fail("expected a count from 1 to 50", index, "top") }
                    top = number
                }
                trigger = .recommendation(path: node, count: top)
            default:
                throw fail("unknown trigger \(InputText.quoted(when)) (expected one of: \(triggerNames.joined(separator: ", ")))", index, "when")
            }
        }
        guard let paneName = try string("pane") else { throw fail("a stop needs the pane it talks about (\(LessonPane.allCases.map(\.rawValue).joined(separator: ", ")))", index, "pane") }
        guard let pane = LessonPane(rawValue: paneName) else {
            throw fail("unknown pane \(InputText.quoted(paneName)) (expected one of: \(LessonPane.allCases.map(\.rawValue).joined(separator: ", ")))", index, "pane")
        }
        guard let title = try string("title"), !title.isEmpty else { throw fail("a stop needs a title", index, "title") }
        guard let body = try string("text") else { throw fail("a stop needs its text (two to four lines)", index, "text") }
        // Lines join into paragraphs (a blank line starts a new one); the note wraps them.
        let lines = paragraphs(body)
        let length = lines.reduce(0) { $0 + $1.count }
        guard !lines.isEmpty else { throw fail("a stop needs its text (two to four lines)", index, "text") }
        guard length <= maximumTextLength else {
            throw fail("\(length) characters; at most \(maximumTextLength) (four lines of the note) fit", index, "text")
        }
        var autopilot: Bool?
        if let value = stop["autopilot"] {
            guard let flag = value.bool else { throw fail("expected true or false", index, "autopilot") }
            autopilot = flag
        }
        return LessonStop(trigger: trigger, pane: pane, title: InputText.sanitized(title), text: lines,
                          see: try string("see").map(InputText.sanitized), autopilot: autopilot)
    }
}

extension LessonFile {
    /// `text` as paragraphs: lines joined with spaces, a blank line between paragraphs.
    static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = InputText.sanitized(String(raw)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }
}

/// A lesson file refused: `path:line: message`.
public struct LessonFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String {
        InputText.sanitized("\(InputText.escaped(path))\(line.map { ":\($0)" } ?? ""): \(message)")
    }
}

/// Lines of keys for messages: the top-level keys before the first `[[stop]]`, and each
/// stop's keys after its header. A best effort; TOMLKit parses the values.
struct LessonLines {
    private var top: [String: Int] = [:]
    private var stops: [(header: Int, keys: [String: Int])] = []

    init(text: String) {
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[[") {
                stops.append((index + 1, [:]))
                continue
            }
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals]).filter { $0 != " " && $0 != "\t" && $0 != "\"" }
            if stops.isEmpty {
                if top[key] == nil { top[key] = index + 1 }
            } else if stops[stops.count - 1].keys[key] == nil {
                stops[stops.count - 1].keys[key] = index + 1
            }
        }
    }

    func topLine(ofKey key: String) -> Int? { top[key] }

    func line(ofKey key: String?, inStop index: Int) -> Int? {
        guard stops.indices.contains(index) else { return nil }
        return key.flatMap { stops[index].keys[$0] } ?? stops[index].header
    }
}
