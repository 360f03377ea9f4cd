import GRDB

/// One human decision on a recommendation, as the session file keeps it (Docs/sessions.md §2).
///
/// `sequence` is the order of recording: the first decision of a session has sequence 0 and
/// each later one the next integer, so replaying decisions in sequence order reproduces the
/// order in which they reached the learner.
public struct Decision: Sendable, Hashable, Codable {
    /// Position in the replayed stream (0-based event index) at which the decision was made.
    public var streamPosition: Int
    /// External user id.
    public var user: String
    /// External item id of the recommendation decided on.
    public var item: String
    /// `true` for accept, `false` for reject.
    public var accepted: Bool
    /// Order of recording, 0-based and without gaps.
    public var sequence: Int
    /// Which model of an A/B session learnt it: `both`, `a` or `b` (Docs/sessions.md §2).
    public var side: String

    public init(streamPosition: Int, user: String, item: String, accepted: Bool, sequence: Int, side: String = "both") {
        self.side = side
        self.streamPosition = streamPosition
        self.user = user
        self.item = item
        self.accepted = accepted
        self.sequence = sequence
    }

    /// The columns of the `decision` table (migrations v1 and v2), named once: `insert` writes
    /// them, `fetchAll` reads them.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case sequence, streamPosition, user, item, accepted, side
    }

    /// A file not migrated to v2 yet (read-only inspection) has no `side` column: its
    /// decisions reached the only model there was, `both`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            streamPosition: try container.decode(Int.self, forKey: .streamPosition),
            user: try container.decode(String.self, forKey: .user),
            item: try container.decode(String.self, forKey: .item),
            accepted: try container.decode(Bool.self, forKey: .accepted),
            sequence: try container.decode(Int.self, forKey: .sequence),
            side: try container.decodeIfPresent(String.self, forKey: .side) ?? "both")
    }
}

/// A row of the `decision` table; `accepted` is stored 0/1 (GRDB writes a `Bool` as an integer).
extension Decision: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "decision"

    public enum Columns {
        public static let sequence = Column(CodingKeys.sequence)
        public static let streamPosition = Column(CodingKeys.streamPosition)
        public static let user = Column(CodingKeys.user)
        public static let item = Column(CodingKeys.item)
        public static let accepted = Column(CodingKeys.accepted)
        public static let side = Column(CodingKeys.side)
    }
}
