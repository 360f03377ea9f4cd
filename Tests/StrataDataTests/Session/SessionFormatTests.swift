import Foundation
import GRDB
import Testing
@testable import StrataData

/// Session files as the shipped releases made them: the SQL of migrations v1–v4 and of the
/// hand-written statements that filled them, copied here exactly as they shipped. The records
/// must read these files, and a new session must have exactly their schema.
enum ShippedSessionFormat {
    static let identifiers = [
        "v1: session, decision, bookmark, snapshot", "v2: decision side, comparison",
        "v3: item vectors", "v4: bookmark view",
    ]

    static let migrations = [
        """
        CREATE TABLE session (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            fingerprint TEXT NOT NULL,
            datasetName TEXT NOT NULL,
            config TEXT NOT NULL,
            lastPosition INTEGER,
            lastStateHash TEXT
        );
        CREATE TABLE decision (
            sequence INTEGER PRIMARY KEY CHECK (sequence >= 0),
            streamPosition INTEGER NOT NULL CHECK (streamPosition >= 0),
            user TEXT NOT NULL,
            item TEXT NOT NULL,
            accepted INTEGER NOT NULL CHECK (accepted IN (0, 1))
        );
        CREATE TABLE bookmark (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            position INTEGER NOT NULL CHECK (position >= 0),
            label TEXT NOT NULL,
            createdSequence INTEGER NOT NULL
        );
        CREATE TABLE snapshot (
            position INTEGER PRIMARY KEY CHECK (position >= 0),
            stateHash TEXT NOT NULL,
            blob BLOB NOT NULL
        );
        """,
        """
        ALTER TABLE decision ADD COLUMN side TEXT NOT NULL DEFAULT 'both' CHECK (side IN ('both', 'a', 'b'));
        CREATE TABLE comparison (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            spec TEXT NOT NULL
        );
        """,
        """
        CREATE TABLE item_vectors (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            record TEXT NOT NULL
        );
        """,
        """
        ALTER TABLE bookmark ADD COLUMN user TEXT;
        ALTER TABLE bookmark ADD COLUMN speed INTEGER CHECK (speed IS NULL OR speed >= 0);
        ALTER TABLE bookmark ADD COLUMN truth INTEGER CHECK (truth IS NULL OR truth IN (0, 1));
        """,
    ]

