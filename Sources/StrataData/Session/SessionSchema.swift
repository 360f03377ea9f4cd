import GRDB

/// The session file's schema, as named migrations (Docs/sessions.md §2).
///
/// Migrations are append-only: a released migration is never edited, a change is a new one.
enum SessionSchema {
    /// The single-row table holding the session header.
    static let sessionTable = "session"

    /// Identifiers of every migration this build knows, oldest first.
    static var knownMigrations: [String] { migrator.migrations }

    /// The migrator that creates or upgrades a session file.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: session, decision, bookmark, snapshot") { db in
            // One row (id = 1): what the session was started on, and where it was left.
            try db.execute(sql: """
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
                """)
        }
        migrator.registerMigration("v2: decision side, comparison") { db in
            // An A/B session (`explore --compare`): which model each decision reached, and what
            // model B was (one row, JSON), so reopening replays the same pair.
            try db.execute(sql: """
                ALTER TABLE decision ADD COLUMN side TEXT NOT NULL DEFAULT 'both' CHECK (side IN ('both', 'a', 'b'));
                CREATE TABLE comparison (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    spec TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v3: item vectors") { db in
            // Which item vectors the session's model used (`--embeddings`, `--embed`, a taxonomy
            // from them), as JSON: reopening without them would replay another model.
            try db.execute(sql: """
                CREATE TABLE item_vectors (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    record TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v4: bookmark view") { db in
            // What the screen showed when a bookmark was made (issue 13): the focused user, the
            // playback speed (events per second, 0 = full speed) and the ground-truth overlay, so
            // picking the bookmark brings the whole view back. NULL in bookmarks made before.
            try db.execute(sql: """
                ALTER TABLE bookmark ADD COLUMN user TEXT;
                ALTER TABLE bookmark ADD COLUMN speed INTEGER CHECK (speed IS NULL OR speed >= 0);
                ALTER TABLE bookmark ADD COLUMN truth INTEGER CHECK (truth IS NULL OR truth IN (0, 1));
                """)
        }
        return migrator
    }()
}
