import Foundation

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
