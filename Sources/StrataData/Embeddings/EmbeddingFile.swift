import Foundation
import StrataCore

/// Vectors with the ids they belong to, in file order (Docs/language-model.md §5).
public struct EmbeddingTable: Sendable, Equatable {
    /// One id per row; `nil` for a `.npy` file, whose rows are matched by position.
    public var ids: [String]?
    public var vectors: [[Float]]

    public init(ids: [String]?, vectors: [[Float]]) {
        self.ids = ids
        self.vectors = vectors
    }

    public var dimension: Int { vectors.first?.count ?? 0 }
}

/// The three embedding file formats, chosen by the file name:
/// * `.npy` — NumPy float32, `N × d`, rows in input order (no ids);
/// * `.jsonl` — one `{"id": "…", "embedding": [ … ]}` per line;
/// * anything else (`.itememb`, `.item`) — RecBole's atomic feature file: a tab-separated
///   header `item_id:token	item_emb:float_seq`, then `id<TAB>v₁ v₂ … v_d` per item.
public enum EmbeddingFormat: String, Sendable, CaseIterable {
    case recbole, npy, jsonl

    public init(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".npy") { self = .npy } else if lower.hasSuffix(".jsonl") { self = .jsonl } else { self = .recbole }
    }
}

public enum EmbeddingFile {
    /// Writes `table` atomically (temporary file + rename) in the format its name asks for.
    public static func write(_ table: EmbeddingTable, to path: String) throws {
        let writer = try AtomicFileWriter(path: path)
        switch EmbeddingFormat(path: path) {
        case .npy:
            try writer.write(bytes: npyHeader(rows: table.vectors.count, columns: table.dimension))
            var bytes: [UInt8] = []
            bytes.reserveCapacity(table.dimension * 4)
            for vector in table.vectors {
                bytes.removeAll(keepingCapacity: true)
                for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
                try writer.write(bytes: bytes)
            }
        case .jsonl:
            for (k, vector) in table.vectors.enumerated() {
                let id = table.ids?[k] ?? String(k)
                try writer.write("{\"id\":\(jsonString(id)),\"embedding\":[\(vector.map(number).joined(separator: ","))]}\n")
            }
        case .recbole:
            try writer.write("item_id:token\titem_emb:float_seq\n")
            for (k, vector) in table.vectors.enumerated() {
                let id = (table.ids?[k] ?? String(k)).replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
                try writer.write("\(id)\t\(vector.map(number).joined(separator: " "))\n")
            }
        }
        try writer.commit()
    }

