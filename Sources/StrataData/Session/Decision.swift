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
}
