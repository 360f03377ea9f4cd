import GRDB

extension SessionStore {
    /// The sequence number the next decision must carry (the number of decisions so far).
    public func nextSequence() throws(SessionError) -> Int {
        try read("read next sequence") { db in try Self.nextSequence(db) }
    }

    /// Commits one decision in its own transaction; when this returns, the decision survives a
    /// `kill -9` of the process (Docs/sessions.md §3).
    /// - Throws: `SessionError.sequenceGap` unless `decision.sequence == nextSequence()`.
    public func record(_ decision: Decision) throws(SessionError) {
        let path = self.path
        try write("record decision \(decision.sequence)") { db in
            let expected = try Self.nextSequence(db)
            guard decision.sequence == expected else {
                throw SessionError.sequenceGap(path: path, expected: expected, found: decision.sequence)
            }
            try Self.insert(decision, db)
        }
    }

    /// Commits a decision with the next sequence number and returns it.
    @discardableResult
    public func record(
        streamPosition: Int, user: String, item: String, accepted: Bool, side: String = "both"
    ) throws(SessionError) -> Decision {
        try write("record decision") { db in
            let decision = Decision(
                streamPosition: streamPosition, user: user, item: item, accepted: accepted,
                sequence: try Self.nextSequence(db), side: side)
            try Self.insert(decision, db)
            return decision
        }
    }

    /// Every decision, ordered by sequence. O(n).
    public func decisions() throws(SessionError) -> [Decision] {
        try read("read decisions") { db in try Self.fetchDecisions(db) }
    }

    /// Every decision of `db`, ordered by sequence (also read-only, `readContents(at:)`).
    static func fetchDecisions(_ db: Database) throws -> [Decision] {
        // `*`: a file not migrated to v2 yet (read-only inspection) has no side column.
        try Row.fetchAll(db, sql: "SELECT * FROM decision ORDER BY sequence").map { row in
            Decision(
                streamPosition: row["streamPosition"], user: row["user"], item: row["item"],
                accepted: row["accepted"], sequence: row["sequence"], side: row["side"] ?? "both")
        }
    }

    static func nextSequence(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence) + 1, 0) FROM decision") ?? 0
    }

    private static func insert(_ decision: Decision, _ db: Database) throws {
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
}
