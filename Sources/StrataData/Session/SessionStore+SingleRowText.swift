import Foundation
import GRDB

/// A one-row table holding one JSON text (`comparison.spec`, `item_vectors.record`): what a
/// session was made with, written once at creation and read back on every reopen.
struct SingleRowText: Sendable {
    let table: String
    let column: String

    static let comparison = SingleRowText(table: "comparison", column: "spec")
    static let itemVectors = SingleRowText(table: "item_vectors", column: "record")

    /// nil when the row, or the table (a file from before its migration), is missing.
    func read(_ db: Database) throws -> String? {
        guard try db.tableExists(table) else { return nil }
        return try String.fetchOne(db, sql: "SELECT \(column) FROM \(table) WHERE id = 1")
    }

    func write(_ text: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO \(table) (id, \(column)) VALUES (1, ?)", arguments: [text])
    }
}

extension SessionStore {
    func text(_ row: SingleRowText) throws(SessionError) -> String? {
        try read("read \(row.table)") { db in try row.read(db) }
    }

    func record(_ text: String, in row: SingleRowText) throws(SessionError) {
        try write("record \(row.table)") { db in try row.write(text, db) }
    }

    /// The same, read without writing and without keeping the lock (a reopen is checked before
    /// the file is opened for writing; `export`/`plot` never write): nil for a missing file.
    static func storedText(_ row: SingleRowText, at path: String) throws(SessionError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let lock = try? SessionLock.acquire(for: path)
        defer { lock?.release() }
        guard case .session = try SessionFileCheck.examine(path, holdsLock: lock != nil) else { return nil }
        return try SessionFileCheck.readOnly(path, holdsLock: lock != nil) { db throws(SessionError) in
            do { return try row.read(db) } catch { throw .damaged(path: path, reason: SessionFileCheck.reason(error)) }
        }
    }
}
