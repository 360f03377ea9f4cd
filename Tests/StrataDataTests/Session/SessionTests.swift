import Foundation
import GRDB
import Testing
@testable import StrataData

private let fingerprint = String(repeating: "ab", count: 32)
private let otherFingerprint = String(repeating: "cd", count: 32)
private let config = #"{"learningRate":0.05,"tiers":["short","medium","long"]}"#

private func openStore(_ path: String, fingerprint: String = fingerprint) throws -> SessionStore {
    try SessionStore.open(at: path, fingerprint: fingerprint, datasetName: "ml-100k", config: config)
}

@Suite("SessionTests")
struct SessionTests {
    @Test("create, record, reopen: everything comes back")
    func roundTrip() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("demo.strata")
        let recorded = [
            Decision(streamPosition: 3, user: "u1", item: "i9", accepted: true, sequence: 0),
            Decision(streamPosition: 3, user: "u1", item: "i4", accepted: false, sequence: 1),
            Decision(streamPosition: 17, user: "u2", item: "é,\"x\"", accepted: true, sequence: 2),
        ]
        do {
            let store = try openStore(path)
            #expect(store.isNew)
            for decision in recorded { try store.record(decision) }
            let fourth = try store.record(streamPosition: 20, user: "u2", item: "i1", accepted: false)
            #expect(fourth.sequence == 3)
            try store.addBookmark(position: 10, label: "drift starts")
            try store.addBookmark(position: 12, label: "ada's view",
                                  view: BookmarkView(user: "ada", eventsPerSecond: 100, showsTruth: true))
            try store.updateLastState(position: 21, stateHash: "final")
            try store.close()
        }
        let store = try openStore(path)
        defer { try? store.close() }
        #expect(!store.isNew)
        #expect(store.header == SessionHeader(
            fingerprint: fingerprint, datasetName: "ml-100k", config: config,
            lastPosition: 21, lastStateHash: "final"))
        #expect(try store.decisions() == recorded + [
            Decision(streamPosition: 20, user: "u2", item: "i1", accepted: false, sequence: 3)
        ])
        #expect(try store.bookmarks() == [
            Bookmark(position: 10, label: "drift starts", createdSequence: 4),
            Bookmark(position: 12, label: "ada's view", createdSequence: 4,
                     view: BookmarkView(user: "ada", eventsPerSecond: 100, showsTruth: true)),
        ])
        #expect(try store.nextSequence() == 4)
    }

    @Test("a reopened session keeps the config it was created with")
    func reopenKeepsConfig() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        try openStore(path).close()
        let store = try SessionStore.open(at: path, fingerprint: fingerprint, datasetName: "ml-100k", config: "{}")
        defer { try? store.close() }
        #expect(store.header.config == config)
    }

    @Test("reopening on another dataset is refused and leaves the file untouched")
    func fingerprintMismatch() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        try openStore(path).close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: SessionError.self) { try openStore(path, fingerprint: otherFingerprint) }
        #expect(error == .fingerprintMismatch(path: path, expected: otherFingerprint, found: fingerprint))
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("another dataset") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let listing = try directory.listing()
        #expect(listing == ["s.strata"])
    }

    @Test("a second open of a session in the same process is refused until the first closes")
    func inUseInSameProcess() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        let first = try openStore(path)
        let error = #expect(throws: SessionError.self) { try openStore(path) }
        #expect(error == .inUse(path: path, pid: getpid()))
        #expect(error?.description == "session file \(path) is already open in this process (pid \(getpid()))")
        try first.record(streamPosition: 0, user: "u", item: "i", accepted: true)
        try first.close()
        let second = try openStore(path)
        #expect(try second.decisions().count == 1)
        try second.close()
        #expect(try directory.listing() == ["s.strata"])
    }

    @Test("the in-use message names another process's pid")
    func inUseMessage() {
        let error = SessionError.inUse(path: "/tmp/x.strata", pid: 999_999)
        #expect(error.description == "session file /tmp/x.strata is in use by another process (pid 999999)")
    }

    @Test("a file of garbage is reported damaged and not changed by a single byte")
    func garbageFile() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        var generator = SeededBytes(seed: 7)
        let garbage = Data((0..<8192).map { _ in generator.next() })
        try garbage.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SessionError.self) { try openStore(path) }
        guard case .damaged(let reportedPath, _) = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(reportedPath == path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        #expect(try directory.listing() == ["s.strata"])
        #expect(throws: SessionError.self) { try SessionStore.inspect(path) }
    }

    @Test("a file shorter than an SQLite header is reported damaged")
    func shortFile() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        try Data("SQLite".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SessionError.self) { try openStore(path) }
        #expect(error == .damaged(path: path, reason: "6 bytes, shorter than an SQLite header"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("SQLite".utf8))
    }

    @Test("a session with corrupted pages is reported damaged and left untouched")
    func corruptedPages() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        do {
            let store = try openStore(path)
            for index in 0..<200 {
                try store.record(streamPosition: index, user: "user-\(index)", item: "item-\(index)", accepted: true)
            }
            try store.close()
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 4096 * 3)
        // Keep page 1 (header and schema), smash the rest.
        var generator = SeededBytes(seed: 11)
        for index in 4096..<bytes.count { bytes[index] = generator.next() }
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SessionError.self) { try openStore(path) }
        guard case .damaged = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try directory.listing() == ["s.strata"])
    }

    @Test("an SQLite file of another program is not turned into a session")
    func foreignDatabase() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE accounts (id INTEGER PRIMARY KEY)") }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: SessionError.self) { try openStore(path) }
        guard case .notASession(let reportedPath, _) = error else {
            Issue.record("expected .notASession, got \(String(describing: error))")
            return
        }
        #expect(reportedPath == path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try directory.listing() == ["other.sqlite"])
    }

    @Test("an empty file is refused and left as it was, not silently made a new session")
    func emptyFile() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let error = #expect(throws: SessionError.self) { try openStore(path) }
        #expect(error == .damaged(path: path, reason: "it is empty (0 bytes); delete it to start a new session"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
        #expect(try directory.listing() == ["s.strata"])
    }

    @Test("decisions must arrive in sequence")
    func sequenceGap() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        let store = try openStore(path)
        defer { try? store.close() }
        let error = #expect(throws: SessionError.self) {
            try store.record(Decision(streamPosition: 0, user: "u", item: "i", accepted: true, sequence: 5))
        }
        #expect(error == .sequenceGap(path: path, expected: 0, found: 5))
        #expect(try store.decisions().isEmpty)
    }

    @Test("a closed store refuses work with a clear error")
    func useAfterClose() throws {
        let directory = try ScratchDirectory()
        let store = try openStore(directory.file("s.strata"))
        try store.close()
        try store.close()
        let error = #expect(throws: SessionError.self) {
            try store.record(streamPosition: 0, user: "u", item: "i", accepted: true)
        }
        guard case .database(let path, _, _) = error else {
            Issue.record("expected .database, got \(String(describing: error))")
            return
        }
        #expect(path == directory.file("s.strata"))
    }

    @Test("inspect summarises a session, even while it is open")
    func inspect() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        let store = try openStore(path)
        defer { try? store.close() }
        try store.record(streamPosition: 1, user: "u", item: "a", accepted: true)
        try store.record(streamPosition: 2, user: "u", item: "b", accepted: false)
        try store.addBookmark(position: 2, label: "here")
        try store.updateLastState(position: 2, stateHash: "h")
        let summary = try SessionStore.inspect(path)
        #expect(summary.header.fingerprint == fingerprint)
        #expect(summary.header.lastPosition == 2)
        #expect(summary.decisionCount == 2)
        #expect(summary.acceptedCount == 1)
        #expect(summary.bookmarkCount == 1)
        #expect(summary.migrations == SessionSchema.knownMigrations)
        #expect(throws: SessionError.notFound(path: directory.file("none"))) {
            try SessionStore.inspect(directory.file("none"))
        }
        try store.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try SessionStore.inspect(path).decisionCount == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try directory.listing() == ["s.strata"])
    }

    @Test("every error message is one line naming the file", arguments: [
        SessionError.fingerprintMismatch(path: "/d/s.strata", expected: "a", found: "b"),
        .inUse(path: "/d/s.strata", pid: 42), .inUse(path: "/d/s.strata", pid: nil),
        .damaged(path: "/d/s.strata", reason: "file is not a database"),
        .notASession(path: "/d/s.strata", reason: "no session table"),
        .newerFormat(path: "/d/s.strata", unknownMigrations: ["v9"]), .notFound(path: "/d/s.strata"),
        .sequenceGap(path: "/d/s.strata", expected: 1, found: 3),
        .lockFailed(path: "/d/s.strata", reason: "Permission denied"),
        .database(path: "/d/s.strata", operation: "record", reason: "disk I/O error"),
    ])
    func messages(_ error: SessionError) {
        #expect(error.description.contains("/d/s.strata"))
        #expect(!error.description.contains("\n"))
    }
}

/// Deterministic bytes for garbage fixtures (SplitMix64).
struct SeededBytes {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt8 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return UInt8(truncatingIfNeeded: z ^ (z >> 31))
    }
}
