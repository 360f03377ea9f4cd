import Foundation
import GRDB
import Testing
@testable import StrataData

/// `SessionStore.readContents(at:)`: what `export --session` and `plot --session` replay,
/// read without writing to the file (issue 12 item 5).
@Suite("Session read only")
struct SessionReadOnlyTests {
    static let fingerprint = String(repeating: "ab", count: 32)

    func session(in directory: ScratchDirectory) throws -> (path: String, store: SessionStore) {
        let path = directory.file("s.strata")
        let store = try SessionStore.open(at: path, fingerprint: Self.fingerprint, datasetName: "ml-100k", config: #"{"seed":7}"#)
        try store.record(streamPosition: 5, user: "196", item: "242", accepted: true)
        try store.record(streamPosition: 9, user: "186", item: "302", accepted: false)
        try store.updateLastState(position: 9, stateHash: "h")
        return (path, store)
    }

    @Test("the header and every decision, in order, also while the explorer holds the session")
    func readsWhileOpen() throws {
        let directory = try ScratchDirectory()
        let (path, store) = try session(in: directory)
        defer { try? store.close() }
        let contents = try SessionStore.readContents(at: path)
        #expect(contents.path == path)
        #expect(contents.header.fingerprint == Self.fingerprint)
        #expect(contents.header.config == #"{"seed":7}"#)
        #expect(contents.header.lastPosition == 9)
        #expect(contents.decisions == [
            Decision(streamPosition: 5, user: "196", item: "242", accepted: true, sequence: 0),
            Decision(streamPosition: 9, user: "186", item: "302", accepted: false, sequence: 1),
        ])
        // The writer goes on afterwards: reading took nothing from it.
        try store.record(streamPosition: 12, user: "196", item: "1", accepted: true)
        #expect(try SessionStore.readContents(at: path).decisions.count == 3)
    }

    @Test("a closed session is left byte for byte, with no companion or lock file")
    func leavesTheFileAsItWas() throws {
        let directory = try ScratchDirectory()
        let (path, store) = try session(in: directory)
        try store.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let listing = try directory.listing()
        #expect(try SessionStore.readContents(at: path).decisions.count == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try directory.listing() == listing)
        // A session its owner made read-only can still be read.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        #expect(try SessionStore.readContents(at: path).decisions.count == 2)
    }

    @Test("missing, damaged, foreign and blank files are refused naming the file; nothing is created")
    func refusals() throws {
        let directory = try ScratchDirectory()
        let missing = directory.file("missing.strata")
        #expect(throws: SessionError.notFound(path: missing)) { try SessionStore.readContents(at: missing) }
        #expect(try directory.listing().isEmpty)

        let text = directory.file("notes.strata")
        try Data(repeating: UInt8(ascii: "x"), count: 200).write(to: URL(fileURLWithPath: text))
        let damaged = #expect(throws: SessionError.self) { try SessionStore.readContents(at: text) }
        #expect(damaged == .damaged(path: text, reason: "not an SQLite database (bad header)"))

        let foreign = directory.file("other.sqlite")
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { db in try db.execute(sql: "CREATE TABLE accounts (id INTEGER PRIMARY KEY)") }
        try queue.close()
        let notSession = #expect(throws: SessionError.self) { try SessionStore.readContents(at: foreign) }
        guard case .notASession(let reported, _) = notSession else {
            Issue.record("expected .notASession, got \(String(describing: notSession))")
            return
        }
        #expect(reported == foreign)

        let blank = directory.file("blank.sqlite")
        // An SQLite database without tables (a header, no schema).
        let empty = try DatabaseQueue(path: blank)
        try empty.write { db in try db.execute(sql: "PRAGMA user_version = 1") }
        try empty.close()
        #expect(throws: SessionError.notASession(path: blank, reason: "it is empty")) { try SessionStore.readContents(at: blank) }
        #expect(try directory.listing() == ["blank.sqlite", "notes.strata", "other.sqlite"])
    }
}
