import Foundation
import StrataCore

/// The lessons that are part of the program (the files of `Datasets/lessons`, compiled in by
/// `Scripts/embed-lessons`), and reading a lesson a teacher wrote.
public enum BuiltInLessons {
    /// In tour order: tiers, drift, feedback.
    public static var names: [String] { texts.map(\.name) }

    /// The built-in lesson `name`, nil when there is none of that name.
    public static func lesson(named name: String) throws(LessonFileError) -> Lesson? {
        guard let text = texts.first(where: { $0.name == name })?.toml else { return nil }
        return try LessonFile.parse(name: name, path: "Datasets/lessons/\(name).toml", text: text)
    }

    /// A built-in lesson by name, else a lesson file at that path (bounded read, UTF-8).
    public static func load(_ nameOrPath: String) throws(LessonFileError) -> Lesson {
        if let lesson = try lesson(named: nameOrPath) { return lesson }
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
        guard isPath else {
            throw LessonFileError(path: nameOrPath, line: nil,
                                  message: "no built-in lesson of that name (built in: \(names.joined(separator: ", "))) and not a .toml file")
        }
        let url = URL(fileURLWithPath: nameOrPath)
        let data: Data
        do {
            guard let handle = FileHandle(forReadingAtPath: nameOrPath) else {
                throw LessonFileError(path: nameOrPath, line: nil, message: "cannot be read (missing or not allowed)")
            }
            defer { try? handle.close() }
            data = try handle.read(upToCount: LessonFile.maximumBytes + 1) ?? Data()
        } catch let error as LessonFileError {
            throw error
        } catch {
            throw LessonFileError(path: nameOrPath, line: nil, message: "cannot be read: \(InputText.escaped(String(describing: error), limit: 120))")
        }
        guard data.count <= LessonFile.maximumBytes else {
            throw LessonFileError(path: nameOrPath, line: nil, message: "larger than \(LessonFile.maximumBytes / 1024) KiB: not a lesson")
        }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\u{0}") else {
            throw LessonFileError(path: nameOrPath, line: nil, message: "not UTF-8 text")
        }
        return try LessonFile.parse(name: url.deletingPathExtension().lastPathComponent, path: nameOrPath, text: text)
    }
}
