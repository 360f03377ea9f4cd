import Foundation
import GRDB

/// What a session was started on, and where it was last left (Docs/sessions.md §2).
public struct SessionHeader: Sendable, Hashable {
    /// SHA-256 of the dataset, lower-case hex.
    public var fingerprint: String
    /// Dataset name or locator (e.g. `ml-100k` or a path), for messages and `inspect`.
    public var datasetName: String
    /// The configuration, a JSON text blob exactly as the caller supplied it at creation.
    public var config: String
    /// Stream position recorded by the last `updateLastState`, if any.
    public var lastPosition: Int?
    /// State hash recorded by the last `updateLastState`, if any.
    public var lastStateHash: String?

    public init(
        fingerprint: String, datasetName: String, config: String,
        lastPosition: Int? = nil, lastStateHash: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.datasetName = datasetName
        self.config = config
        self.lastPosition = lastPosition
        self.lastStateHash = lastStateHash
    }
}

/// The one row (`id` = 1) of the `session` table (migration v1).
extension SessionHeader: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"

    /// The table's columns, named once.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, fingerprint, datasetName, config, lastPosition, lastStateHash
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let fingerprint = Column(CodingKeys.fingerprint)
        public static let datasetName = Column(CodingKeys.datasetName)
        public static let config = Column(CodingKeys.config)
        public static let lastPosition = Column(CodingKeys.lastPosition)
        public static let lastStateHash = Column(CodingKeys.lastStateHash)
    }

    /// The only `id` the table allows (`CHECK (id = 1)`).
    static let onlyRowID = 1

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            fingerprint: try container.decode(String.self, forKey: .fingerprint),
            datasetName: try container.decode(String.self, forKey: .datasetName),
            config: try container.decode(String.self, forKey: .config),
            lastPosition: try container.decodeIfPresent(Int.self, forKey: .lastPosition),
            lastStateHash: try container.decodeIfPresent(String.self, forKey: .lastStateHash))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.onlyRowID, forKey: .id)
        try container.encode(fingerprint, forKey: .fingerprint)
        try container.encode(datasetName, forKey: .datasetName)
        try container.encode(config, forKey: .config)
        try container.encodeIfPresent(lastPosition, forKey: .lastPosition)
        try container.encodeIfPresent(lastStateHash, forKey: .lastStateHash)
    }

    /// Reads the header row, if the session table has one.
    static func fetch(_ db: Database) throws -> SessionHeader? {
        try SessionHeader.filter(Columns.id == onlyRowID).fetchOne(db)
    }
}

/// A named place in the stream the user asked to come back to.
public struct Bookmark: Sendable, Hashable {
    /// Stream position bookmarked.
    public var position: Int
    /// Free text the user typed.
    public var label: String
    /// Number of decisions recorded when the bookmark was made, so a bookmark can be placed
    /// in the decision history as well as in the stream.
    public var createdSequence: Int
    /// What the screen showed when it was made (nil in bookmarks from before migration v4).
    public var view: BookmarkView?

    public init(position: Int, label: String, createdSequence: Int, view: BookmarkView? = nil) {
        self.position = position
        self.label = label
        self.createdSequence = createdSequence
        self.view = view
    }
}

/// A row of the `bookmark` table (migration v1; the view's columns `user`, `speed`, `truth`
/// from v4). The table's `id` (AUTOINCREMENT) only orders the bookmarks, so it is not a field.
extension Bookmark: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "bookmark"

    /// The table's columns but `id`, named once. The view is stored flat: `user` (the focused
    /// user's id), `speed` (events per second, 0 = full speed), `truth` (0/1), all NULL
    /// without a view.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case position, label, createdSequence, user, speed, truth
    }

    public enum Columns {
        /// The order the bookmarks were made in.
        public static let id = Column("id")
        public static let position = Column(CodingKeys.position)
        public static let label = Column(CodingKeys.label)
        public static let createdSequence = Column(CodingKeys.createdSequence)
        public static let user = Column(CodingKeys.user)
        public static let speed = Column(CodingKeys.speed)
        public static let truth = Column(CodingKeys.truth)
    }

    /// A bookmark made before v4 (NULL view columns), or read from a file not migrated to v4
    /// yet (no view columns), has no view; a missing speed reads as full speed and a missing
    /// overlay as off, as they always have.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let view = try container.decodeIfPresent(String.self, forKey: .user).map { user in
            BookmarkView(
                user: user,
                eventsPerSecond: try container.decodeIfPresent(Int.self, forKey: .speed) ?? 0,
                showsTruth: try container.decodeIfPresent(Int.self, forKey: .truth) == 1)
        }
        self.init(
            position: try container.decode(Int.self, forKey: .position),
            label: try container.decode(String.self, forKey: .label),
            createdSequence: try container.decode(Int.self, forKey: .createdSequence),
            view: view)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(position, forKey: .position)
        try container.encode(label, forKey: .label)
        try container.encode(createdSequence, forKey: .createdSequence)
        try container.encodeIfPresent(view?.user, forKey: .user)
        try container.encodeIfPresent(view?.eventsPerSecond, forKey: .speed)
        try container.encodeIfPresent(view.map { $0.showsTruth ? 1 : 0 }, forKey: .truth)
    }
}

/// The explorer's view kept with a bookmark: picking the bookmark restores it.
public struct BookmarkView: Sendable, Hashable {
    /// The focused user's id.
    public var user: String
    /// Playback speed in events per second; 0 is full speed.
    public var eventsPerSecond: Int
    /// Whether the ground-truth overlay (`t`) was on.
    public var showsTruth: Bool

    public init(user: String, eventsPerSecond: Int, showsTruth: Bool) {
        self.user = user
        self.eventsPerSecond = eventsPerSecond
        self.showsTruth = showsTruth
    }
}

/// A read-only summary of a session file, for `strata` to print (see `SessionStore.inspect`).
public struct SessionSummary: Sendable, Hashable {
    /// The session file.
    public var path: String
    /// Header: fingerprint, dataset, config and last state.
    public var header: SessionHeader
    /// Number of recorded decisions.
    public var decisionCount: Int
    /// Number of accepted decisions among them.
    public var acceptedCount: Int
    /// Number of bookmarks.
    public var bookmarkCount: Int
    /// Identifiers of the schema migrations applied, oldest first.
    public var migrations: [String]
}