    /// Reads an embedding file; every problem names the file, the line (or row) and the field.
    public static func read(path: String) throws -> EmbeddingTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DatasetError(file: path, kind: exists ? .unreadableFile : .fileNotFound, message: exists ? "cannot read" : "no such file")
        }
        guard !data.isEmpty else { throw DatasetError(file: path, kind: .emptyFile, message: "the embedding file is empty") }
        let table: EmbeddingTable
        switch EmbeddingFormat(path: path) {
        case .npy: table = try readNPY(data, path: path)
        case .jsonl: table = try readJSONL(data, path: path)
        case .recbole: table = try readRecBole(data, path: path)
        }
        guard !table.vectors.isEmpty else { throw DatasetError(file: path, kind: .emptyFile, message: "no vectors") }
        if let ids = table.ids {
            var seen: [String: Int] = [:]
            for (k, id) in ids.enumerated() {
                if let first = seen[id] {
                    throw DatasetError(file: path, line: lineOf(row: k, format: EmbeddingFormat(path: path)), field: "id", kind: .duplicateItem,
                                       message: "item \(InputText.quoted(id)) already has a vector (line \(lineOf(row: first, format: EmbeddingFormat(path: path))))")
                }
                seen[id] = k
            }
        }
        return table
    }

    static func lineOf(row: Int, format: EmbeddingFormat) -> Int { format == .recbole ? row + 2 : row + 1 }

    // MARK: RecBole atomic

    static func readRecBole(_ data: Data, path: String) throws -> EmbeddingTable {
        guard let text = String(data: data, encoding: .utf8) else {
            throw DatasetError(file: path, kind: .invalidUTF8, message: "not UTF-8 text")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw DatasetError(file: path, kind: .emptyFile, message: "no header") }
        let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let idColumn = columns.firstIndex(where: { $0.hasSuffix(":token") }) else {
            throw DatasetError(file: path, line: 1, kind: .missingColumn, message: "the header has no ':token' id column (expected item_id:token)")
        }
        guard let vectorColumn = columns.firstIndex(where: { $0.hasSuffix(":float_seq") }) else {
            throw DatasetError(file: path, line: 1, kind: .missingColumn, message: "the header has no ':float_seq' column (expected item_emb:float_seq)")
        }
        let vectorField = String(columns[vectorColumn].prefix { $0 != ":" })
        var ids: [String] = []
        var vectors: [[Float]] = []
        for (k, line) in lines.enumerated().dropFirst() {
            let lineNumber = k + 1
            let raw = line.hasSuffix("\r") ? line.dropLast() : line
            if raw.isEmpty { continue }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == columns.count else {
                throw DatasetError(file: path, line: lineNumber, kind: .wrongFieldCount, message: "\(fields.count) fields, the header has \(columns.count)")
            }
            let id = String(fields[idColumn])
            guard !id.isEmpty else { throw DatasetError(file: path, line: lineNumber, field: String(columns[idColumn].prefix { $0 != ":" }), kind: .emptyField, message: "empty id") }
            let vector = try parseVector(fields[vectorColumn].split(separator: " ", omittingEmptySubsequences: true),
                                         path: path, line: lineNumber, field: vectorField)
            if let first = vectors.first, first.count != vector.count {
                throw DatasetError(file: path, line: lineNumber, field: vectorField, kind: .wrongFieldCount,
                                   message: "\(vector.count) numbers, line 2 has \(first.count)")
            }
            ids.append(id)
            vectors.append(vector)
        }
        return EmbeddingTable(ids: ids, vectors: vectors)
    }

    static func parseVector(_ parts: [Substring], path: String, line: Int, field: String) throws -> [Float] {
        guard !parts.isEmpty else { throw DatasetError(file: path, line: line, field: field, kind: .emptyField, message: "no numbers") }
        var vector: [Float] = []
        vector.reserveCapacity(parts.count)
        for (k, part) in parts.enumerated() {
            guard let value = Float(part), value.isFinite else {
                throw DatasetError(file: path, line: line, field: field, kind: .invalidNumber,
                                   message: "number \(k + 1): expected a finite number, found \(InputText.quoted(String(part)))")
            }
            vector.append(value)
        }
        return vector
    }

    // MARK: JSON lines

    static func readJSONL(_ data: Data, path: String) throws -> EmbeddingTable {
        var ids: [String] = []
        var vectors: [[Float]] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                throw DatasetError(file: path, line: lineNumber, kind: .malformedLine, message: "not a JSON object")
            }
            let id: String
            if let text = object["id"] as? String { id = text } else if let number = object["id"].flatMap(jsonNumber), number == number.rounded(), abs(number) < 1e15 { id = String(Int(number)) } else {
                throw DatasetError(file: path, line: lineNumber, field: "id", kind: .missingColumn, message: "expected a string or number id")
            }
            guard let values = object["embedding"] as? [Any], !values.isEmpty else {
                throw DatasetError(file: path, line: lineNumber, field: "embedding", kind: .missingColumn, message: "expected a non-empty array of numbers")
            }
            var vector: [Float] = []
            vector.reserveCapacity(values.count)
            for (k, value) in values.enumerated() {
                guard let number = jsonNumber(value), Float(number).isFinite else {
                    throw DatasetError(file: path, line: lineNumber, field: "embedding", kind: .invalidNumber, message: "element \(k + 1) is not a finite number")
                }
                vector.append(Float(number))
            }
            if let first = vectors.first, first.count != vector.count {
                throw DatasetError(file: path, line: lineNumber, field: "embedding", kind: .wrongFieldCount,
                                   message: "\(vector.count) numbers, the first vector has \(first.count)")
            }
            ids.append(id)
            vectors.append(vector)
        }
        return EmbeddingTable(ids: ids, vectors: vectors)
    }

    /// A JSON number as Foundation's parser gives it (Int or Double; never a Bool).
    static func jsonNumber(_ value: Any) -> Double? {
        // Foundation gives NSNumber for numbers and booleans alike; a boolean's type is "c".
        if let number = value as? NSNumber {
            return String(cString: number.objCType) == "c" ? nil : number.doubleValue
        }
        if let double = value as? Double { return double }
        if let int = value as? Int { return Double(int) }
        return nil
    }

    // MARK: NumPy

    /// `\x93NUMPY` v1.0 header for a C-order float32 `rows × columns` array, padded to 64 bytes.
    static func npyHeader(rows: Int, columns: Int) -> [UInt8] {
        var dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        let unpadded = 10 + dictionary.utf8.count + 1
        dictionary += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let length = UInt16(dictionary.utf8.count)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(dictionary.utf8)
    }

    static func readNPY(_ data: Data, path: String) throws -> EmbeddingTable {
        let bytes = [UInt8](data)
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else {
            throw DatasetError(file: path, kind: .unknownFormat, message: "not a NumPy .npy file (no \\x93NUMPY magic)")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        if major == 1 {
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        } else if major == 2 || major == 3, bytes.count >= 12 {
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        } else {
            throw DatasetError(file: path, kind: .unknownFormat, message: "unsupported .npy version \(major)")
        }
        guard headerStart + headerLength <= bytes.count else {
            throw DatasetError(file: path, kind: .malformedLine, message: "the header runs past the end of the file")
        }
        let header = String(decoding: bytes[headerStart..<headerStart + headerLength], as: UTF8.self)
        let descr: String
        if header.contains("'<f4'") || header.contains("\"<f4\"") { descr = "<f4" } else if header.contains("'<f8'") || header.contains("\"<f8\"") { descr = "<f8" } else {
            throw DatasetError(file: path, field: "descr", kind: .unknownFormat, message: "expected little-endian float32 ('<f4') or float64 ('<f8')")
        }
        guard header.contains("'fortran_order': False") else {
            throw DatasetError(file: path, field: "fortran_order", kind: .unknownFormat, message: "expected a C-order array (fortran_order False)")
        }
        guard let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")") else {
            throw DatasetError(file: path, field: "shape", kind: .malformedLine, message: "no shape in the header")
        }
        let dims = header[open.upperBound..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.compactMap { Int($0) }
        guard dims.count == 2, dims[0] > 0, dims[1] > 0 else {
            throw DatasetError(file: path, field: "shape", kind: .outOfRange, message: "expected a two-dimensional shape (N, d), found (\(header[open.upperBound..<close]))")
        }
        let (rows, columns) = (dims[0], dims[1])
        let size = descr == "<f4" ? 4 : 8
        let start = headerStart + headerLength
        let (needed, overflow) = rows.multipliedReportingOverflow(by: columns * size)
        guard !overflow, bytes.count - start == needed else {
            throw DatasetError(file: path, field: "shape", kind: .wrongFieldCount,
                               message: "shape (\(rows), \(columns)) needs \(rows &* columns &* size) data bytes, the file has \(bytes.count - start)")
        }
        var vectors: [[Float]] = []
        vectors.reserveCapacity(rows)
        for r in 0..<rows {
            var vector = [Float](repeating: 0, count: columns)
            for c in 0..<columns {
                let at = start + (r * columns + c) * size
                let value: Float
                if size == 4 {
                    var bits: UInt32 = 0
                    for b in 0..<4 { bits |= UInt32(bytes[at + b]) << (8 * UInt32(b)) }
                    value = Float(bitPattern: bits)
                } else {
                    var bits: UInt64 = 0
                    for b in 0..<8 { bits |= UInt64(bytes[at + b]) << (8 * UInt64(b)) }
                    value = Float(Double(bitPattern: bits))
                }
                guard value.isFinite else {
                    throw DatasetError(file: path, line: r + 1, field: "row \(r + 1)", kind: .invalidNumber, message: "element \(c + 1) is not finite")
                }
                vector[c] = value
            }
            vectors.append(vector)
        }
        return EmbeddingTable(ids: nil, vectors: vectors)
    }

    // MARK: Text helpers

    /// Shortest text that reads back as the same Float.
    static func number(_ value: Float) -> String { value == 0 ? "0" : "\(value)" }

    /// The one JSON string escaper of the package (RFC 8259 §7).
    static func jsonString(_ text: String) -> String { TraceJSONLEncoder.string(text) }
}
