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
            try decision.insert(db)
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
            try decision.insert(db)
            return decision
        }
    }

    /// Every decision, ordered by sequence. O(n).
    public func decisions() throws(SessionError) -> [Decision] {
        try read("read decisions") { db in try Self.fetchDecisions(db) }
    }

    /// Every decision of `db`, ordered by sequence (also read-only, `readContents(at:)`).
    /// `SELECT *`: a file not migrated to v2 yet has no `side` column (`Decision(from:)`).
    static func fetchDecisions(_ db: Database) throws -> [Decision] {
        try Decision.order(Decision.Columns.sequence).fetchAll(db)
    }

    static func nextSequence(_ db: Database) throws -> Int {
        let last = try Decision.select(max(Decision.Columns.sequence), as: Int.self).fetchOne(db)
        return last.map { $0 + 1 } ?? 0
    }
}
