import Foundation
import Testing
@testable import StrataData
import StrataCore

/// Issue 13, item 2: lesson files — the built-in three compiled in exactly, and every bad file
/// refused with its file, line, stop and field (Docs/lessons.md).
@Suite("Lesson files")
struct LessonFileTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets/lessons")

    @Test("the embedded lessons are exactly the files of Datasets/lessons, and all parse")
    func builtIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(BuiltInLessons.names) == Set(files.map { String($0.dropLast(5)) }), "Datasets/lessons changed: run Scripts/embed-lessons")
        #expect(BuiltInLessons.names == ["tiers", "drift", "feedback"])
        for file in files {
            let onDisk = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInLessons.texts.first { $0.name == String(file.dropLast(5)) }?.toml == onDisk, "\(file) differs: run Scripts/embed-lessons")
        }
        let drift = try #require(try BuiltInLessons.lesson(named: "drift"))
        #expect(drift.title == "Drift and how it is detected")
        #expect(drift.user == "cleo" && drift.scenario == "demo" && drift.speed == 300)
        #expect(drift.stops.map(\.trigger) == [.position(2000), .driftAlert, .recommendation(path: ["Romance"], count: 3),
                                                .labelChange(path: ["Romance"], label: .core)])
        #expect(drift.stops.map(\.pane) == [.status, .timeline, .recommendations, .tree])
        // Lines of the file join into one paragraph.
        #expect(drift.stops[0].text.count == 1)
        #expect(drift.stops[0].text[0].hasPrefix("The status line says steady, cos 1.00: the cosine between cleo's short-term and long-term"))
        let feedback = try #require(try BuiltInLessons.lesson(named: "feedback"))
        #expect(feedback.stops.contains { $0.trigger == .decision })
        #expect(feedback.stops.contains { $0.autopilot == true })
    }

    static let header = "title = \"T\"\nuser = \"cleo\"\n"

    static func error(_ text: String) -> String {
        do {
            _ = try LessonFile.parse(name: "x", path: "my.toml", text: text)
            return "no error"
        } catch {
            return error.description
        }
    }

    /// Text and the start of its message.
    static let badCases: [(text: String, expected: String)] = {
        let h: String = header
        let stop: String = "[[stop]]\n"
        var cases: [(text: String, expected: String)] = []
        cases.append(("title = \"T\"\n", "my.toml: 'user': a lesson needs the user it follows (a string, e.g. \"cleo\")"))
        cases.append((h, "my.toml: a lesson needs at least one [[stop]]"))
        cases.append((h + "colour = 1\n", "my.toml:3: 'colour': unknown key (expected one of: scenario, speed, stop, title, user)"))
        cases.append((h + stop + "position = 5\nwhen = \"decision\"\npane = \"tree\"\ntitle = \"a\"\ntext = \"b\"\n",
         "my.toml:5: stop 1, 'when': give either position or when, not both"))
        cases.append((h + stop + "pane = \"tree\"\ntitle = \"a\"\ntext = \"b\"\n",
         "my.toml:3: stop 1: a stop needs a position or a when (drift alert, tier change, recommendation, decision)"))
        cases.append((h + stop + "when = \"drift\"\npane = \"tree\"\ntitle = \"a\"\ntext = \"b\"\n",
         "my.toml:4: stop 1, 'when': unknown trigger 'drift' (expected one of: drift alert, tier change, recommendation, decision)"))
        cases.append((h + stop + "when = \"tier change\"\npane = \"tree\"\ntitle = \"a\"\ntext = \"b\"\n",
         "my.toml:3: stop 1, 'node': a tier change needs the node it watches (node = \"Romance\")"))
        cases.append((h + stop + "when = \"tier change\"\nnode = \"Romance\"\nlabel = \"hot\"\npane = \"tree\"\ntitle = \"a\"\ntext = \"b\"\n",
         "my.toml:6: stop 1, 'label': expected one of: core, emerging, fading, active, dormant"))
        cases.append((h + stop + "position = -4\npane = \"tree\"\ntitle = \"a\"\ntext = \"b\"\n",
         "my.toml:4: stop 1, 'position': expected a stream position from 0 to 1000000000"))
        cases.append((h + stop + "position = 4\npane = \"sidebar\"\ntitle = \"a\"\ntext = \"b\"\n",
         "my.toml:5: stop 1, 'pane': unknown pane 'sidebar' (expected one of: tree, recommendations, stream, weights, timeline, status)"))
        cases.append((h + stop + "position = 4\npane = \"tree\"\ntitle = \"a\"\ntext = \"" + String(repeating: "word ", count: 100) + "\"\n",
         "my.toml:7: stop 1, 'text': 499 characters; at most 440 (four lines of the note) fit"))
        cases.append((h + stop + "position = 4\npane = \"tree\"\ntitle = \"a\"\ntext = \"b\"\nautopilot = \"yes\"\n",
         "my.toml:8: stop 1, 'autopilot': expected true or false"))
        cases.append((h + stop + "position = 4\npane = \"tree\"\ntitle = \"a\"\ntext = \"b\"\nsound = 1\n",
         "my.toml:8: stop 1, 'sound': unknown key (expected one of: autopilot, label, node, pane, position, see, text, title, top, when)"))
        cases.append(("title = [\n", "my.toml:1: not valid TOML"))
        return cases
    }()

    @Test("bad lessons are errors naming the file, the line, the stop and the field", arguments: Self.badCases)
    func badLessons(text: String, expected: String) {
        let message = Self.error(text)
        #expect(message.hasPrefix(expected), "got: \(message)")
    }

    @Test("files: a missing, binary, huge or unknown lesson is an error, never a crash")
    func files() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strata-lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func message(_ path: String) -> String {
            do { _ = try BuiltInLessons.load(path); return "no error" } catch { return error.description }
        }
        #expect(message("nosuch").hasPrefix("nosuch: no built-in lesson of that name (built in: tiers, drift, feedback)"))
        #expect(message(dir.appendingPathComponent("missing.toml").path).hasSuffix("missing.toml: cannot be read (missing or not allowed)"))
        let binary = dir.appendingPathComponent("binary.toml")
        try Data([0x74, 0x69, 0x00, 0xFF, 0xFE, 0x1B, 0x5B]).write(to: binary)
        #expect(message(binary.path).hasSuffix("binary.toml: not UTF-8 text"))
        let huge = dir.appendingPathComponent("huge.toml")
        try Data(repeating: 0x61, count: LessonFile.maximumBytes + 10).write(to: huge)
        #expect(message(huge.path).hasSuffix("huge.toml: larger than 256 KiB: not a lesson"))
        #expect(message(dir.path + "/").contains("cannot be read"))
        // A teacher's own file.
        let own = dir.appendingPathComponent("mine.toml")
        try (Self.header + "[[stop]]\nwhen = \"drift alert\"\npane = \"status\"\ntitle = \"Look\"\ntext = \"\"\"\nOne\nline.\n\nTwo.\n\"\"\"\n").write(to: own, atomically: true, encoding: .utf8)
        let lesson = try BuiltInLessons.load(own.path)
        #expect(lesson.name == "mine" && lesson.stops[0].text == ["One line.", "Two."])
    }
}
