import Foundation
import StrataCore

/// One text to embed, with its id (`strata embed --texts FILE.jsonl`).
public struct IdentifiedText: Sendable, Hashable {
    public var id: String
    public var text: String
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

/// Reads `{"id": …, "text": …}` JSON lines (id a string or a whole number; blank lines
/// skipped), in file order. Every problem names the file, the line and the field; ids must be
/// unique (the vectors are matched by id when read back).
public enum TextsFile {
    public static func read(path: String) throws -> [IdentifiedText] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DatasetError(file: path, kind: exists ? .unreadableFile : .fileNotFound, message: exists ? "cannot read" : "no such file")
        }
        var texts: [IdentifiedText] = []
        var firstLine: [String: Int] = [:]
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { continue }
            guard String(data: Data(line), encoding: .utf8) != nil else {
                throw DatasetError(file: path, line: lineNumber, kind: .invalidUTF8, message: "not UTF-8 text")
            }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                throw DatasetError(file: path, line: lineNumber, kind: .malformedLine, message: "not a JSON object")
            }
            let id: String
            if let text = object["id"] as? String, !text.isEmpty {
                id = text
            } else if let number = object["id"].flatMap(EmbeddingFile.jsonNumber), number == number.rounded(), abs(number) < 1e15 {
                id = String(Int(number))
            } else {
                throw DatasetError(file: path, line: lineNumber, field: "id", kind: object["id"] == nil ? .missingColumn : .emptyField,
                                   message: "expected a non-empty string or a whole number")
            }
            guard let text = object["text"] as? String else {
                throw DatasetError(file: path, line: lineNumber, field: "text", kind: .missingColumn, message: "expected a string")
            }
            if let first = firstLine[id] {
                throw DatasetError(file: path, line: lineNumber, field: "id", kind: .duplicateItem,
                                   message: "\(InputText.quoted(id)) is already on line \(first)")
            }
            firstLine[id] = lineNumber
            texts.append(IdentifiedText(id: id, text: text))
        }
        guard !texts.isEmpty else { throw DatasetError(file: path, kind: .emptyFile, message: "no texts") }
        return texts
    }
}