    /// A session file made by hand through the first `migrationCount` migrations, in WAL mode
    /// as Strata makes them, with the header row the old `open` inserted.
    static func make(at path: String, migrationCount: Int, fingerprint: String, config: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.journalMode = .wal
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for index in 0..<migrationCount {
                try db.execute(sql: migrations[index])
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifiers[index]])
            }
            try db.execute(
                sql: "INSERT INTO session (id, fingerprint, datasetName, config) VALUES (1, ?, ?, ?)",
                arguments: [fingerprint, "ml-100k", config])
        }
        return queue
    }

    /// The old `record`, before v2 (no side) and from v2 on.
    static func insertV1(_ decision: Decision, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO decision (sequence, streamPosition, user, item, accepted) VALUES (?, ?, ?, ?, ?)",
            arguments: [decision.sequence, decision.streamPosition, decision.user, decision.item, decision.accepted])
    }

    static func insertV2(_ decision: Decision, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO decision (sequence, streamPosition, user, item, accepted, side)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                decision.sequence, decision.streamPosition, decision.user, decision.item,
                decision.accepted, decision.side,
            ])
    }

    /// The old `addBookmark`, before v4 (no view) and from v4 on.
    static func insertV1(_ bookmark: Bookmark, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO bookmark (position, label, createdSequence) VALUES (?, ?, ?)",
            arguments: [bookmark.position, bookmark.label, bookmark.createdSequence])
    }

    static func insertV4(_ bookmark: Bookmark, _ db: Database) throws {
        let view = bookmark.view
        try db.execute(
            sql: "INSERT INTO bookmark (position, label, createdSequence, user, speed, truth) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [bookmark.position, bookmark.label, bookmark.createdSequence,
                        view?.user, view?.eventsPerSecond, view.map { $0.showsTruth ? 1 : 0 }])
    }

    /// The old `updateLastState`.
    static func updateLastState(position: Int, stateHash: String, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE session SET lastPosition = ?, lastStateHash = ? WHERE id = 1",
            arguments: [position, stateHash])
    }

    /// Every object of the file's schema: type, name, table and its SQL as SQLite keeps it.
    static func schema(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT type || ' ' || name || ' ' || tbl_name || ': ' || IFNULL(sql, '')
            FROM sqlite_master ORDER BY type, name
            """)
    }
}

/// Field by field, so a failure names the field that did not come back.
func expectSameFields(_ found: [Decision], _ expected: [Decision], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(found.count == expected.count, sourceLocation: sourceLocation)
    for (found, expected) in zip(found, expected) {
        #expect(found.sequence == expected.sequence, sourceLocation: sourceLocation)
        #expect(found.streamPosition == expected.streamPosition, sourceLocation: sourceLocation)
        #expect(found.user == expected.user, sourceLocation: sourceLocation)
        #expect(found.item == expected.item, sourceLocation: sourceLocation)
        #expect(found.accepted == expected.accepted, sourceLocation: sourceLocation)
        #expect(found.side == expected.side, sourceLocation: sourceLocation)
    }
}

func expectSameFields(_ found: [Bookmark], _ expected: [Bookmark], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(found.count == expected.count, sourceLocation: sourceLocation)
    for (found, expected) in zip(found, expected) {
        #expect(found.position == expected.position, sourceLocation: sourceLocation)
        #expect(found.label == expected.label, sourceLocation: sourceLocation)
        #expect(found.createdSequence == expected.createdSequence, sourceLocation: sourceLocation)
        #expect(found.view?.user == expected.view?.user, sourceLocation: sourceLocation)
        #expect(found.view?.eventsPerSecond == expected.view?.eventsPerSecond, sourceLocation: sourceLocation)
        #expect(found.view?.showsTruth == expected.view?.showsTruth, sourceLocation: sourceLocation)
    }
}

/// The session file format: what a new session's file holds, and that files made by the
/// shipped releases' SQL are read as they were written (issue 11, item 5).
@Suite("Session format")
struct SessionFormatTests {
    static let fingerprint = String(repeating: "ab", count: 32)
    static let config = #"{"seed":7}"#

    static let decisions = [
        Decision(streamPosition: 0, user: "196", item: "242", accepted: true, sequence: 0),
        Decision(streamPosition: 0, user: "196", item: "302", accepted: false, sequence: 1, side: "a"),
        Decision(streamPosition: 41, user: "é,\"x\"\n", item: "🎬 'quoted'", accepted: true, sequence: 2, side: "b"),
        Decision(streamPosition: 9_000_000_000, user: "", item: "i", accepted: false, sequence: 3),
    ]

    static let bookmarks = [
        Bookmark(position: 0, label: "start", createdSequence: 0),
        Bookmark(position: 41, label: "ada's view, truth on", createdSequence: 3,
                 view: BookmarkView(user: "ada", eventsPerSecond: 100, showsTruth: true)),
        Bookmark(position: 41, label: "", createdSequence: 3,
                 view: BookmarkView(user: "é", eventsPerSecond: 0, showsTruth: false)),
        Bookmark(position: 50, label: "no view again", createdSequence: 4),
    ]

    func open(_ path: String) throws -> SessionStore {
        try SessionStore.open(at: path, fingerprint: Self.fingerprint, datasetName: "ml-100k", config: Self.config)
    }

    /// A session at `path` holding `decisions` and `bookmarks`, written through the store (each
    /// bookmark made after the four decisions).
    func writeFixture(at path: String) throws {
        let store = try open(path)
        for decision in Self.decisions { try store.record(decision) }
        for bookmark in Self.bookmarks {
            let made = try store.addBookmark(position: bookmark.position, label: bookmark.label, view: bookmark.view)
            #expect(made.createdSequence == 4)
        }
        try store.close()
    }

    @Test("decisions and bookmarks make a round trip through a real file, field by field")
    func roundTrip() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        try writeFixture(at: path)
        do {
            let store = try open(path)
            try store.updateLastState(position: 50, stateHash: "h50")
            try store.close()
        }
        let store = try open(path)
        defer { try? store.close() }
        expectSameFields(try store.decisions(), Self.decisions)
        let stamped = Self.bookmarks.map { Bookmark(position: $0.position, label: $0.label, createdSequence: 4, view: $0.view) }
        expectSameFields(try store.bookmarks(), stamped)
        #expect(store.header == SessionHeader(
            fingerprint: Self.fingerprint, datasetName: "ml-100k", config: Self.config,
            lastPosition: 50, lastStateHash: "h50"))
        expectSameFields(try SessionStore.readContents(at: path).decisions, Self.decisions)
        let summary = try SessionStore.inspect(path)
        #expect(summary.decisionCount == 4)
        #expect(summary.acceptedCount == 2)
        #expect(summary.bookmarkCount == 4)
    }

    @Test("what a session stores is what the hand-written SQL stored: 0/1 integers, NULL without a view")
    func storedValues() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        try writeFixture(at: path)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.read { db in
            let decisions = try String.fetchAll(db, sql: """
                SELECT sequence || '|' || typeof(streamPosition) || ' ' || streamPosition || '|' || user || '|' || item
                    || '|' || typeof(accepted) || ' ' || accepted || '|' || side
                FROM decision ORDER BY sequence
                """)
            #expect(decisions == [
                "0|integer 0|196|242|integer 1|both", "1|integer 0|196|302|integer 0|a",
                "2|integer 41|é,\"x\"\n|🎬 'quoted'|integer 1|b", "3|integer 9000000000||i|integer 0|both",
            ])
            let bookmarks = try String.fetchAll(db, sql: """
                SELECT id || '|' || position || '|' || label || '|' || createdSequence || '|' || typeof(user) || ' '
                    || IFNULL(user, '') || '|' || typeof(speed) || ' ' || IFNULL(speed, '') || '|' || typeof(truth) || ' '
                    || IFNULL(truth, '')
                FROM bookmark ORDER BY id
                """)
            #expect(bookmarks == [
                "1|0|start|4|null |null |null ", "2|41|ada's view, truth on|4|text ada|integer 100|integer 1",
                "3|41||4|text é|integer 0|integer 0", "4|50|no view again|4|null |null |null ",
            ])
            let header = try String.fetchAll(db, sql: """
                SELECT id || '|' || fingerprint || '|' || datasetName || '|' || config || '|' || typeof(lastPosition)
                    || '|' || typeof(lastStateHash) FROM session
                """)
            #expect(header == ["1|\(Self.fingerprint)|ml-100k|\(Self.config)|null|null"])
        }
    }

    @Test("a new session has exactly the schema the shipped migrations made")
    func schema() throws {
        let directory = try ScratchDirectory()
        try open(directory.file("new.strata")).close()
        let shipped = try ShippedSessionFormat.make(
            at: directory.file("shipped.strata"), migrationCount: 4, fingerprint: Self.fingerprint, config: Self.config)
        let expected = try shipped.read(ShippedSessionFormat.schema)
        try shipped.close()
        let made = try DatabaseQueue(path: directory.file("new.strata"))
        defer { try? made.close() }
        let found = try made.read(ShippedSessionFormat.schema)
        #expect(found == expected)
        // session, decision, bookmark, snapshot, comparison, item_vectors, grdb_migrations and its
        // primary key's index, sqlite_sequence (bookmark's AUTOINCREMENT): nothing more.
        #expect(found.count == 9)
        #expect(try made.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }.sorted()
            == ShippedSessionFormat.identifiers.sorted())
    }

    @Test("each record names exactly the columns of its table, as the migrations make it")
    func recordsNameTheirColumns() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("s.strata")
        try open(path).close()
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let columns = try queue.read { db in
            try [Decision.databaseTableName, Bookmark.databaseTableName, SessionHeader.databaseTableName]
                .map { table in try db.columns(in: table).map(\.name) }
        }
        #expect(columns[0] == ["sequence", "streamPosition", "user", "item", "accepted", "side"])
        #expect(columns[0] == Decision.CodingKeys.allCases.map(\.stringValue))
        #expect(columns[1] == [Bookmark.Columns.id.name] + Bookmark.CodingKeys.allCases.map(\.stringValue))
        #expect(columns[2] == SessionHeader.CodingKeys.allCases.map(\.stringValue))
    }

    @Test("a file of the v1 format is read as written: decisions 'both', bookmarks without a view")
    func readsVersion1() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("v1.strata")
        let old = [
            Decision(streamPosition: 3, user: "u1", item: "i9", accepted: true, sequence: 0),
            Decision(streamPosition: 7, user: "u2", item: "é", accepted: false, sequence: 1),
        ]
        let oldBookmarks = [Bookmark(position: 5, label: "drift", createdSequence: 1)]
        do {
            let queue = try ShippedSessionFormat.make(
                at: path, migrationCount: 1, fingerprint: Self.fingerprint, config: Self.config)
            try queue.write { db in
                for decision in old { try ShippedSessionFormat.insertV1(decision, db) }
                for bookmark in oldBookmarks { try ShippedSessionFormat.insertV1(bookmark, db) }
                try ShippedSessionFormat.updateLastState(position: 7, stateHash: "h7", db)
            }
            try queue.close()
        }
        // Read-only: the file has no side column yet, and is left byte for byte.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let listing = try directory.listing()
        let contents = try SessionStore.readContents(at: path)
        expectSameFields(contents.decisions, old)
        #expect(contents.header.lastPosition == 7)
        #expect(contents.header.lastStateHash == "h7")
        let summary = try SessionStore.inspect(path)
        #expect(summary.migrations == [ShippedSessionFormat.identifiers[0]])
        #expect(summary.decisionCount == 2)
        #expect(summary.acceptedCount == 1)
        #expect(summary.bookmarkCount == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try directory.listing() == listing)

        // Opened for writing, it is migrated and goes on where it was.
        let store = try open(path)
        defer { try? store.close() }
        #expect(!store.isNew)
        #expect(store.header.lastPosition == 7)
        expectSameFields(try store.decisions(), old)
        expectSameFields(try store.bookmarks(), oldBookmarks)
        #expect(try store.nextSequence() == 2)
        let gap = #expect(throws: SessionError.self) {
            try store.record(Decision(streamPosition: 8, user: "u", item: "i", accepted: true, sequence: 3))
        }
        #expect(gap == .sequenceGap(path: path, expected: 2, found: 3))
        let third = try store.record(streamPosition: 8, user: "u3", item: "i1", accepted: true, side: "a")
        try store.addBookmark(position: 8, label: "now", view: BookmarkView(user: "u3", eventsPerSecond: 5, showsTruth: true))
        expectSameFields(try store.decisions(), old + [third])
        expectSameFields(try store.bookmarks(), oldBookmarks + [
            Bookmark(position: 8, label: "now", createdSequence: 3, view: BookmarkView(user: "u3", eventsPerSecond: 5, showsTruth: true)),
        ])
        #expect(try SessionStore.inspect(path).migrations == ShippedSessionFormat.identifiers)
    }

    @Test("a file of the v4 format written by the hand-written SQL is read field by field")
    func readsVersion4() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("v4.strata")
        do {
            let queue = try ShippedSessionFormat.make(
                at: path, migrationCount: 4, fingerprint: Self.fingerprint, config: Self.config)
            try queue.write { db in
                for decision in Self.decisions { try ShippedSessionFormat.insertV2(decision, db) }
                for bookmark in Self.bookmarks { try ShippedSessionFormat.insertV4(bookmark, db) }
                try ShippedSessionFormat.updateLastState(position: 41, stateHash: "h41", db)
            }
            try queue.close()
        }
        expectSameFields(try SessionStore.readContents(at: path).decisions, Self.decisions)
        let store = try open(path)
        defer { try? store.close() }
        #expect(store.header == SessionHeader(
            fingerprint: Self.fingerprint, datasetName: "ml-100k", config: Self.config,
            lastPosition: 41, lastStateHash: "h41"))
        expectSameFields(try store.decisions(), Self.decisions)
        expectSameFields(try store.bookmarks(), Self.bookmarks)
        let gap = #expect(throws: SessionError.self) {
            try store.record(Decision(streamPosition: 50, user: "u", item: "i", accepted: true, sequence: 3))
        }
        #expect(gap == .sequenceGap(path: path, expected: 4, found: 3))
        #expect(try store.decisions().count == 4)
    }
}
